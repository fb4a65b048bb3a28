import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { LazyChart } from './lazy-chart'

export type ChartSeries = { key: string; label: string; color: string }
export type ChartRow = { key: string; label: string; href?: string; values: Record<string, number>; hrefs: Record<string, string> }
export type ChartProps = { rows: Array<ChartRow>; series: Array<ChartSeries>; layout?: 'horizontal' | 'vertical'; height?: number }

// A chart as a figure: its title, one sentence that says what it shows, the chart (drawn in
// the browser), and the same figures as a table — what a screen reader, a printout and a page
// without JavaScript read. Every figure in the table links to the list it counts.
export function ChartFigure({
	id,
	title,
	summary,
	rowHeader,
	empty,
	...chart
}: ChartProps & { id: string; title: string; summary: ReactNode; rowHeader: string; empty: string }) {
	const totals = chart.series.map((entry) => chart.rows.reduce((sum, row) => sum + (row.values[entry.key] ?? 0), 0))
	return (
		<section className="card chart" aria-labelledby={`${id}-title`} id={id}>
			<h2 id={`${id}-title`}>{title}</h2>
			<p className="chart__summary">{summary}</p>
			{chart.rows.length === 0 ? (
				<p className="empty">{empty}</p>
			) : (
				<>
					<div className="chart__drawing no-print" aria-hidden="true" data-chart={id}>
						<LazyChart {...chart} />
					</div>
					<div className="table-wrap">
						<table className="chart__table">
							<thead>
								<tr>
									<th scope="col">{rowHeader}</th>
									{chart.series.map((entry) => (
										<th scope="col" key={entry.key}>
											{entry.label}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{chart.rows.map((row) => (
									<tr key={row.key}>
										<th scope="row">{row.href ? <Link to={row.href}>{row.label}</Link> : row.label}</th>
										{chart.series.map((entry) => {
											const value = row.values[entry.key] ?? 0
											const href = row.hrefs[entry.key]
											return <td key={entry.key}>{value > 0 && href ? <Link to={href}>{value}</Link> : value}</td>
										})}
									</tr>
								))}
							</tbody>
							<tfoot>
								<tr>
									<th scope="row">∑</th>
									{totals.map((total, index) => (
										<td key={chart.series[index].key}>{total}</td>
									))}
								</tr>
							</tfoot>
						</table>
					</div>
				</>
			)}
		</section>
	)
}
