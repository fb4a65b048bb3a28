import { formatChineseDate, type IsoDate } from '~/domain/dates'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import type { ScheduleOptions } from '~/models/inquiries/queries.server'
import { parseSubject, type ScheduleValue } from './schema'

// The scheduling form's checks against what it offered, as field errors next to the fields (the
// model checks the same rules again, inside its transaction). Also decides the meeting: a 询问
// is held at the meeting that hears the report or the inspection report it is put on.
export function scheduleProblems(t: Messages, value: ScheduleValue, options: ScheduleOptions) {
	const errors: Record<string, Array<string>> = {}
	const subject = value.kind === 'inquiry' ? parseSubject(value.subject) : null
	let meetingId = value.kind === 'special' ? value.meetingId : undefined
	if (subject) {
		const found = subject.type === 'report' ? options.reports.find((r) => r.id === subject.id) : options.inspections.find((i) => i.id === subject.id)
		if (!found) errors.subject = [t.inquiries.subjectInvalid]
		else meetingId = found.meetingId
	}
	const meeting = options.meetings.find((m) => m.id === meetingId)
	if (!meeting && !errors.subject) errors[value.kind === 'special' ? 'meetingId' : 'subject'] = [t.inquiries.meetingInvalid]
	if (meeting && !withinMeeting(value.heldOn, meeting)) {
		errors.heldOn = [fill(t.inquiries.refusals.heldOutsideMeeting, { from: formatChineseDate(meeting.startsOn), to: formatChineseDate(meeting.endsOn) })]
	}
	const clauseIds = new Set(options.clauses.map((c) => c.id))
	if (value.clauseIds.some((id) => !clauseIds.has(id))) errors.clauseIds = [t.inquiries.clauseInvalid]
	const agencyIds = new Set(options.agencies.map((a) => a.id))
	const seen = new Set<number>()
	value.respondents.forEach((row, index) => {
		if (row.agencyId === undefined) return
		if (!agencyIds.has(row.agencyId)) errors[`respondents[${index}].agencyId`] = [t.inquiries.respondentInvalid]
		else if (seen.has(row.agencyId)) errors[`respondents[${index}].agencyId`] = [t.inquiries.respondentTwice]
		seen.add(row.agencyId)
	})
	const memberIds = new Set(options.members.map((m) => m.id))
	if (value.askerIds.some((id) => !memberIds.has(id))) errors.askerIds = [t.inquiries.askerInvalid]
	if (value.planItemId !== undefined) {
		const item = options.planItems.find((p) => p.id === value.planItemId)
		const year = Number(value.heldOn.slice(0, 4))
		if (!item || item.year !== year) errors.planItemId = [fill(t.inquiries.planItemYear, { year })]
	}
	return { errors, meetingId: meeting?.id ?? null, subject }
}

function withinMeeting(day: IsoDate, meeting: { startsOn: IsoDate; endsOn: IsoDate }) {
	return day >= meeting.startsOn && day <= meeting.endsOn
}
