import { expect, test } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents, users } from '#db/schema'
import { action as loginAction } from '~/routes/login/route'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

const newUser = {
	intent: 'create',
	username: 'zhangsan',
	realName: '张三',
	position: '代表联络处干部',
	phone: '027-8888 1234',
	role: 'member',
	password: 'Wuhan-2024-temp',
}

async function findUser(username: string) {
	const [user] = await getDb().select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()))
	return user
}

test('an admin creates an account that must change its password at first login', async () => {
	const outcome = await runAction(action, { path: '/admin/users?index', as: 'admin', form: newUser })
	expect(outcome.status).toBe(200)
	const created = await findUser('zhangsan')
	expect(created).toMatchObject({ realName: '张三', role: 'member', mustChangePassword: true, disabled: false, agencyId: null })
	const login = await runAction(loginAction, { path: '/login', form: { username: 'ZhangSan', password: 'Wuhan-2024-temp' } })
	expect(login.status).toBe(302)
	expect(login.location).toBe('/account/password')
})

test('a duplicate username, in any case, is refused with a field error and the input kept', async () => {
	const before = await getDb().select({ id: users.id }).from(users)
	const outcome = await runAction(action, { path: '/admin/users?index', as: 'admin', form: { ...newUser, username: 'MiShu' } })
	expect(outcome.status).toBe(400)
	const result = (outcome.data as { result: { error: Record<string, Array<string>>; initialValue: Record<string, unknown> } }).result
	expect(result.error.username).toEqual(['该用户名已被使用（不区分大小写）。'])
	expect(result.initialValue.realName).toBe('张三')
	expect(result.initialValue.password).toBeUndefined()
	expect(await getDb().select({ id: users.id }).from(users)).toHaveLength(before.length)
})

test('without a typed password a temporary one is generated, shown once and it works', async () => {
	const outcome = await runAction(action, { path: '/admin/users?index', as: 'admin', form: { ...newUser, username: 'lisi', password: '' } })
	const created = (outcome.data as { created: { password: string } }).created
	expect(created.password).toMatch(/^[A-Za-z0-9]{12}$/)
	const login = await runAction(loginAction, { path: '/login', form: { username: 'lisi', password: created.password } })
	expect(login.location).toBe('/account/password')
	const listed = await runLoader(loader, { path: '/admin/users', as: 'admin' })
	expect(JSON.stringify(listed.data)).not.toContain(created.password)
})

test('an agency liaison needs an active agency; other roles belong to none', async () => {
	const noAgency = await runAction(action, { path: '/admin/users?index', as: 'admin', form: { ...newUser, username: 'liaison1', role: 'agency' } })
	expect(noAgency.status).toBe(400)
	expect(JSON.stringify(noAgency.data)).toContain('责任单位联络员必须选择所属单位')
	const db = getDb()
	const [inactive] = await db.update(agencies).set({ active: false }).where(eq(agencies.key, 'justice')).returning()
	const refused = await runAction(action, {
		path: '/admin/users?index',
		as: 'admin',
		form: { ...newUser, username: 'liaison1', role: 'agency', agencyId: String(inactive.id) },
	})
	expect(refused.status).toBe(400)
	expect(JSON.stringify(refused.data)).toContain('请选择一个在用的单位')
	const [police] = await db.select().from(agencies).where(eq(agencies.key, 'psb'))
	const ok = await runAction(action, {
		path: '/admin/users?index',
		as: 'admin',
		form: { ...newUser, username: 'liaison1', role: 'agency', agencyId: String(police.id) },
	})
	expect(ok.status).toBe(200)
	expect((await findUser('liaison1')).agencyId).toBe(police.id)
	await runAction(action, { path: '/admin/users?index', as: 'admin', form: { ...newUser, username: 'member2', agencyId: String(police.id) } })
	expect((await findUser('member2')).agencyId).toBeNull()
})

test('a weak temporary password is refused with a field error', async () => {
	const outcome = await runAction(action, { path: '/admin/users?index', as: 'admin', form: { ...newUser, username: 'wangwu', password: '12345678' } })
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('密码过于简单')
	expect(await findUser('wangwu')).toBeUndefined()
})

test('the list filters by role, status and name', async () => {
	const members = await runLoader(loader, { path: '/admin/users?role=member', as: 'admin' })
	const rows = (members.data as { users: Array<{ role: string }> }).users
	expect(rows.length).toBeGreaterThanOrEqual(9)
	expect(rows.every((row) => row.role === 'member')).toBe(true)
	const byName = await runLoader(loader, { path: '/admin/users?q=GONGAN', as: 'admin' })
	expect((byName.data as { users: Array<{ username: string }> }).users.map((u) => u.username)).toEqual(['gongan'])
	const disabled = await runLoader(loader, { path: '/admin/users?status=disabled', as: 'admin' })
	expect((disabled.data as { users: Array<unknown> }).users).toEqual([])
})

test('only an admin may list or create accounts', async () => {
	for (const as of ['mishu', 'weiyuan1', 'daibiao1', 'gongan']) {
		expect((await runLoader(loader, { path: '/admin/users', as })).status).toBe(403)
		expect((await runAction(action, { path: '/admin/users?index', as, form: { ...newUser, username: `x${as}` } })).status).toBe(403)
	}
	expect((await runLoader(loader, { path: '/admin/users' })).status).toBe(302)
	expect(await findUser('xmishu')).toBeUndefined()
})

test('creating an account writes an audit event without the password or its hash', async () => {
	await runAction(action, { path: '/admin/users?index', as: 'admin', form: { ...newUser, username: 'zhaoliu' } })
	const created = await findUser('zhaoliu')
	const events = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'user.create'))
	const event = events.find((e) => e.entityId === String(created.id))
	expect(event?.after).toMatchObject({ username: 'zhaoliu', mustChangePassword: true })
	const everything = JSON.stringify(await getDb().select().from(auditEvents))
	expect(everything).not.toContain(created.passwordHash)
	expect(everything).not.toContain('$argon2')
	expect(everything).not.toContain('passwordHash')
	expect(everything).not.toContain('Wuhan-2024-temp')
})
