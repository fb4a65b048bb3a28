import type { SubmissionResult } from '@conform-to/react'
import { z } from 'zod'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The forms on one action: the agency's report, the office's closing or sending back. Each
// carries the action and the version of it the user saw.

export const intents = ['respond', 'accept', 'reopen'] as const
export type Intent = (typeof intents)[number]

export const doneKinds = ['adopted', 'responded', 'accepted', 'reopened'] as const
export type DoneKind = (typeof doneKinds)[number]

export const maxResponse = 20_000
export const maxReason = 2000

const action = { actionId: int4().min(1), version: int4().min(1) }

export function respondSchema(t: Messages) {
	return z.object({
		...action,
		response: z
			.string({ error: t.resolutions.responseRequired })
			.trim()
			.min(1, t.resolutions.responseRequired)
			.max(maxResponse, fill(t.resolutions.tooLong, { max: maxResponse })),
	})
}

export const acceptSchema = z.object(action)

export function reopenSchema(t: Messages) {
	return z.object({
		...action,
		reason: z
			.string({ error: t.resolutions.reasonRequired })
			.trim()
			.min(1, t.resolutions.reasonRequired)
			.max(maxReason, fill(t.resolutions.tooLong, { max: maxReason })),
	})
}

export type LastResultOf = (intent: Intent, actionId: number) => SubmissionResult<Array<string>> | undefined
