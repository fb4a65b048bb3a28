import { monthStart } from './dashboard'
import { expect, test } from 'vitest'
import { cardHistory, cardOf, deductions, rankingGroupOf, score, type DatedItem, type OverdueFact, type ResultFact } from './ranking'
import { settingDefaults } from './settings'
import { addDays, daysBetween } from './dates'

const item = (id: number, overdueDays: number, dueOn = '2026-01-01', kind = 'commitment'): OverdueFact => ({ kind, id, title: `事项${id}`, href: `/x/${id}`, dueOn, overdueDays })
const result = (id: number, on: string, unsatisfied: boolean): ResultFact => ({ id, title: `报告${id}`, href: `/r/${id}`, on, unsatisfied })

test('exactly 30 days overdue is no card; 31 is yellow, earned the 31st day after the due date', () => {
	expect(cardOf([item(1, 30)], [], settingDefaults)).toBeNull()
	expect(cardOf([item(1, 31, '2026-01-01')], [], settingDefaults)).toMatchObject({ colour: 'yellow', since: '2026-02-01' })
})

test('three items more than 30 days overdue make a red card, dated when the third crossed; two do not', () => {
	expect(cardOf([item(1, 40), item(2, 35)], [], settingDefaults)?.colour).toBe('yellow')
	const card = cardOf([item(1, 40, '2026-01-01'), item(2, 35, '2026-01-10'), item(3, 31, '2026-01-20')], [], settingDefaults)
	expect(card).toMatchObject({ colour: 'red', since: '2026-02-20' })
	expect(card?.reasons[0].items).toHaveLength(3)
})

test('exactly 90 days overdue is yellow; 91 is red', () => {
	expect(cardOf([item(1, 90)], [], settingDefaults)?.colour).toBe('yellow')
	expect(cardOf([item(1, 91, '2026-01-01')], [], settingDefaults)).toMatchObject({ colour: 'red', since: '2026-04-02' })
})

test('one 不满意 is yellow; two consecutive are red; two with a 满意 between are yellow', () => {
	expect(cardOf([], [result(1, '2026-03-01', true)], settingDefaults)).toMatchObject({ colour: 'yellow', since: '2026-03-01' })
	expect(cardOf([], [result(1, '2026-03-01', true), result(2, '2026-06-01', true)], settingDefaults)).toMatchObject({ colour: 'red', since: '2026-06-01' })
	expect(cardOf([], [result(1, '2026-03-01', true), result(3, '2026-04-01', false), result(2, '2026-06-01', true)], settingDefaults)?.colour).toBe('yellow')
	expect(cardOf([], [result(1, '2026-03-01', false)], settingDefaults)).toBeNull()
})

test('the score loses points per item, per month overdue, per 不满意 and per unrectified finding, never below 0', () => {
	const list = deductions([item(1, 65, '2026-01-01', 'finding'), item(2, 1)], [result(1, '2026-03-01', true), result(2, '2026-03-02', false)], settingDefaults)
	// finding: 2 + 2×1 + 1; commitment: 2; 不满意: 5
	expect(score(list)).toBe(100 - 5 - 2 - 5)
	expect(score(deductions(Array.from({ length: 80 }, (_, i) => item(i, 10)), [], settingDefaults))).toBe(0)
})

test('the committee is never ranked; districts and functional zones form their own group', () => {
	expect(rankingGroupOf({ kind: 'congress', level: '市' })).toBeNull()
	expect(rankingGroupOf({ kind: 'government', level: '区' })).toBe('district')
	expect(rankingGroupOf({ kind: 'department', level: '市' })).toBe('city')
})

test('each answer to a deputy’s concern rated 不满意 costs its points, and earns no card by itself', () => {
	const ratings = [
		{ title: '建议甲', href: '/concerns/1' },
		{ title: '建议乙', href: '/concerns/2' },
	]
	const list = deductions([], [], settingDefaults, ratings)
	expect(list.map((d) => [d.cause, d.points])).toEqual([
		['concern', settingDefaults.rankConcernUnsatisfiedPoints],
		['concern', settingDefaults.rankConcernUnsatisfiedPoints],
	])
	expect(score(list)).toBe(100 - 2 * settingDefaults.rankConcernUnsatisfiedPoints)
	expect(cardOf([], [], settingDefaults)).toBeNull()
})

const dated = (id: number, dueOn: string, closedOn: string | null = null): DatedItem => ({ kind: 'finding', id, title: `事项${id}`, href: `/x/${id}`, dueOn, closedOn })
const spans = (spells: ReturnType<typeof cardHistory>) => spells.map((s) => [s.colour, s.earnedOn, s.liftedOn])

test('card history: exactly 30 days overdue is no card; the 31st day earns yellow; closing the item lifts it that day', () => {
	// Due 2026-01-01: 30 days overdue on 01-31, 31 on 02-01.
	expect(cardHistory([dated(1, '2026-01-01')], [], settingDefaults, '2026-01-01', '2026-01-31')).toEqual([])
	const held = cardHistory([dated(1, '2026-01-01')], [], settingDefaults, '2026-01-01', '2026-02-01')
	expect(spans(held)).toEqual([['yellow', '2026-02-01', null]])
	expect(held[0].reasons).toEqual([{ reason: 'overdueLong', since: '2026-02-01', items: [{ title: '事项1', href: '/x/1' }] }])
	expect(spans(cardHistory([dated(1, '2026-01-01', '2026-02-15')], [], settingDefaults, '2026-01-01', '2026-12-31'))).toEqual([['yellow', '2026-02-01', '2026-02-15']])
	// Closed on the 30th day overdue: never carded.
	expect(cardHistory([dated(1, '2026-01-01', '2026-01-31')], [], settingDefaults, '2026-01-01', '2026-12-31')).toEqual([])
})

test('card history: a third long-overdue item turns the card red; closing one brings back a new yellow spell', () => {
	const items = [dated(1, '2026-01-01'), dated(2, '2026-01-05'), dated(3, '2026-01-10', '2026-03-01')]
	const spells = cardHistory(items, [], settingDefaults, '2026-01-01', '2026-03-20')
	expect(spans(spells)).toEqual([
		['yellow', '2026-02-01', '2026-02-10'],
		['red', '2026-02-10', '2026-03-01'],
		['yellow', '2026-03-01', null],
	])
	expect(spells[1].reasons.map((r) => [r.reason, r.items.length])).toEqual([['overdueMany', 3]])
	expect(spells[2].reasons[0].items.map((i) => i.href)).toEqual(['/x/1', '/x/2'])
	// Item 1 passes 90 days overdue on 2026-04-02 (91 days): red again, by another reason.
	expect(spans(cardHistory(items, [], settingDefaults, '2026-01-01', '2026-04-02')).at(-1)).toEqual(['red', '2026-04-02', null])
})

test('card history: two consecutive 不满意 results are red from the second one’s date', () => {
	const results = [result(1, '2026-03-01', true), result(2, '2026-06-01', true)]
	expect(spans(cardHistory([], results, settingDefaults, '2026-01-01', '2026-12-31'))).toEqual([
		['yellow', '2026-03-01', '2026-06-01'],
		['red', '2026-06-01', null],
	])
	// Not yet known on `to`: a result after the period does not count.
	expect(spans(cardHistory([], results, settingDefaults, '2026-01-01', '2026-05-31'))).toEqual([['yellow', '2026-03-01', null]])
})

test('card history: a 不满意 result stands twelve months, as on the ranking notice, then the card is lifted', () => {
	// Voted 2025-03-10: it counts through 2026-02-28 (the window of 2026-02-28 starts 2025-03-01).
	expect(spans(cardHistory([], [result(1, '2025-03-10', true)], settingDefaults, '2025-01-01', '2026-12-31'))).toEqual([['yellow', '2025-03-10', '2026-03-01']])
	// Two consecutive ones, the first ageing out: red, then yellow for the second alone.
	expect(spans(cardHistory([], [result(1, '2025-03-10', true), result(2, '2025-09-01', true)], settingDefaults, '2025-01-01', '2026-12-31'))).toEqual([
		['yellow', '2025-03-10', '2025-09-01'],
		['red', '2025-09-01', '2026-03-01'],
		['yellow', '2026-03-01', '2026-09-01'],
	])
})

test('card history: an empty record has no spells; a spell lifted before the period is left out, one held on its first day keeps its real date', () => {
	expect(cardHistory([], [], settingDefaults, '2026-01-01', '2026-12-31')).toEqual([])
	expect(cardHistory([dated(1, '2025-01-01', '2025-03-01')], [], settingDefaults, '2026-01-01', '2026-12-31')).toEqual([])
	expect(spans(cardHistory([dated(1, '2025-11-01', '2026-01-01')], [], settingDefaults, '2026-01-01', '2026-12-31'))).toEqual([])
	expect(spans(cardHistory([dated(1, '2025-11-01', '2026-01-02')], [], settingDefaults, '2026-01-01', '2026-12-31'))).toEqual([['yellow', '2025-12-02', '2026-01-02']])
})

test('card history: evaluating only the days something can change gives the same spells as looking at every day', () => {
	let state = 11
	const next = (n: number) => {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
		return Math.floor((state / 2 ** 32) * n)
	}
	const day = (offset: number) => addDays('2025-06-01', offset)
	for (let round = 0; round < 40; round++) {
		const items = Array.from({ length: next(6) }, (_, i) => {
			const due = next(300)
			return dated(i + 1, day(due), next(3) ? day(due + next(200)) : null)
		})
		const results = Array.from({ length: next(4) }, (_, i) => result(i + 1, day(next(400)), next(2) === 0))
		const from = day(100 + next(100))
		const to = day(300 + next(150))
		// Day by day: the colour each day from the record's start to `to`.
		const daily: Array<[string, string, string | null]> = []
		for (let d = day(0); d <= to; d = addDays(d, 1)) {
			const colour = cardOf(items.filter((it) => it.dueOn < d && (it.closedOn === null || it.closedOn > d)).map((it) => ({ ...it, overdueDays: daysBetween(it.dueOn, d) })), results.filter((r) => r.on <= d && r.on >= monthStart(d, 11)), settingDefaults)?.colour
			const last = daily.at(-1)
			if (last && last[2] === null && last[0] !== colour) last[2] = d
			if (colour && (!last || last[2] !== null)) daily.push([colour, d, null])
		}
		expect(spans(cardHistory(items, results, settingDefaults, from, to))).toEqual(daily.filter((s) => s[2] === null || s[2] > from))
	}
})
