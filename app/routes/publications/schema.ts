import { z } from 'zod'
import { isIsoDate } from '~/domain/dates'
import { recordId } from '~/domain/form-values'
import type { Messages } from '~/i18n/zh'

// The office's publication decisions, one form each: publish a result or a report (by its
// record), publish the ranking notice from a day to today, withdraw with a reason.
export function publicationSchema(t: Messages) {
	const day = z.string({ error: t.common.required }).trim().refine(isIsoDate, t.common.dateInvalid)
	return z.discriminatedUnion('intent', [
		z.object({ intent: z.literal('satisfaction'), subjectId: recordId() }),
		z.object({ intent: z.literal('inspection_report'), subjectId: recordId() }),
		// A ranking notice runs to today: its overdue items and cards are today's.
		z.object({ intent: z.literal('ranking'), from: day }),
		z.object({
			intent: z.literal('withdraw'),
			publicationId: recordId(),
			version: recordId(),
			reason: z.string({ error: t.publications.refusals.reasonRequired }).trim().min(1, t.publications.refusals.reasonRequired).max(500),
		}),
	])
}
