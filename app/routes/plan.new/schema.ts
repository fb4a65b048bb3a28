import { z } from 'zod'
import { planItemKinds } from '~/domain/meetings'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The plan item form, shared by /plan/new and /plan/$itemId/edit. `options` are the organs and
// clauses the form may choose (empty on the client, where the server's check is what counts).

export const maxPlanTitle = 200
export const maxPlanNotes = 2000

type Options = { organIds: ReadonlyArray<number>; clauseIds: ReadonlyArray<number> }

export function planItemShape(t: Messages) {
	return {
		year: z.number({ error: t.plan.yearInvalid }).int(t.plan.yearInvalid).min(2000, t.plan.yearInvalid).max(2099, t.plan.yearInvalid),
		kind: z.enum(planItemKinds, { error: t.plan.kindRequired }),
		title: z
			.string({ error: t.plan.titleRequired })
			.trim()
			.min(1, t.plan.titleRequired)
			.max(maxPlanTitle, fill(t.plan.titleTooLong, { max: maxPlanTitle })),
		organId: int4(t.plan.unknownOrgan).optional(),
		plannedMonth: z.number({ error: t.plan.monthInvalid }).int(t.plan.monthInvalid).min(1, t.plan.monthInvalid).max(12, t.plan.monthInvalid).optional(),
		clauseIds: z.array(int4(t.plan.unknownClause)).default([]),
		notes: z.string().trim().max(maxPlanNotes, fill(t.plan.notesTooLong, { max: maxPlanNotes })).optional(),
	}
}

function refineOptions(t: Messages, options?: Options) {
	return (value: { organId?: number; clauseIds: Array<number> }, ctx: z.RefinementCtx) => {
		if (!options) return
		if (value.organId !== undefined && !options.organIds.includes(value.organId)) {
			ctx.addIssue({ code: 'custom', path: ['organId'], message: t.plan.unknownOrgan })
		}
		if (value.clauseIds.some((id) => !options.clauseIds.includes(id))) {
			ctx.addIssue({ code: 'custom', path: ['clauseIds'], message: t.plan.unknownClause })
		}
	}
}

export function createPlanItemSchema(t: Messages, options?: Options) {
	return z.object(planItemShape(t)).superRefine(refineOptions(t, options))
}

export function updatePlanItemSchema(t: Messages, options?: Options) {
	return z
		.object({ intent: z.literal('update'), version: int4().min(1), ...planItemShape(t) })
		.superRefine(refineOptions(t, options))
}

export const deletePlanItemSchema = z.object({ intent: z.literal('delete'), version: int4().min(1) })

export function toPlanItemInput(value: z.infer<ReturnType<typeof createPlanItemSchema>>) {
	return {
		year: value.year,
		kind: value.kind,
		title: value.title,
		organId: value.organId ?? null,
		plannedMonth: value.plannedMonth ?? null,
		clauseIds: [...new Set(value.clauseIds)],
		notes: value.notes ?? '',
	}
}
