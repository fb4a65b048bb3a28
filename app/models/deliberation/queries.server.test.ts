import { expect, test } from 'vitest'
import { asc } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { deliberations, users } from '#db/schema'
import { mayReadDeliberation } from '~/domain/deliberation'
import { deliberationsReadableBy, getReadableDeliberation } from './queries.server'

// The list's WHERE and the single record's check are one rule: for every demo user, the SQL
// scope holds exactly the deliberations mayReadDeliberation lets them read, in every state the
// demo data has.

test('the SQL read scope and mayReadDeliberation agree for every user on every deliberation', async () => {
	const db = getDb()
	const all = await db
		.select({ id: deliberations.id, state: deliberations.state, respondingAgencyId: deliberations.respondingAgencyId, organId: deliberations.organId })
		.from(deliberations)
		.orderBy(asc(deliberations.id))
	expect(new Set(all.map((d) => d.state)).size).toBeGreaterThan(2)
	const readers = await db.select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).orderBy(asc(users.id))
	for (const user of readers) {
		const inScope = await db.select({ id: deliberations.id }).from(deliberations).where(deliberationsReadableBy(user)).orderBy(asc(deliberations.id))
		const expected = all.filter((d) => mayReadDeliberation(user, d)).map((d) => d.id)
		expect(inScope.map((d) => d.id), `${user.role} ${user.id}`).toEqual(expected)
	}
	// A single deliberation out of scope is the same null as a missing one.
	const deputy = readers.find((u) => u.role === 'deputy')!
	const unpublished = all.find((d) => !mayReadDeliberation(deputy, d))!
	expect(await getReadableDeliberation(db, deputy, unpublished.id)).toBe(null)
	expect(await getReadableDeliberation(db, deputy, 999_999_999)).toBe(null)
})
