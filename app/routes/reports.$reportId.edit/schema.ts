import { z } from 'zod'
import { selfAssessments } from '~/domain/reports'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

export const maxTitle = 200
export const maxPeriod = 100
export const maxBody = 200_000
export const maxNarrative = 5000

// The draft: saved as often as the agency likes, so nothing is required here; what a draft
// needs before it goes to the office is checked when it is submitted (draftGaps). The files
// are taken out of the form before this schema sees it and checked by their content.
export function draftSchema(t: Messages) {
	const tooLong = (max: number) => fill(t.reports.tooLong, { max })
	return z.object({
		intent: z.literal('save'),
		version: int4().min(1),
		title: z.string().trim().max(maxTitle, fill(t.reports.titleTooLong, { max: maxTitle })).default(''),
		period: z.string().trim().max(maxPeriod, tooLong(maxPeriod)).default(''),
		body: z.string().max(maxBody, tooLong(maxBody)).default(''),
		progress: z
			.array(
				z.object({
					taskId: int4(),
					narrative: z.string().max(maxNarrative, tooLong(maxNarrative)).default(''),
					selfAssessment: z.enum(selfAssessments).optional(),
				}),
			)
			.default([]),
	})
}

export function removeSchema() {
	return z.object({ intent: z.literal('remove_attachment'), attachmentId: int4().min(1) })
}
