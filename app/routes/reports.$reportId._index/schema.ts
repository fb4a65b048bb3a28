import { z } from 'zod'
import { reportSteps, type ReportStep } from '~/domain/reports'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// One schema per step button; each carries the version of the report the user saw.

export const maxOpinions = 20_000
export const maxSignerName = 50
export const maxSignerPosition = 100

const version = int4().min(1)

export function isReportStep(value: unknown): value is ReportStep {
	return typeof value === 'string' && (reportSteps as ReadonlyArray<string>).includes(value)
}

function text(t: Messages, required: string, max: number) {
	return z
		.string({ error: required })
		.trim()
		.min(1, required)
		.max(max, fill(t.reports.tooLong, { max }))
}

export function stepSchema(t: Messages, step: ReportStep) {
	switch (step) {
		case 'send_opinions':
			return z.object({ intent: z.literal(step), version, opinions: text(t, t.reports.opinionsRequired, maxOpinions) })
		case 'submit_revised':
			return z.object({
				intent: z.literal(step),
				version,
				signerName: text(t, t.reports.signerNameRequired, maxSignerName),
				signerPosition: text(t, t.reports.signerPositionRequired, maxSignerPosition),
			})
		default:
			return z.object({ intent: z.literal(step), version })
	}
}
