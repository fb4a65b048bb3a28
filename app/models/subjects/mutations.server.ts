import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, subjectMappings } from '#db/schema'
import { can } from '~/auth/permissions'
import { permitted } from '~/domain/refusal'
import { seenKey } from '~/domain/subjects'
import { enforce, refuse, write, type Actor } from '../write.server'

// The subject mapping written by admin and the secretariat: which agencies a subject phrase of
// an instrument stands for. The mapping has no version column: a save compares the stored set
// of agencies with the one the editor was loaded with (seenKey), on the subject's rows locked.

// The subject's agencies as stored, its rows locked for the rest of the transaction.
async function currentAgencies(tx: Database, subject: string) {
	await tx.select({ agencyId: subjectMappings.agencyId }).from(subjectMappings).where(eq(subjectMappings.subject, subject)).for('update')
	return tx
		.select({ agencyId: subjectMappings.agencyId, shortName: agencies.shortName })
		.from(subjectMappings)
		.innerJoin(agencies, eq(agencies.id, subjectMappings.agencyId))
		.where(eq(subjectMappings.subject, subject))
		.orderBy(asc(subjectMappings.position), asc(agencies.displayOrder))
}

// The mapping as the editor saw it; one changed or removed meanwhile means the page is out of date.
async function lockSeen(tx: Database, subject: string, seen: string) {
	const current = await currentAgencies(tx, subject)
	if (current.length === 0 || seenKey(current.map((c) => c.agencyId)) !== seen) refuse({ kind: 'stale' })
	return current
}

// Agencies already mapped keep their sequence (the first carries the duty); newly chosen ones
// follow in official order. `chosen` is in official order.
async function replaceAgencies(tx: Database, subject: string, previous: Array<number>, chosen: Array<number>) {
	const kept = previous.filter((id) => chosen.includes(id))
	const added = chosen.filter((id) => !previous.includes(id))
	const ordered = [...kept, ...added]
	await tx.delete(subjectMappings).where(eq(subjectMappings.subject, subject))
	await tx.insert(subjectMappings).values(ordered.map((agencyId, position) => ({ subject, agencyId, position })))
	return ordered
}

async function shortNames(tx: Database, ids: Array<number>) {
	const rows = await tx.select({ id: agencies.id, shortName: agencies.shortName }).from(agencies).where(inArray(agencies.id, ids))
	return ids.map((id) => rows.find((row) => row.id === id)?.shortName ?? String(id))
}

// Changing the mapping re-assigns no existing task: it is read at the next import only.
export async function saveMapping(db: Database, actor: Actor, input: { subject: string; agencyIds: Array<number>; seen: string }) {
	await write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'subjects:edit')))
		const current = await lockSeen(tx, input.subject, input.seen)
		const ordered = await replaceAgencies(tx, input.subject, current.map((c) => c.agencyId), input.agencyIds)
		await audit({
			action: 'subject.update',
			entityType: 'subject_mapping',
			entityId: input.subject,
			before: { agencies: current.map((c) => c.shortName) },
			after: { agencies: await shortNames(tx, ordered) },
		})
	})
}

export async function createMapping(db: Database, actor: Actor, input: { subject: string; agencyIds: Array<number> }) {
	await write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'subjects:edit')))
		if ((await currentAgencies(tx, input.subject)).length > 0) refuse({ kind: 'rule', code: 'adminSubjects.subjectTaken', status: 400 })
		const ordered = await replaceAgencies(tx, input.subject, [], input.agencyIds)
		await audit({ action: 'subject.create', entityType: 'subject_mapping', entityId: input.subject, after: { agencies: await shortNames(tx, ordered) } })
	})
}

export async function removeMapping(db: Database, actor: Actor, input: { subject: string; seen: string }) {
	await write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'subjects:edit')))
		const current = await lockSeen(tx, input.subject, input.seen)
		await tx.delete(subjectMappings).where(eq(subjectMappings.subject, input.subject))
		await audit({ action: 'subject.remove', entityType: 'subject_mapping', entityId: input.subject, before: { agencies: current.map((c) => c.shortName) } })
	})
}
