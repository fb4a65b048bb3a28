import { z } from 'zod'
import { isIsoDate } from '~/domain/dates'
import { inspectionForms } from '~/domain/inspections'
import { isClock, timesInOrder } from '~/domain/schedule'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The visit form, shared by /inspections/$id/visits/new and …/visits/$visitId/edit. An end not
// after the start is a field error, whatever the reason given. Conflicts are not checked here:
// they are warnings saveVisit finds in the database (app/models/visits/mutations.server.ts).

export const maxPlace = 200
export const maxReason = 1000

export type VisitOptions = {
	districts: ReadonlyArray<string>
	agencyIds: ReadonlyArray<number>
	groupIds: ReadonlyArray<number>
}

// What the form offered, as the ids its schema checks against.
export function visitOptionIds(options: { districts: ReadonlyArray<string>; agencies: ReadonlyArray<{ id: number }>; group: ReadonlyArray<{ id: number }> }): VisitOptions {
	return { districts: options.districts, agencyIds: options.agencies.map((a) => a.id), groupIds: options.group.map((g) => g.id) }
}

function clock(t: Messages) {
	return z.string({ error: t.visits.timeInvalid }).trim().refine(isClock, t.visits.timeInvalid)
}

function visitShape(t: Messages) {
	return {
		on: z
			.string({ error: t.visits.dateRequired })
			.trim()
			.min(1, t.visits.dateRequired)
			.refine(isIsoDate, t.visits.dateInvalid),
		startTime: clock(t),
		endTime: clock(t),
		place: z
			.string({ error: t.visits.placeRequired })
			.trim()
			.min(1, t.visits.placeRequired)
			.max(maxPlace, fill(t.visits.placeTooLong, { max: maxPlace })),
		district: z.string().trim().optional(),
		form: z.enum(inspectionForms, { error: t.visits.unknownForm }).optional(),
		unannounced: z.boolean().optional(),
		agencyIds: z.array(int4(t.visits.unknownAgency)).default([]),
		participantIds: z.array(int4(t.visits.notInGroup), { error: t.visits.participantsRequired }).min(1, t.visits.participantsRequired),
		conflictReason: z.string().trim().max(maxReason, fill(t.visits.reasonTooLong, { max: maxReason })).optional(),
		// The keys of the conflicts the user was warned about: the reason covers those only.
		acknowledged: z.array(z.string()).default([]),
	}
}

type Shape = z.infer<z.ZodObject<ReturnType<typeof visitShape>>>

function refine(t: Messages, options?: VisitOptions) {
	return (value: Shape, ctx: z.RefinementCtx) => {
		if (isClock(value.startTime) && isClock(value.endTime) && !timesInOrder(value.startTime, value.endTime)) {
			ctx.addIssue({ code: 'custom', path: ['endTime'], message: t.visits.endNotAfterStart })
		}
		if (!options) return
		if (value.district && !options.districts.includes(value.district)) {
			ctx.addIssue({ code: 'custom', path: ['district'], message: t.visits.unknownDistrict })
		}
		if (value.agencyIds.some((id) => !options.agencyIds.includes(id))) {
			ctx.addIssue({ code: 'custom', path: ['agencyIds'], message: t.visits.unknownAgency })
		}
		if (value.participantIds.some((id) => !options.groupIds.includes(id))) {
			ctx.addIssue({ code: 'custom', path: ['participantIds'], message: t.visits.notInGroup })
		}
	}
}

export function createVisitSchema(t: Messages, options?: VisitOptions) {
	return z.object(visitShape(t)).superRefine(refine(t, options))
}

export function updateVisitSchema(t: Messages, options?: VisitOptions) {
	return z
		.object({ intent: z.literal('update'), version: int4().min(1), ...visitShape(t) })
		.superRefine(refine(t, options))
}

export const deleteVisitSchema = z.object({ intent: z.literal('delete'), version: int4().min(1) })

export function toVisitInput(value: Shape) {
	return {
		on: value.on,
		startTime: value.startTime,
		endTime: value.endTime,
		place: value.place,
		district: value.district || null,
		form: value.form ?? null,
		unannounced: value.unannounced ?? false,
		agencyIds: [...new Set(value.agencyIds)],
		participantIds: [...new Set(value.participantIds)],
	}
}
