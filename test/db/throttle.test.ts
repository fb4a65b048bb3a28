import { and, eq, inArray, like } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { auditEvents } from '#db/schema'
import { settingDefaults, type Settings } from '~/domain/settings'
import { attemptLogin } from '~/models/login.server'
import { lockedAccounts } from '~/models/throttle.server'
import { changeOwnPassword, unlockAccount } from '~/models/users/mutations.server'
import { actorFor } from '#test/helpers'

const settings: Settings = { ...settingDefaults }
const db = () => getDb()

async function auditCount(action: string, address: string) {
	const rows = await db()
		.select({ id: auditEvents.id })
		.from(auditEvents)
		.where(and(eq(auditEvents.action, action), eq(auditEvents.address, address)))
	return rows.length
}

test('fifteen wrong passwords at once for one account: only the limit reaches the password check, the rest are refused', async () => {
	const address = '198.51.100.7'
	const results = await Promise.all(
		Array.from({ length: 15 }, () => attemptLogin(db(), { username: 'weiyuan3', password: 'wrong-guess', address }, settings)),
	)
	expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(settings.loginAccountMaxFailures)
	expect(results.filter((r) => !r.ok && r.reason === 'blocked')).toHaveLength(15 - settings.loginAccountMaxFailures)
	expect(await auditCount('login.failed', address)).toBe(settings.loginAccountMaxFailures)
	// Even the right password waits out the lock.
	expect(await attemptLogin(db(), { username: 'weiyuan3', password: 'oversight-demo', address: '198.51.100.8' }, settings)).toMatchObject({ ok: false, reason: 'blocked' })
})

test("logging in to one's own account does not clear the address's count of failures on other accounts", async () => {
	const strict = { ...settings, loginAddressMaxFailures: 6, loginAccountMaxFailures: 50 }
	const address = '198.51.100.20'
	for (const username of ['weiyuan4', 'weiyuan5', 'weiyuan6']) {
		for (let i = 0; i < 2; i++) await attemptLogin(db(), { username, password: 'wrong', address }, strict)
	}
	// The attacker's own account logs in fine from the same address…
	expect(await attemptLogin(db(), { username: 'daibiao2', password: 'oversight-demo', address }, { ...strict, loginAddressMaxFailures: 7 })).toMatchObject({ ok: true })
	// …and the address stays blocked for every other account.
	expect(await attemptLogin(db(), { username: 'weiyuan7', password: 'wrong', address }, strict)).toMatchObject({ ok: false, reason: 'blocked', block: { by: 'address' } })
})

test('wrong current passwords on the password page are throttled with the account and audited', async () => {
	const actor = { ...(await actorFor('weiyuan8')), address: '198.51.100.30' }
	const tries = []
	for (let i = 0; i < settings.loginAccountMaxFailures + 2; i++) {
		tries.push(
			await changeOwnPassword(db(), actor, { currentPassword: 'not-it', newPassword: 'a-new-password-1', keepSessionId: 'x' }, settings).then(
				() => 'changed',
				(error: { refusal?: { code?: string } }) => error.refusal?.code,
			),
		)
	}
	expect(tries.slice(0, settings.loginAccountMaxFailures).every((code) => code === 'account.wrongCurrent')).toBe(true)
	expect(tries.slice(settings.loginAccountMaxFailures)).toEqual(['account.blocked', 'account.blocked'])
	expect(await auditCount('user.password.change.failed', actor.address)).toBe(settings.loginAccountMaxFailures)
	expect(await auditCount('user.password.change.blocked', actor.address)).toBe(2)
	// The account's login is locked too: the same secret is being guessed.
	expect(await attemptLogin(db(), { username: 'weiyuan8', password: 'oversight-demo', address: '198.51.100.31' }, settings)).toMatchObject({ ok: false, reason: 'blocked' })
})

test('an administrator sees a locked account and unlocks it (audited); it logs in at once', async () => {
	for (let i = 0; i < settings.loginAccountMaxFailures; i++) {
		await attemptLogin(db(), { username: 'weiyuan9', password: 'wrong', address: `198.51.100.${40 + i}` }, settings)
	}
	expect((await lockedAccounts(db(), settings, new Date())).has('weiyuan9')).toBe(true)
	const weiyuan9 = await actorFor('weiyuan9')
	await expect(unlockAccount(db(), await actorFor('mishu'), { userId: weiyuan9.id as number })).rejects.toMatchObject({ refusal: { kind: 'forbidden' } })
	await unlockAccount(db(), await actorFor('admin'), { userId: weiyuan9.id as number })
	expect((await lockedAccounts(db(), settings, new Date())).has('weiyuan9')).toBe(false)
	const unlocks = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'user.unlock'), eq(auditEvents.entityId, String(weiyuan9.id))))
	expect(unlocks).toHaveLength(1)
	expect(await attemptLogin(db(), { username: 'weiyuan9', password: 'oversight-demo', address: '198.51.100.60' }, settings)).toMatchObject({ ok: true })
	expect(await db().select().from(auditEvents).where(and(inArray(auditEvents.action, ['login']), like(auditEvents.address, '198.51.100.60')))).toHaveLength(1)
})
