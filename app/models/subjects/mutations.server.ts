import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, subjectMappings } from '#db/schema'
import { seenKey } from '~/domain/subjects'
import { staleRecord, write, type Actor } from '../write.server'

// The subject mapping written: which agencies a subject phrase of an instrument stands for. The
// mapping has no version column: a save compares the stored set of agencies with the one the
// editor was loaded with (seenKey).


async function currentAgencies(tx: Database, subject: string) {
	return tx
		.select({ agencyId: subjectMappings.agencyId, shortName: agencies.shortName })
		.from(subjectMappings)
		.innerJoin(agencies, eq(agencies.id, subjectMappings.agencyId))
		.where(eq(subjectMappings.subject, subject))
		.orderBy(asc(subjectMappings.position), asc(agencies.displayOrder))
}

export function subjectTaken() {
	return Object.assign(new Error('The subject is already mapped.'), { name: 'SubjectTaken' as const })
}

export function isSubjectTaken(error: unknown) {
	return error instanceof Error && error.name === 'SubjectTaken'
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
export async function saveMapping(db: Database, actor: Actor, subject: string, chosen: Array<number>, seen: string) {
	await write(db, actor, async (tx, audit) => {
		const current = await currentAgencies(tx, subject)
		if (current.length === 0 || seenKey(current.map((c) => c.agencyId)) !== seen) throw staleRecord()
		const ordered = await replaceAgencies(tx, subject, current.map((c) => c.agencyId), chosen)
		await audit({
			action: 'subject.update',
			entityType: 'subject_mapping',
			entityId: subject,
			before: { agencies: current.map((c) => c.shortName) },
			after: { agencies: await shortNames(tx, ordered) },
		})
	})
}

export async function createMapping(db: Database, actor: Actor, subject: string, chosen: Array<number>) {
	await write(db, actor, async (tx, audit) => {
		if ((await currentAgencies(tx, subject)).length > 0) throw subjectTaken()
		const ordered = await replaceAgencies(tx, subject, [], chosen)
		await audit({ action: 'subject.create', entityType: 'subject_mapping', entityId: subject, after: { agencies: await shortNames(tx, ordered) } })
	})
}

export async function removeMapping(db: Database, actor: Actor, subject: string, seen: string) {
	await write(db, actor, async (tx, audit) => {
		const current = await currentAgencies(tx, subject)
		if (current.length === 0 || seenKey(current.map((c) => c.agencyId)) !== seen) throw staleRecord()
		await tx.delete(subjectMappings).where(eq(subjectMappings.subject, subject))
		await audit({ action: 'subject.remove', entityType: 'subject_mapping', entityId: subject, before: { agencies: current.map((c) => c.shortName) } })
	})
}
