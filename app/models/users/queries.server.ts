import { and, asc, eq, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, users } from '#db/schema'
import type { Role } from '~/domain/roles'

export function findUserByUsername(db: Database, username: string) {
	return db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.username})`, username.trim().toLowerCase()))
		.then((rows) => rows[0])
}

// Whether the password is the account's own: the password form says so beside the field, with
// its other errors; the change checks again in its transaction.

// The columns the account pages show: everything but the password hash. The list shows the
// agency's short name; the account's own page puts the full name in `agencyName` instead.
export const accountColumns = {
	id: users.id,
	username: users.username,
	realName: users.realName,
	position: users.position,
	phone: users.phone,
	role: users.role,
	agencyId: users.agencyId,
	agencyName: agencies.shortName,
	disabled: users.disabled,
	mustChangePassword: users.mustChangePassword,
}

export function listUsers(db: Database) {
	return db
		.select({ ...accountColumns, version: users.version })
		.from(users)
		.leftJoin(agencies, eq(agencies.id, users.agencyId))
		.orderBy(asc(users.id))
}

export type UserFilters = { role?: Role; q?: string; status?: 'active' | 'disabled' }

export function listUsersFiltered(db: Database, filters: UserFilters) {
	const q = filters.q?.trim().toLowerCase()
	const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
	return db
		.select(accountColumns)
		.from(users)
		.leftJoin(agencies, eq(agencies.id, users.agencyId))
		.where(
			and(
				filters.role ? eq(users.role, filters.role) : undefined,
				filters.status ? eq(users.disabled, filters.status === 'disabled') : undefined,
				pattern
					? or(sql`lower(${users.username}) like ${pattern}`, sql`lower(${users.realName}) like ${pattern}`)
					: undefined,
			),
		)
		.orderBy(asc(users.id))
}
