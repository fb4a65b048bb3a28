import { asc, desc, eq, max, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies } from '#db/schema'
import type { AgencyKind } from '~/domain/agencies'
import { updateVersioned, write, type Actor } from '../write.server'

// Agencies written by the administration pages: created, edited, moved in the official order.
// Agencies are never deleted; one no longer in use is made inactive.

export type AgencyValues = {
	name: string
	shortName: string
	kind: AgencyKind
	level: '市' | '区'
	district: string | null
}

// A new agency goes last in the official order unless the admin gave it a place.
export async function createAgency(db: Database, actor: Actor, values: AgencyValues & { displayOrder?: number }) {
	return write(db, actor, async (tx, audit) => {
		const [{ last }] = await tx.select({ last: max(agencies.displayOrder) }).from(agencies)
		const [agency] = await tx
			.insert(agencies)
			.values({ ...values, displayOrder: values.displayOrder ?? (last ?? 0) + 10 })
			.returning()
		const { id, version: _version, createdAt: _createdAt, key: _key, ...after } = agency
		await audit({ action: 'agency.create', entityType: 'agency', entityId: id, after })
		return agency
	})
}

// Swaps the agency's place with its neighbour in the official order. Both rows are versioned:
// if either changed since it was read, nothing moves.
export async function moveAgency(db: Database, actor: Actor, agencyId: number, version: number, direction: 'up' | 'down') {
	const [current] = await db.select().from(agencies).where(eq(agencies.id, agencyId))
	if (!current) return 'missing' as const
	const before = sql`(${agencies.displayOrder}, ${agencies.id}) < (${current.displayOrder}, ${current.id})`
	const after = sql`(${agencies.displayOrder}, ${agencies.id}) > (${current.displayOrder}, ${current.id})`
	const [neighbour] = await db
		.select()
		.from(agencies)
		.where(direction === 'up' ? before : after)
		.orderBy(...(direction === 'up' ? [desc(agencies.displayOrder), desc(agencies.id)] : [asc(agencies.displayOrder), asc(agencies.id)]))
		.limit(1)
	if (!neighbour) return 'edge' as const
	// Equal order numbers (typed by hand) cannot be swapped: step past the neighbour instead.
	const step = direction === 'up' ? -1 : 1
	const movedTo = neighbour.displayOrder === current.displayOrder ? current.displayOrder + step : neighbour.displayOrder
	const swapped = neighbour.displayOrder !== current.displayOrder
	await write(db, actor, async (tx, audit) => {
		await updateVersioned(tx, agencies, current.id, version, { displayOrder: movedTo })
		await audit({ action: 'agency.reorder', entityType: 'agency', entityId: current.id, before: { displayOrder: current.displayOrder }, after: { displayOrder: movedTo } })
		if (!swapped) return
		await updateVersioned(tx, agencies, neighbour.id, neighbour.version, { displayOrder: current.displayOrder })
		await audit({ action: 'agency.reorder', entityType: 'agency', entityId: neighbour.id, before: { displayOrder: neighbour.displayOrder }, after: { displayOrder: current.displayOrder } })
	})
	return 'moved' as const
}

export type EditableAgency = AgencyValues & { displayOrder: number; active: boolean }

function editable(agency: typeof agencies.$inferSelect): EditableAgency {
	const { name, shortName, kind, level, district, displayOrder, active } = agency
	return { name, shortName, kind, level, district, displayOrder, active }
}

export async function updateAgency(db: Database, actor: Actor, agencyId: number, version: number, values: EditableAgency) {
	await write(db, actor, async (tx, audit) => {
		const [before] = await tx.select().from(agencies).where(eq(agencies.id, agencyId))
		const after = await updateVersioned(tx, agencies, agencyId, version, values)
		await audit({ action: 'agency.update', entityType: 'agency', entityId: agencyId, before: editable(before), after: editable(after) })
	})
}
