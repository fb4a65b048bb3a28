import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { EmptyList, ListHead } from '~/components/list-page'
import { redirectToCanonicalList } from '~/http/list-url.server'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { FilterActions } from '~/components/filter-actions'
import { Pagination } from '~/components/pagination'
import { SelectFilter } from '~/components/select-filter'
import { agencyItemStates } from '~/domain/agency-items'
import { commitmentListSearch, isCommitmentListFiltered, parseCommitmentListQuery } from '~/domain/commitments'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { commitmentFilterOptions, listCommitments } from '~/models/commitments/queries.server'

export const meta: MetaFunction = () => [{ title: '承诺事项 · 监督追踪' }]

const filterKeys = ['agency', 'state', 'overdue', 'clause', 'inquiry', 'page']

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseCommitmentListQuery(url.searchParams)
	redirectToCanonicalList(url, filterKeys, commitmentListSearch(query))
	const [list, options] = await Promise.all([listCommitments(db, user, query, shanghaiDate(new Date())), commitmentFilterOptions(db, user)])
	return {
		query,
		search: commitmentListSearch({ ...query, page: 1 }),
		filtered: isCommitmentListFiltered(query),
		total: list.total,
		page: list.page,
		pages: list.pages,
		rows: list.rows.map((r) => ({
			id: r.id,
			agencyName: r.agencyName,
			text: r.text,
			source: r.source,
			inquiryId: r.inquiryId,
			dueOn: r.dueOn,
			state: r.state,
			overdueDays: r.overdueDays,
		})),
		options,
		role: user.role,
	}
}

export default function CommitmentsPage() {
	const { query, search, filtered, rows, total, page, pages, options, role } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<ListHead title={t.commitments.title} count={fill(t.commitments.count, { count: total })} csvHref={`/commitments/export.csv${search}`} />
			<p className="muted small">{t.commitments.intro}</p>
			<Form method="get" className="filters no-print" aria-label={t.commitments.filters} key={search}>
				<SelectFilter id="filter-agency" name="agency" label={t.commitments.agency} value={query.agencyId ?? ''} any={t.common.all} choices={options.agencies.map((a) => ({ value: a.id, label: a.name }))} />
				<SelectFilter id="filter-state" name="state" label={t.commitments.state} value={query.state ?? ''} any={t.common.all} choices={agencyItemStates.map((s) => ({ value: s, label: t.commitments.states[s] }))} />
				<SelectFilter id="filter-overdue" name="overdue" label={t.commitments.overdue} value={query.overdue ? '1' : ''} any={t.common.all} choices={[{ value: '1', label: t.commitments.overdueOnly }]} />
				<SelectFilter id="filter-clause" name="clause" label={t.commitments.clause} value={query.clauseId ?? ''} any={t.common.all} choices={options.clauses.map((c) => ({ value: c.id, label: c.label }))} />
				<SelectFilter
					id="filter-inquiry"
					name="inquiry"
					label={t.commitments.session}
					value={query.inquiryId ?? ''}
					any={t.common.all}
					choices={options.sessions.map((s) => ({ value: s.id, label: `${s.topic}（${formatChineseDate(s.heldOn)}）` }))}
				/>
				<FilterActions resetTo="/commitments" />
			</Form>
			{rows.length === 0 ? (
				<EmptyList
					message={filtered ? t.commitments.emptyFiltered : t.commitments.empty[role]}
					filtered={filtered}
					clear={{ to: '/commitments', label: t.commitments.clearFilters }}
					next={{ to: '/inquiries', label: t.commitments.toInquiries }}
				/>
			) : (
				<div className="table-wrap">
					<table className="commitment-table">
						<thead>
							<tr>
								<th scope="col">{t.commitments.agency}</th>
								<th scope="col">{t.commitments.text}</th>
								<th scope="col">{t.commitments.source}</th>
								<th scope="col">{t.commitments.due}</th>
								<th scope="col">{t.commitments.state}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id} className={row.overdueDays > 0 ? 'commitment-row--overdue' : undefined}>
									<td>{row.agencyName}</td>
									<td>
										<Link to={`/commitments/${row.id}`}>{row.text}</Link>
									</td>
									<td>
										<Link to={`/inquiries/${row.inquiryId}`}>{row.source}</Link>
									</td>
									<td className="nowrap">
										{formatChineseDate(row.dueOn)}
										{row.overdueDays > 0 ? <div className="commitment-overdue small">{fill(t.commitments.overdueDays, { days: row.overdueDays })}</div> : null}
									</td>
									<td>
										<span className={`commitment-state commitment-state--${row.state}`}>{t.commitments.states[row.state]}</span>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={pages} href={(n) => `/commitments${commitmentListSearch({ ...query, page: n })}`} />
		</>
	)
}
