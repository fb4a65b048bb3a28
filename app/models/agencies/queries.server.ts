import { and, asc, eq, ne, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, taskAgencies } from '#db/schema'

// What the lists of agencies show of each.
export const agencyListColumns = {
	id: agencies.id,
	name: agencies.name,
	shortName: agencies.shortName,
	kind: agencies.kind,
	level: agencies.level,
	district: agencies.district,
	active: agencies.active,
}

// Agencies in official order with how many tasks each leads and supports, counted in SQL.
export function listAgenciesWithCounts(db: Database) {
	return db
		.select({
			...agencyListColumns,
			leadCount: sql<number>`count(*) filter (where ${taskAgencies.role} = 'lead')`.mapWith(Number),
			coCount: sql<number>`count(*) filter (where ${taskAgencies.role} = 'co')`.mapWith(Number),
		})
		.from(agencies)
		.leftJoin(taskAgencies, eq(taskAgencies.agencyId, agencies.id))
		.groupBy(agencies.id)
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}

export function listAgencyOptions(db: Database) {
	return db
		.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind, active: agencies.active })
		.from(agencies)
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}

export async function getAgency(db: Database, agencyId: number) {
	const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId))
	return agency ?? null
}

// ── Agency administration (admin.agencies routes) ──

// Agency names are unique (a unique index); the form checks first to answer with a field error.
export async function isAgencyNameTaken(db: Database, name: string, exceptId?: number) {
	const rows = await db
		.select({ id: agencies.id })
		.from(agencies)
		.where(and(eq(agencies.name, name.trim()), exceptId ? ne(agencies.id, exceptId) : undefined))
	return rows.length > 0
}

export function listActiveAgencyOptions(db: Database) {
	return db
		.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName })
		.from(agencies)
		.where(eq(agencies.active, true))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}
