import { useNavigate } from '@remix-run/react'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ChartProps } from './chart-figure'

// The drawing itself: recharts measures in the browser, so this module is loaded only after
// hydration (lazy-chart.tsx), and only by routes that show charts. Each segment leads to the
// list behind it, as the table's links below the chart do.
export default function StackedBars({ rows, series, layout = 'horizontal', height = 320 }: ChartProps) {
	const navigate = useNavigate()
	const data = rows.map((row) => ({ label: row.label, ...row.values }))
	const vertical = layout === 'vertical'
	return (
		<ResponsiveContainer width="100%" height={vertical ? Math.max(height, rows.length * 28 + 60) : height}>
			{/* The table below is the accessible form of the chart: the drawing stays out of the tab order. */}
			<BarChart accessibilityLayer={false} data={data} layout={vertical ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
				<CartesianGrid strokeDasharray="3 3" />
				{vertical ? (
					<>
						<XAxis type="number" allowDecimals={false} />
						<YAxis type="category" dataKey="label" width={110} interval={0} />
					</>
				) : (
					<>
						<XAxis dataKey="label" interval={0} />
						<YAxis allowDecimals={false} />
					</>
				)}
				<Tooltip />
				<Legend />
				{series.map((entry) => (
					<Bar
						key={entry.key}
						dataKey={entry.key}
						name={entry.label}
						stackId="stack"
						fill={entry.color}
						cursor="pointer"
						isAnimationActive={false}
						onClick={(_data: unknown, index: number) => {
							const href = rows[index]?.hrefs[entry.key]
							if (href) navigate(href)
						}}
					/>
				))}
			</BarChart>
		</ResponsiveContainer>
	)
}
