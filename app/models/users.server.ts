import { and, asc, eq, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, users } from '#db/schema'
import type { Role } from '~/domain/roles'
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

// ── Account administration (admin.users routes) ──

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

// No 0/O, 1/l/I: the password is read out over the phone. 12 characters from 55 symbols is
// about 69 bits, more than enough for a password that must be changed at first login.
const temporaryAlphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function generateTemporaryPassword(length = 12): string {
	const bytes = new Uint8Array(length * 2)
	for (;;) {
		crypto.getRandomValues(bytes)
		// 256 is not a multiple of the alphabet's size: rejecting the top bytes keeps it uniform.
		const limit = 256 - (256 % temporaryAlphabet.length)
		const usable = [...bytes].filter((byte) => byte < limit)
		if (usable.length < length) continue
		const password = usable.slice(0, length).map((byte) => temporaryAlphabet[byte % temporaryAlphabet.length]).join('')
		// All letters or all digits is allowed by the rules but needlessly weak: draw again.
		if (/\d/.test(password) && /[a-z]/i.test(password)) return password
	}
}

// A unique index refused the row (PostgreSQL 23505), whether the driver error arrives bare or
// wrapped by drizzle. The callers check first; this catches the race between check and insert.
export function isUniqueViolation(error: unknown): boolean {
	for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
		if ((current as { code?: unknown }).code === '23505') return true
	}
	return false
}
