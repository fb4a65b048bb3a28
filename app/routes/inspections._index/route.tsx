import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { EmptyList, ListHead } from '~/components/list-page'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { FilterActions } from '~/components/filter-actions'
import { SelectFilter } from '~/components/select-filter'
import { formatChineseDate } from '~/domain/dates'
import { inspectionStates } from '~/domain/inspections'
import { fill, useT } from '~/i18n/i18n'
import { inspectionListSearch, parseInspectionListQuery } from '~/domain/inspections'
import { listInspections, listInspectionYears } from '~/models/inspections/queries.server'

export const meta: MetaFunction = () => [{ title: '执法检查 · 监督追踪' }]

const filterKeys = ['year', 'state']

// /inspections: the inspections the user may read (a deputy: those of their groups; a liaison:
// those that visited their agency openly or found something about it), with year and state
// filters that live in the URL, so the CSV exports the same list.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseInspectionListQuery(url.searchParams)
	// A submitted filter form sends its empty fields too: show the short, shareable URL instead.
	const own = new URLSearchParams([...url.searchParams].filter(([key]) => filterKeys.includes(key))).toString()
	if ((own ? `?${own}` : '') !== inspectionListSearch(query)) throw redirect(`/inspections${inspectionListSearch(query)}`)
	const [rows, years] = await Promise.all([listInspections(db, user, query), listInspectionYears(db, user)])
	return {
		query,
		search: inspectionListSearch(query),
		filtered: query.year !== null || query.state !== null,
		rows,
		years,
		role: user.role,
		canManage: can(user.role, 'oversight:manage'),
	}
}

export default function InspectionsPage() {
	const { query, search, filtered, rows, years, role, canManage } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<ListHead title={t.inspections.title} count={fill(t.inspections.count, { count: rows.length })} csvHref={`/inspections/export.csv${search}`} create={canManage ? { to: '/inspections/new', label: t.inspections.plan } : null} />
			<p className="muted small">{t.inspections.intro}</p>
			<Form method="get" className="filters no-print" aria-label={t.inspections.filters} key={search}>
				<SelectFilter
					id="filter-year"
					name="year"
					label={t.inspections.year}
					value={query.year ?? ''}
					any={t.common.all}
					choices={years.map((y) => ({ value: y, label: fill(t.inspections.yearValue, { year: y }) }))}
				/>
				<SelectFilter
					id="filter-state"
					name="state"
					label={t.inspections.state}
					value={query.state ?? ''}
					any={t.common.all}
					choices={inspectionStates.map((s) => ({ value: s, label: t.inspections.states[s] }))}
				/>
				<FilterActions resetTo="/inspections" />
			</Form>
			{rows.length === 0 ? (
				<EmptyList message={filtered ? t.inspections.empty.filtered : t.inspections.empty[role]} filtered={filtered} clear={{ to: '/inspections', label: t.inspections.clearFilters }} create={canManage ? { to: '/inspections/new', label: t.inspections.plan } : null} />
			) : (
				<div className="table-wrap">
					<table className="inspection-table">
						<thead>
							<tr>
								<th scope="col">{t.inspections.name}</th>
								<th scope="col">{t.inspections.year}</th>
								<th scope="col">{t.inspections.forms}</th>
								<th scope="col">{t.inspections.period}</th>
								<th scope="col">{t.inspections.leader}</th>
								<th scope="col">{t.inspections.state}</th>
								<th scope="col">{t.inspections.visitCount}</th>
								<th scope="col">{t.inspections.findingCount}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id}>
									<td>
										<Link to={`/inspections/${row.id}`}>{row.title}</Link>
									</td>
									<td className="nowrap">{row.year}</td>
									<td>{row.forms.map((f) => t.inspections.formNames[f]).join('、') || '—'}</td>
									<td className="nowrap">
										{formatChineseDate(row.startsOn)}
										<br />至{formatChineseDate(row.endsOn)}
									</td>
									<td>{row.leaderName ?? '—'}</td>
									<td>
										<span className={`inspection-state inspection-state--${row.status}`}>{t.inspections.statuses[row.status]}</span>
									</td>
									<td className="order-cell">{row.visitCount}</td>
									<td className="order-cell">{row.findingCount}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	)
}
