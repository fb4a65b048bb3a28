import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, users, type Role } from '#db/schema'
import { hashPassword } from '~/auth/password.server'
import type { Audit } from './write.server'

export type NewUser = {
	username: string
	password: string
	realName: string
	position?: string
	phone?: string
	role: Role
	agencyId?: number | null
	mustChangePassword: boolean
}

export function findUserByUsername(db: Database, username: string) {
	return db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.username})`, username.trim().toLowerCase()))
		.then((rows) => rows[0])
}

// Inside the caller's write(): the account and its audit event are one transaction. The
// password hash never reaches the audit log.
export async function insertUser(tx: Database, audit: Audit, input: NewUser) {
	if (input.role === 'agency' && !input.agencyId) throw new Error('An agency liaison needs an agency.')
	const [user] = await tx
		.insert(users)
		.values({
			username: input.username.trim(),
			passwordHash: await hashPassword(input.password),
			realName: input.realName.trim(),
			position: input.position?.trim() ?? '',
			phone: input.phone?.trim() ?? '',
			role: input.role,
			agencyId: input.role === 'agency' ? (input.agencyId ?? null) : null,
			mustChangePassword: input.mustChangePassword,
		})
		.returning()
	await audit({ action: 'user.create', entityType: 'user', entityId: user.id, after: publicUser(user) })
	return user
}

export function publicUser(user: typeof users.$inferSelect) {
	const { passwordHash: _hash, ...rest } = user
	return rest
}

export function listUsers(db: Database) {
	return db
		.select({
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
			version: users.version,
		})
		.from(users)
		.leftJoin(agencies, eq(agencies.id, users.agencyId))
		.orderBy(asc(users.id))
}
