import { expect, test } from 'vitest'
import { desc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents } from '#db/schema'
import { isRefused, updateVersioned, write } from '~/models/write.server'

const actor = { id: null, address: '10.0.0.8' }

test('a mutation without an audit event is rolled back', async () => {
	const db = getDb()
	await expect(
		write(db, actor, async (tx) => {
			await tx.update(agencies).set({ shortName: '改名' }).where(eq(agencies.key, 'psb'))
		}),
	).rejects.toThrow(/audit/)
	const [psb] = await db.select().from(agencies).where(eq(agencies.key, 'psb'))
	expect(psb.shortName).not.toBe('改名')
})

test('the audit event is written in the same transaction with actor, address, before and after', async () => {
	const db = getDb()
	const [psb] = await db.select().from(agencies).where(eq(agencies.key, 'psb'))
	await write(db, actor, async (tx, audit) => {
		const after = await updateVersioned(tx, agencies, psb.id, psb.version, { shortName: '公安局' })
		await audit({ action: 'agency.update', entityType: 'agency', entityId: psb.id, before: { shortName: psb.shortName }, after: { shortName: after.shortName } })
	})
	const [event] = await db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1)
	expect(event).toMatchObject({ action: 'agency.update', entityId: String(psb.id), address: '10.0.0.8', after: { shortName: '公安局' } })
})

test('an edit with a stale version is refused and changes nothing', async () => {
	const db = getDb()
	const [edu] = await db.select().from(agencies).where(eq(agencies.key, 'edu'))
	await write(db, actor, async (tx, audit) => {
		await updateVersioned(tx, agencies, edu.id, edu.version, { shortName: '教育局甲' })
		await audit({ action: 'agency.update', entityType: 'agency', entityId: edu.id })
	})
	const stale = write(db, actor, async (tx, audit) => {
		await updateVersioned(tx, agencies, edu.id, edu.version, { shortName: '教育局乙' })
		await audit({ action: 'agency.update', entityType: 'agency', entityId: edu.id })
	})
	await expect(stale).rejects.toSatisfy((error) => isRefused(error) && error.refusal.kind === 'stale')
	const [after] = await db.select().from(agencies).where(eq(agencies.id, edu.id))
	expect(after).toMatchObject({ shortName: '教育局甲', version: edu.version + 1 })
})
