import { z } from 'zod'
import { isIsoDate } from '~/domain/dates'
import { inspectionForms } from '~/domain/inspections'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The inspection form, shared by /inspections/new and /inspections/$id/edit. `options` are
// what the form may choose (absent on the client, where the server's check is what counts).

export const maxInspectionTitle = 200

export type InspectionOptions = {
	organIds: ReadonlyArray<number>
	clauseIds: ReadonlyArray<number>
	memberIds: ReadonlyArray<number>
	deputyIds: ReadonlyArray<number>
	planItemIds: ReadonlyArray<number>
}

function dateField(t: Messages) {
	return z
		.string({ error: t.inspections.dateRequired })
		.trim()
		.min(1, t.inspections.dateRequired)
		.refine(isIsoDate, t.inspections.dateInvalid)
}

function inspectionShape(t: Messages) {
	return {
		planItemId: int4(t.inspections.unknownPlanItem).optional(),
		title: z
			.string({ error: t.inspections.titleRequired })
			.trim()
			.min(1, t.inspections.titleRequired)
			.max(maxInspectionTitle, fill(t.inspections.titleTooLong, { max: maxInspectionTitle })),
		year: z
			.number({ error: t.inspections.yearInvalid })
			.int(t.inspections.yearInvalid)
			.min(2000, t.inspections.yearInvalid)
			.max(2099, t.inspections.yearInvalid),
		// Without a default: a missing list must fail as "required" (a default would skip .min).
		clauseIds: z.array(int4(t.inspections.unknownClause), { error: t.inspections.clausesRequired }).min(1, t.inspections.clausesRequired),
		forms: z.array(z.enum(inspectionForms, { error: t.inspections.formsRequired }), { error: t.inspections.formsRequired }).min(1, t.inspections.formsRequired),
		startsOn: dateField(t),
		endsOn: dateField(t),
		organId: int4(t.inspections.organRequired),
		leaderId: int4(t.inspections.leaderRequired),
		memberIds: z.array(int4(t.inspections.unknownMember)).default([]),
		deputyIds: z.array(int4(t.inspections.unknownDeputy)).default([]),
	}
}

type Shape = z.infer<z.ZodObject<ReturnType<typeof inspectionShape>>>

function refine(t: Messages, options?: InspectionOptions) {
	return (value: Shape, ctx: z.RefinementCtx) => {
		if (value.startsOn && value.endsOn && isIsoDate(value.startsOn) && isIsoDate(value.endsOn) && value.endsOn < value.startsOn) {
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: t.inspections.endBeforeStart })
		}
		if (value.startsOn && isIsoDate(value.startsOn) && Number(value.startsOn.slice(0, 4)) !== value.year) {
			ctx.addIssue({ code: 'custom', path: ['startsOn'], message: fill(t.inspections.startOutsideYear, { year: value.year }) })
		}
		if (!options) return
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
		if (value.planItemId !== undefined && !options.planItemIds.includes(value.planItemId)) issue('planItemId', t.inspections.unknownPlanItem)
		if (!options.organIds.includes(value.organId)) issue('organId', t.inspections.unknownOrgan)
		if (value.clauseIds.some((id) => !options.clauseIds.includes(id))) issue('clauseIds', t.inspections.unknownClause)
		if (!options.memberIds.includes(value.leaderId)) issue('leaderId', t.inspections.leaderNotMember)
		if (value.memberIds.some((id) => !options.memberIds.includes(id))) issue('memberIds', t.inspections.unknownMember)
		if (value.deputyIds.some((id) => !options.deputyIds.includes(id))) issue('deputyIds', t.inspections.unknownDeputy)
	}
}

export function createInspectionSchema(t: Messages, options?: InspectionOptions) {
	return z.object(inspectionShape(t)).superRefine(refine(t, options))
}

export function updateInspectionSchema(t: Messages, options?: InspectionOptions) {
	return z
		.object({ intent: z.literal('update'), version: int4().min(1), ...inspectionShape(t) })
		.superRefine(refine(t, options))
}

export function toInspectionInput(value: Shape) {
	return {
		planItemId: value.planItemId ?? null,
		title: value.title,
		year: value.year,
		clauseIds: [...new Set(value.clauseIds)],
		forms: inspectionForms.filter((f) => value.forms.includes(f)),
		startsOn: value.startsOn,
		endsOn: value.endsOn,
		organId: value.organId,
		leaderId: value.leaderId,
		memberIds: [...new Set(value.memberIds)],
		deputyIds: [...new Set(value.deputyIds)],
	}
}
