import { and, asc, desc, eq, max, ne, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies } from '#db/schema'
import { can } from '~/auth/permissions'
import type { AgencyKind } from '~/domain/agencies'
import { permitted } from '~/domain/refusal'
import { isUniqueViolation } from '../constraints.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor } from '../write.server'

// Agencies written by the administration pages (admin and the secretariat): created, edited,
// moved in the official order. Agencies are never deleted; one no longer in use is made inactive.

export type AgencyValues = {
	name: string
	shortName: string
	kind: AgencyKind
	level: '市' | '区'
	district: string | null
}

export type EditableAgency = AgencyValues & { displayOrder: number; active: boolean }

// Agency names are unique (a unique index): checked in the transaction, and the index settles a
// race between two who save the same name at once.
function refuseNameTaken(): never {
	refuse({ kind: 'rule', code: 'adminAgencies.nameTaken', status: 400 })
}

async function oneAgencyNamed<T>(save: () => Promise<T>): Promise<T> {
	try {
		return await save()
	} catch (error) {
		if (isUniqueViolation(error)) refuseNameTaken()
		throw error
	}
}

async function refuseTakenName(tx: Database, name: string, exceptId?: number) {
	const [taken] = await tx
		.select({ id: agencies.id })
		.from(agencies)
		.where(and(eq(agencies.name, name.trim()), exceptId ? ne(agencies.id, exceptId) : undefined))
	if (taken) refuseNameTaken()
}

// A new agency goes last in the official order unless the admin gave it a place.
export async function createAgency(db: Database, actor: Actor, values: AgencyValues & { displayOrder?: number }) {
	return oneAgencyNamed(() =>
		write(db, actor, async (tx, audit) => {
			enforce(permitted(can(actor.role, 'agencies:edit')))
			await refuseTakenName(tx, values.name)
			const [{ last }] = await tx.select({ last: max(agencies.displayOrder) }).from(agencies)
			const [agency] = await tx
				.insert(agencies)
				.values({ ...values, displayOrder: values.displayOrder ?? (last ?? 0) + 10 })
				.returning()
			const { id, version: _version, createdAt: _createdAt, key: _key, ...after } = agency
			await audit({ action: 'agency.create', entityType: 'agency', entityId: id, after })
			return agency
		}),
	)
}

function editable(agency: typeof agencies.$inferSelect): EditableAgency {
	const { name, shortName, kind, level, district, displayOrder, active } = agency
	return { name, shortName, kind, level, district, displayOrder, active }
}

export async function updateAgency(db: Database, actor: Actor, input: EditableAgency & { agencyId: number; version: number }) {
	await oneAgencyNamed(() =>
		write(db, actor, async (tx, audit) => {
			enforce(permitted(can(actor.role, 'agencies:edit')))
			const before = await lockVersioned(tx, agencies, input.agencyId, input.version)
			await refuseTakenName(tx, input.name, before.id)
			const after = await updateVersioned(tx, agencies, before.id, input.version, editable({ ...before, ...input }))
			await audit({ action: 'agency.update', entityType: 'agency', entityId: before.id, before: editable(before), after: editable(after) })
		}),
	)
}

// Swaps the agency's place with its neighbour in the official order. Both rows are versioned:
// if either changed since it was read, nothing moves. The first agency moved up (or the last
// down) stays where it is: nothing is written ('edge').
export async function moveAgency(
	db: Database,
	actor: Actor,
	input: { agencyId: number; version: number; direction: 'up' | 'down' },
): Promise<'moved' | 'edge'> {
	enforce(permitted(can(actor.role, 'agencies:edit')))
	const [seen] = await db.select().from(agencies).where(eq(agencies.id, input.agencyId))
	if (!seen) refuse({ kind: 'notFound' })
	if (!(await neighbourOf(db, seen, input.direction))) return 'edge'
	await write(db, actor, async (tx, audit) => {
		const current = await lockVersioned(tx, agencies, input.agencyId, input.version)
		// The neighbour as it is now; one that went meanwhile means the list is out of date.
		const neighbour = await neighbourOf(tx, current, input.direction)
		if (!neighbour) refuse({ kind: 'stale' })
		await lockVersioned(tx, agencies, neighbour.id, neighbour.version)
		// Equal order numbers (typed by hand) cannot be swapped: step past the neighbour instead.
		const step = input.direction === 'up' ? -1 : 1
		const swapped = neighbour.displayOrder !== current.displayOrder
		const movedTo = swapped ? neighbour.displayOrder : current.displayOrder + step
		await updateVersioned(tx, agencies, current.id, input.version, { displayOrder: movedTo })
		await audit({ action: 'agency.reorder', entityType: 'agency', entityId: current.id, before: { displayOrder: current.displayOrder }, after: { displayOrder: movedTo } })
		if (!swapped) return
		await updateVersioned(tx, agencies, neighbour.id, neighbour.version, { displayOrder: current.displayOrder })
		await audit({ action: 'agency.reorder', entityType: 'agency', entityId: neighbour.id, before: { displayOrder: neighbour.displayOrder }, after: { displayOrder: current.displayOrder } })
	})
	return 'moved'
}

async function neighbourOf(db: Database, agency: { id: number; displayOrder: number }, direction: 'up' | 'down') {
	const before = sql`(${agencies.displayOrder}, ${agencies.id}) < (${agency.displayOrder}, ${agency.id})`
	const after = sql`(${agencies.displayOrder}, ${agencies.id}) > (${agency.displayOrder}, ${agency.id})`
	const [neighbour] = await db
		.select()
		.from(agencies)
		.where(direction === 'up' ? before : after)
		.orderBy(...(direction === 'up' ? [desc(agencies.displayOrder), desc(agencies.id)] : [asc(agencies.displayOrder), asc(agencies.id)]))
		.limit(1)
	return neighbour ?? null
}
