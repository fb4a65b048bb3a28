import { z } from 'zod'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

export const maxResponse = 10000
export const maxReason = 2000

const version = int4().min(1)

// The agency's response: what was done (files are checked apart, by their content).
export function respondSchema(t: Messages) {
	return z.object({
		intent: z.literal('respond'),
		version,
		response: z
			.string({ error: t.findings.responseRequired })
			.trim()
			.min(1, t.findings.responseRequired)
			.max(maxResponse, fill(t.findings.tooLong, { max: maxResponse })),
	})
}

// The secretariat's verification: accept, or reopen with a reason the agency will read.
export function acceptSchema() {
	return z.object({ intent: z.literal('accept'), version })
}

export function reopenSchema(t: Messages) {
	return z.object({
		intent: z.literal('reopen'),
		version,
		reason: z
			.string({ error: t.findings.reasonRequired })
			.trim()
			.min(1, t.findings.reasonRequired)
			.max(maxReason, fill(t.findings.tooLong, { max: maxReason })),
	})
}
