import { z } from 'zod'
import type { IsoDate } from '~/domain/dates'
import { rectificationDueProblem, type DueProblem } from '~/domain/findings'
import { severities } from '~/domain/inspections'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

export const maxDescription = 5000
export const maxEvidence = 10000

// Recording a finding. The choices (clause, agency, task, visit) are checked against what the
// inspection offers by the action; the files are taken out of the form before this schema sees
// them and checked by their content. `today` is the server's date in Asia/Shanghai.
export function recordSchema(t: Messages, today: IsoDate) {
	const dueMessages: Record<DueProblem, string> = {
		required: t.findings.dueRequired,
		invalid: t.findings.dueInvalid,
		past: t.findings.duePast,
	}
	return z
		.object({
			clauseId: int4(t.findings.clauseRequired).min(1, t.findings.clauseRequired),
			agencyId: int4(t.findings.agencyRequired).min(1, t.findings.agencyRequired),
			taskId: int4().min(1).optional(),
			visitId: int4().min(1).optional(),
			severity: z.enum(severities, { error: t.findings.severityRequired }),
			description: z
				.string({ error: t.findings.descriptionRequired })
				.trim()
				.min(1, t.findings.descriptionRequired)
				.max(maxDescription, fill(t.findings.tooLong, { max: maxDescription })),
			evidence: z.string().trim().max(maxEvidence, fill(t.findings.tooLong, { max: maxEvidence })).default(''),
			rectificationDueOn: z.string().trim().optional(),
		})
		.superRefine((value, ctx) => {
			const problem = rectificationDueProblem(value.rectificationDueOn, today)
			if (problem) ctx.addIssue({ code: 'custom', path: ['rectificationDueOn'], message: dueMessages[problem] })
		})
}
