import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { Notice } from '~/components/forms'
import { EmptyList, ListHead } from '~/components/list-page'
import { Pagination } from '~/components/pagination'
import { concernListSearch, isConcernListFiltered, nextStep, parseConcernListQuery } from '~/domain/concerns'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { redirectToCanonicalList } from '~/http/list-url.server'
import { fill, useT } from '~/i18n/i18n'
import { concernFilterOptions, listConcerns } from '~/models/concerns/queries.server'
import { ConcernFilters } from './filters'

export const meta: MetaFunction = () => [{ title: '代表建议 · 监督追踪' }]

const filterKeys = ['state', 'district', 'category', 'clause', 'agency', 'overdue', 'rating', 'page']

// Every concern the reader may read: a deputy's own (filed, co-signed, or merged into), with what
// happens next; an agency's inbox, overdue first; the office's and members' whole record. No
// constituent is ever listed here.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseConcernListQuery(url.searchParams)
	redirectToCanonicalList(url, filterKeys, concernListSearch(query))
	const today = shanghaiDate(new Date())
	const [list, options] = await Promise.all([listConcerns(db, user, query, today), concernFilterOptions(db)])
	return {
		query,
		search: concernListSearch({ ...query, page: 1 }),
		filtered: isConcernListFiltered(query),
		...list,
		rows: list.rows.map((r) => ({
			id: r.id,
			title: r.title,
			state: r.state,
			district: r.district,
			categoryName: r.categoryName,
			filerName: r.filerName,
			priority: r.priority,
			leadName: r.leadName,
			coNames: r.coNames,
			replyDueOn: r.replyDueOn,
			overdueDays: r.overdueDays,
			resultClass: r.resultClass,
			rating: r.rating,
			closedUnrated: r.closedUnrated,
			next: nextStep(r),
		})),
		options,
		role: user.role,
		canFile: can(user.role, 'concerns:file'),
		manages: can(user.role, 'concerns:manage'),
		discarded: url.searchParams.get('done') === 'discard',
	}
}

export default function ConcernsPage() {
	const { query, search, filtered, rows, total, page, pages, options, role, canFile, manages, discarded } = useLoaderData<typeof loader>()
	const t = useT()
	const create = canFile ? { to: '/concerns/new', label: t.concerns.file } : null
	const date = (value: string | null) => (value ? formatChineseDate(value) : '—')
	return (
		<>
			<ListHead title={t.concerns.title} count={fill(t.concerns.count, { count: total })} csvHref={`/concerns/export.csv${search}`} create={create}>
				{manages ? (
					<Link className="button button--secondary button--small" to="/concerns/triage">
						{t.concerns.triage}
					</Link>
				) : null}
				<Link className="button button--secondary button--small" to="/concerns/report">
					{t.concerns.annualReport}
				</Link>
			</ListHead>
			{discarded ? <Notice kind="ok">{t.concerns.done.discard}</Notice> : null}
			<p className="muted small">{t.concerns.intro}</p>
			<ConcernFilters key={search} query={query} options={options} showAgency={role !== 'agency'} />
			{rows.length === 0 ? (
				<EmptyList message={filtered ? t.concerns.empty.filtered : t.concerns.empty[role]} filtered={filtered} clear={{ to: '/concerns', label: t.concerns.clearFilters }} create={create} />
			) : (
				<div className="table-wrap">
					<table className="concern-table">
						<thead>
							<tr>
								<th scope="col">{t.concerns.titleField}</th>
								<th scope="col">{t.concerns.agencies}</th>
								<th scope="col">{t.concerns.replyDue}</th>
								<th scope="col">{t.concerns.state}</th>
								<th scope="col">{t.concerns.result}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id}>
									<td>
										<Link to={`/concerns/${row.id}`}>{row.title}</Link>
										{row.priority ? <span className="badge badge--lead">{t.concerns.priority}</span> : null}
										<div className="muted small">
											{row.district} · {row.categoryName} · {fill(t.concerns.filedBy, { name: row.filerName })}
										</div>
									</td>
									<td>
										{row.leadName ?? '—'}
										{row.coNames.length ? <div className="muted small">{row.coNames.join('、')}</div> : null}
									</td>
									<td className="nowrap">
										{date(row.replyDueOn)}
										{row.overdueDays > 0 ? <div className="overdue small">{fill(t.concerns.overdueBy, { days: row.overdueDays })}</div> : null}
									</td>
									<td>
										<span className={`badge concern-state concern-state--${row.state}`}>{t.concerns.states[row.state]}</span>
										{canFile && row.next.kind === 'deputy' ? <div className="small">{t.todo.actions.concern_rate}</div> : null}
									</td>
									<td>
										{row.resultClass ? <div>{t.concerns.resultClasses[row.resultClass]}</div> : null}
										{row.rating ? <div className="muted small">{t.concerns.ratings[row.rating]}</div> : row.closedUnrated ? <div className="muted small">{t.concerns.unrated}</div> : null}
										{!row.resultClass ? '—' : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={pages} href={(n) => `/concerns${concernListSearch({ ...query, page: n })}`} />
		</>
	)
}
