import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { choices, satisfactionResult, type Tally } from '~/domain/deliberation'
import { actorFor } from '#test/helpers'
import { listDeliberations, withResult } from '../deliberation/queries.server'
import { monthsOf, parsePeriod } from '~/domain/dashboard'
import { rowsOf } from '../sql.server'
import { concernsBy, itemsPerMonth, listOpenItems, overdueByAgency, satisfactionPerMonth, satisfactionResultSql } from './dashboard.server'
import { loadTaskStatuses } from './queries.server'
import { itemKinds } from './sources.server'
import { today } from '#test/fixtures/findings'

const db = () => getDb()

function random(seed: number) {
	let state = seed >>> 0
	return () => {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
		return state / 2 ** 32
	}
}

test('the satisfaction result in SQL is the domain rule, over random tallies and thresholds', async () => {
	const next = random(Number(process.env.STATUS_SEED ?? 7))
	const cases: Array<{ tally: Tally; threshold: number }> = [
		{ tally: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 }, threshold: 50 },
		{ tally: { satisfied: 5, basically_satisfied: 0, unsatisfied: 5 }, threshold: 50 },
		{ tally: { satisfied: 5, basically_satisfied: 1, unsatisfied: 4 }, threshold: 50 },
	]
	for (let i = 0; i < 60; i++) {
		cases.push({
			tally: { satisfied: Math.floor(next() * 30), basically_satisfied: Math.floor(next() * 30), unsatisfied: Math.floor(next() * 30) },
			threshold: 50 + Math.floor(next() * 41),
		})
	}
	for (const { tally, threshold } of cases) {
		const [row] = rowsOf<{ result: string | null }>(
			await db().execute(sql`select ${satisfactionResultSql(threshold)} as result from (select ${JSON.stringify(tally)}::jsonb as tally) d`),
		)
		expect({ tally, threshold, result: row.result }).toEqual({ tally, threshold, result: satisfactionResult(tally, threshold) })
	}
})

test('every bar counts what the list behind it lists', async () => {
	const on = today()
	const period = parsePeriod(new URLSearchParams(), on)
	const flow = await itemsPerMonth(db(), period)
	expect(flow.map((m) => m.month)).toEqual(monthsOf(period))
	for (const month of flow) {
		expect((await listOpenItems(db(), { state: 'all', openedIn: month.month, period }, on, 1)).total).toBe(month.opened)
		expect((await listOpenItems(db(), { state: 'closed', closedIn: month.month }, on, 1)).total).toBe(month.closed)
	}
	const overdue = await overdueByAgency(db(), on)
	for (const row of overdue) {
		const listed = await listOpenItems(db(), { state: 'all', overdue: true, agencyId: row.agencyId, kind: row.kind }, on, 1)
		expect(listed.total).toBe(row.count)
		expect(listed.rows.every((item) => item.overdueDays > 0)).toBe(true)
	}
	// Each satisfaction bar leads to the deliberation list of that result and month, as the
	// committee's members read it.
	const member = await actorFor('weiyuan1')
	const satisfaction = await satisfactionPerMonth(db(), period, 50)
	expect(satisfaction.length).toBeGreaterThan(0)
	for (const month of satisfaction) {
		for (const choice of choices) {
			const listed = await listDeliberations(db(), member, 'all', on, withResult(50, choice, month.month))
			expect({ month: month.month, choice, listed: listed.length }).toEqual({ month: month.month, choice, listed: month[choice] })
		}
	}
	const allOverdue = await listOpenItems(db(), { state: 'all', overdue: true }, on, 1)
	expect(allOverdue.total).toBe(overdue.reduce((sum, row) => sum + row.count, 0))
	expect(itemKinds.length).toBeGreaterThan(3)
	// A task lags exactly when an item linked to it is overdue or its deadline passed: with
	// nothing overdue anywhere and no deadline passed, nothing lags.
	const statuses = await loadTaskStatuses(db(), on)
	if (allOverdue.total === 0) expect([...statuses.values()].every((s) => s.derived.status !== 'lagging' || s.derived.deadlineMissed)).toBe(true)
})

test('the concerns by district and by category count each concern handed in during the period once, overdue apart', async () => {
	const day = today()
	const period = parsePeriod(new URLSearchParams(), day)
	const rows = rowsOf<{ district: string; category: number; state: string; due: string | null }>(
		await db().execute(sql`select district, category_id as category, state, reply_due_on::text as due from concerns
			where state not in ('draft', 'declined', 'merged') and submitted_on between ${period.from}::date and ${period.to}::date`),
	)
	const overdue = rows.filter((r) => ['assigned', 'rehandling'].includes(r.state) && r.due !== null && r.due < day)
	const closed = rows.filter((r) => r.state === 'closed')
	for (const by of ['district', 'category'] as const) {
		const groups = await concernsBy(db(), by, period, day)
		const total = (key: 'handling' | 'overdue' | 'closed') => groups.reduce((sum, g) => sum + g[key], 0)
		expect({ by, all: total('handling') + total('overdue') + total('closed'), overdue: total('overdue'), closed: total('closed') }).toEqual({
			by,
			all: rows.length,
			overdue: overdue.length,
			closed: closed.length,
		})
		expect(groups.length).toBe(new Set(rows.map((r) => (by === 'district' ? r.district : String(r.category)))).size)
	}
})
