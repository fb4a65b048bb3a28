import { z } from 'zod'
import { dateProblem, meetingDatesProblem, type DateProblem } from '~/domain/meetings'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The meeting form, shared by /meetings/new and /meetings/$meetingId/edit. That term + session
// is not taken is checked by the action against the database (a field error on `session`).

export const maxTerm = 99
export const maxSession = 999
export const maxPlace = 100

function whole(t: Messages, max: number) {
	const message = fill(t.meetings.numberRequired, { max })
	return z.number({ error: message }).int(message).min(1, message).max(max, message)
}

export function meetingShape(t: Messages) {
	return {
		term: whole(t, maxTerm),
		session: whole(t, maxSession),
		startsOn: dateField(t),
		endsOn: dateField(t),
		place: z.string().trim().max(maxPlace, fill(t.meetings.placeTooLong, { max: maxPlace })).optional(),
	}
}

// Each date is checked on its own (so that every field shows its error at once); that the meeting
// does not end before it starts, once both are dates.
function dateField(t: Messages) {
	const messages: Record<DateProblem, string> = {
		required: t.meetings.dateRequired,
		invalid: t.meetings.dateInvalid,
		outOfRange: t.meetings.dateOutOfRange,
	}
	return z
		.string({ error: t.meetings.dateRequired })
		.trim()
		.superRefine((value, ctx) => {
			const problem = dateProblem(value)
			if (problem) ctx.addIssue({ code: 'custom', message: messages[problem] })
		})
}

function refineDates(t: Messages) {
	return (value: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) => {
		if (meetingDatesProblem(value.startsOn, value.endsOn)) {
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: t.meetings.endBeforeStart })
		}
	}
}

export function createMeetingSchema(t: Messages) {
	return z.object(meetingShape(t)).superRefine(refineDates(t))
}

export function updateMeetingSchema(t: Messages) {
	return z.object({ version: int4().min(1), ...meetingShape(t) }).superRefine(refineDates(t))
}

export function toMeetingInput(value: z.infer<ReturnType<typeof createMeetingSchema>>) {
	return {
		term: value.term,
		session: value.session,
		startsOn: value.startsOn,
		endsOn: value.endsOn,
		place: value.place ?? '',
	}
}
