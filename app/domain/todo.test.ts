import { expect, test } from 'vitest'
import { isDueSoon, splitTodo, todoItem, type TodoInput } from './todo'

function item(title: string, due: string | null, actionable = true, action: TodoInput['action'] = 'draft'): TodoInput {
	return { kind: 'report', action, title, href: `/reports/${title}`, due, actionable }
}

const items = [
	item('远期起草', '2026-06-30'),
	item('未定期限', null, true, 'check'),
	item('逾期两天', '2026-04-29', true, 'answer'),
	item('今日到期', '2026-05-01', true, 'distribute'),
	item('逾期十天', '2026-04-21', true, 'answer'),
	item('下周会议', '2026-05-08', false, 'attend'),
	item('远期会议', '2026-07-01', false, 'attend'),
].map((i) => todoItem(i, '2026-05-01'))

test('what awaits action comes overdue first (longest first), then by due date, undated last', () => {
	const { awaiting } = splitTodo(items, '2026-05-01', 14)
	expect(awaiting.map((i) => i.title)).toEqual(['逾期十天', '逾期两天', '今日到期', '远期起草', '未定期限'])
	expect(awaiting.map((i) => i.overdueDays)).toEqual([10, 2, 0, 0, 0])
})

test('a date to keep in view shows only within the horizon, and never as awaiting action', () => {
	const { awaiting, dueSoon } = splitTodo(items, '2026-05-01', 14)
	expect(dueSoon.filter((i) => !i.actionable).map((i) => i.title)).toEqual(['下周会议'])
	expect(awaiting.some((i) => i.action === 'attend')).toBe(false)
})

test('what awaits action within the horizon is also due soon: the two lists never contradict each other', () => {
	const { awaiting, dueSoon } = splitTodo(items, '2026-05-01', 14)
	expect(dueSoon.map((i) => i.title)).toEqual(['逾期十天', '逾期两天', '今日到期', '下周会议'])
	for (const item of awaiting) {
		expect(dueSoon.includes(item)).toBe(isDueSoon(item, '2026-05-01', 14))
	}
})

test('due soon: from the past to exactly the horizon\'s last day, never undated', () => {
	expect(isDueSoon({ due: '2026-05-15' }, '2026-05-01', 14)).toBe(true)
	expect(isDueSoon({ due: '2026-05-16' }, '2026-05-01', 14)).toBe(false)
	expect(isDueSoon({ due: '2026-01-01' }, '2026-05-01', 14)).toBe(true)
	expect(isDueSoon({ due: null }, '2026-05-01', 14)).toBe(false)
})

test('moving today forward makes items overdue and brings later dates into the horizon', () => {
	const { awaiting, dueSoon } = splitTodo(items, '2026-06-20', 14)
	expect(awaiting.map((i) => [i.title, i.overdueDays])).toEqual([
		['逾期十天', 60],
		['逾期两天', 52],
		['今日到期', 50],
		['远期起草', 0],
		['未定期限', 0],
	])
	const kept = dueSoon.filter((i) => !i.actionable)
	expect(kept.map((i) => i.title)).toEqual(['下周会议', '远期会议'])
	expect(kept[0].overdueDays).toBe(43)
})

test('moving today back: nothing is overdue, and a shorter horizon drops the meeting', () => {
	const { awaiting, dueSoon } = splitTodo(items, '2026-04-01', 14)
	expect(awaiting.every((i) => i.overdueDays === 0)).toBe(true)
	expect(awaiting.map((i) => i.title)).toEqual(['逾期十天', '逾期两天', '今日到期', '远期起草', '未定期限'])
	expect(dueSoon).toEqual([])
	const kept = (horizon: number) => splitTodo(items, '2026-05-01', horizon).dueSoon.filter((i) => !i.actionable)
	expect(kept(6)).toEqual([])
	expect(kept(7).map((i) => i.title)).toEqual(['下周会议'])
})

test('a deadline is met on its own day: due today is not overdue', () => {
	const [only] = splitTodo([todoItem(item('今日', '2026-05-01'), '2026-05-01')], '2026-05-01', 14).awaiting
	expect(only.overdueDays).toBe(0)
})

test('the same step of the same record from two providers is listed once', () => {
	const twice = [item('同一报告', '2026-05-03'), item('同一报告', '2026-05-03')].map((i) => todoItem(i, '2026-05-01'))
	expect(splitTodo(twice, '2026-05-01', 14).awaiting).toHaveLength(1)
})
