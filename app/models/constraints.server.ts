// A unique index refused the row (PostgreSQL 23505), whether the driver error arrives bare or
// wrapped by drizzle. The callers check first; this catches the race between check and insert.
export function isUniqueViolation(error: unknown): boolean {
	for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
		if ((current as { code?: unknown }).code === '23505') return true
	}
	return false
}
