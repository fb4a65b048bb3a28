import { and, count, eq, gt } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, sessions, users } from '#db/schema'
import { accountColumns } from '~/models/users/queries.server'

export async function getManagedUser(db: Database, userId: number) {
	const [user] = await db
		.select({ ...accountColumns, agencyName: agencies.name, version: users.version })
		.from(users)
		.leftJoin(agencies, eq(agencies.id, users.agencyId))
		.where(eq(users.id, userId))
	return user ?? null
}

export async function countSessions(db: Database, userId: number, now = new Date()) {
	const [row] = await db
		.select({ total: count() })
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
	return row.total
}
