import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from '@remix-run/node'
import type { Database } from '#db/client.server'
import { invariantFound, type CurrentUser } from '~/auth/guards.server'
import type { Messages } from '~/i18n/zh'
import { getReadableInspection } from '~/models/inspections/queries.server'
import { scheduleOpen } from '~/domain/inspections'
import { createVisit, updateVisit } from '~/models/visits/mutations.server'
import { findVisitConflicts, listDistricts, listGroupOptions, listVisitAgencyOptions, type ConflictView, type ScheduleVisit } from '~/models/visits/queries.server'
import { isStaleRecord, write } from '~/models/write.server'
import { createVisitSchema, toVisitInput, updateVisitSchema, type VisitOptions } from './schema'

// What the visit pages share: the inspection, its group, the agencies and districts the form
// offers, and the save with its conflict check.

export async function loadVisitContext(db: Database, user: CurrentUser, inspectionId: number, visit?: ScheduleVisit) {
	const inspection = await getReadableInspection(db, user, inspectionId)
	invariantFound(inspection)
	const [group, agencies, districts] = await Promise.all([
		listGroupOptions(db, inspectionId),
		listVisitAgencyOptions(db, visit?.agencies.map((a) => a.id) ?? []),
		listDistricts(db),
	])
	return {
		inspection: {
			id: inspection.id,
			title: inspection.title,
			state: inspection.state,
			startsOn: inspection.startsOn,
			endsOn: inspection.endsOn,
			forms: inspection.forms,
		},
		open: scheduleOpen(inspection.state),
		group,
		agencies: agencies.map(({ id, name }) => ({ id, name })),
		districts,
	}
}

export type VisitContext = Awaited<ReturnType<typeof loadVisitContext>>

function optionIds(context: VisitContext): VisitOptions {
	return { districts: context.districts, agencyIds: context.agencies.map((a) => a.id), groupIds: context.group.map((g) => g.id) }
}

// Saves a new visit or changes one. Conflicts are not saved over silently: without a reason
// that covers each of them (the keys the user was shown come back in `acknowledged`), the
// answer is the warning, with the input kept and nothing written.
export async function saveVisit({
	db,
	user,
	t,
	formData,
	context,
	visit,
}: {
	db: Database
	user: CurrentUser
	t: Messages
	formData: FormData
	context: VisitContext
	visit?: ScheduleVisit
}) {
	const inspectionId = context.inspection.id
	const schema = visit ? updateVisitSchema(t, optionIds(context)) : createVisitSchema(t, optionIds(context))
	const submission = parseWithZod(formData, { schema })
	const noConflicts: Array<ConflictView> = []
	if (submission.status !== 'success') {
		return data({ intent: 'save' as const, result: submission.reply(), conflicts: noConflicts }, { status: 400 })
	}
	if (!context.open) {
		return data({ intent: 'save' as const, result: submission.reply({ formErrors: [t.visits.closed] }), conflicts: noConflicts }, { status: 409 })
	}
	const input = toVisitInput(submission.value)
	const conflicts = await findVisitConflicts(db, { ...input, id: visit?.id ?? null, inspectionId })
	const reason = submission.value.conflictReason?.trim() ?? ''
	const acknowledged = new Set(submission.value.acknowledged)
	if (conflicts.length > 0 && (!reason || conflicts.some((c) => !acknowledged.has(c.key)))) {
		const fieldErrors = reason ? undefined : { conflictReason: [t.visits.reasonRequired] }
		return data({ intent: 'save' as const, result: submission.reply({ fieldErrors }), conflicts }, { status: 400 })
	}
	const stored = { ...input, conflictReason: conflicts.length > 0 ? reason : null }
	const version = (submission.value as { version?: number }).version ?? null
	const stale = () =>
		data({ intent: 'save' as const, result: submission.reply({ formErrors: [t.common.stale] }), conflicts: noConflicts }, { status: 409 })
	if (visit && version !== visit.version) return stale()
	try {
		const visitId = await write(db, user, async (tx, audit) => {
			if (!visit) return createVisit(tx, audit, inspectionId, stored)
			await updateVisit(tx, audit, inspectionId, visit.id, version ?? 0, stored)
			return visit.id
		})
		return redirect(`/inspections/${inspectionId}?done=${visit ? 'visitSaved' : 'visitCreated'}#visit-${visitId}`)
	} catch (error) {
		if (isStaleRecord(error)) return stale()
		throw error
	}
}
