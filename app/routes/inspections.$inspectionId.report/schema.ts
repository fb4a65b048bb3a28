import { z } from 'zod'
import { maxReportPartLength } from '~/domain/inspection-report'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The report form posts either `save` (store the four parts) or `draft` (fill them from the
// record, without saving); both carry the version of the inspection the user saw and what the
// user has typed, so nothing is lost. The secretariat's `submit` form is separate.

const version = int4().min(1)

function part(t: Messages) {
	return z
		.string()
		.max(maxReportPartLength, fill(t.inspectionReport.tooLong, { max: maxReportPartLength }))
		.default('')
		.transform((value) => value.replace(/\r\n/g, '\n').trim())
}

// Part four is its text, or the box 「本次检查未提出修改建议」 ticked with a reason (Art. 36): a
// saved report never holds the box without the reason, nor the box and suggestions together.
// Drafting checks nothing: it only fills in what is empty.
export function reportSchema(t: Messages) {
	return z
		.object({
			intent: z.enum(['save', 'draft']),
			version,
			evaluation: part(t),
			problems: part(t),
			enforcementSuggestions: part(t),
			amendmentSuggestions: part(t),
			amendmentNone: z.boolean().default(false),
			amendmentNoneReason: part(t),
			overwrite: z.boolean().optional(),
		})
		.superRefine((value, ctx) => {
			if (value.intent !== 'save' || !value.amendmentNone) return
			if (!value.amendmentNoneReason) ctx.addIssue({ code: 'custom', path: ['amendmentNoneReason'], message: t.inspectionReport.amendmentReasonRequired })
			if (value.amendmentSuggestions) ctx.addIssue({ code: 'custom', path: ['amendmentSuggestions'], message: t.inspectionReport.amendmentBoth })
		})
}

export function submitSchema(t: Messages) {
	return z.object({
		intent: z.literal('submit'),
		version,
		meetingId: int4(t.inspectionReport.meetingRequired).min(1, t.inspectionReport.meetingRequired),
	})
}
