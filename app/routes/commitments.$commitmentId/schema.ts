import { z } from 'zod'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

export const maxResponse = 10_000
export const maxReason = 2_000

const version = int4().min(1)

export const commitmentIntents = ['respond', 'accept', 'reopen'] as const
export type CommitmentIntent = (typeof commitmentIntents)[number]

export function isCommitmentIntent(value: unknown): value is CommitmentIntent {
	return typeof value === 'string' && (commitmentIntents as ReadonlyArray<string>).includes(value)
}

function text(t: Messages, required: string, max: number) {
	return z
		.string({ error: required })
		.trim()
		.min(1, required)
		.max(max, fill(t.commitments.tooLong, { max }))
}

// The agency's report of what it did; the secretariat's acceptance, or its reopening with the
// reason the agency will read.
export function commitmentStepSchema(t: Messages, intent: CommitmentIntent) {
	switch (intent) {
		case 'respond':
			return z.object({ intent: z.literal('respond'), version, response: text(t, t.commitments.responseRequired, maxResponse) })
		case 'accept':
			return z.object({ intent: z.literal('accept'), version })
		case 'reopen':
			return z.object({ intent: z.literal('reopen'), version, reason: text(t, t.commitments.reasonRequired, maxReason) })
	}
}
