import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { EmptyList, ListHead } from '~/components/list-page'
import { redirectToCanonicalList } from '~/http/list-url.server'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { FilterActions } from '~/components/filter-actions'
import { Pagination } from '~/components/pagination'
import { SelectFilter } from '~/components/select-filter'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { isResolutionListFiltered, parseResolutionListQuery, resolutionListSearch, resolutionListStatuses } from '~/domain/resolutions'
import { fill, useT } from '~/i18n/i18n'
import { listResolutions, resolutionFilterOptions } from '~/models/resolutions/queries.server'

export const meta: MetaFunction = () => [{ title: '决议决定 · 监督追踪' }]

const filterKeys = ['year', 'agency', 'status', 'page']

// Every resolution adopted (they are published), newest first, with how far its actions are.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseResolutionListQuery(url.searchParams)
	redirectToCanonicalList(url, filterKeys, resolutionListSearch(query))
	const [list, options] = await Promise.all([listResolutions(db, query, shanghaiDate(new Date())), resolutionFilterOptions(db)])
	return {
		query,
		search: resolutionListSearch({ ...query, page: 1 }),
		filtered: isResolutionListFiltered(query),
		...list,
		rows: list.rows.map(({ rows: _rows, ...row }) => row),
		options,
		canAdopt: can(user.role, 'oversight:manage'),
	}
}

export default function ResolutionsPage() {
	const { query, search, filtered, rows, total, page, pages, options, canAdopt } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<ListHead title={t.resolutions.title} count={fill(t.resolutions.count, { count: total })} csvHref={`/resolutions/export.csv${search}`} create={canAdopt ? { to: '/resolutions/new', label: t.resolutions.adopt } : null} />
			<p className="muted small">{t.resolutions.intro}</p>
			<Form key={search} method="get" className="filters no-print" aria-label={t.resolutions.filters}>
				<SelectFilter id="filter-year" name="year" label={t.resolutions.year} value={query.year ?? ''} any={t.common.all} choices={options.years.map((y) => ({ value: y, label: String(y) }))} />
				<SelectFilter
					id="filter-agency"
					name="agency"
					label={t.resolutions.agency}
					value={query.agencyId ?? ''}
					any={t.common.all}
					choices={options.agencies.map((a) => ({ value: a.id, label: a.name }))}
				/>
				<SelectFilter
					id="filter-status"
					name="status"
					label={t.resolutions.status}
					value={query.status ?? ''}
					any={t.common.all}
					choices={resolutionListStatuses.map((s) => ({ value: s, label: t.resolutions.listStatuses[s] }))}
				/>
				<FilterActions resetTo="/resolutions" />
			</Form>
			{rows.length === 0 ? (
				<EmptyList message={filtered ? t.resolutions.emptyFiltered : canAdopt ? t.resolutions.emptyOffice : t.resolutions.empty} filtered={filtered} clear={{ to: '/resolutions', label: t.resolutions.clearFilters }} create={canAdopt ? { to: '/resolutions/new', label: t.resolutions.adopt } : null} />
			) : (
				<div className="table-wrap">
					<table className="resolution-table">
						<thead>
							<tr>
								<th scope="col">{t.resolutions.resolution}</th>
								<th scope="col">{t.resolutions.meeting}</th>
								<th scope="col">{t.resolutions.agencies}</th>
								<th scope="col">{t.resolutions.progress}</th>
								<th scope="col">{t.resolutions.reportDueOn}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id}>
									<td>
										<Link to={`/resolutions/${row.id}`}>{row.title}</Link>
										<div className="muted small">
											{t.resolutions.kinds[row.kind]} · {fill(t.resolutions.adoptedOnShort, { date: formatChineseDate(row.adoptedOn) })}
										</div>
									</td>
									<td>{row.meetingLabel}</td>
									<td>{row.agencies.join(t.common.listSeparator)}</td>
									<td>
										<span className={`badge resolution-status resolution-status--${row.status}`}>{t.resolutions.statuses[row.status]}</span>
										<div className="small">{fill(t.resolutions.closedOf, { closed: row.closedActions, total: row.actions })}</div>
										{row.overdueActions > 0 ? <div className="overdue small">{fill(t.resolutions.overdueActions, { count: row.overdueActions })}</div> : null}
									</td>
									<td className="nowrap">
										{formatChineseDate(row.reportDueOn)}
										{row.reportOverdueDays > 0 ? <div className="overdue small">{fill(t.resolutions.overdueBy, { days: row.reportOverdueDays })}</div> : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={pages} href={(n) => `/resolutions${resolutionListSearch({ ...query, page: n })}`} />
		</>
	)
}
