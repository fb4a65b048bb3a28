import type { Database } from '#db/client.server'
import type { LoginBlock } from '~/domain/accounts'
import type { Settings } from '~/domain/settings'
import { burnPasswordCheck, verifyPassword } from '~/auth/password.server'
import { createSession, invalidateSession } from '~/auth/session.server'
import { findUserByUsername } from './users/queries.server'
import { admitGuess, clearOnSuccess } from './throttle.server'
import { recordAudit, write, type Actor } from './write.server'

export type LoginResult =
	| { ok: true; token: string; expiresAt: Date; mustChangePassword: boolean }
	| { ok: false; reason: 'invalid' | 'disabled' }
	| { ok: false; reason: 'blocked'; block: Extract<LoginBlock, { blocked: true }> }

// Logs in with throttling per account and per address (throttle.server.ts); every attempt is
// recorded, and every outcome is written to the audit log with the address it came from.
export async function attemptLogin(
	db: Database,
	input: { username: string; password: string; address: string },
	settings: Settings,
	now = new Date(),
): Promise<LoginResult> {
	const username = input.username.trim().toLowerCase()
	const user = await findUserByUsername(db, username)
	const actor = { id: user?.id ?? null, address: input.address }
	const admission = await admitGuess(db, { username, address: input.address, userId: user?.id ?? null }, settings, now)
	if (!admission.admitted) {
		const { block } = admission
		await recordAudit(db, actor, { action: 'login.blocked', entityType: 'user', entityId: user?.id, after: { username, by: block.by } })
		return { ok: false, reason: 'blocked', block }
	}
	const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false)
	if (!user || !valid || user.disabled) {
		const reason = user?.disabled && valid ? 'disabled' : 'invalid'
		await recordAudit(db, actor, { action: 'login.failed', entityType: 'user', entityId: user?.id, after: { username, reason } })
		// A disabled account is told so only with the right password: otherwise it is just wrong.
		return { ok: false, reason }
	}
	return write(db, actor, async (tx, audit) => {
		await clearOnSuccess(tx, admission.attemptId)
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
