import { and, eq, ne } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { sessions, users } from '#db/schema'
import { hashPassword, verifyPassword } from '~/auth/password.server'
import { belongsToAgency, mayChangeRole, mayDisable, mayManageAccounts, mayResetPassword } from '~/domain/accounts'
import { shanghaiClock } from '~/domain/dates'
import type { Role } from '~/domain/roles'
import type { Settings } from '~/domain/settings'
import { isUniqueViolation } from '../constraints.server'
import { admitGuess, clearOnSuccess } from '../throttle.server'
import { enforce, lockVersioned, recordAudit, refuse, updateVersioned, write, type Actor, type Audit } from '../write.server'
import { findUserByUsername } from './queries.server'

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
	if (belongsToAgency(input.role) && !input.agencyId) throw new Error('An agency liaison needs an agency.')
	const [user] = await tx
		.insert(users)
		.values({
			username: input.username.trim(),
			passwordHash: await hashPassword(input.password),
			realName: input.realName.trim(),
			position: input.position?.trim() ?? '',
			phone: input.phone?.trim() ?? '',
			role: input.role,
			agencyId: belongsToAgency(input.role) ? (input.agencyId ?? null) : null,
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

// An administrator creates the account with a temporary password the person must change at
// their first login. A username is unique whatever its case.
export async function createUser(db: Database, actor: Actor, input: NewUser) {
	try {
		return await write(db, actor, async (tx, audit) => {
			enforce(mayManageAccounts(actor))
			if (await findUserByUsername(tx, input.username)) refuseUsernameTaken()
			return publicUser(await insertUser(tx, audit, input))
		})
	} catch (error) {
		// Someone created the same username a moment ago: the unique index settles it.
		if (isUniqueViolation(error)) refuseUsernameTaken()
		throw error
	}
}

function refuseUsernameTaken(): never {
	refuse({ kind: 'rule', code: 'adminUsers.usernameTaken', status: 400 })
}

export type Profile = { realName: string; position: string; phone: string; role: Role; agencyId: number | null }

function profileOf(user: typeof users.$inferSelect): Profile {
	return { realName: user.realName, position: user.position, phone: user.phone, role: user.role, agencyId: user.agencyId }
}

// The audit event holds the profile only: never the password hash. An administrator keeps their
// own role (accountPolicy); only a liaison belongs to an agency.
export async function updateProfile(db: Database, actor: Actor, input: Profile & { userId: number; version: number }) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockVersioned(tx, users, input.userId, input.version)
		enforce(mayChangeRole(actor, before, input.role))
		const profile: Profile = {
			realName: input.realName,
			position: input.position,
			phone: input.phone,
			role: input.role,
			agencyId: belongsToAgency(input.role) ? input.agencyId : null,
		}
		const after = await updateVersioned(tx, users, before.id, input.version, profile)
		await audit({ action: 'user.update', entityType: 'user', entityId: before.id, before: profileOf(before), after: profileOf(after) })
	})
}

// Disabling ends every session of the account at once, in the same transaction. Accounts are
// never deleted: members and deputies change every term, and the record keeps their names.
export async function setDisabled(db: Database, actor: Actor, input: { userId: number; version: number; disabled: boolean }) {
	const { disabled } = input
	await write(db, actor, async (tx, audit) => {
		const account = await lockVersioned(tx, users, input.userId, input.version)
		enforce(disabled ? mayDisable(actor, account) : mayManageAccounts(actor))
		await updateVersioned(tx, users, account.id, input.version, { disabled })
		if (disabled) await tx.delete(sessions).where(eq(sessions.userId, account.id))
		await audit({
			action: disabled ? 'user.disable' : 'user.enable',
			entityType: 'user',
			entityId: account.id,
			before: { disabled: !disabled },
			after: { disabled },
		})
	})
}

// A reset ends the account's sessions and makes it choose its own password at the next login.
export async function resetPassword(db: Database, actor: Actor, input: { userId: number; version: number; password: string }) {
	const passwordHash = await hashPassword(input.password)
	await write(db, actor, async (tx, audit) => {
		const account = await lockVersioned(tx, users, input.userId, input.version)
		enforce(mayResetPassword(actor, account))
		await updateVersioned(tx, users, account.id, input.version, { passwordHash, mustChangePassword: true })
		await tx.delete(sessions).where(eq(sessions.userId, account.id))
		await audit({ action: 'user.password.reset', entityType: 'user', entityId: account.id, after: { mustChangePassword: true } })
	})
}

// A user changes their own password, knowing the current one. Their other sessions end: whoever
// else held the old password is out; the session they change it in stays.
// The current password is a guess like a login's: throttled and counted with the account's login
// failures (throttle.server.ts), and every wrong or blocked one audited.
export async function changeOwnPassword(
	db: Database,
	actor: Actor,
	input: { currentPassword: string; newPassword: string; keepSessionId: string },
	settings: Settings,
	now = new Date(),
) {
	const [current] = await db.select().from(users).where(eq(users.id, actor.id ?? -1))
	if (!current) refuse({ kind: 'notFound' })
	const guess = { username: current.username.toLowerCase(), address: actor.address ?? 'unknown', userId: current.id }
	const admission = await admitGuess(db, guess, settings, now)
	if (!admission.admitted) {
		await recordAudit(db, actor, { action: 'user.password.change.blocked', entityType: 'user', entityId: current.id, after: { by: admission.block.by } })
		refuse({ kind: 'rule', code: 'account.blocked', params: { time: shanghaiClock(admission.block.until) }, status: 400 })
	}
	if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
		await recordAudit(db, actor, { action: 'user.password.change.failed', entityType: 'user', entityId: current.id })
		refuse({ kind: 'rule', code: 'account.wrongCurrent', status: 400 })
	}
	const passwordHash = await hashPassword(input.newPassword)
	await write(db, actor, async (tx, audit) => {
		const account = await lockVersioned(tx, users, current.id)
		await clearOnSuccess(tx, admission.attemptId)
		await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, account.id))
		await tx.delete(sessions).where(and(eq(sessions.userId, account.id), ne(sessions.id, input.keepSessionId)))
		await audit({ action: 'user.password.change', entityType: 'user', entityId: account.id })
	})
}

// An administrator lifts an account's login lock: the failures before it no longer count against
// the account (throttle.server.ts), and the unlock is audited. The address stays throttled.
export async function unlockAccount(db: Database, actor: Actor, input: { userId: number }) {
	await write(db, actor, async (tx, audit) => {
		enforce(mayManageAccounts(actor))
		const account = await lockVersioned(tx, users, input.userId)
		await audit({ action: 'user.unlock', entityType: 'user', entityId: account.id, after: { username: account.username } })
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
