import { expect, test } from 'vitest'
import { settingDefaults } from './settings'
import { handlingOverdueDays, handlingReportDue, mayVote, satisfactionResult, tallyOf } from './deliberation'

test('more than half 满意 is 满意; exactly half is not', () => {
	expect(satisfactionResult({ satisfied: 6, basically_satisfied: 3, unsatisfied: 2 }, 50)).toBe('satisfied')
	expect(satisfactionResult({ satisfied: 5, basically_satisfied: 3, unsatisfied: 2 }, 50)).toBe('basically_satisfied')
})

test('满意 and 基本满意 together over half is 基本满意, otherwise 不满意', () => {
	expect(satisfactionResult({ satisfied: 2, basically_satisfied: 4, unsatisfied: 5 }, 50)).toBe('basically_satisfied')
	expect(satisfactionResult({ satisfied: 2, basically_satisfied: 3, unsatisfied: 5 }, 50)).toBe('unsatisfied')
})

test('the threshold is a setting', () => {
	expect(satisfactionResult({ satisfied: 6, basically_satisfied: 4, unsatisfied: 0 }, 60)).toBe('basically_satisfied')
	expect(satisfactionResult({ satisfied: 7, basically_satisfied: 3, unsatisfied: 0 }, 60)).toBe('satisfied')
})

test('no votes cast gives no result', () => {
	expect(satisfactionResult(tallyOf([]), 50)).toBe(null)
})

test('a vote after the close is refused, and so is one where the tally came from the meeting', () => {
	expect(mayVote('open', false)).toEqual({ ok: true })
	expect(mayVote('vote_closed', false).ok).toBe(false)
	expect(mayVote('open', true).ok).toBe(false)
})

test('the handling report is due 60 days after the letter by default, or on the date set', () => {
	expect(handlingReportDue('2026-01-31', settingDefaults)).toBe('2026-04-01')
	expect(handlingReportDue('2026-01-31', settingDefaults, '2026-03-01')).toBe('2026-03-01')
})

test('a handling report is overdue only while it is awaited', () => {
	expect(handlingOverdueDays('letter_sent', '2026-11-01', '2026-11-27')).toBe(26)
	expect(handlingOverdueDays('handling_submitted', '2026-11-01', '2026-11-27')).toBe(0)
	expect(handlingOverdueDays('letter_sent', '2026-12-01', '2026-11-27')).toBe(0)
})
