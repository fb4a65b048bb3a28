import { expect, test } from 'vitest'
import {
	accountPolicy,
	belongsToAgency,
	loginBlock,
	mayChangeRole,
	mayDisable,
	mayManageAccounts,
	mayResetPassword,
	passwordProblem,
	safeRedirect,
	sessionExpired,
	sessionNeedsTouch,
} from './accounts'
import { settingDefaults } from './settings'

const now = new Date('2026-11-27T08:00:00Z')
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)
const none: Array<Date> = []

test('four failures in the window do not block an account; the fifth does, for 15 minutes', () => {
	const four = [1, 2, 3, 4].map(minutesAgo)
	expect(loginBlock({ accountFailures: four, addressFailures: none }, settingDefaults, now)).toEqual({ blocked: false })
	const five = [1, 2, 3, 4, 5].map(minutesAgo)
	const block = loginBlock({ accountFailures: five, addressFailures: none }, settingDefaults, now)
	expect(block).toEqual({ blocked: true, by: 'account', until: new Date(minutesAgo(1).getTime() + 15 * 60_000) })
})

test('an administrator’s reset lifts the account’s lock; failures after it count again, and an address stays blocked', () => {
	const five = [2, 3, 4, 5, 6].map(minutesAgo)
	expect(loginBlock({ accountFailures: five, addressFailures: none, accountResetAt: minutesAgo(1) }, settingDefaults, now)).toEqual({ blocked: false })
	const afterReset = [...[1, 1, 1, 1, 1].map(minutesAgo), ...five]
	expect(loginBlock({ accountFailures: afterReset, addressFailures: none, accountResetAt: minutesAgo(1.5) }, settingDefaults, now).blocked).toBe(true)
	// A reset older than the failures lifts nothing.
	expect(loginBlock({ accountFailures: five, addressFailures: none, accountResetAt: minutesAgo(10) }, settingDefaults, now).blocked).toBe(true)
	const many = Array.from({ length: 20 }, (_, i) => minutesAgo(2 + (i % 5)))
	expect(loginBlock({ accountFailures: five, addressFailures: many, accountResetAt: minutesAgo(1) }, settingDefaults, now)).toMatchObject({ blocked: true, by: 'address' })
})

test('failures older than the window do not count', () => {
	const old = [16, 17, 18, 19, 20].map(minutesAgo)
	expect(loginBlock({ accountFailures: old, addressFailures: none }, settingDefaults, now).blocked).toBe(false)
})

test('an address is blocked after 20 failures across accounts', () => {
	const many = Array.from({ length: 20 }, (_, i) => minutesAgo(i % 10))
	const block = loginBlock({ accountFailures: none, addressFailures: many }, settingDefaults, now)
	expect(block.blocked && block.by).toBe('address')
})

test('the limits come from settings', () => {
	const strict = { ...settingDefaults, loginAccountMaxFailures: 3 }
	expect(loginBlock({ accountFailures: [1, 2, 3].map(minutesAgo), addressFailures: none }, strict, now).blocked).toBe(true)
})

test('a session ends after 30 idle minutes or 12 hours, whichever comes first', () => {
	const fresh = { createdAt: minutesAgo(60), lastActiveAt: minutesAgo(29), expiresAt: new Date(now.getTime() + 3600_000) }
	expect(sessionExpired(fresh, settingDefaults, now)).toBe(false)
	expect(sessionExpired({ ...fresh, lastActiveAt: minutesAgo(31) }, settingDefaults, now)).toBe(true)
	expect(sessionExpired({ ...fresh, lastActiveAt: now, expiresAt: now }, settingDefaults, now)).toBe(true)
})

test('activity is written at most once a minute', () => {
	const session = { createdAt: minutesAgo(5), lastActiveAt: new Date(now.getTime() - 30_000), expiresAt: now }
	expect(sessionNeedsTouch(session, now)).toBe(false)
	expect(sessionNeedsTouch({ ...session, lastActiveAt: minutesAgo(2) }, now)).toBe(true)
})

test('only same-site paths are followed after login', () => {
	expect(safeRedirect('/tasks?part=1')).toBe('/tasks?part=1')
	expect(safeRedirect('//evil.example')).toBe('/')
	expect(safeRedirect('/\\evil.example')).toBe('/')
	expect(safeRedirect('https://evil.example')).toBe('/')
	expect(safeRedirect(null)).toBe('/')
	// Tabs and line breaks are dropped by URL parsers: '/\t/evil.example' is '//evil.example'.
	for (const target of ['/\t/evil.example/phish', '/\n/evil.example', '/%09/evil.example/phish'.replace('%09', '\t'), '/\r\nSet-Cookie: x=1', '/\u0000x', '/\\/evil.example']) {
		expect(safeRedirect(target)).toBe('/')
	}
	expect(safeRedirect('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
	expect(safeRedirect('/reports/1#files')).toBe('/reports/1#files')
})

test('weak passwords are refused with a reason', () => {
	expect(passwordProblem('short', 'mishu')).toBe('tooShort')
	expect(passwordProblem('Mishu123', 'mishu123')).toBe('sameAsUsername')
	expect(passwordProblem('12345678', 'mishu')).toBe('tooSimple')
	expect(passwordProblem('aaaaaaaaaa', 'mishu')).toBe('tooSimple')
	expect(passwordProblem('长江大桥-1957', 'mishu')).toBe(null)
})

test('an administrator manages every account but their own role, status and password', () => {
	const admin = { id: 1, role: 'admin' as const }
	const member = { id: 2, role: 'member' as const }
	expect(accountPolicy(admin, member)).toEqual({ edit: true, changeRole: true, disable: true, resetPassword: true })
	expect(accountPolicy(admin, admin)).toEqual({ edit: true, changeRole: false, disable: false, resetPassword: false })
	expect(mayChangeRole(admin, member, 'deputy').ok).toBe(true)
	// Saving one's own profile keeps one's role: that is allowed.
	expect(mayChangeRole(admin, admin, 'admin').ok).toBe(true)
	expect(mayChangeRole(admin, admin, 'member')).toEqual({ ok: false, refusal: { kind: 'rule', code: 'adminUsers.ownRole', status: 400 } })
	expect(mayDisable(admin, admin)).toEqual({ ok: false, refusal: { kind: 'rule', code: 'adminUsers.disableSelf', status: 400 } })
	expect(mayResetPassword(admin, admin)).toEqual({ ok: false, refusal: { kind: 'rule', code: 'adminUsers.resetSelf', status: 400 } })
	expect(mayResetPassword(admin, member).ok).toBe(true)
})

test('only administrators manage accounts; only liaisons belong to an agency', () => {
	const secretariat = { id: 3, role: 'secretariat' as const }
	expect(mayManageAccounts(secretariat)).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	expect(mayDisable(secretariat, { id: 4 })).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	expect(accountPolicy(secretariat, { id: 4 })).toEqual({ edit: false, changeRole: false, disable: false, resetPassword: false })
	expect(belongsToAgency('agency')).toBe(true)
	expect(belongsToAgency('member')).toBe(false)
})
