import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, users, visitAgencies, visitParticipants, visits } from '#db/schema'
import { staleRecord, updateVersioned, type Audit } from '../write.server'
import { getVisit, type ScheduleVisit, type VisitInput } from './queries.server'

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

export async function createVisit(
	tx: Database,
	audit: Audit,
	inspectionId: number,
	input: VisitInput & { conflictReason: string | null },
): Promise<number> {
	const [created] = await tx.insert(visits).values({ inspectionId, ...visitValues(input) }).returning({ id: visits.id })
	await replaceVisitLinks(tx, created.id, input)
	await audit({ action: 'visit.create', entityType: 'visit', entityId: created.id, before: null, after: { inspectionId, ...(await describeVisit(tx, input)) } })
	return created.id
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

export async function updateVisit(
	tx: Database,
	audit: Audit,
	inspectionId: number,
	visitId: number,
	version: number,
	input: VisitInput & { conflictReason: string | null },
) {
	const before = await getVisit(tx, inspectionId, visitId)
	if (!before) throw staleRecord()
	await updateVersioned(tx, visits, visitId, version, visitValues(input), eq(visits.inspectionId, inspectionId))
	await replaceVisitLinks(tx, visitId, input)
	await audit({
		action: 'visit.update',
		entityType: 'visit',
		entityId: visitId,
		before: { inspectionId, ...(await describeVisit(tx, inputOf(before))) },
		after: { inspectionId, ...(await describeVisit(tx, input)) },
	})
}

export async function deleteVisit(tx: Database, audit: Audit, inspectionId: number, visitId: number, version: number) {
	const before = await getVisit(tx, inspectionId, visitId)
	if (!before) throw staleRecord()
	const removed = await tx
		.delete(visits)
		.where(and(eq(visits.id, visitId), eq(visits.inspectionId, inspectionId), eq(visits.version, version)))
		.returning({ id: visits.id })
	if (removed.length !== 1) throw staleRecord()
	await audit({ action: 'visit.delete', entityType: 'visit', entityId: visitId, before: { inspectionId, ...(await describeVisit(tx, inputOf(before))) }, after: null })
}

