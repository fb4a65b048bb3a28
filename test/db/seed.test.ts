import { expect, test } from 'vitest'
import { asc, count, eq, sql } from 'drizzle-orm'
import { getDb, migrateDatabase, openPglite } from '#db/client.server'
import { agencies, clauses, instruments, parts, taskAgencies, tasks, users } from '#db/schema'
import { prepareDatabase } from '#db/seed/prepare.server'
import { isDemoInstance } from '~/models/meta.server'

test('the seeded decision has 6 parts, 20 clauses and a lead agency on every task', async () => {
	const db = getDb()
	const [instrument] = await db.select().from(instruments).orderBy(asc(instruments.id)).limit(1)
	expect(instrument).toMatchObject({ documentNumber: '〔十四届〕第四十五号', adoptedOn: '2021-06-09', publishedOn: '2021-06-16' })
	expect(await db.select({ value: count() }).from(parts).where(eq(parts.instrumentId, instrument.id))).toEqual([{ value: 6 }])
	expect(await db.select({ value: count() }).from(clauses).where(eq(clauses.instrumentId, instrument.id))).toEqual([{ value: 20 }])
	const withoutLead = await db
		.select({ id: tasks.id, text: tasks.text })
		.from(tasks)
		.where(sql`not exists (select 1 from ${taskAgencies} where ${taskAgencies.taskId} = ${tasks.id} and ${taskAgencies.role} = 'lead')`)
	expect(withoutLead).toEqual([])
})

test('clause (十) is led jointly by the police, the procuratorate and the court', async () => {
	const db = getDb()
	const rows = await db
		.select({ key: agencies.key, role: taskAgencies.role })
		.from(taskAgencies)
		.innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
		.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
		.innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
		.where(eq(clauses.label, '（十）'))
	expect(rows.filter((r) => r.role === 'lead').map((r) => r.key).sort()).toEqual(['court', 'procuratorate', 'psb'])
})

test('general duties in (一) and (二) fall to the joint-conference office', async () => {
	const db = getDb()
	const rows = await db
		.select({ label: clauses.label, key: agencies.key })
		.from(taskAgencies)
		.innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
		.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
		.innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
		.where(sql`${clauses.label} in ('（一）', '（二）') and ${taskAgencies.role} = 'lead'`)
	expect(rows.map((r) => r.key)).toEqual(['jco', 'jco'])
})

test('a real (non-demo) database gets reference data but no account, and seeding twice changes nothing', async () => {
	const handle = await openPglite(undefined)
	try {
		await migrateDatabase(handle)
		await prepareDatabase(handle.db, { demo: false })
		const again = await prepareDatabase(handle.db, { demo: false })
		expect(again).toEqual({ referenceSeeded: false, demoSeeded: false })
		expect(await handle.db.select({ value: count() }).from(users)).toEqual([{ value: 0 }])
		expect(await handle.db.select({ value: count() }).from(instruments)).toEqual([{ value: 1 }])
		expect(await isDemoInstance(handle.db)).toBe(false)
		// Demo data goes only into an EMPTY database: with accounts present, nothing is added.
	} finally {
		await handle.close()
	}
})

test('the demo database is marked as such and dated to the seeding day', async () => {
	expect(await isDemoInstance()).toBe(true)
	const db = getDb()
	const dated = await db.select({ deadline: tasks.deadline }).from(tasks).where(sql`${tasks.deadline} is not null`)
	expect(dated.length).toBeGreaterThanOrEqual(3)
})
