import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { ChartFigure, type ChartRow, type ChartSeries } from '~/components/charts/chart-figure'
import { StatusCounts } from '~/components/status-summary'
import { parsePeriod, periodSearch } from '~/domain/dashboard'
import { choices } from '~/domain/deliberation'
import { shanghaiDate } from '~/domain/dates'
import { statuses, type Status } from '~/domain/status'
import { fill, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { primaryInstrumentId } from '~/models/instruments.server'
import { loadSettings } from '~/models/settings.server'
import { concernsBy, itemsPerMonth, overdueByAgency, satisfactionPerMonth, type ConcernGroupRow } from '~/models/status/dashboard.server'
import { districts } from '~/domain/concerns'
import { loadStatusOverview, type StatusGroup } from '~/models/status/queries.server'
import { itemKinds } from '~/models/status/sources.server'

export const meta: MetaFunction = () => [{ title: '统计图表 · 监督追踪' }]

// The committee's picture of the decision's implementation: where each part and agency stands,
// how items come and go, how votes came out, who is overdue. Every figure is aggregated in SQL;
// the page reads and prints as tables without JavaScript, and the charts draw after hydration.
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'dashboard:read')
	const db = getDb()
	const today = shanghaiDate(new Date())
	const period = parsePeriod(new URL(args.request.url).searchParams, today)
	const settings = await loadSettings(db)
	const instrumentId = await primaryInstrumentId(db)
	const [overview, flow, satisfaction, overdue, byDistrict, byCategory] = await Promise.all([
		instrumentId ? loadStatusOverview(db, today, instrumentId) : null,
		itemsPerMonth(db, period),
		satisfactionPerMonth(db, period, settings.satisfactionThresholdPercent),
		overdueByAgency(db, today),
		concernsBy(db, 'district', period, today),
		concernsBy(db, 'category', period, today),
	])
	// Districts in the official order, not by name.
	const districtOrder = (row: ConcernGroupRow) => (districts as ReadonlyArray<string>).indexOf(row.key)
	byDistrict.sort((a, b) => districtOrder(a) - districtOrder(b))
	return { today, period, search: periodSearch(period, today), overview, flow, satisfaction, overdue, byDistrict, byCategory, kinds: itemKinds }
}

const statusColors: Record<Status, string> = {
	not_started: '#8a94a6',
	in_progress: '#2f6fd6',
	largely_done: '#4f9a5e',
	done: '#1c6b31',
	lagging: '#c2410c',
}
const kindColors = ['#c2410c', '#7c3aed', '#0f766e', '#a16207', '#be185d', '#1d4ed8']
const concernColors = { handling: '#2f6fd6', overdue: '#c2410c', closed: '#4f9a5e' }
const choiceColors = { satisfied: '#1c6b31', basically_satisfied: '#a16207', unsatisfied: '#b91c1c' }

function statusRows(groups: Array<StatusGroup>, filter: (id: number) => string): Array<ChartRow> {
	return groups.map((group) => ({
		key: String(group.id),
		label: group.label,
		href: `/tasks?${filter(group.id)}`,
		values: group.counts,
		hrefs: Object.fromEntries(statuses.map((status) => [status, `/tasks?${filter(group.id)}&status=${status}`])),
	}))
}

// A bar per district or category, each segment leading to the concerns behind it.
function concernRows(rows: Array<ConcernGroupRow>, param: 'district' | 'category'): Array<ChartRow> {
	return rows.map((row) => {
		const base = `/concerns?${new URLSearchParams({ [param]: row.key }).toString()}`
		return {
			key: row.key,
			label: row.label,
			href: base,
			values: { handling: row.handling, overdue: row.overdue, closed: row.closed },
			hrefs: { handling: base, overdue: `${base}&overdue=1`, closed: `${base}&state=closed` },
		}
	})
}

function mostOf(groups: Array<StatusGroup>, status: Status): StatusGroup | undefined {
	return [...groups].sort((a, b) => b.counts[status] - a.counts[status])[0]
}

export default function DashboardPage() {
	const { period, search, overview, flow, satisfaction, overdue, byDistrict, byCategory, kinds } = useLoaderData<typeof loader>()
	const t = useT()
	const d = t.implementation.dashboard
	const statusSeries: Array<ChartSeries> = statuses.map((status) => ({ key: status, label: t.status[status], color: statusColors[status] }))
	const flowRows: Array<ChartRow> = flow.map((month) => ({
		key: month.month,
		label: month.month,
		values: { opened: month.opened, closed: month.closed },
		hrefs: { opened: `/open-items?state=all&opened=${month.month}`, closed: `/open-items?state=closed&closed=${month.month}` },
	}))
	const satisfactionRows: Array<ChartRow> = satisfaction.map((month) => ({
		key: month.month,
		label: month.month,
		values: { satisfied: month.satisfied, basically_satisfied: month.basically_satisfied, unsatisfied: month.unsatisfied },
		hrefs: Object.fromEntries(choices.map((choice) => [choice, `/deliberations?result=${choice}&month=${month.month}`])),
	}))
	const overdueAgencies = [...new Map(overdue.map((row) => [row.agencyId, row.agency])).entries()]
	const overdueRows: Array<ChartRow> = overdueAgencies.map(([agencyId, agency]) => ({
		key: String(agencyId),
		label: agency,
		href: `/open-items?overdue=1&agency=${agencyId}`,
		values: Object.fromEntries(kinds.map((kind) => [kind, overdue.find((row) => row.agencyId === agencyId && row.kind === kind)?.count ?? 0])),
		hrefs: Object.fromEntries(kinds.map((kind) => [kind, `/open-items?overdue=1&agency=${agencyId}&kind=${kind}`])),
	}))
	const concernSeries: Array<ChartSeries> = (['handling', 'overdue', 'closed'] as const).map((key) => ({ key, label: d.concernSeries[key], color: concernColors[key] }))
	const districtRows = concernRows(byDistrict, 'district')
	const categoryRows = concernRows(byCategory, 'category')
	const sum = (rows: Array<ChartRow>, key: string) => rows.reduce((total, row) => total + (row.values[key] ?? 0), 0)
	const laggingPart = overview ? mostOf(overview.parts, 'lagging') : undefined
	const laggingAgency = overview ? mostOf(overview.agencies, 'lagging') : undefined
	const overdueTotal = overdue.reduce((total, row) => total + row.count, 0)
	const worstOverdue = overdueRows.map((row) => ({ label: row.label, total: Object.values(row.values).reduce((a, b) => a + b, 0) })).sort((a, b) => b.total - a.total)[0]
	return (
		<>
			<div className="page-head">
				<h1>{d.title}</h1>
				<span className="muted">{fill(d.periodNote, period)}</span>
			</div>
			<PeriodForm from={period.from} to={period.to} />
			{overview ? (
				<p>
					{d.whole} <StatusCounts rolled={overview.whole} />
				</p>
			) : null}
			<div className="chart-grid">
				{overview ? (
					<ChartFigure
						id="status-by-part"
						title={d.byPart}
						summary={
							laggingPart && laggingPart.counts.lagging > 0
								? fill(d.byPartSummaryLagging, { part: `${laggingPart.label}${laggingPart.title}`, count: laggingPart.counts.lagging, total: overview.whole.total })
								: fill(d.byPartSummary, { total: overview.whole.total, parts: overview.parts.length })
						}
						rowHeader={d.part}
						empty={d.emptyStatus}
						series={statusSeries}
						rows={statusRows(overview.parts, (id) => `part=${id}`)}
					/>
				) : null}
				{overview ? (
					<ChartFigure
						id="status-by-agency"
						title={d.byAgency}
						summary={
							laggingAgency && laggingAgency.counts.lagging > 0
								? fill(d.byAgencySummaryLagging, { agency: laggingAgency.title, count: laggingAgency.counts.lagging, agencies: overview.agencies.length })
								: fill(d.byAgencySummary, { agencies: overview.agencies.length })
						}
						rowHeader={d.agency}
						empty={d.emptyStatus}
						layout="vertical"
						series={statusSeries}
						rows={statusRows(overview.agencies, (id) => `agency=${id}`)}
					/>
				) : null}
				<ChartFigure
					id="items-per-month"
					title={d.flow}
					summary={fill(d.flowSummary, { opened: sum(flowRows, 'opened'), closed: sum(flowRows, 'closed'), months: flowRows.length })}
					rowHeader={d.month}
					empty={d.emptyFlow}
					series={[
						{ key: 'opened', label: d.opened, color: '#2f6fd6' },
						{ key: 'closed', label: d.closed, color: '#4f9a5e' },
					]}
					rows={flowRows}
				/>
				<ChartFigure
					id="satisfaction"
					title={d.satisfaction}
					summary={fill(d.satisfactionSummary, {
						total: sum(satisfactionRows, 'satisfied') + sum(satisfactionRows, 'basically_satisfied') + sum(satisfactionRows, 'unsatisfied'),
						satisfied: sum(satisfactionRows, 'satisfied'),
						basically: sum(satisfactionRows, 'basically_satisfied'),
						unsatisfied: sum(satisfactionRows, 'unsatisfied'),
					})}
					rowHeader={d.month}
					empty={d.emptySatisfaction}
					series={choices.map((choice) => ({ key: choice, label: t.deliberation.choices[choice], color: choiceColors[choice] }))}
					rows={satisfactionRows}
				/>
				<ChartFigure
					id="overdue"
					title={d.overdue}
					summary={overdueTotal > 0 && worstOverdue ? fill(d.overdueSummary, { total: overdueTotal, agencies: overdueRows.length, agency: worstOverdue.label, count: worstOverdue.total }) : d.overdueNone}
					rowHeader={d.agency}
					empty={d.emptyOverdue}
					layout="vertical"
					series={kinds.map((kind, index) => ({ key: kind, label: t.implementation.itemKinds[kind], color: kindColors[index % kindColors.length] }))}
					rows={overdueRows}
				/>
				<ChartFigure
					id="concerns-by-district"
					title={d.concernsByDistrict}
					summary={fill(d.concernsSummary, { total: sum(districtRows, 'handling') + sum(districtRows, 'overdue') + sum(districtRows, 'closed'), groups: districtRows.length, overdue: sum(districtRows, 'overdue') })}
					rowHeader={t.concerns.district}
					empty={d.emptyConcerns}
					layout="vertical"
					series={concernSeries}
					rows={districtRows}
				/>
				<ChartFigure
					id="concerns-by-category"
					title={d.concernsByCategory}
					summary={fill(d.concernsCategorySummary, { total: sum(categoryRows, 'handling') + sum(categoryRows, 'overdue') + sum(categoryRows, 'closed'), groups: categoryRows.length })}
					rowHeader={t.concerns.category}
					empty={d.emptyConcerns}
					layout="vertical"
					series={concernSeries}
					rows={categoryRows}
				/>
			</div>
			<p className="no-print">
				<Link to={`/open-items${search ? `?${search}` : ''}`}>{d.allOpenItems}</Link> · <Link to="/ranking">{d.ranking}</Link>
			</p>
		</>
	)
}

function PeriodForm({ from, to }: { from: string; to: string }) {
	const t = useT()
	const d: Messages['implementation']['dashboard'] = t.implementation.dashboard
	return (
		<Form method="get" className="filters no-print" aria-label={d.period}>
			<div className="field">
				<label htmlFor="period-from">{d.from}</label>
				<input id="period-from" name="from" type="date" defaultValue={from} />
			</div>
			<div className="field">
				<label htmlFor="period-to">{d.to}</label>
				<input id="period-to" name="to" type="date" defaultValue={to} />
			</div>
			<div className="toolbar">
				<button type="submit" className="button">
					{d.apply}
				</button>
				<Link to="/dashboard" className="button button--secondary">
					{d.lastYear}
				</Link>
			</div>
		</Form>
	)
}
