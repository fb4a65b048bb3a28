import { expect, test } from 'vitest'
import { findConflicts, overlaps, timesInOrder, visibleToAgency, type ScheduledEvent } from './schedule'

function visit(overrides: Partial<ScheduledEvent>): ScheduledEvent {
	return {
		kind: 'visit',
		id: null,
		title: '实地检查',
		startsOn: '2026-12-03',
		endsOn: '2026-12-03',
		startTime: '09:00',
		endTime: '11:00',
		participantIds: [1, 2],
		agencyIds: [10],
		...overrides,
	}
}

const period = { startsOn: '2026-12-01', endsOn: '2026-12-20' }

test('an end before its start is out of order', () => {
	expect(timesInOrder('09:00', '08:59')).toBe(false)
	expect(timesInOrder('09:00', '09:00')).toBe(false)
	expect(timesInOrder('09:00', '09:01')).toBe(true)
})

test('a participant in two overlapping visits is a conflict; touching visits are not', () => {
	const other = visit({ id: 5, startTime: '10:30', endTime: '12:00', participantIds: [2, 3], agencyIds: [11] })
	expect(findConflicts(visit({}), [other], period)).toEqual([
		{ kind: 'participant', userId: 2, with: { kind: 'visit', id: 5, title: '实地检查', startsOn: '2026-12-03' } },
	])
	const after = visit({ id: 6, startTime: '11:00', endTime: '12:00', participantIds: [2], agencyIds: [11] })
	expect(findConflicts(visit({}), [after], period)).toEqual([])
})

test('a visit during a meeting conflicts for a participant who attends the meeting', () => {
	const meeting = visit({ kind: 'meeting', id: 3, title: '常委会会议', startsOn: '2026-12-02', endsOn: '2026-12-04', startTime: null, endTime: null, participantIds: [1], agencyIds: [] })
	expect(findConflicts(visit({}), [meeting], period).map((c) => c.kind)).toEqual(['participant'])
	expect(overlaps(visit({ startsOn: '2026-12-05', endsOn: '2026-12-05' }), meeting)).toBe(false)
})

test('an agency visited twice on one day is a conflict, even at different times', () => {
	const morning = visit({ id: 8, startTime: '14:00', endTime: '16:00', participantIds: [9] })
	expect(findConflicts(visit({}), [morning], period)).toEqual([
		{ kind: 'agencySameDay', agencyId: 10, with: { kind: 'visit', id: 8, title: '实地检查', startsOn: '2026-12-03' } },
	])
})

test('a visit outside the inspection period is flagged', () => {
	expect(findConflicts(visit({ startsOn: '2026-12-21', endsOn: '2026-12-21' }), [], period)).toEqual([
		{ kind: 'outsidePeriod', periodStart: '2026-12-01', periodEnd: '2026-12-20' },
	])
	expect(findConflicts(visit({ startsOn: '2026-12-20', endsOn: '2026-12-20' }), [], period)).toEqual([])
})

test('a visit does not conflict with its own saved version', () => {
	expect(findConflicts(visit({ id: 4 }), [visit({ id: 4 })], period)).toEqual([])
})

test('an unannounced visit is hidden from the visited agency', () => {
	expect(visibleToAgency({ unannounced: true, agencyIds: [10] }, 10)).toBe(false)
	expect(visibleToAgency({ unannounced: false, agencyIds: [10] }, 10)).toBe(true)
	expect(visibleToAgency({ unannounced: false, agencyIds: [10] }, 11)).toBe(false)
})
