import type { SubmissionResult } from '@conform-to/react'
import { z } from 'zod'
import { concernRatings, resultClasses } from '~/domain/concerns'
import { isIsoDate } from '~/domain/dates'
import { int4, recordId } from '~/domain/form-values'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

// One schema per form of the concern page; the submit button's `intent` says which. Forms that
// move the concern carry the version the user saw; an agency's opinion and the deputy's rating
// are their own acts and do not.

export const intents = [
	'submit',
	'discard',
	'accept',
	'decline',
	'merge',
	'arrange',
	'assign',
	'return',
	'opinion',
	'reply',
	'rate',
	'closeUnrated',
	'fulfil',
	'showIdentity',
] as const
export type Intent = (typeof intents)[number]

// What the page says after a step succeeded (?done=…).
export const doneKinds = ['drafted', 'filed', 'edit', ...intents.filter((i) => i !== 'showIdentity')] as const
export type DoneKind = (typeof doneKinds)[number]

export const maxReason = 2000
export const maxText = 20_000
export const maxName = 50

const version = recordId()

function requiredText(t: Messages, max: number, required: string) {
	return z
		.string({ error: required })
		.trim()
		.min(1, required)
		.max(max, fill(t.concerns.tooLong, { max }))
}

function optionalText(t: Messages, max: number) {
	return z.string().trim().max(max, fill(t.concerns.tooLong, { max })).optional()
}

export const versionSchema = z.object({ version })
export const emptySchema = z.object({})

export function reasonSchema(t: Messages) {
	return z.object({ version, reason: requiredText(t, maxReason, t.concerns.reasonRequired) })
}

export function mergeSchema(t: Messages) {
	return z.object({ version, intoId: int4(t.concerns.targetRequired).min(1, t.concerns.targetRequired) })
}

export function arrangeSchema(t: Messages) {
	return z.object({
		version,
		priority: z.boolean().optional(),
		difficult: z.boolean().optional(),
		shareable: z.boolean().optional(),
		assignmentText: optionalText(t, maxText),
	})
}

export function assignSchema(t: Messages) {
	return z.object({ version, leadId: int4(t.concerns.leadRequired), coIds: z.array(int4()).optional() })
}

export function opinionSchema(t: Messages) {
	return z.object({ opinion: requiredText(t, maxText, t.concerns.reasonRequired) })
}

export function replySchema(t: Messages) {
	return z.object({
		version,
		resultClass: z.enum(resultClasses, { error: t.concerns.resultClassRequired }),
		content: requiredText(t, maxText, t.concerns.contentRequired),
		reasons: optionalText(t, maxText),
		signedBy: requiredText(t, maxName, t.concerns.signedByRequired),
		promisedOn: z
			.string()
			.trim()
			.refine((v) => isIsoDate(v) && v >= '2000-01-01' && v <= '2099-12-31', t.concerns.dateInvalid)
			.optional(),
	})
}

export function rateSchema(t: Messages) {
	return z.object({ rating: z.enum(concernRatings, { error: t.concerns.ratingRequired }), comment: optionalText(t, maxReason) })
}

export function fulfilSchema(t: Messages) {
	return z.object({ note: requiredText(t, maxReason, t.concerns.reasonRequired) })
}

export type LastResultOf = (intent: Intent) => SubmissionResult<Array<string>> | undefined
