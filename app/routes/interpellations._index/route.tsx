import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyList, ListHead } from '~/components/list-page'
import { redirectToCanonicalList } from '~/http/list-url.server'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { Pagination } from '~/components/pagination'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { interpellationListSearch, isInterpellationListFiltered, parseInterpellationListQuery } from '~/domain/interpellations'
import { fill, useT } from '~/i18n/i18n'
import { interpellationFilterOptions, listInterpellations } from '~/models/interpellations/queries.server'
import { InterpellationFilters } from './filters'

export const meta: MetaFunction = () => [{ title: '质询案 · 监督追踪' }]

const filterKeys = ['state', 'target', 'year', 'page']

// Every interpellation the reader may read (a liaison: their agency's, once referred), newest first.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseInterpellationListQuery(url.searchParams)
	redirectToCanonicalList(url, filterKeys, interpellationListSearch(query))
	const [list, options] = await Promise.all([listInterpellations(db, user, query, shanghaiDate(new Date())), interpellationFilterOptions(db, user)])
	return {
		query,
		search: interpellationListSearch({ ...query, page: 1 }),
		filtered: isInterpellationListFiltered(query),
		...list,
		rows: list.rows.map((r) => ({
			id: r.id,
			matter: r.matter,
			state: r.state,
			source: r.source,
			targetName: r.targetName,
			drafterName: r.drafterName,
			submittedOn: r.submittedOn,
			draftedOn: r.draftedOn,
			signers: r.signers,
			round: r.round,
			mode: r.mode,
			dueOn: r.dueOn,
			overdueDays: r.overdueDays,
		})),
		options,
		role: user.role,
		canDraft: can(user.role, 'interpellations:draft'),
		// The office enters interpellations signed on paper; members draft theirs here.
		entersPaper: can(user.role, 'oversight:manage'),
	}
}

export default function InterpellationsPage() {
	const { query, search, filtered, rows, total, page, pages, options, role, canDraft, entersPaper } = useLoaderData<typeof loader>()
	const t = useT()
	const newLabel = entersPaper ? t.interpellations.enterPaper : t.interpellations.draft
	return (
		<>
			<ListHead title={t.interpellations.title} count={fill(t.interpellations.count, { count: total })} csvHref={`/interpellations/export.csv${search}`} create={canDraft ? { to: '/interpellations/new', label: newLabel } : null} />
			<p className="muted small">{t.interpellations.intro}</p>
			<InterpellationFilters key={search} query={query} options={options} />
			{rows.length === 0 ? (
				<EmptyList message={filtered ? t.interpellations.empty.filtered : t.interpellations.empty[role]} filtered={filtered} clear={{ to: '/interpellations', label: t.interpellations.clearFilters }} create={canDraft ? { to: '/interpellations/new', label: newLabel } : null} />
			) : (
				<div className="table-wrap">
					<table className="interpellation-table">
						<thead>
							<tr>
								<th scope="col">{t.interpellations.matter}</th>
								<th scope="col">{t.interpellations.target}</th>
								<th scope="col">{t.interpellations.signers}</th>
								<th scope="col">{t.interpellations.submittedOn}</th>
								<th scope="col">{t.interpellations.state}</th>
								<th scope="col">{t.interpellations.answerDue}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id}>
									<td>
										<Link to={`/interpellations/${row.id}`}>{row.matter}</Link>
										<div className="muted small">{row.drafterName ? fill(t.interpellations.draftedBy, { name: row.drafterName }) : t.interpellations.sources[row.source]}</div>
									</td>
									<td>{row.targetName}</td>
									<td className="nowrap">{fill(t.interpellations.signersShort, { count: row.signers })}</td>
									<td className="nowrap">{row.submittedOn ? formatChineseDate(row.submittedOn) : '—'}</td>
									<td>
										<span className={`badge interpellation-state interpellation-state--${row.state}`}>{t.interpellations.states[row.state]}</span>
										{row.round > 1 && row.mode ? <div className="muted small">{fill(t.interpellations.roundN, { n: row.round })}</div> : null}
									</td>
									<td className="nowrap">
										{row.mode && row.dueOn ? `${t.interpellations.modes[row.mode]} · ${formatChineseDate(row.dueOn)}` : '—'}
										{row.overdueDays > 0 ? <div className="overdue small">{fill(t.interpellations.overdueBy, { days: row.overdueDays })}</div> : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={pages} href={(n) => `/interpellations${interpellationListSearch({ ...query, page: n })}`} />
		</>
	)
}
