import { and, asc, count, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, users } from '#db/schema'
import { agencyListColumns } from '~/models/agencies/queries.server'

export function listAgenciesForAdmin(db: Database) {
	return db
		.select({
			...agencyListColumns,
			displayOrder: agencies.displayOrder,
			version: agencies.version,
			liaisons: count(users.id),
		})
		.from(agencies)
		.leftJoin(users, and(eq(users.agencyId, agencies.id), eq(users.disabled, false)))
		.groupBy(agencies.id)
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}
