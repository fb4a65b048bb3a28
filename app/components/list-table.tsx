import type { ReactNode } from 'react'

// A list's table: a header row, then one row a record (the caller's <tr>), in the wrapper that
// scrolls sideways on a narrow screen; where there is no record, the page's own sentence.
export function ListTable<T>({
	rows,
	headers,
	empty,
	className,
	children: row,
}: {
	rows: ReadonlyArray<T>
	headers: ReadonlyArray<ReactNode>
	empty: ReactNode
	className?: string
	children: (record: T, index: number) => ReactNode
}) {
	if (rows.length === 0) return <p className="empty">{empty}</p>
	return (
		<div className="table-wrap">
			<table className={className}>
				<thead>
					<tr>
						{headers.map((header, index) => (
							<th key={index} scope="col">
								{header}
							</th>
						))}
					</tr>
				</thead>
				<tbody>{rows.map(row)}</tbody>
			</table>
		</div>
	)
}
