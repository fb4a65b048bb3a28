import type { SubmissionResult } from '@conform-to/react'
import { z } from 'zod'
import { isIsoDate } from '~/domain/dates'
import { answerForums, answerModes, reanswerDecisions, referralDecisions, signerVerdicts, type Arrangement } from '~/domain/interpellations'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// One schema per form of the interpellation page; the submit button's `intent` says which. Forms
// that move the interpellation carry the version the user saw; a member's own acts (signing, a
// verdict) do not.

export const intents = [
	'invite',
	'sign',
	'withdrawSignature',
	'recordSignature',
	'strikeSignature',
	'submit',
	'withdraw',
	'refer',
	'answer',
	'judge',
	'requestReanswer',
	'decideReanswer',
	'close',
] as const
export type Intent = (typeof intents)[number]

// What the page says after a step succeeded (?done=…).
export const doneKinds = ['drafted', 'entered', ...intents, 'concluded'] as const
export type DoneKind = (typeof doneKinds)[number]

export const maxAnswer = 50_000
export const maxNote = 2000
export const maxName = 50
export const maxTitle = 100
export const maxSpecialMeeting = 200

const version = int4().min(1)

function requiredText(t: Messages, max: number, required = t.common.required) {
	return z
		.string({ error: required })
		.trim()
		.min(1, required)
		.max(max, fill(t.interpellations.tooLong, { max }))
}

function optionalText(t: Messages, max: number) {
	return z.string().trim().max(max, fill(t.interpellations.tooLong, { max })).optional()
}

function date(t: Messages) {
	return z
		.string()
		.trim()
		.refine((value) => isIsoDate(value) && value >= '2000-01-01' && value <= '2099-12-31', t.interpellations.dateInvalid)
		.optional()
}

export const versionSchema = z.object({ version })
export const emptySchema = z.object({})

export function inviteSchema(t: Messages) {
	return z.object({ memberIds: z.array(int4(), { error: t.interpellations.inviteesRequired }).min(1, t.interpellations.inviteesRequired) })
}

export function memberSchema(t: Messages) {
	return z.object({ memberId: int4(t.interpellations.memberRequired) })
}

export function answerSchema(t: Messages) {
	return z.object({
		version,
		text: requiredText(t, maxAnswer, t.interpellations.answerRequired),
		answererName: requiredText(t, maxName, t.interpellations.answererNameRequired),
		answererTitle: requiredText(t, maxTitle, t.interpellations.answererTitleRequired),
	})
}

export function verdictSchema(t: Messages) {
	return z.object({ verdict: z.enum(signerVerdicts, { error: t.interpellations.verdictRequired }) })
}

// The council's arrangement of an answer (Art. 52): written by a date, or oral at a standing
// committee meeting or at a special committee's meeting. Required only when the interpellation is
// referred (or a re-answer granted).
const arrangementFields = (t: Messages) => ({
	mode: z.enum(answerModes).optional(),
	forum: z.enum(answerForums).optional(),
	meetingId: int4().optional(),
	specialMeeting: optionalText(t, maxSpecialMeeting),
	specialMeetingOn: date(t),
	dueOn: date(t),
	note: optionalText(t, maxNote),
})

type ArrangementValue = {
	mode?: (typeof answerModes)[number]
	forum?: (typeof answerForums)[number]
	meetingId?: number
	specialMeeting?: string
	specialMeetingOn?: string
	dueOn?: string
}

function checkArrangement(t: Messages, value: ArrangementValue, ctx: z.RefinementCtx) {
	const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
	if (!value.mode) return missing('mode', t.interpellations.modeRequired)
	if (value.mode === 'written') {
		if (!value.dueOn) missing('dueOn', t.interpellations.dueOnRequired)
		return
	}
	if (!value.forum) return missing('forum', t.interpellations.forumRequired)
	if (value.forum === 'standing_committee') {
		if (value.meetingId === undefined) missing('meetingId', t.interpellations.meetingRequired)
		return
	}
	if (!value.specialMeeting) missing('specialMeeting', t.interpellations.specialMeetingRequired)
	if (!value.specialMeetingOn) missing('specialMeetingOn', t.interpellations.specialMeetingOnRequired)
}

// The arrangement the schema checked, as the model takes it.
export function arrangementOf(value: ArrangementValue): Arrangement {
	if (value.mode === 'written') return { mode: 'written', dueOn: value.dueOn as string }
	if (value.forum === 'standing_committee') return { mode: 'oral', forum: 'standing_committee', meetingId: value.meetingId as number }
	return { mode: 'oral', forum: 'special_committee', specialMeeting: value.specialMeeting as string, meetingOn: value.specialMeetingOn as string }
}

export function referSchema(t: Messages) {
	return z
		.object({ version, decision: z.enum(referralDecisions, { error: t.interpellations.decisionRequired }), ...arrangementFields(t) })
		.superRefine((value, ctx) => {
			if (value.decision === 'referred') checkArrangement(t, value, ctx)
		})
}

export function reanswerSchema(t: Messages) {
	return z
		.object({ version, decision: z.enum(reanswerDecisions, { error: t.interpellations.decisionRequired }), ...arrangementFields(t) })
		.superRefine((value, ctx) => {
			if (value.decision === 'granted') checkArrangement(t, value, ctx)
		})
}

export type LastResultOf = (intent: Intent) => SubmissionResult<Array<string>> | undefined
