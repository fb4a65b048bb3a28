import { eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { sessions, users } from '#db/schema'
import type { Role } from '~/domain/roles'
import { hashPassword } from '~/auth/password.server'
import { updateVersioned, write, type Actor, type Audit } from '../write.server'

// Accounts written: created (by an admin, the command line or the seed), their profile edited,
// disabled and enabled, their password reset. No audit event ever holds a password or its hash.

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

export type Profile = { realName: string; position: string; phone: string; role: Role; agencyId: number | null }

function profileOf(user: typeof users.$inferSelect): Profile {
	return { realName: user.realName, position: user.position, phone: user.phone, role: user.role, agencyId: user.agencyId }
}

// The audit event holds the profile only: never the password hash.
export async function updateProfile(db: Database, actor: Actor, userId: number, version: number, profile: Profile) {
	await write(db, actor, async (tx, audit) => {
		const [before] = await tx.select().from(users).where(eq(users.id, userId))
		const after = await updateVersioned(tx, users, userId, version, profile)
		await audit({ action: 'user.update', entityType: 'user', entityId: userId, before: profileOf(before), after: profileOf(after) })
	})
}

// Disabling ends every session of the account at once, in the same transaction.
export async function setDisabled(db: Database, actor: Actor, userId: number, version: number, disabled: boolean) {
	await write(db, actor, async (tx, audit) => {
		await updateVersioned(tx, users, userId, version, { disabled })
		if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId))
		await audit({
			action: disabled ? 'user.disable' : 'user.enable',
			entityType: 'user',
			entityId: userId,
			before: { disabled: !disabled },
			after: { disabled },
		})
	})
}

// A reset ends the account's sessions and makes it choose its own password at the next login.
export async function resetPassword(db: Database, actor: Actor, userId: number, version: number, password: string) {
	const passwordHash = await hashPassword(password)
	await write(db, actor, async (tx, audit) => {
		await updateVersioned(tx, users, userId, version, { passwordHash, mustChangePassword: true })
		await tx.delete(sessions).where(eq(sessions.userId, userId))
		await audit({ action: 'user.password.reset', entityType: 'user', entityId: userId, after: { mustChangePassword: true } })
	})
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
