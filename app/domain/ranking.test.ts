import { expect, test } from 'vitest'
import { cardOf, deductions, rankingGroupOf, score, type OverdueFact, type ResultFact } from './ranking'
import { settingDefaults } from './settings'

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
