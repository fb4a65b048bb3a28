import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { Pagination } from '~/components/pagination'
import { SelectFilter } from '~/components/select-filter'
import { isMonth, itemStateFilters, type ItemStateFilter } from '~/domain/dashboard'
import { isIsoDate, shanghaiDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { listAgencyOptions } from '~/models/agencies/queries.server'
import { listOpenItems, type OpenItemFilters } from '~/models/status/dashboard.server'
import { isItemKind, itemKinds } from '~/models/status/sources.server'

export const meta: MetaFunction = () => [{ title: '事项清单 · 监督追踪' }]

const filterKeys = ['kind', 'agency', 'overdue', 'state', 'opened', 'closed', 'from', 'to'] as const

// The items behind the dashboard's bars, across kinds of record: findings' rectifications,
// commitments, resolution actions, handling reports. The filters are the URL, so each bar is a
// link to its list; values that are not valid are ignored.
function parseOpenItemFilters(params: URLSearchParams): OpenItemFilters {
	const kind = params.get('kind') ?? ''
	const agency = params.get('agency') ?? ''
	const state = params.get('state') ?? ''
	const opened = params.get('opened')
	const closed = params.get('closed')
	const from = params.get('from') ?? ''
	const to = params.get('to') ?? ''
	return {
		kind: isItemKind(kind) ? kind : undefined,
		agencyId: /^\d{1,9}$/.test(agency) && Number(agency) > 0 ? Number(agency) : undefined,
		overdue: params.get('overdue') === '1',
		state: (itemStateFilters as ReadonlyArray<string>).includes(state) ? (state as ItemStateFilter) : 'open',
		openedIn: isMonth(opened) ? opened : undefined,
		closedIn: isMonth(closed) ? closed : undefined,
		period: isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : undefined,
	}
}

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'dashboard:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const filters = parseOpenItemFilters(url.searchParams)
	const pageParam = url.searchParams.get('page') ?? ''
	const page = /^\d{1,6}$/.test(pageParam) && Number(pageParam) > 0 ? Number(pageParam) : 1
	const today = shanghaiDate(new Date())
	const [list, agencies] = await Promise.all([listOpenItems(db, filters, today, page), listAgencyOptions(db)])
	const kept = new URLSearchParams([...url.searchParams].filter(([key, value]) => (filterKeys as ReadonlyArray<string>).includes(key) && value !== ''))
	return { filters, list, page, search: kept.toString(), agencies: agencies.map((a) => ({ id: a.id, name: a.name })), kinds: itemKinds }
}

export default function OpenItemsPage() {
	const { filters, list, page, search, agencies, kinds } = useLoaderData<typeof loader>()
	const t = useT()
	const o = t.implementation.openItems
	const pageHref = (n: number) => `/open-items?${new URLSearchParams([...new URLSearchParams(search), ['page', String(n)]]).toString()}`
	return (
		<>
			<nav className="breadcrumbs">
				<Link to="/dashboard">{t.implementation.dashboard.title}</Link>
			</nav>
			<div className="page-head">
				<h1>{o.title}</h1>
				<span className="muted">{fill(o.count, { count: list.total })}</span>
			</div>
			<Form method="get" className="filters no-print" aria-label={o.filters}>
				<SelectFilter id="filter-kind" name="kind" label={o.kind} value={filters.kind ?? ''} any={t.common.all} choices={kinds.map((kind) => ({ value: kind, label: t.implementation.itemKinds[kind] }))} />
				<SelectFilter id="filter-agency" name="agency" label={o.agency} value={filters.agencyId ?? ''} any={t.common.all} choices={agencies.map((a) => ({ value: a.id, label: a.name }))} />
				<SelectFilter id="filter-state" name="state" label={o.state} value={filters.state} choices={itemStateFilters.map((state) => ({ value: state, label: o.states[state] }))} />
				<div className="field">
					<label htmlFor="filter-overdue">
						<input id="filter-overdue" type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} /> {o.overdue}
					</label>
				</div>
				{filters.openedIn ? <input type="hidden" name="opened" value={filters.openedIn} /> : null}
				{filters.closedIn ? <input type="hidden" name="closed" value={filters.closedIn} /> : null}
				{filters.period ? <input type="hidden" name="from" value={filters.period.from} /> : null}
				{filters.period ? <input type="hidden" name="to" value={filters.period.to} /> : null}
				<div className="toolbar">
					<button type="submit" className="button">
						{t.common.search}
					</button>
					<Link to="/open-items" className="button button--secondary">
						{t.common.reset}
					</Link>
				</div>
			</Form>
			{filters.openedIn || filters.closedIn ? (
				<p className="muted">
					{filters.openedIn ? `${o.openedIn}：${filters.openedIn}` : null} {filters.closedIn ? `${o.closedIn}：${filters.closedIn}` : null}
				</p>
			) : null}
			{list.rows.length === 0 ? (
				<p className="empty">
					{o.empty} <Link to="/dashboard">{t.implementation.dashboard.title}</Link>
				</p>
			) : (
				<div className="table-wrap">
					<table className="open-items">
						<thead>
							<tr>
								<th scope="col">{o.columns.kind}</th>
								<th scope="col">{o.columns.title}</th>
								<th scope="col">{o.columns.agency}</th>
								<th scope="col">{o.columns.opened}</th>
								<th scope="col">{o.columns.due}</th>
								<th scope="col">{o.columns.closed}</th>
								<th scope="col">{o.columns.overdue}</th>
							</tr>
						</thead>
						<tbody>
							{list.rows.map((row) => (
								<tr key={`${row.kind}-${row.id}`} data-kind={row.kind}>
									<td>{t.implementation.itemKinds[row.kind]}</td>
									<td>
										<Link to={row.href}>{row.title}</Link>
									</td>
									<td>
										<Link to={`/agencies/${row.agencyId}`}>{row.agency}</Link>
									</td>
									<td>{row.openedOn ?? ''}</td>
									<td>{row.dueOn ?? ''}</td>
									<td>{row.closedOn ?? ''}</td>
									<td className={row.overdueDays > 0 ? 'overdue' : undefined}>{row.overdueDays > 0 ? fill(o.overdueDays, { days: row.overdueDays }) : ''}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={list.pages} href={pageHref} />
		</>
	)
}
