import { z } from 'zod'
import { isIsoDate } from '~/domain/dates'
import { inquiryKinds } from '~/domain/inquiries'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// Scheduling an inquiry session. What the schema cannot know (is the meeting over, is the day
// one of the meeting's, does the agency answer to the committee) the action checks against the
// options (./problems.ts) and the model checks again inside its transaction.

export const maxTopic = 200
export const maxOfficialName = 50
export const maxOfficialTitle = 100
// Rows of responding agencies the form offers; blank rows are ignored.
export const respondentRows = 6

function optionalText(t: Messages, max: number) {
	return z
		.string()
		.trim()
		.max(max, fill(t.inquiries.tooLong, { max }))
		.optional()
}

const respondentRow = (t: Messages) =>
	z.object({
		agencyId: int4(t.inquiries.respondentInvalid).optional(),
		officialName: optionalText(t, maxOfficialName),
		officialTitle: optionalText(t, maxOfficialTitle),
	})

export function scheduleSchema(t: Messages) {
	return z
		.object({
			kind: z.enum(inquiryKinds, { error: t.inquiries.kindRequired }),
			topic: z
				.string({ error: t.common.required })
				.trim()
				.min(1, t.common.required)
				.max(maxTopic, fill(t.inquiries.tooLong, { max: maxTopic })),
			// 'report:12' or 'inspection:3': what a 询问 is put on.
			subject: z
				.string()
				.regex(/^(report|inspection):\d{1,10}$/, t.inquiries.subjectInvalid)
				.optional(),
			meetingId: int4(t.inquiries.meetingRequired).optional(),
			heldOn: z
				.string({ error: t.inquiries.heldOnRequired })
				.trim()
				.refine(isIsoDate, t.inquiries.dateInvalid),
			withVote: z.boolean().optional(),
			clauseIds: z.array(int4(t.inquiries.clauseInvalid)).default([]),
			respondents: z.array(respondentRow(t)).default([]),
			askerIds: z.array(int4(t.inquiries.askerInvalid)).default([]),
			planItemId: int4(t.inquiries.planItemInvalid).optional(),
		})
		.superRefine((value, ctx) => {
			if (value.kind === 'special' && value.meetingId === undefined) {
				ctx.addIssue({ code: 'custom', path: ['meetingId'], message: t.inquiries.meetingRequired })
			}
			if (value.kind === 'inquiry' && value.subject === undefined) {
				ctx.addIssue({ code: 'custom', path: ['subject'], message: t.inquiries.subjectRequired })
			}
			if (value.kind === 'special' && value.clauseIds.length === 0) {
				ctx.addIssue({ code: 'custom', path: ['clauseIds'], message: t.inquiries.clausesRequired })
			}
			// A row is blank or complete; at least one row is filled in.
			let filled = 0
			value.respondents.forEach((row, index) => {
				const given = [row.agencyId, row.officialName, row.officialTitle].filter((v) => v !== undefined && v !== '')
				if (given.length === 0) return
				filled++
				if (row.agencyId === undefined) ctx.addIssue({ code: 'custom', path: ['respondents', index, 'agencyId'], message: t.inquiries.respondentRequired })
				if (!row.officialName) ctx.addIssue({ code: 'custom', path: ['respondents', index, 'officialName'], message: t.inquiries.officialNameRequired })
				if (!row.officialTitle) ctx.addIssue({ code: 'custom', path: ['respondents', index, 'officialTitle'], message: t.inquiries.officialTitleRequired })
			})
			if (filled === 0) ctx.addIssue({ code: 'custom', path: ['respondents'], message: t.inquiries.respondentsRequired })
		})
}

export type ScheduleValue = z.infer<ReturnType<typeof scheduleSchema>>

export function parseSubject(subject: string | undefined): { type: 'report' | 'inspection'; id: number } | null {
	if (!subject) return null
	const [type, id] = subject.split(':')
	return { type: type as 'report' | 'inspection', id: Number(id) }
}
