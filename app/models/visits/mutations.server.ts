import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, inspections, users, visitAgencies, visitParticipants, visits } from '#db/schema'
import { mayScheduleVisits } from '~/domain/inspections'
import { conflictsCovered } from '~/domain/schedule'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor } from '../write.server'
import { findVisitConflicts, getReadableVisit, type ConflictView, type ScheduleVisit, type VisitInput } from './queries.server'

// The schedule of an inspection's visits, written by the secretariat while the inspection is
// planned or in progress (mayScheduleVisits). Conflicts — a participant booked twice, an agency
// visited twice on a day, a visit outside the period — are warnings, not refusals: a visit with
// conflicts is saved only with a reason covering each of those the user was shown.

async function describeVisit(db: Database, input: VisitInput & { conflictReason: string | null }) {
	const [agencyRows, userRows] = await Promise.all([
		input.agencyIds.length
			? db
					.select({ name: agencies.name })
					.from(agencies)
					.where(inArray(agencies.id, input.agencyIds))
					.orderBy(asc(agencies.displayOrder), asc(agencies.id))
			: Promise.resolve([]),
		input.participantIds.length
			? db.select({ realName: users.realName }).from(users).where(inArray(users.id, input.participantIds)).orderBy(asc(users.id))
			: Promise.resolve([]),
	])
	return {
		on: input.on,
		time: `${input.startTime}–${input.endTime}`,
		place: input.place,
		district: input.district,
		form: input.form,
		unannounced: input.unannounced,
		agencies: agencyRows.map((a) => a.name),
		participants: userRows.map((u) => u.realName),
		conflictReason: input.conflictReason,
	}
}

function visitValues(input: VisitInput & { conflictReason: string | null }) {
	return {
		on: input.on,
		startTime: input.startTime,
		endTime: input.endTime,
		place: input.place,
		district: input.district,
		form: input.form,
		unannounced: input.unannounced,
		conflictReason: input.conflictReason,
	}
}

async function replaceVisitLinks(tx: Database, visitId: number, input: VisitInput) {
	await tx.delete(visitAgencies).where(eq(visitAgencies.visitId, visitId))
	await tx.delete(visitParticipants).where(eq(visitParticipants.visitId, visitId))
	const agencyIds = [...new Set(input.agencyIds)]
	const participantIds = [...new Set(input.participantIds)]
	if (agencyIds.length) await tx.insert(visitAgencies).values(agencyIds.map((agencyId) => ({ visitId, agencyId })))
	if (participantIds.length) await tx.insert(visitParticipants).values(participantIds.map((userId) => ({ visitId, userId })))
}

function inputOf(visit: ScheduleVisit): VisitInput & { conflictReason: string | null } {
	return {
		on: visit.on,
		startTime: visit.startTime,
		endTime: visit.endTime,
		place: visit.place,
		district: visit.district,
		form: visit.form,
		unannounced: visit.unannounced,
		agencyIds: visit.agencies.map((a) => a.id),
		participantIds: visit.participants.map((p) => p.id),
		conflictReason: visit.conflictReason,
	}
}

export type SaveVisitInput = VisitInput & {
	inspectionId: number
	// The visit changed, with the version the user saw; null for a new visit.
	visit: { id: number; version: number } | null
	conflictReason: string
	// The keys of the conflicts the user was shown (the reason covers those only).
	acknowledged: ReadonlyArray<string>
}

// Saved, or not saved because of conflicts the reason does not cover: those are shown and
// nothing is written.
export type SavedVisit = { saved: true; visitId: number } | { saved: false; conflicts: Array<ConflictView> }

async function inspectionState(db: Database, inspectionId: number) {
	const [row] = await db.select({ state: inspections.state }).from(inspections).where(eq(inspections.id, inspectionId))
	if (!row) refuse({ kind: 'notFound' })
	return row
}

export async function saveVisit(db: Database, actor: Actor, input: SaveVisitInput): Promise<SavedVisit> {
	const { inspectionId } = input
	const candidate = { ...input, id: input.visit?.id ?? null }
	// The warnings first, before anything is locked: a closed schedule is refused before them.
	enforce(mayScheduleVisits(actor, await inspectionState(db, inspectionId)))
	const reason = input.conflictReason.trim()
	const conflicts = await findVisitConflicts(db, candidate)
	if (!conflictsCovered(conflicts.map((c) => c.key), reason, input.acknowledged)) return { saved: false, conflicts }
	const visitId = await write(db, actor, async (tx, audit) => {
		const inspection = await lockVersioned(tx, inspections, inspectionId, undefined, { mode: 'share' })
		enforce(mayScheduleVisits(actor, inspection))
		if (input.visit) await lockVersioned(tx, visits, input.visit.id, input.visit.version, { where: eq(visits.inspectionId, inspectionId) })
		const before = input.visit ? await getReadableVisit(tx, actor, inspectionId, input.visit.id) : null
		if (input.visit && !before) refuse({ kind: 'notFound' })
		// Checked again on the schedule as it is now: a conflict that appeared meanwhile (another
		// visit saved in between) was not shown to the user, who sees it after reloading.
		const now = await findVisitConflicts(tx, candidate)
		if (!conflictsCovered(now.map((c) => c.key), reason, input.acknowledged)) refuse({ kind: 'stale' })
		const stored = { ...input, conflictReason: now.length > 0 ? reason : null }
		if (!input.visit || !before) {
			const [created] = await tx.insert(visits).values({ inspectionId, ...visitValues(stored) }).returning({ id: visits.id })
			await replaceVisitLinks(tx, created.id, stored)
			await audit({ action: 'visit.create', entityType: 'visit', entityId: created.id, before: null, after: { inspectionId, ...(await describeVisit(tx, stored)) } })
			return created.id
		}
		await updateVersioned(tx, visits, input.visit.id, input.visit.version, visitValues(stored))
		await replaceVisitLinks(tx, input.visit.id, stored)
		await audit({
			action: 'visit.update',
			entityType: 'visit',
			entityId: input.visit.id,
			before: { inspectionId, ...(await describeVisit(tx, inputOf(before))) },
			after: { inspectionId, ...(await describeVisit(tx, stored)) },
		})
		return input.visit.id
	})
	return { saved: true, visitId }
}

export async function deleteVisit(db: Database, actor: Actor, input: { inspectionId: number; visitId: number; version: number }) {
	await write(db, actor, async (tx, audit) => {
		const inspection = await lockVersioned(tx, inspections, input.inspectionId, undefined, { mode: 'share' })
		enforce(mayScheduleVisits(actor, inspection))
		await lockVersioned(tx, visits, input.visitId, input.version, { where: eq(visits.inspectionId, input.inspectionId) })
		const before = await getReadableVisit(tx, actor, input.inspectionId, input.visitId)
		await tx.delete(visits).where(eq(visits.id, input.visitId))
		await audit({
			action: 'visit.delete',
			entityType: 'visit',
			entityId: input.visitId,
			before: before ? { inspectionId: input.inspectionId, ...(await describeVisit(tx, inputOf(before))) } : null,
			after: null,
		})
	})
}
