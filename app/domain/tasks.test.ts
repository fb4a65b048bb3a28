import { expect, test } from 'vitest'
import {
	assignmentProblem,
	assignmentRule,
	deadlineProblem,
	earlierDeadline,
	insertAfter,
	joinTaskTexts,
	mergeAssignments,
	mergeRule,
	mergeTasks,
	mayEditTask,
	orderAfterMerge,
	parseTaskTableQuery,
	renumber,
	sentenceBoundaries,
	splitProblem,
	splitProposal,
	splitRule,
	taskPolicy,
	taskTableSearch,
	toAssignments,
} from './tasks'

const clauseSeven =
	'公安机关应当完善快速核查打击处理机制。围绕“抓金主、铲窝点、打平台、断资金”的要求,开展全链条打击。依法及时冻结涉案问题账户,最大限度追赃挽损。定期组织清查,对违法犯罪窝点发现一处、端掉一处。积极推进国际执法合作。'

test('the table filters are read from the URL, and a role counts only with an agency', () => {
	expect(parseTaskTableQuery(new URLSearchParams('part=2&clause=11&agency=7&role=co'))).toEqual({
		partId: 2,
		clauseId: 11,
		agencyId: 7,
		role: 'co',
	})
	expect(parseTaskTableQuery(new URLSearchParams('role=lead'))).toEqual({})
	expect(parseTaskTableQuery(new URLSearchParams('part=x&clause=-1&agency=0&role=boss'))).toEqual({})
	expect(parseTaskTableQuery(new URLSearchParams('agency=3&role=boss'))).toEqual({ agencyId: 3 })
})

test('the print and CSV links carry the same filters', () => {
	expect(taskTableSearch({})).toBe('')
	expect(taskTableSearch({ partId: 2, agencyId: 7, role: 'lead' })).toBe('?part=2&agency=7&role=lead')
	expect(taskTableSearch({ clauseId: 4, role: 'lead' })).toBe('?clause=4')
	const query = { instrumentId: 1, partId: 3, clauseId: 9, agencyId: 5, role: 'co' as const }
	expect(parseTaskTableQuery(new URLSearchParams(taskTableSearch(query)))).toEqual(query)
})

test('a deadline is a real date, or 长期 without a date', () => {
	expect(deadlineProblem(false, '2025-12-31')).toBeNull()
	expect(deadlineProblem(true, '')).toBeNull()
	expect(deadlineProblem(true, undefined)).toBeNull()
	expect(deadlineProblem(false, '')).toBe('required')
	expect(deadlineProblem(false, undefined)).toBe('required')
	expect(deadlineProblem(false, '2025-02-30')).toBe('invalid')
	expect(deadlineProblem(false, '2025/12/31')).toBe('invalid')
	expect(deadlineProblem(false, '0202-06-30')).toBe('outOfRange')
	expect(deadlineProblem(true, '2025-12-31')).toBe('longTermWithDate')
})

test('of two deadlines the earlier date wins and 长期 loses to any date', () => {
	expect(earlierDeadline('2025-06-30', '2025-03-31')).toBe('2025-03-31')
	expect(earlierDeadline(null, '2025-03-31')).toBe('2025-03-31')
	expect(earlierDeadline('2025-06-30', null)).toBe('2025-06-30')
	expect(earlierDeadline(null, null)).toBeNull()
})

test('a task needs a lead, and an agency cannot both lead and assist', () => {
	expect(assignmentProblem([], [3])).toEqual({ kind: 'noLead' })
	expect(assignmentProblem([1, 2], [2, 3, 2])).toEqual({ kind: 'both', agencyIds: [2] })
	expect(assignmentProblem([1, 2], [3])).toBeNull()
	expect(toAssignments([1, 1, 2], [3, 3])).toEqual([
		{ agencyId: 1, role: 'lead' },
		{ agencyId: 2, role: 'lead' },
		{ agencyId: 3, role: 'co' },
	])
})

test('merging agency sets keeps every agency once, and lead wins over co', () => {
	const merged = mergeAssignments(
		[
			{ agencyId: 1, role: 'lead' },
			{ agencyId: 2, role: 'co' },
		],
		[
			{ agencyId: 2, role: 'lead' },
			{ agencyId: 3, role: 'co' },
			{ agencyId: 1, role: 'co' },
		],
	)
	expect(merged).toEqual([
		{ agencyId: 1, role: 'lead' },
		{ agencyId: 2, role: 'lead' },
		{ agencyId: 3, role: 'co' },
	])
})

test('sentence boundaries are where the measures of (七) can be split', () => {
	const boundaries = sentenceBoundaries(clauseSeven)
	expect(boundaries).toHaveLength(4)
	expect(clauseSeven.slice(0, boundaries[0])).toBe('公安机关应当完善快速核查打击处理机制。')
	expect(sentenceBoundaries('只有一句。')).toEqual([])
	expect(sentenceBoundaries('他说：“好。”然后走了；再来。')).toEqual([7, 12])
})

test('the split form starts at the chosen sentence, else in the middle', () => {
	const middle = splitProposal(clauseSeven)
	expect(middle.at).toBe(2)
	expect(middle.first.endsWith('开展全链条打击。')).toBe(true)
	expect(middle.first + middle.second).toBe(clauseSeven)
	const first = splitProposal(clauseSeven, 1)
	expect(first.first).toBe('公安机关应当完善快速核查打击处理机制。')
	expect(splitProposal(clauseSeven, 99).at).toBe(2)
	expect(splitProposal('只有一句。')).toEqual({ first: '只有一句。', second: '', at: null })
})

test('a split must divide the text, not rewrite or drop any of it', () => {
	const { first, second } = splitProposal(clauseSeven, 3)
	expect(splitProblem(clauseSeven, first, second)).toBeNull()
	expect(splitProblem(clauseSeven, `${first}\n`, `  ${second}`)).toBeNull()
	expect(splitProblem(clauseSeven, clauseSeven, '')).toBe('secondEmpty')
	expect(splitProblem(clauseSeven, ' ', clauseSeven)).toBe('firstEmpty')
	expect(splitProblem(clauseSeven, first, second.slice(1))).toBe('changed')
	expect(splitProblem(clauseSeven, first, `${second}另加一句。`)).toBe('changed')
	// Anywhere in a sentence is a valid point too.
	expect(splitProblem('甲应当做一事并做二事。', '甲应当做一事', '并做二事。')).toBeNull()
})

test('merged texts are joined in the clause order and keep a sentence break', () => {
	expect(joinTaskTexts('甲应当做一事。', '乙应当做二事。')).toBe('甲应当做一事。乙应当做二事。')
	expect(joinTaskTexts('甲应当做一事', '乙应当做二事。')).toBe('甲应当做一事。乙应当做二事。')
	const merged = mergeTasks(
		{ ordinal: 3, text: '后一项。', deadline: null, agencies: [{ agencyId: 5, role: 'lead' }] },
		{ ordinal: 2, text: '前一项。', deadline: '2025-09-30', agencies: [{ agencyId: 4, role: 'lead' }, { agencyId: 5, role: 'co' }] },
	)
	expect(merged).toEqual({
		text: '前一项。后一项。',
		deadline: '2025-09-30',
		agencies: [
			{ agencyId: 4, role: 'lead' },
			{ agencyId: 5, role: 'lead' },
		],
	})
})

test('a split task is followed by its new half, and later tasks move down', () => {
	const order = insertAfter([10, 11, 12], 11, 99)
	expect(order).toEqual([10, 11, 99, 12])
	const current = [
		{ id: 10, ordinal: 1 },
		{ id: 11, ordinal: 2 },
		{ id: 99, ordinal: 3 },
		{ id: 12, ordinal: 3 },
	]
	expect(renumber(current, order)).toEqual([{ id: 12, ordinal: 4 }])
})

test('after a merge the kept task takes the earlier place and ordinals close up', () => {
	expect(orderAfterMerge([10, 11, 12, 13], 12, 10)).toEqual([12, 11, 13])
	expect(orderAfterMerge([10, 11, 12, 13], 10, 12)).toEqual([10, 11, 13])
	const current = [
		{ id: 10, ordinal: 1 },
		{ id: 11, ordinal: 2 },
		{ id: 12, ordinal: 3 },
		{ id: 13, ordinal: 4 },
	]
	expect(renumber(current, [12, 11, 13])).toEqual([
		{ id: 12, ordinal: 1 },
		{ id: 13, ordinal: 3 },
	])
})

test('the office keeps the table: the secretariat and admin edit, split and merge tasks, nobody else', () => {
	for (const role of ['secretariat', 'admin'] as const) expect(taskPolicy({ role })).toEqual({ edit: true, split: true, merge: true })
	for (const role of ['member', 'deputy', 'agency'] as const) {
		expect(taskPolicy({ role })).toEqual({ edit: false, split: false, merge: false })
		expect(mayEditTask({ role })).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	}
})

test('the rules of an edit as verdicts: a lead, a split that keeps the text, a merge within one clause', () => {
	const names = (id: number) => ({ 1: '武汉市公安局', 2: '武汉市教育局' })[id] ?? String(id)
	expect(assignmentRule([1], [2], names).ok).toBe(true)
	expect(assignmentRule([], [2], names)).toEqual({ ok: false, refusal: { kind: 'rule', code: 'tasks.noLead', status: 400 } })
	expect(assignmentRule([1, 2], [2], names)).toEqual({
		ok: false,
		refusal: { kind: 'rule', code: 'tasks.both', params: { names: '武汉市教育局' }, status: 400 },
	})
	expect(splitRule('甲。乙。', '甲。', '乙。').ok).toBe(true)
	expect(splitRule('甲。乙。', '甲。', '丙。')).toEqual({ ok: false, refusal: { kind: 'rule', code: 'tasks.splitChanged', status: 400 } })
	expect(splitRule('甲。乙。', ' ', '甲。乙。')).toEqual({ ok: false, refusal: { kind: 'rule', code: 'tasks.splitFirstEmpty', status: 400 } })
	expect(mergeRule({ id: 1, clauseId: 7 }, { id: 2, clauseId: 7 }).ok).toBe(true)
	expect(mergeRule({ id: 1, clauseId: 7 }, { id: 2, clauseId: 8 }).ok).toBe(false)
	expect(mergeRule({ id: 1, clauseId: 7 }, { id: 1, clauseId: 7 }).ok).toBe(false)
})
