import { daysBetween, type IsoDate } from './dates'

// Inspection visits (执法检查 行程) and the conflicts the secretariat is warned about: a
// participant in two overlapping visits or meetings, an agency visited twice on one day, a
// visit outside the inspection's period. Warnings, not refusals: the secretariat may still
// save, giving a reason. An end before its start is refused outright.

export type Clock = string // 'HH:MM', 24-hour, Asia/Shanghai

export type ScheduledEvent = {
	kind: 'visit' | 'meeting'
	id: number | null // null for the visit being edited before it is saved
	title: string
	startsOn: IsoDate
	endsOn: IsoDate // a meeting runs over several days; a visit is one day
	startTime: Clock | null // null: all day (meetings)
	endTime: Clock | null
	participantIds: ReadonlyArray<number>
	agencyIds: ReadonlyArray<number>
}

export type Conflict =
	| { kind: 'participant'; userId: number; with: Pick<ScheduledEvent, 'kind' | 'id' | 'title' | 'startsOn'> }
	| { kind: 'agencySameDay'; agencyId: number; with: Pick<ScheduledEvent, 'kind' | 'id' | 'title' | 'startsOn'> }
	| { kind: 'outsidePeriod'; periodStart: IsoDate; periodEnd: IsoDate }

export function isClock(value: string): value is Clock {
	return /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
}

function minutes(clock: Clock): number {
	const [h, m] = clock.split(':').map(Number)
	return h * 60 + m
}

export function timesInOrder(start: Clock, end: Clock): boolean {
	return minutes(end) > minutes(start)
}

// Two events overlap when they share a day and, on that day, their times intersect. An
// all-day event (a meeting) covers the whole of each of its days. Touching ends (one visit
// ends at 10:00, the next starts at 10:00) do not overlap.
export function overlaps(a: ScheduledEvent, b: ScheduledEvent): boolean {
	const sharesDay = daysBetween(a.startsOn, b.endsOn) >= 0 && daysBetween(b.startsOn, a.endsOn) >= 0
	if (!sharesDay) return false
	if (!a.startTime || !a.endTime || !b.startTime || !b.endTime) return true
	return minutes(a.startTime) < minutes(b.endTime) && minutes(b.startTime) < minutes(a.endTime)
}

function summary(event: ScheduledEvent) {
	return { kind: event.kind, id: event.id, title: event.title, startsOn: event.startsOn }
}

export function findConflicts(
	candidate: ScheduledEvent,
	others: ReadonlyArray<ScheduledEvent>,
	period: { startsOn: IsoDate; endsOn: IsoDate } | null,
): Array<Conflict> {
	const conflicts: Array<Conflict> = []
	for (const other of others) {
		if (other.kind === candidate.kind && other.id !== null && other.id === candidate.id) continue
		if (overlaps(candidate, other)) {
			for (const userId of candidate.participantIds) {
				if (other.participantIds.includes(userId)) conflicts.push({ kind: 'participant', userId, with: summary(other) })
			}
		}
		if (other.kind === 'visit' && other.startsOn === candidate.startsOn) {
			for (const agencyId of candidate.agencyIds) {
				if (other.agencyIds.includes(agencyId)) conflicts.push({ kind: 'agencySameDay', agencyId, with: summary(other) })
			}
		}
	}
	if (period && (daysBetween(period.startsOn, candidate.startsOn) < 0 || daysBetween(candidate.endsOn, period.endsOn) < 0)) {
		conflicts.push({ kind: 'outsidePeriod', periodStart: period.startsOn, periodEnd: period.endsOn })
	}
	return conflicts
}

// An unannounced visit (暗访) is hidden from the agencies it visits: they must not learn of it
// from the schedule, the calendar or their feed.
export function visibleToAgency(visit: { unannounced: boolean; agencyIds: ReadonlyArray<number> }, agencyId: number): boolean {
	return !visit.unannounced && visit.agencyIds.includes(agencyId)
}

// A stable key per conflict: the secretariat's reason covers exactly the conflicts it was
// warned about, and a new one (changed data) warns again.
export function conflictKey(conflict: Conflict): string {
	switch (conflict.kind) {
		case 'participant':
			return `participant:${conflict.userId}:${conflict.with.kind}:${conflict.with.id}`
		case 'agencySameDay':
			return `agency:${conflict.agencyId}:${conflict.with.id}`
		case 'outsidePeriod':
			return `period:${conflict.periodStart}:${conflict.periodEnd}`
	}
}

// A visit with conflicts is saved only with a reason that covers each of them: the keys of the
// conflicts the user was shown come back with the reason.
export function conflictsCovered(conflictKeys: ReadonlyArray<string>, reason: string, acknowledged: ReadonlyArray<string>): boolean {
	if (conflictKeys.length === 0) return true
	return reason.trim() !== '' && conflictKeys.every((key) => acknowledged.includes(key))
}
