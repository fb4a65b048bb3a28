import { and, desc, eq, gte, max } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { auditEvents, loginAttempts } from '#db/schema'
import { loginBlock, type LoginBlock } from '~/domain/accounts'
import type { Settings } from '~/domain/settings'
import { burnPasswordCheck, verifyPassword } from '~/auth/password.server'
import { createSession, invalidateSession } from '~/auth/session.server'
import { findUserByUsername } from './users/queries.server'
import { write, type Actor } from './write.server'

export type LoginResult =
	| { ok: true; token: string; expiresAt: Date; mustChangePassword: boolean }
	| { ok: false; reason: 'invalid' | 'disabled' }
	| { ok: false; reason: 'blocked'; block: Extract<LoginBlock, { blocked: true }> }

async function failuresSinceLastSuccess(db: Database, column: 'username' | 'address', value: string, since: Date) {
	const key = column === 'username' ? loginAttempts.username : loginAttempts.address
	const rows = await db
		.select({ success: loginAttempts.success, at: loginAttempts.at })
		.from(loginAttempts)
		.where(and(eq(key, value), gte(loginAttempts.at, since)))
		.orderBy(desc(loginAttempts.at))
		.limit(200)
	const lastSuccess = rows.findIndex((r) => r.success)
	return (lastSuccess === -1 ? rows : rows.slice(0, lastSuccess)).map((r) => r.at)
}

// When an administrator last reset the account's password: the audit log holds the reset, made
// at that moment (user.password.reset).
async function lastPasswordReset(db: Database, userId: number): Promise<Date | null> {
	const [row] = await db
		.select({ at: max(auditEvents.at) })
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, String(userId)), eq(auditEvents.action, 'user.password.reset')))
	return row?.at ?? null
}

// Logs in with throttling per account and per address; every attempt is recorded, and a
// failure is written to the audit log with the address it came from.
export async function attemptLogin(
	db: Database,
	input: { username: string; password: string; address: string },
	settings: Settings,
	now = new Date(),
): Promise<LoginResult> {
	const username = input.username.trim().toLowerCase()
	const since = new Date(now.getTime() - settings.loginWindowMinutes * 60_000)
	const user = await findUserByUsername(db, username)
	const block = loginBlock(
		{
			accountFailures: await failuresSinceLastSuccess(db, 'username', username, since),
			addressFailures: await failuresSinceLastSuccess(db, 'address', input.address, since),
			accountResetAt: user ? await lastPasswordReset(db, user.id) : null,
		},
		settings,
		now,
	)
	const actor = { id: user?.id ?? null, address: input.address }
	if (block.blocked) {
		await write(db, actor, async (tx, audit) => {
			await tx.insert(loginAttempts).values({ username, address: input.address, success: false, at: now })
			await audit({ action: 'login.blocked', entityType: 'user', entityId: user?.id, after: { username, by: block.by } })
		})
		return { ok: false, reason: 'blocked', block }
	}
	const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false)
	if (!user || !valid || user.disabled) {
		await write(db, actor, async (tx, audit) => {
			await tx.insert(loginAttempts).values({ username, address: input.address, success: false, at: now })
			await audit({
				action: 'login.failed',
				entityType: 'user',
				entityId: user?.id,
				after: { username, reason: user?.disabled && valid ? 'disabled' : 'invalid' },
			})
		})
		// A disabled account is told so only with the right password: otherwise it is just wrong.
		return { ok: false, reason: user?.disabled && valid ? 'disabled' : 'invalid' }
	}
	return write(db, actor, async (tx, audit) => {
		await tx.insert(loginAttempts).values({ username, address: input.address, success: true, at: now })
		const { token, session } = await createSession(tx, user.id, settings, now)
		await audit({ action: 'login', entityType: 'user', entityId: user.id })
		return { ok: true as const, token, expiresAt: session.expiresAt, mustChangePassword: user.mustChangePassword }
	})
}

// Logging out deletes the session row, so the old cookie is worthless even if it was copied.
export async function endSession(db: Database, actor: Actor, input: { sessionId: string }) {
	await write(db, actor, async (tx, audit) => {
		await invalidateSession(tx, input.sessionId)
		await audit({ action: 'logout', entityType: 'user', entityId: actor.id })
	})
}
