import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, loginAttempts, sessions, users } from '#db/schema'
import { sessionIdFromToken } from '~/auth/session.server'
import { action as loginAction, loader as loginLoader } from '~/routes/login/route'
import { loader as homeLoader } from '~/routes/_index/route'
import { action as logoutAction } from '~/routes/logout/route'
import { runAction, runLoader } from '../helpers'

function tokenFrom(setCookie: string | null) {
	const match = /oversight_session=([^;]+)/.exec(setCookie ?? '')
	if (!match) throw new Error('no session cookie')
	return match[1]
}

test('a visitor without a session is sent to the login page and back', async () => {
	const outcome = await runLoader(homeLoader, { path: '/agencies?x=1' })
	expect(outcome.status).toBe(302)
	const home = await runLoader(homeLoader, { path: '/' })
	expect(home.location).toBe('/login')
	const { loader: agencyLoader } = await import('~/routes/agencies._index/route')
	const agencies = await runLoader(agencyLoader, { path: '/agencies?kind=court' })
	expect(agencies.location).toBe('/login?redirectTo=%2Fagencies%3Fkind%3Dcourt')
})

test('logging in stores only the hash of a new token and returns to redirectTo', async () => {
	const outcome = await runAction(loginAction, {
		path: '/login',
		form: { username: 'mishu', password: 'oversight-demo', redirectTo: '/agencies' },
	})
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe('/agencies')
	const setCookie = outcome.headers.get('Set-Cookie')
	expect(setCookie).toMatch(/HttpOnly/)
	expect(setCookie).toMatch(/SameSite=Lax/)
	expect(setCookie).not.toMatch(/Secure/)
	const token = tokenFrom(setCookie)
	const db = getDb()
	expect(await db.select().from(sessions).where(eq(sessions.id, token))).toHaveLength(0)
	expect(await db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(token)))).toHaveLength(1)
})

test('an open redirect after login is refused', async () => {
	const outcome = await runAction(loginAction, {
		path: '/login',
		form: { username: 'mishu', password: 'oversight-demo', redirectTo: '//evil.example/' },
	})
	expect(outcome.location).toBe('/')
})

test('a wrong password is refused, logged and audited, and the username is kept', async () => {
	const outcome = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan2', password: 'nope' } })
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('用户名或密码不正确')
	expect(JSON.stringify(outcome.data)).toContain('weiyuan2')
	expect(JSON.stringify(outcome.data)).not.toContain('nope')
	const db = getDb()
	const attempts = await db.select().from(loginAttempts).where(eq(loginAttempts.username, 'weiyuan2'))
	expect(attempts.map((a) => a.success)).toEqual([false])
	const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'login.failed'))
	expect(events.some((e) => e.address === '127.0.0.1')).toBe(true)
})

test('after five failures an account waits, even with the right password', async () => {
	for (let i = 0; i < 5; i++) {
		await runAction(loginAction, { path: '/login', form: { username: 'weiyuan3', password: `wrong-${i}` } })
	}
	const blocked = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan3', password: 'oversight-demo' } })
	expect(blocked.status).toBe(429)
	expect(JSON.stringify(blocked.data)).toContain('登录失败次数过多')
	const other = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan4', password: 'oversight-demo' } })
	expect(other.status).toBe(302)
})

test('an empty form gets field errors, not a crash', async () => {
	const outcome = await runAction(loginAction, { path: '/login', form: { username: '', password: '' } })
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('此项必填')
})

test('logout deletes the session', async () => {
	const login = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan5', password: 'oversight-demo' } })
	const token = tokenFrom(login.headers.get('Set-Cookie'))
	const cookie = `oversight_session=${token}`
	const out = await runAction(logoutAction, { path: '/logout', headers: { Cookie: cookie } })
	expect(out.location).toBe('/login?loggedOut')
	const db = getDb()
	expect(await db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(token)))).toHaveLength(0)
	const after = await runLoader(homeLoader, { path: '/', headers: { Cookie: cookie } })
	expect(after.status).toBe(302)
})

test('the login page lists the demo accounts in a demo database', async () => {
	const outcome = await runLoader(loginLoader, { path: '/login' })
	const data = outcome.data as { demoAccounts: Array<{ username: string }>; demoPassword: string }
	expect(data.demoPassword).toBe('oversight-demo')
	expect(data.demoAccounts.map((a) => a.username)).toEqual(
		expect.arrayContaining(['admin', 'mishu', 'weiyuan1', 'weiyuan9', 'daibiao3', 'gongan', 'jiaoyu']),
	)
})

test('a session idle for longer than the setting is refused and deleted', async () => {
	const db = getDb()
	const login = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan6', password: 'oversight-demo' } })
	const token = tokenFrom(login.headers.get('Set-Cookie'))
	const id = sessionIdFromToken(token)
	await db.update(sessions).set({ lastActiveAt: new Date(Date.now() - 31 * 60_000) }).where(eq(sessions.id, id))
	const outcome = await runLoader(homeLoader, { path: '/', headers: { Cookie: `oversight_session=${token}` } })
	expect(outcome.status).toBe(302)
	expect(await db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0)
})

test('a disabled account cannot use its open session', async () => {
	const db = getDb()
	const login = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan7', password: 'oversight-demo' } })
	const token = tokenFrom(login.headers.get('Set-Cookie'))
	await db.update(users).set({ disabled: true }).where(eq(users.username, 'weiyuan7'))
	const outcome = await runLoader(homeLoader, { path: '/', headers: { Cookie: `oversight_session=${token}` } })
	expect(outcome.status).toBe(302)
	const again = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan7', password: 'oversight-demo' } })
	expect(JSON.stringify(again.data)).toContain('该账号已停用')
})

test('an account that must change its password is sent to the password page first', async () => {
	const db = getDb()
	await db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'weiyuan8'))
	const login = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan8', password: 'oversight-demo', redirectTo: '/tasks' } })
	expect(login.location).toBe('/account/password')
	const cookie = `oversight_session=${tokenFrom(login.headers.get('Set-Cookie'))}`
	const home = await runLoader(homeLoader, { path: '/', headers: { Cookie: cookie } })
	expect(home.location).toBe('/account/password')
	const { action: changeAction } = await import('~/routes/account.password/route')
	const weak = await runAction(changeAction, {
		path: '/account/password',
		headers: { Cookie: cookie },
		form: { currentPassword: 'oversight-demo', newPassword: '12345678', repeatPassword: '12345678' },
	})
	expect(weak.status).toBe(400)
	const changed = await runAction(changeAction, {
		path: '/account/password',
		headers: { Cookie: cookie },
		form: { currentPassword: 'oversight-demo', newPassword: '汉口江滩-2026', repeatPassword: '汉口江滩-2026' },
	})
	expect(changed.status).toBe(200)
	expect((await runLoader(homeLoader, { path: '/', headers: { Cookie: cookie } })).status).toBe(200)
})

test('behind an https public URL the session cookie is Secure', async () => {
	const { setConfig } = await import('~/config.server')
	setConfig({ publicUrl: new URL('https://jiandu.example.gov.cn'), trustProxy: true, demo: true })
	try {
		const outcome = await runAction(loginAction, { path: '/login', form: { username: 'weiyuan9', password: 'oversight-demo' } })
		expect(outcome.headers.get('Set-Cookie')).toMatch(/; Secure/)
	} finally {
		setConfig(undefined)
	}
})
