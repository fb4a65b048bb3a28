import { and, desc, eq, gte, inArray, max, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { auditEvents, loginAttempts, users } from '#db/schema'
import { loginBlock, type LoginBlock } from '~/domain/accounts'
import type { Settings } from '~/domain/settings'

// Guessing at a password is throttled per account and per address (DESIGN §1), wherever the
// password is asked for: at login and on the own-password page. The count and the decision
// happen under a lock on the account and the address, and the attempt is recorded as a failure
// BEFORE the password is checked — so fifty guesses sent at once are counted one after another,
// and no more of them reach the password check than the limit allows. A right password turns its
// attempt into a success (clearOnSuccess), which clears that account's count only: the address
// keeps counting, or an attacker could clear it by logging in to an account of their own.

export type Guess = { username: string; address: string; userId: number | null }

export type Admission = { admitted: false; block: Extract<LoginBlock, { blocked: true }> } | { admitted: true; attemptId: number }

// What clears an account's failures besides a successful login: an administrator's reset of its
// password, or an explicit unlock.
export const accountClearingActions = ['user.password.reset', 'user.unlock'] as const

async function lastCleared(db: Database, userId: number): Promise<Date | null> {
	const [row] = await db
		.select({ at: max(auditEvents.at) })
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, String(userId)), inArray(auditEvents.action, [...accountClearingActions])))
	return row?.at ?? null
}

async function recentAttempts(db: Database, column: 'username' | 'address', value: string, since: Date) {
	const key = column === 'username' ? loginAttempts.username : loginAttempts.address
	return db
		.select({ success: loginAttempts.success, at: loginAttempts.at })
		.from(loginAttempts)
		.where(and(eq(key, value), gte(loginAttempts.at, since)))
		.orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
		.limit(500)
}

// The account's failures since its last success; the address's failures, whatever succeeded.
export async function guessHistory(db: Database, guess: Guess, settings: Settings, now: Date) {
	const since = new Date(now.getTime() - settings.loginWindowMinutes * 60_000)
	const account = await recentAttempts(db, 'username', guess.username, since)
	const lastSuccess = account.findIndex((a) => a.success)
	const address = await recentAttempts(db, 'address', guess.address, since)
	return {
		accountFailures: (lastSuccess === -1 ? account : account.slice(0, lastSuccess)).map((a) => a.at),
		addressFailures: address.filter((a) => !a.success).map((a) => a.at),
		accountResetAt: guess.userId === null ? null : await lastCleared(db, guess.userId),
	}
}

// Whether this guess may be checked at all; if so, it is already counted as a failure.
export async function admitGuess(db: Database, guess: Guess, settings: Settings, now: Date): Promise<Admission> {
	// The throttle's own bookkeeping, written before the outcome is known; every outcome is then
	// audited by the caller (login.failed, login.blocked, login …).
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`guess:account:${guess.username}`}))`)
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`guess:address:${guess.address}`}))`)
		const block = loginBlock(await guessHistory(tx as unknown as Database, guess, settings, now), settings, now)
		const [attempt] = await tx
			.insert(loginAttempts)
			.values({ username: guess.username, address: guess.address, success: false, at: now })
			.returning({ id: loginAttempts.id })
		return block.blocked ? { admitted: false as const, block } : { admitted: true as const, attemptId: attempt.id }
	})
}

// Inside the caller's write(): the right password turns the counted attempt into a success.
export async function clearOnSuccess(tx: Database, attemptId: number) {
	await tx.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId))
}

// The accounts locked now by their own failures (not by their address), with when the lock ends:
// for the administrator's list of accounts.
export async function lockedAccounts(db: Database, settings: Settings, now: Date): Promise<Map<string, Date>> {
	const since = new Date(now.getTime() - settings.loginWindowMinutes * 60_000)
	const candidates = await db
		.selectDistinct({ username: loginAttempts.username })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.success, false), gte(loginAttempts.at, since)))
	const locked = new Map<string, Date>()
	for (const { username } of candidates) {
		const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, username))
		const history = await guessHistory(db, { username, address: '', userId: user?.id ?? null }, settings, now)
		const block = loginBlock({ ...history, addressFailures: [] }, settings, now)
		if (block.blocked) locked.set(username, block.until)
	}
	return locked
}
