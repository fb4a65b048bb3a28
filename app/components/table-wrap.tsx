import type { ReactNode } from 'react'

// A table that may scroll sideways on a phone. When its cells hold nothing focusable (a table of
// figures), a keyboard user could not scroll it: the region itself takes the focus, and its
// name says which table it is.
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
	return (
		<div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
			{children}
		</div>
	)
}
