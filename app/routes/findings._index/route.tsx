import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { EmptyList, ListHead } from '~/components/list-page'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { FindingsTable } from '~/components/findings-list'
import { shanghaiDate } from '~/domain/dates'
import { findingListSearch, findingReadScope, findingTitle, isFindingListFiltered, parseFindingListQuery } from '~/domain/findings'
import { fill, useT } from '~/i18n/i18n'
import { findingFilterOptions, listFindings } from '~/models/findings/queries.server'
import { FindingFilters } from './filters'
import { Pagination } from '~/components/pagination'

export const meta: MetaFunction = () => [{ title: '问题整改 · 监督追踪' }]

const filterKeys = ['inspection', 'clause', 'agency', 'severity', 'state', 'overdue', 'page']

// /findings — every finding the user may read (an agency: those about itself; a deputy: those
// of their own inspections), under the filters in the URL, a page at a time.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseFindingListQuery(url.searchParams)
	// A submitted filter form sends its empty fields too: show the short, shareable URL instead.
	const own = new URLSearchParams([...url.searchParams].filter(([key]) => filterKeys.includes(key))).toString()
	if ((own ? `?${own}` : '') !== findingListSearch(query)) throw redirect(`/findings${findingListSearch(query)}`)
	const today = shanghaiDate(new Date())
	const [list, options] = await Promise.all([listFindings(db, user, query, today), findingFilterOptions(db, user)])
	return {
		query,
		search: findingListSearch({ ...query, page: 1 }),
		filtered: isFindingListFiltered(query),
		total: list.total,
		page: list.page,
		pages: list.pages,
		rows: list.rows.map((r) => ({
			id: r.id,
			title: findingTitle(r.description),
			inspectionTitle: r.inspectionTitle,
			clauseId: r.clauseId,
			clauseLabel: r.clauseLabel,
			agencyName: r.agencyName,
			severity: r.severity,
			rectificationDueOn: r.rectificationDueOn,
			rectificationState: r.rectificationState,
			overdueDays: r.overdueDays,
		})),
		options,
		role: user.role,
		// A liaison reads the findings about their own agency only.
		ownAgency: findingReadScope(user).kind === 'agency',
	}
}

export default function FindingsPage() {
	const { query, search, filtered, rows, total, page, pages, options, role, ownAgency } = useLoaderData<typeof loader>()
	const t = useT()
	const pageHref = (n: number) => `/findings${findingListSearch({ ...query, page: n })}`
	return (
		<>
			<ListHead title={t.findings.title} count={fill(t.common.total, { count: total })} csvHref={`/findings/export.csv${search}`} />
			<p className="muted small">{ownAgency ? t.findings.introAgency : t.findings.intro}</p>
			<FindingFilters key={search} query={query} options={options} />
			{rows.length === 0 ? (
				<EmptyList message={filtered ? t.findings.emptyFiltered : t.findings.empty[role]} filtered={filtered} clear={{ to: '/findings', label: t.findings.clearFilters }} />
			) : (
				<FindingsTable rows={rows} />
			)}
			<Pagination page={page} pages={pages} href={pageHref} />
		</>
	)
}
