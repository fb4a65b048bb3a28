import { and, count, eq, gt } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, sessions, users } from '#db/schema'
import type { Role } from '~/domain/roles'
import { hashPassword } from '~/auth/password.server'
import { accountColumns } from '~/models/users.server'
import { updateVersioned, write, type Actor } from '~/models/write.server'

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
