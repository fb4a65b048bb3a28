import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents, sessions, users } from '#db/schema'
import { action as loginAction } from '~/routes/login/route'
import { loader as homeLoader } from '~/routes/_index/route'
import { cookieFor, runAction, runLoader, userId } from '#test/helpers'
import { action, loader } from './route'

async function account(username: string) {
	const [user] = await getDb().select().from(users).where(eq(users.id, await userId(username)))
	return user
}

function call(username: string, form: Record<string, string>, as = 'admin') {
	return userId(username).then((id) =>
		runAction(action, { path: `/admin/users/${id}`, params: { userId: String(id) }, as, form }),
	)
}

test('disabling an account ends its sessions and blocks its login', async () => {
	const cookie = await cookieFor('weiyuan1')
	const target = await account('weiyuan1')
	const outcome = await call('weiyuan1', { intent: 'disable', version: String(target.version) })
	expect(outcome.status).toBe(200)
	expect((await account('weiyuan1')).disabled).toBe(true)
	expect(await getDb().select().from(sessions).where(eq(sessions.userId, target.id))).toHaveLength(0)
	const home = await runLoader(homeLoader, { path: '/', headers: { Cookie: cookie } })
	expect(home.status).toBe(302)
	const login = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan1', password: 'oversight-demo' } })
	expect(login.status).toBe(400)
	expect(JSON.stringify(login.data)).toContain('该账号已停用')

	const enabled = await call('weiyuan1', { intent: 'enable', version: String((await account('weiyuan1')).version) })
	expect(enabled.status).toBe(200)
	const again = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan1', password: 'oversight-demo' } })
	expect(again.status).toBe(302)
	const actions = (await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, String(target.id)))).map((e) => e.action)
	expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable']))
})

test('an admin cannot disable themself', async () => {
	const admin = await account('admin')
	const outcome = await call('admin', { intent: 'disable', version: String(admin.version) })
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('您不能停用自己的账号')
	expect((await account('admin')).disabled).toBe(false)
})

test('resetting a password shows a temporary one once, forces a change and ends sessions', async () => {
	await cookieFor('weiyuan2')
	const target = await account('weiyuan2')
	const outcome = await call('weiyuan2', { intent: 'resetPassword', version: String(target.version), password: '' })
	expect(outcome.status).toBe(200)
	const password = (outcome.data as { password: string }).password
	expect(password).toMatch(/^[A-Za-z0-9]{12}$/)
	const after = await account('weiyuan2')
	expect(after.mustChangePassword).toBe(true)
	expect(after.passwordHash).not.toBe(target.passwordHash)
	expect(await getDb().select().from(sessions).where(eq(sessions.userId, target.id))).toHaveLength(0)
	const old = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan2', password: 'oversight-demo' } })
	expect(old.status).toBe(400)
	const fresh = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan2', password } })
	expect(fresh.location).toBe('/account/password')
	const page = await runLoader(loader, { path: `/admin/users/${target.id}`, params: { userId: String(target.id) }, as: 'admin' })
	expect(JSON.stringify(page.data)).not.toContain(password)
	const audit = JSON.stringify(await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'user.password.reset')))
	expect(audit).not.toContain(password)
	expect(audit).not.toContain('$argon2')
})

test('a typed temporary password is checked against the password rules', async () => {
	const target = await account('weiyuan3')
	const outcome = await call('weiyuan3', { intent: 'resetPassword', version: String(target.version), password: 'weiyuan3' })
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('密码不能与用户名相同')
	const typed = await call('weiyuan3', { intent: 'resetPassword', version: String(target.version), password: 'Hankou-2025' })
	expect((typed.data as { password: string | null }).password).toBeNull()
	const login = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan3', password: 'Hankou-2025' } })
	expect(login.location).toBe('/account/password')
})

test('editing an account saves its profile and an agency role needs an active agency', async () => {
	const target = await account('weiyuan4')
	const [police] = await getDb().select().from(agencies).where(eq(agencies.key, 'psb'))
	const form = { intent: 'update', version: String(target.version), realName: '王委员', position: '委员', phone: '13800000000', role: 'agency' }
	const missing = await call('weiyuan4', form)
	expect(missing.status).toBe(400)
	expect(JSON.stringify(missing.data)).toContain('责任单位联络员必须选择所属单位')
	const saved = await call('weiyuan4', { ...form, agencyId: String(police.id) })
	expect(saved.status).toBe(200)
	expect(await account('weiyuan4')).toMatchObject({ realName: '王委员', phone: '13800000000', role: 'agency', agencyId: police.id, version: target.version + 1 })
	const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'user.update'))
	expect(event.before).toMatchObject({ role: 'member', agencyId: null })
	expect(event.after).toMatchObject({ role: 'agency', agencyId: police.id, realName: '王委员' })
})

test('an edit with a stale version is refused, nothing changes and the input is kept', async () => {
	const target = await account('weiyuan5')
	const outcome = await call('weiyuan5', {
		intent: 'update',
		version: String(target.version - 1 || 99),
		realName: '改过的名字',
		position: '',
		phone: '',
		role: 'member',
	})
	expect(outcome.status).toBe(409)
	expect(JSON.stringify(outcome.data)).toContain('该记录已被他人修改')
	expect(JSON.stringify(outcome.data)).toContain('改过的名字')
	expect((await account('weiyuan5')).realName).toBe(target.realName)
})

test('an admin cannot change their own role', async () => {
	const admin = await account('admin')
	const outcome = await call('admin', { intent: 'update', version: String(admin.version), realName: admin.realName, role: 'member' })
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('您不能更改自己的角色')
	expect((await account('admin')).role).toBe('admin')
})

test('the account page does not expose the password hash', async () => {
	const target = await account('daibiao1')
	const page = await runLoader(loader, { path: `/admin/users/${target.id}`, params: { userId: String(target.id) }, as: 'admin' })
	expect(page.status).toBe(200)
	expect(JSON.stringify(page.data)).not.toContain('$argon2')
	const missing = await runLoader(loader, { path: '/admin/users/99999', params: { userId: '99999' }, as: 'admin' })
	expect(missing.status).toBe(404)
})

test('a non-admin gets 403 from the account page and each of its actions', async () => {
	const target = await account('daibiao2')
	for (const as of ['mishu', 'weiyuan6', 'daibiao1', 'jiaoyu']) {
		const page = await runLoader(loader, { path: `/admin/users/${target.id}`, params: { userId: String(target.id) }, as })
		expect(page.status).toBe(403)
		for (const intent of ['update', 'disable', 'enable', 'resetPassword']) {
			const outcome = await call('daibiao2', { intent, version: String(target.version), realName: 'x', role: 'member' }, as)
			expect(outcome.status).toBe(403)
		}
	}
	expect(await account('daibiao2')).toMatchObject({ disabled: false, realName: target.realName, passwordHash: target.passwordHash })
})

test('an administrator’s password reset lifts the login lockout: the new password logs in at once', async () => {
	for (let i = 0; i < 5; i++) {
		await runAction(loginAction, { path: '/login', form: { username: 'weiyuan6', password: `wrong-${i}` } })
	}
	const locked = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan6', password: 'oversight-demo' } })
	expect(locked.status).toBe(429)
	const target = await account('weiyuan6')
	const asked = Date.now()
	const reset = await call('weiyuan6', { intent: 'resetPassword', version: String(target.version), password: 'Qingshan-2026' })
	expect(reset.status).toBe(200)
	const login = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan6', password: 'Qingshan-2026' } })
	expect(login.status).toBe(302)
	expect(login.location).toBe('/account/password')
	// The reset is on record as made now, by the administrator.
	const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, 'user.password.reset'), eq(auditEvents.entityId, String(target.id))))
	expect(event.actorId).toBe(await userId('admin'))
	expect(Math.abs(event.at.getTime() - asked)).toBeLessThan(60_000)
})
