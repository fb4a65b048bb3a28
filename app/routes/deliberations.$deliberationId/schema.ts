import type { SubmissionResult } from '@conform-to/react'
import { z } from 'zod'
import { choices, tallyTotal } from '~/domain/deliberation'
import { isIsoDate } from '~/domain/dates'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// One schema per form of the deliberation page; the `intent` field (the submit button's value)
// tells the action which one was sent. Forms that change the deliberation carry the version of
// it the user saw; forms on one opinion carry that opinion's version.

export const intents = [
	'opinion',
	'proxy',
	'editOpinion',
	'deleteOpinion',
	'vote',
	'closeVote',
	'tally',
	'saveLetter',
	'sendLetter',
	'submitHandling',
	'acceptHandling',
	'returnHandling',
] as const
export type Intent = (typeof intents)[number]

// What the page says after a step succeeded (?done=…).
export const doneKinds = [
	'opinion',
	'opinionSaved',
	'opinionDeleted',
	'voted',
	'voteClosed',
	'tallyEntered',
	'letterSaved',
	'letterSent',
	'handlingSubmitted',
	'handlingAccepted',
	'handlingReturned',
] as const
export type DoneKind = (typeof doneKinds)[number]

export const maxOpinionText = 5000
export const maxLetterBody = 50_000
export const maxHandlingText = 50_000

const version = int4().min(1)

function requiredText(t: Messages, max: number) {
	return z
		.string({ error: t.common.required })
		.trim()
		.min(1, t.common.required)
		.max(max, fill(t.deliberation.tooLong, { max }))
}

// An opinion's clause, if any, is one of the clauses the app holds (checked against `clauseIds`).
function clauseId(t: Messages, clauseIds: ReadonlyArray<number>) {
	return z
		.number()
		.int()
		.refine((id) => clauseIds.includes(id), t.deliberation.clauseUnknown)
		.optional()
}

export function opinionSchema(t: Messages, clauseIds: ReadonlyArray<number>) {
	return z.object({ clauseId: clauseId(t, clauseIds), text: requiredText(t, maxOpinionText) })
}

export function proxyOpinionSchema(t: Messages, memberIds: ReadonlyArray<number>, clauseIds: ReadonlyArray<number>) {
	return z.object({
		memberId: z
			.number({ error: t.deliberation.memberRequired })
			.int()
			.refine((id) => memberIds.includes(id), t.deliberation.memberRequired),
		clauseId: clauseId(t, clauseIds),
		text: requiredText(t, maxOpinionText),
	})
}

export function editOpinionSchema(t: Messages, clauseIds: ReadonlyArray<number>) {
	return z.object({ opinionId: int4().min(1), version, clauseId: clauseId(t, clauseIds), text: requiredText(t, maxOpinionText) })
}

export const deleteOpinionSchema = z.object({ opinionId: int4().min(1), version })

export function voteSchema(t: Messages) {
	return z.object({ choice: z.enum(choices, { error: t.deliberation.choiceRequired }) })
}

export const versionSchema = z.object({ version })

export function tallySchema(t: Messages) {
	const count = z.number({ error: t.deliberation.countRequired }).int(t.deliberation.countInvalid).min(0, t.deliberation.countInvalid).max(10_000, t.deliberation.countInvalid)
	return z
		.object({
			version,
			satisfied: count,
			basically_satisfied: count,
			unsatisfied: count,
			replace: z.boolean().optional(),
		})
		.superRefine((value, ctx) => {
			if (tallyTotal(value) === 0) ctx.addIssue({ code: 'custom', path: [], message: t.deliberation.tallyEmpty })
		})
}

export function letterSchema(t: Messages) {
	return z.object({
		version,
		number: requiredText(t, 100),
		to: requiredText(t, 500),
		cc: z.string().trim().max(500, fill(t.deliberation.tooLong, { max: 500 })).optional(),
		body: requiredText(t, maxLetterBody),
		dueOn: z
			.string()
			.trim()
			.refine((value) => isIsoDate(value) && value >= '2000-01-01' && value <= '2099-12-31', t.deliberation.dateInvalid)
			.optional(),
	})
}

export function handlingSchema(t: Messages) {
	return z.object({ version, text: requiredText(t, maxHandlingText) })
}

export function returnSchema(t: Messages) {
	return z.object({
		version,
		reason: z
			.string({ error: t.deliberation.reasonRequired })
			.trim()
			.min(1, t.deliberation.reasonRequired)
			.max(5000, fill(t.deliberation.tooLong, { max: 5000 })),
	})
}

export type LastResultOf = (intent: Intent, opinionId?: number | null) => SubmissionResult<Array<string>> | undefined
