import { expect, test } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents } from '#db/schema'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

const newAgency = { intent: 'create', name: '武汉市反诈中心', shortName: '市反诈中心', kind: 'other', level: '市' }

async function ordered() {
	return getDb().select().from(agencies).orderBy(asc(agencies.displayOrder), asc(agencies.id))
}

test('the list is in the official order', async () => {
	const outcome = await runLoader(loader, { path: '/admin/agencies', as: 'mishu' })
	const listed = (outcome.data as { agencies: Array<{ id: number }> }).agencies.map((a) => a.id)
	expect(listed).toEqual((await ordered()).map((a) => a.id))
})

test('the secretariat adds an agency, placed last unless given a place', async () => {
	const outcome = await runAction(action, { path: '/admin/agencies?index', as: 'mishu', form: newAgency })
	expect(outcome.status).toBe(200)
	const all = await ordered()
	expect(all.at(-1)).toMatchObject({ name: '武汉市反诈中心', kind: 'other', level: '市', active: true })
	expect(all.at(-1)!.displayOrder).toBe(all.at(-2)!.displayOrder + 10)
	const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'agency.create'))
	expect(event.after).toMatchObject({ name: '武汉市反诈中心' })
})

test('a name in use is refused with a field error and nothing is added', async () => {
	const count = (await ordered()).length
	const [police] = await getDb().select().from(agencies).where(eq(agencies.key, 'psb'))
	const outcome = await runAction(action, { path: '/admin/agencies?index', as: 'admin', form: { ...newAgency, name: police.name } })
	expect(outcome.status).toBe(400)
	const result = (outcome.data as { result: { error: Record<string, Array<string>> } }).result
	expect(result.error.name).toEqual(['已有同名单位。'])
	expect(await ordered()).toHaveLength(count)
})

test('a district-level agency needs its district', async () => {
	const outcome = await runAction(action, { path: '/admin/agencies?index', as: 'admin', form: { ...newAgency, name: '某区某局', level: '区' } })
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('区级单位须填写所在区')
})

test('moving an agency up swaps its place with the one above', async () => {
	const [first, second, third] = await ordered()
	const outcome = await runAction(action, {
		path: '/admin/agencies?index',
		as: 'mishu',
		form: { intent: 'move', agencyId: String(third.id), version: String(third.version), direction: 'up' },
	})
	expect(outcome.status).toBe(200)
	expect((await ordered()).slice(0, 3).map((a) => a.id)).toEqual([first.id, third.id, second.id])
	const stale = await runAction(action, {
		path: '/admin/agencies?index',
		as: 'mishu',
		form: { intent: 'move', agencyId: String(third.id), version: String(third.version), direction: 'up' },
	})
	expect(stale.status).toBe(409)
	expect(JSON.stringify(stale.data)).toContain('该记录已被他人修改')
	expect((await ordered()).slice(0, 3).map((a) => a.id)).toEqual([first.id, third.id, second.id])
})

test('members, deputies and liaisons get 403 from the agencies page and its actions', async () => {
	const [first] = await ordered()
	for (const as of ['weiyuan1', 'daibiao1', 'gongan']) {
		expect((await runLoader(loader, { path: '/admin/agencies', as })).status).toBe(403)
		expect((await runAction(action, { path: '/admin/agencies?index', as, form: { ...newAgency, name: `x${as}` } })).status).toBe(403)
		const move = await runAction(action, {
			path: '/admin/agencies?index',
			as,
			form: { intent: 'move', agencyId: String(first.id), version: String(first.version), direction: 'down' },
		})
		expect(move.status).toBe(403)
	}
	expect((await ordered())[0].id).toBe(first.id)
})
