import { expect, test } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { appMeta } from '#db/schema'
import { concernStates, districts } from '~/domain/concerns'
import { rowsOf } from '~/models/sql.server'

// What the demo's deputies' concerns must show: enough of them, from every district, in every
// state, with some overdue, returned and re-handled after 不满意, each handed-in one with its
// constituents (fictional).

const db = () => getDb()

async function seededOn(): Promise<string> {
	const [row] = await db().select().from(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	return row.value as string
}

test('at least 40 concerns, from all 13 districts, in every state', async () => {
	const rows = rowsOf<{ district: string; state: string }>(await db().execute(sql`select district, state from concerns where title like '%（示例）'`))
	expect(rows.length).toBeGreaterThanOrEqual(40)
	const seen = new Set(rows.map((r) => r.district))
	expect(districts.slice(0, 13).filter((d) => !seen.has(d))).toEqual([])
	const states = new Set(rows.map((r) => r.state))
	expect(concernStates.filter((s) => !states.has(s))).toEqual([])
})

test('some overdue, some returned, some rated 不满意 and answered again, and one closed unrated', async () => {
	const today = await seededOn()
	const [counts] = rowsOf<{ overdue: number; returned: number; rehandled: number; unrated: number; promised: number }>(
		await db().execute(sql`select
			(select count(*)::int from concerns where state in ('assigned', 'rehandling') and reply_due_on < ${today}::date) as overdue,
			(select count(*)::int from concerns where returned_on is not null) as returned,
			(select count(*)::int from concern_replies r where r.rating = 'unsatisfied' and exists (select 1 from concern_replies s where s.concern_id = r.concern_id and s.round > r.round)) as rehandled,
			(select count(*)::int from concerns where closed_unrated) as unrated,
			(select count(*)::int from concern_replies where result_class = 'B' and promised_on < ${today}::date and fulfilled_on is null) as promised`),
	)
	expect(counts.overdue).toBeGreaterThanOrEqual(2)
	expect(counts.returned).toBeGreaterThanOrEqual(1)
	expect(counts.rehandled).toBeGreaterThanOrEqual(1)
	expect(counts.unrated).toBe(1)
	expect(counts.promised).toBeGreaterThanOrEqual(1)
})

test('every concern handed in has its constituents, with a name and a mobile number', async () => {
	const missing = rowsOf<{ id: number }>(
		await db().execute(sql`select c.id from concerns c where c.state <> 'draft' and not exists (select 1 from concern_constituents k where k.concern_id = c.id and k.name <> '' and k.phone ~ '^1[0-9]{10}$')`),
	)
	expect(missing).toEqual([])
})
