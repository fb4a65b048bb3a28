import { expect, test } from 'vitest'
import {
	agendaEntryAccess,
	agendaItemAccess,
	agendaSubjectPath,
	agendaView,
	attendanceCounts,
	attendanceEntriesRule,
	dateProblem,
	formatMeetingDates,
	meetingDatesProblem,
	meetingLabel,
	mayDeletePlanItem,
	mayManageMeetings,
	mayManagePlan,
	meetingPhase,
	meetingPolicy,
	moveInOrder,
	planPolicy,
	planYears,
} from './meetings'

test('a meeting is named by its term and session in Chinese numerals', () => {
	expect(meetingLabel({ term: 15, session: 23 })).toBe('第十五届人大常委会第二十三次会议')
	expect(meetingLabel({ term: 14, session: 38 })).toBe('第十四届人大常委会第三十八次会议')
})

test('a meeting that ends before it starts is refused; a one-day meeting is fine', () => {
	expect(meetingDatesProblem('2025-06-24', '2025-06-23')).toBe('endBeforeStart')
	expect(meetingDatesProblem('2025-06-24', '2025-06-24')).toBeNull()
	expect(meetingDatesProblem('2025-06-24', '2025-06-26')).toBeNull()
})

test('a meeting date must be a real calendar date between 2000 and 2099', () => {
	expect(dateProblem(undefined)).toBe('required')
	expect(dateProblem('')).toBe('required')
	expect(dateProblem('2025-02-30')).toBe('invalid')
	expect(dateProblem('24/06/2025')).toBe('invalid')
	expect(dateProblem('1999-12-31')).toBe('outOfRange')
	expect(dateProblem('2025-06-24')).toBeNull()
})

test('a meeting is upcoming before its first day, in session through its last day, then past', () => {
	const meeting = { startsOn: '2025-06-24', endsOn: '2025-06-26' }
	expect(meetingPhase(meeting, '2025-06-23')).toBe('upcoming')
	expect(meetingPhase(meeting, '2025-06-24')).toBe('in_session')
	expect(meetingPhase(meeting, '2025-06-26')).toBe('in_session')
	expect(meetingPhase(meeting, '2025-06-27')).toBe('past')
})

test('moving an agenda item swaps it with its neighbour, and does nothing at either end', () => {
	expect(moveInOrder([1, 2, 3], 2, 'up')).toEqual([2, 1, 3])
	expect(moveInOrder([1, 2, 3], 2, 'down')).toEqual([1, 3, 2])
	expect(moveInOrder([1, 2, 3], 1, 'up')).toEqual([1, 2, 3])
	expect(moveInOrder([1, 2, 3], 3, 'down')).toEqual([1, 2, 3])
	expect(moveInOrder([1, 2, 3], 9, 'up')).toEqual([1, 2, 3])
})

test('the secretariat sees every paper, a member only distributed ones, liaisons and deputies titles only', () => {
	expect(agendaView('secretariat')).toBe('full')
	expect(agendaView('admin')).toBe('full')
	expect(agendaView('member')).toBe('member')
	expect(agendaView('agency')).toBe('titles')
	expect(agendaView('deputy')).toBe('titles')
	const report = { subjectType: 'report', subjectId: 7 }
	expect(agendaEntryAccess('full', report, false)).toBe('link')
	expect(agendaEntryAccess('member', report, true)).toBe('link')
	expect(agendaEntryAccess('member', report, false)).toBe('not_distributed')
	expect(agendaEntryAccess('titles', report, true)).toBe('title')
	// Business without a record in the app has no paper to open.
	const free = { subjectType: null, subjectId: null }
	expect(agendaEntryAccess('full', free, false)).toBe('title')
	expect(agendaEntryAccess('member', free, false)).toBe('title')
})

test('a report on the agenda links to its page; kinds without a page yet link nowhere', () => {
	expect(agendaSubjectPath('report', 7)).toBe('/reports/7')
	expect(agendaSubjectPath('inspection', 4)).toBe('/inspections/4')
	expect(agendaSubjectPath('resolution', 3)).toBe('/resolutions/3')
	expect(agendaSubjectPath('interpellation', 5)).toBe('/interpellations/5')
	expect(agendaSubjectPath('other', 3)).toBeNull()
	expect(agendaSubjectPath(null, null)).toBeNull()
})

test('attendance is counted per status, blanks as not recorded', () => {
	expect(attendanceCounts(['present', 'present', 'leave', null, 'absent', null])).toEqual({
		present: 2,
		leave: 1,
		absent: 1,
		unrecorded: 2,
	})
})

test('meeting dates read naturally in Chinese', () => {
	expect(formatMeetingDates({ startsOn: '2025-06-24', endsOn: '2025-06-26' }, 'zh')).toBe('2025年6月24日至26日')
	expect(formatMeetingDates({ startsOn: '2025-06-30', endsOn: '2025-07-02' }, 'zh')).toBe('2025年6月30日至7月2日')
	expect(formatMeetingDates({ startsOn: '2025-12-30', endsOn: '2026-01-02' }, 'zh')).toBe('2025年12月30日至2026年1月2日')
	expect(formatMeetingDates({ startsOn: '2025-06-24', endsOn: '2025-06-24' }, 'zh')).toBe('2025年6月24日')
	expect(formatMeetingDates({ startsOn: '2025-06-24', endsOn: '2025-06-26' }, 'en')).toBe('2025-06-24 – 2025-06-26')
})

test('the plan offers the years with items and the years around today, latest first', () => {
	expect(planYears([2023, 2026], '2026-03-01')).toEqual([2027, 2026, 2025, 2023])
	expect(planYears([], '2025-12-31')).toEqual([2026, 2025, 2024])
})

test('the secretariat keeps the meetings; members, the office and admin read attendance', () => {
	expect(meetingPolicy({ role: 'secretariat' })).toEqual({ agenda: 'full', readAttendance: true, manage: true })
	expect(meetingPolicy({ role: 'admin' })).toEqual({ agenda: 'full', readAttendance: true, manage: false })
	expect(meetingPolicy({ role: 'member' })).toEqual({ agenda: 'member', readAttendance: true, manage: false })
	expect(meetingPolicy({ role: 'agency' })).toEqual({ agenda: 'titles', readAttendance: false, manage: false })
	expect(meetingPolicy({ role: 'deputy' })).toEqual({ agenda: 'titles', readAttendance: false, manage: false })
	expect(mayManageMeetings({ role: 'secretariat' }).ok).toBe(true)
	expect(mayManageMeetings({ role: 'admin' })).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
})

test('a member opens a distributed report and every inspection on the agenda; other papers say 材料尚未分发', () => {
	const report = { subjectType: 'report', subjectId: 7 }
	const inspection = { subjectType: 'inspection', subjectId: 4 }
	expect(agendaItemAccess({ role: 'member' }, report, 'distributed')).toBe('link')
	expect(agendaItemAccess({ role: 'member' }, report, 'deliberation')).toBe('link')
	expect(agendaItemAccess({ role: 'member' }, report, 'revised_submitted')).toBe('not_distributed')
	expect(agendaItemAccess({ role: 'member' }, inspection, null)).toBe('link')
	expect(agendaItemAccess({ role: 'secretariat' }, report, 'scheduled')).toBe('link')
	expect(agendaItemAccess({ role: 'agency' }, report, 'distributed')).toBe('title')
	expect(agendaItemAccess({ role: 'deputy' }, inspection, null)).toBe('title')
})

test('attendance records the expected members, each with a known status or none', () => {
	expect(attendanceEntriesRule([1, 2], [{ userId: 1, status: 'present' }, { userId: 2, status: null }]).ok).toBe(true)
	expect(attendanceEntriesRule([1, 2], [{ userId: 2, status: 'late' }]).ok).toBe(false)
	expect(attendanceEntriesRule([1, 2], [{ userId: 3, status: 'present' }])).toEqual({
		ok: false,
		refusal: { kind: 'rule', code: 'meetings.attendanceInvalid', status: 400 },
	})
})

test('the secretariat draws up the plan; an item something carries out cannot be deleted', () => {
	expect(planPolicy({ role: 'secretariat' })).toEqual({ read: true, manage: true })
	expect(planPolicy({ role: 'member' })).toEqual({ read: true, manage: false })
	expect(planPolicy({ role: 'admin' })).toEqual({ read: true, manage: false })
	expect(planPolicy({ role: 'deputy' })).toEqual({ read: false, manage: false })
	expect(planPolicy({ role: 'agency' })).toEqual({ read: false, manage: false })
	expect(mayManagePlan({ role: 'member' }).ok).toBe(false)
	expect(mayDeletePlanItem(0).ok).toBe(true)
	expect(mayDeletePlanItem(2)).toEqual({ ok: false, refusal: { kind: 'rule', code: 'plan.referenced', params: { count: 2 } } })
})
