import { z } from 'zod'
import { isIsoDate } from '~/domain/dates'
import { resolutionKinds } from '~/domain/resolutions'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

export const maxTitle = 200
export const maxBody = 50_000
export const maxActionText = 2000
// The form offers this many rows of actions; rows left empty are ignored (no JavaScript needed).
export const actionRows = 8

function date(t: Messages, required: string) {
	return z
		.string({ error: required })
		.trim()
		.refine((value) => isIsoDate(value) && value >= '2000-01-01' && value <= '2099-12-31', t.resolutions.dateInvalid)
}

const actionRow = z.object({
	agencyId: int4().optional(),
	text: z.string().trim().optional(),
	dueOn: z.string().trim().optional(),
})

// A resolution adopted at a meeting: what it says, the clauses and the report or inspection it
// resolves on, the actions it requires (agency, what, by when) and the date by which the agencies
// report on its execution. The dates' relations (Art. 17, 37) are the domain's adoptionRule.
export function adoptionSchema(t: Messages) {
	return z
		.object({
			kind: z.enum(resolutionKinds, { error: t.resolutions.kindRequired }),
			title: z
				.string({ error: t.resolutions.titleRequired })
				.trim()
				.min(1, t.resolutions.titleRequired)
				.max(maxTitle, fill(t.resolutions.tooLong, { max: maxTitle })),
			body: z
				.string({ error: t.resolutions.bodyRequired })
				.trim()
				.min(1, t.resolutions.bodyRequired)
				.max(maxBody, fill(t.resolutions.tooLong, { max: maxBody })),
			meetingId: int4(t.resolutions.meetingRequired),
			adoptedOn: date(t, t.resolutions.adoptedOnRequired),
			reportDueOn: date(t, t.resolutions.reportDueOnRequired),
			clauseIds: z.array(int4()).optional(),
			subject: z
				.string()
				.regex(/^(report|inspection):\d{1,9}$/, t.resolutions.subjectInvalid)
				.optional(),
			actions: z.array(actionRow).optional(),
		})
		.superRefine((value, ctx) => {
			const rows = value.actions ?? []
			let complete = 0
			rows.forEach((row, index) => {
				const filled = [row.agencyId !== undefined, Boolean(row.text), Boolean(row.dueOn)]
				if (filled.every((f) => !f)) return
				const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['actions', index, field], message })
				if (row.agencyId === undefined) issue('agencyId', t.resolutions.actionAgencyRequired)
				if (!row.text) issue('text', t.resolutions.actionTextRequired)
				else if (row.text.length > maxActionText) issue('text', fill(t.resolutions.tooLong, { max: maxActionText }))
				if (!row.dueOn) issue('dueOn', t.resolutions.actionDueRequired)
				else if (!isIsoDate(row.dueOn)) issue('dueOn', t.resolutions.dateInvalid)
				if (filled.every(Boolean)) complete++
			})
			if (complete === 0 && rows.every((row) => row.agencyId === undefined && !row.text && !row.dueOn)) {
				ctx.addIssue({ code: 'custom', path: ['actions'], message: t.resolutions.actionsRequired })
			}
		})
}

export type AdoptionValue = z.infer<ReturnType<typeof adoptionSchema>>

// The filled rows, as the model takes them.
export function actionsOf(value: AdoptionValue) {
	return (value.actions ?? [])
		.filter((row) => row.agencyId !== undefined && row.text && row.dueOn)
		.map((row) => ({ agencyId: row.agencyId as number, text: row.text as string, dueOn: row.dueOn as string }))
}

export function subjectOf(value: AdoptionValue) {
	if (!value.subject) return null
	const [type, id] = value.subject.split(':')
	return { type: type as 'report' | 'inspection', id: Number(id) }
}
