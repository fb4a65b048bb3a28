import { eq, sql } from 'drizzle-orm'
import { expect, inject, test } from 'vitest'
import { getDb, getHandle } from '#db/client.server'
import { agencies, appMeta, auditEvents } from '#db/schema'
import { isDemoInstance } from '~/models/meta.server'
import { cookieFor } from '../helpers'
import { databaseForFile, seedSchema, type WorkerDatabase } from './test-database'

// Test files share their worker's database: whatever one file writes must be gone when the
// next one starts, and the demo data (ids included) must be exactly what seeding left.

function rows(result: unknown): Array<Record<string, unknown>> {
	return Array.isArray(result) ? result : (result as { rows: Array<Record<string, unknown>> }).rows
}

// Every table's row count and a digest of its rows, in one schema. The rows are compared as a
// set: seeding updates some rows after inserting them (demo records are backdated), so the order
// a query without ORDER BY returns may differ between a fresh copy and a refilled table, and no
// test may depend on it.
async function contents(schema: string) {
	const tables = rows(
		await getDb().execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`),
	).map((row) => String(row.tablename))
	const digests = tables.map(
		(t) =>
			`select '${t}' as name, count(*)::int as count, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as digest from ${schema}."${t}" x`,
	)
	return rows(await getDb().execute(sql.raw(digests.join(' union all ') + ' order by name')))
}

async function sequences() {
	return rows(
		await getDb().execute(
			sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`,
		),
	)
}

async function seededSequences() {
	return rows(await getDb().execute(sql.raw(`select name, last_value::text as value from ${seedSchema}._sequences order by 1`)))
}

test('a test file starts on the seeded data exactly, sequences included', async () => {
	const seeded = await contents(seedSchema)
	expect(seeded.find((t) => t.name === 'users')?.count).toBeGreaterThan(0)
	expect(await contents('public')).toEqual(seeded)
	expect(await sequences()).toEqual(await seededSequences())
})

test("the reset between files takes back inserts, updates and deletes, and restarts the ids", async () => {
	const before = await contents('public')
	const db = getDb()
	await cookieFor('mishu')
	await db.insert(auditEvents).values({ action: 'isolation.probe', entityType: 'test' })
	await db.update(agencies).set({ name: '已改名的单位' }).where(eq(agencies.key, 'psb'))
	await db.delete(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	expect(await isDemoInstance()).toBe(false)
	expect(await contents('public')).not.toEqual(before)
	expect(await sequences()).not.toEqual(await seededSequences())

	// What setup-each-file.ts does before the next file in this worker.
	const handle = await databaseForFile(inject('databaseTemplate'), inject('databaseSeedPlan'))
	expect(handle).toBe(getHandle())
	expect(await contents('public')).toEqual(before)
	expect(await sequences()).toEqual(await seededSequences())
	expect(await isDemoInstance()).toBe(true)
	const [inserted] = await db.insert(auditEvents).values({ action: 'isolation.probe', entityType: 'test' }).returning({ id: auditEvents.id })
	const [seededMax] = rows(await db.execute(sql.raw(`select max(id) as id from ${seedSchema}.audit_events`)))
	expect(inserted.id).toBe(Number(seededMax.id) + 1)
})

test('a reset empties and refills only the tables written to since the last one', async () => {
	const handle = getHandle() as WorkerDatabase
	await handle.reset()
	expect(await handle.reset()).toEqual([])
	await getDb().insert(auditEvents).values({ action: 'isolation.probe', entityType: 'test' })
	await getDb().delete(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	expect(await handle.reset()).toEqual(['app_meta', 'audit_events'])
	expect(await contents('public')).toEqual(await contents(seedSchema))
})
