import { lazy, Suspense, useEffect, useState } from 'react'
import type { ChartProps } from './chart-figure'

// recharts draws nothing on the server: the page is complete without it (the table and the
// sentence above it), and the chart's code is fetched after hydration, by this route only.
const StackedBars = lazy(() => import('./stacked-bars'))

export function LazyChart(props: ChartProps) {
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	if (!hydrated) return null
	return (
		<Suspense fallback={null}>
			<StackedBars {...props} />
		</Suspense>
	)
}
