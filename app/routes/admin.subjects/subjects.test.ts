import { expect, test } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents, subjectMappings, taskAgencies } from '#db/schema'
import { runAction, runLoader } from '#test/helpers'
import { seenKey } from '~/domain/subjects'
import { action, loader } from './route'

async function agencyId(key: string) {
	const [row] = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

async function mapped(subject: string) {
	const rows = await getDb()
		.select({ agencyId: subjectMappings.agencyId })
		.from(subjectMappings)
		.where(eq(subjectMappings.subject, subject))
		.orderBy(asc(subjectMappings.position))
	return rows.map((r) => r.agencyId)
}

test('the page lists every phrase with its agencies and opens one for editing', async () => {
	const outcome = await runLoader(loader, { path: `/admin/subjects?edit=${encodeURIComponent('公安机关')}`, as: 'mishu' })
	const page = outcome.data as { mapping: Array<{ subject: string; agencies: Array<{ id: number }> }>; editing: { agencyIds: Array<number> } }
	const police = page.mapping.find((m) => m.subject === '公安机关')
	expect(police?.agencies.map((a) => a.id)).toEqual(await mapped('公安机关'))
	expect(page.editing.agencyIds).toEqual(await mapped('公安机关'))
})

test('changing a phrase’s agencies keeps the old ones first and re-assigns no existing task', async () => {
	const before = await mapped('公安机关')
	const tasksBefore = await getDb().select().from(taskAgencies)
	const edu = await agencyId('edu')
	const outcome = await runAction(action, {
		path: '/admin/subjects',
		as: 'mishu',
		form: { intent: 'save', subject: '公安机关', seen: seenKey(before), agencyIds: [String(edu), ...before.map(String)] },
	})
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe(`/admin/subjects?saved=${encodeURIComponent('公安机关')}`)
	expect(await mapped('公安机关')).toEqual([...before, edu])
	expect(await getDb().select().from(taskAgencies)).toEqual(tasksBefore)
	const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'subject.update'))
	expect(event.entityId).toBe('公安机关')
	expect((event.after as { agencies: Array<string> }).agencies).toHaveLength(before.length + 1)
})

test('a mapping edit made on a stale view is refused and nothing changes', async () => {
	const current = await mapped('公安机关')
	const outcome = await runAction(action, {
		path: '/admin/subjects',
		as: 'admin',
		form: { intent: 'save', subject: '公安机关', seen: seenKey(current.slice(1)), agencyIds: [String(current[0])] },
	})
	expect(outcome.status).toBe(409)
	expect(JSON.stringify(outcome.data)).toContain('该记录已被他人修改')
	expect(await mapped('公安机关')).toEqual(current)
})

test('a phrase needs at least one agency, and a new phrase must be new', async () => {
	const none = await runAction(action, { path: '/admin/subjects', as: 'admin', form: { intent: 'create', subject: '反诈中心' } })
	expect(none.status).toBe(400)
	expect(JSON.stringify(none.data)).toContain('请至少选择一个单位')
	const psb = await agencyId('psb')
	const taken = await runAction(action, { path: '/admin/subjects', as: 'admin', form: { intent: 'create', subject: '公安机关', agencyIds: String(psb) } })
	expect(taken.status).toBe(400)
	expect(JSON.stringify(taken.data)).toContain('该责任主体已存在')
})

test('adding and removing a phrase is audited', async () => {
	const [psb, jco] = [await agencyId('psb'), await agencyId('jco')]
	const created = await runAction(action, {
		path: '/admin/subjects',
		as: 'admin',
		form: { intent: 'create', subject: ' 市反诈中心 ', agencyIds: [String(jco), String(psb)] },
	})
	expect(created.status).toBe(302)
	// Chosen agencies of a new phrase come in official order.
	const stored = await mapped('市反诈中心')
	expect(new Set(stored)).toEqual(new Set([psb, jco]))
	expect(stored.indexOf(psb)).toBeLessThan(stored.indexOf(jco))
	const removed = await runAction(action, { path: '/admin/subjects', as: 'admin', form: { intent: 'remove', subject: '市反诈中心', seen: seenKey(stored) } })
	expect(removed.location).toBe(`/admin/subjects?removed=${encodeURIComponent('市反诈中心')}`)
	expect(await mapped('市反诈中心')).toEqual([])
	const actions = (await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, '市反诈中心'))).map((e) => e.action)
	expect(actions).toEqual(['subject.create', 'subject.remove'])
})

test('members, deputies and liaisons get 403 from the mapping page and its actions', async () => {
	const current = await mapped('公安机关')
	for (const as of ['weiyuan1', 'daibiao1', 'jiaoyu']) {
		expect((await runLoader(loader, { path: '/admin/subjects', as })).status).toBe(403)
		for (const intent of ['create', 'save', 'remove']) {
			const outcome = await runAction(action, { path: '/admin/subjects', as, form: { intent, subject: '公安机关', seen: seenKey(current), agencyIds: String(current[0]) } })
			expect(outcome.status).toBe(403)
		}
	}
	expect(await mapped('公安机关')).toEqual(current)
})
