import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, taskAgencies } from '#db/schema'

// Agencies in official order with how many tasks each leads and supports, counted in SQL.
export function listAgenciesWithCounts(db: Database) {
	return db
		.select({
			id: agencies.id,
			name: agencies.name,
			shortName: agencies.shortName,
			kind: agencies.kind,
			level: agencies.level,
			district: agencies.district,
			active: agencies.active,
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
