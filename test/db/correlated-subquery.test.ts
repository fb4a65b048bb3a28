import { expect, test } from 'vitest'
import { sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, taskAgencies } from '#db/schema'
import { outer } from '~/models/sql.server'

// Drizzle writes a single-table select's columns without their table; inside a correlated
// subquery an unqualified "id" means the subquery's own table. outer() keeps the reference
// pointing at the outer row.
test('a correlated count with outer() counts per outer row', async () => {
	const db = getDb()
	const count = (reference: ReturnType<typeof outer> | typeof agencies.id) =>
		db
			.select({ key: agencies.key, n: sql<number>`(select count(*) from ${taskAgencies} where ${taskAgencies.agencyId} = ${reference})`.mapWith(Number) })
			.from(agencies)
			.where(sql`${agencies.key} in ('psb', 'edu')`)
	const right = Object.fromEntries((await count(outer(agencies.id))).map((r) => [r.key, r.n]))
	expect(right.psb).toBeGreaterThan(right.edu)
	expect(right.edu).toBeGreaterThan(0)
})
