import { getTableName, sql, type Column } from 'drizzle-orm'

// A column of the OUTER query, written with its table, for use inside a correlated subquery.
// Drizzle writes the columns of a single-table select without their table ("id"), and inside
// `(select … from visits where visits.inspection_id = "id")` that name would mean visits.id:
// the subquery would silently compare a table with itself.
export function outer(column: Column) {
	return sql.raw(`"${getTableName(column.table)}"."${column.name}"`)
}

// The rows of `db.execute()`, whichever driver ran it: postgres.js answers an array, PGlite an
// object with `rows`. Raw queries cast counts to int and dates to text so both read alike.
export function rowsOf<T>(result: unknown): Array<T> {
	if (Array.isArray(result)) return result as Array<T>
	return ((result as { rows?: Array<T> }).rows ?? []) as Array<T>
}
