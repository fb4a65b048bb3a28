import { expect, test } from 'vitest'
import { settingDefaults } from './settings'
import { isLate, memberMayRead, reportDeadlines, reportStanding } from './reports'

test('Art. 15: the draft is due 20 days, the revision 10 days, distribution 7 days before the meeting', () => {
	expect(reportDeadlines('2026-12-22', settingDefaults)).toEqual({
		draft: '2026-12-02',
		revised: '2026-12-12',
		distribution: '2026-12-15',
	})
})

test('a deadline across a month boundary counts calendar days', () => {
	expect(reportDeadlines('2027-03-05', settingDefaults).draft).toBe('2027-02-13')
})

test('a report submitted on its due date is on time; a day later is late', () => {
	const onTime = reportStanding('2026-12-22', { draftSubmittedOn: '2026-12-02', revisedSubmittedOn: null, distributedOn: null }, settingDefaults, '2026-12-05')
	expect(onTime.draft).toEqual({ kind: 'done', on: '2026-12-02', daysLate: 0 })
	expect(onTime.revised).toEqual({ kind: 'pending', due: '2026-12-12', daysLeft: 7 })
	expect(isLate(onTime)).toBe(false)
	const late = reportStanding('2026-12-22', { draftSubmittedOn: '2026-12-03', revisedSubmittedOn: null, distributedOn: null }, settingDefaults, '2026-12-05')
	expect(late.draft).toMatchObject({ kind: 'done', daysLate: 1 })
	expect(isLate(late)).toBe(true)
})

test('a milestone not met after its date is overdue', () => {
	const standing = reportStanding('2026-12-22', { draftSubmittedOn: null, revisedSubmittedOn: null, distributedOn: null }, settingDefaults, '2026-12-04')
	expect(standing.draft).toEqual({ kind: 'overdue', due: '2026-12-02', daysOverdue: 2 })
})

test('members read a report only once it is distributed', () => {
	expect(memberMayRead('scheduled')).toBe(false)
	expect(memberMayRead('draft_submitted')).toBe(false)
	expect(memberMayRead('revised_submitted')).toBe(false)
	expect(memberMayRead('distributed')).toBe(true)
})
