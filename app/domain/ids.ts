// Record ids as they arrive in URLs, filters and forms. Ids are PostgreSQL `serial` (int4): a
// number past 2,147,483,647 cannot name a record, and passed to the database it would fail the
// query (a 500) instead of finding nothing. One parser for every place that reads an id.

export const maxId = 2_147_483_647

// A positive int4 written in plain digits, or null.
export function parseRecordId(value: string | null | undefined): number | null {
	if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null
	const id = Number(value)
	return id <= maxId ? id : null
}
