import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import type { PolicyUser, Role } from './roles'
import type { Settings } from './settings'

export const minPasswordLength = 8

export type PasswordProblem = 'tooShort' | 'sameAsUsername' | 'tooSimple'

export function passwordProblem(password: string, username: string): PasswordProblem | null {
	if (password.length < minPasswordLength) return 'tooShort'
	if (password.toLowerCase() === username.toLowerCase()) return 'sameAsUsername'
	// One repeated character, or digits only, is guessed in seconds.
	if (/^(.)\1*$/.test(password) || /^\d+$/.test(password)) return 'tooSimple'
	return null
}

// ── The account's policy: what an administrator may do with one account ──
//
// Administrators manage every account but their own: one who demoted or disabled themself could
// leave nobody able to administer the system, and their own password is changed on the password
// page, knowing the current one.

type AccountManager = Pick<PolicyUser, 'id' | 'role'>
type ManagedAccount = { id: number; role: Role }

export type AccountPolicy = { edit: boolean; changeRole: boolean; disable: boolean; resetPassword: boolean }

export function accountPolicy(admin: AccountManager, account: Pick<ManagedAccount, 'id'>): AccountPolicy {
	const manages = admin.role === 'admin'
	const other = admin.id !== account.id
	return { edit: manages, changeRole: manages && other, disable: manages && other, resetPassword: manages && other }
}

export function mayManageAccounts(admin: Pick<PolicyUser, 'role'>): Verdict {
	return admin.role === 'admin' ? allowed : forbiddenVerdict
}

// Keeping one's own role is no change of it.
export function mayChangeRole(admin: AccountManager, account: ManagedAccount, role: Role): Verdict {
	if (!accountPolicy(admin, account).edit) return forbiddenVerdict
	if (role === account.role || accountPolicy(admin, account).changeRole) return allowed
	return broken('adminUsers.ownRole', undefined, 400)
}

export function mayDisable(admin: AccountManager, account: Pick<ManagedAccount, 'id'>): Verdict {
	if (!accountPolicy(admin, account).edit) return forbiddenVerdict
	return accountPolicy(admin, account).disable ? allowed : broken('adminUsers.disableSelf', undefined, 400)
}

export function mayResetPassword(admin: AccountManager, account: Pick<ManagedAccount, 'id'>): Verdict {
	if (!accountPolicy(admin, account).edit) return forbiddenVerdict
	return accountPolicy(admin, account).resetPassword ? allowed : broken('adminUsers.resetSelf', undefined, 400)
}

// An agency liaison belongs to exactly one agency; nobody else belongs to any.
export function belongsToAgency(role: Role): boolean {
	return role === 'agency'
}

export type LoginHistory = {
	// Failures since the last success, inside the settings' window, newest first.
	accountFailures: ReadonlyArray<Date>
	addressFailures: ReadonlyArray<Date>
	// When an administrator last reset the account's password, if ever.
	accountResetAt?: Date | null
}

export type LoginBlock = { blocked: false } | { blocked: true; by: 'account' | 'address'; until: Date }

// Login throttling: after N failures in the window, the account (or the address) waits the
// lock time from its latest failure. Both limits come from settings. An administrator's reset
// lifts the account's lock: the person locked out asked for it and now holds a new password, so
// the failures before it no longer count against the account (an address stays throttled).
export function loginBlock(history: LoginHistory, settings: Settings, now: Date): LoginBlock {
	const windowStart = now.getTime() - settings.loginWindowMinutes * 60_000
	const lockMs = settings.loginAccountLockMinutes * 60_000
	const check = (failures: ReadonlyArray<Date>, limit: number, by: 'account' | 'address'): LoginBlock => {
		const recent = failures.filter((at) => at.getTime() >= windowStart)
		if (recent.length < limit) return { blocked: false }
		const latest = Math.max(...recent.map((at) => at.getTime()))
		const until = new Date(latest + lockMs)
		return until > now ? { blocked: true, by, until } : { blocked: false }
	}
	const resetAt = history.accountResetAt?.getTime() ?? -Infinity
	const account = check(
		history.accountFailures.filter((at) => at.getTime() > resetAt),
		settings.loginAccountMaxFailures,
		'account',
	)
	if (account.blocked) return account
	return check(history.addressFailures, settings.loginAddressMaxFailures, 'address')
}

export type SessionTimes = { createdAt: Date; lastActiveAt: Date; expiresAt: Date }

export function sessionExpired(session: SessionTimes, settings: Settings, now: Date): boolean {
	if (now >= session.expiresAt) return true
	return now.getTime() - session.lastActiveAt.getTime() > settings.sessionIdleMinutes * 60_000
}

// Write lastActiveAt at most once a minute: a page load fires several requests.
export function sessionNeedsTouch(session: SessionTimes, now: Date): boolean {
	return now.getTime() - session.lastActiveAt.getTime() > 60_000
}

// A redirect target after login must stay on this site.
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/')) return fallback
	// Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so
	// '/\t/evil.example' is '//evil.example' to them; a control character would also break the
	// Location header. Only a path that stays on this origin when resolved, with no control
	// character, is followed.
	// eslint-disable-next-line no-control-regex -- refusing control characters is the point
	if (/[\u0000-\u001F\u007F\\]/.test(target)) return fallback
	const origin = 'http://same.invalid'
	let resolved: URL
	try {
		resolved = new URL(target, origin)
	} catch {
		return fallback
	}
	if (resolved.origin !== origin) return fallback
	return resolved.pathname + resolved.search + resolved.hash
}
