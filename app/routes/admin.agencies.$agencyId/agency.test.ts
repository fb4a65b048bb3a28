import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents } from '#db/schema'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

async function agency(key: string) {
	const [row] = await getDb().select().from(agencies).where(eq(agencies.key, key))
	return row
}

function formFor(row: typeof agencies.$inferSelect, changes: Record<string, string> = {}) {
	return {
		intent: 'update',
		version: String(row.version),
		name: row.name,
		shortName: row.shortName,
		kind: row.kind,
		level: row.level,
		district: row.district ?? '',
		displayOrder: String(row.displayOrder),
		...(row.active ? { active: 'on' } : {}),
		...changes,
	}
}

function edit(row: typeof agencies.$inferSelect, form: Record<string, string>, as = 'mishu') {
	return runAction(action, { path: `/admin/agencies/${row.id}`, params: { agencyId: String(row.id) }, as, form })
}

test('the secretariat edits an agency and the change is audited', async () => {
	const edu = await agency('edu')
	const outcome = await edit(edu, formFor(edu, { shortName: '教育局', displayOrder: '5' }))
	expect(outcome.status).toBe(200)
	expect(await agency('edu')).toMatchObject({ shortName: '教育局', displayOrder: 5, version: edu.version + 1, active: true })
	const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'agency.update'))
	expect(event.before).toMatchObject({ shortName: edu.shortName, displayOrder: edu.displayOrder })
	expect(event.after).toMatchObject({ shortName: '教育局', displayOrder: 5 })
})

test('an unticked active box deactivates the agency', async () => {
	const post = await agency('post')
	const { active: _active, ...form } = formFor(post)
	expect((await edit(post, form, 'admin')).status).toBe(200)
	expect((await agency('post')).active).toBe(false)
})

test('an agency edit with a stale version is refused, nothing changes and the input is kept', async () => {
	const amr = await agency('amr')
	const stale = { ...amr, version: amr.version }
	await edit(amr, formFor(amr, { shortName: '市场监管局（先改）' }))
	const outcome = await edit(stale, formFor(stale, { shortName: '后改的简称' }))
	expect(outcome.status).toBe(409)
	expect(JSON.stringify(outcome.data)).toContain('该记录已被他人修改')
	expect(JSON.stringify(outcome.data)).toContain('后改的简称')
	expect((await agency('amr')).shortName).toBe('市场监管局（先改）')
	const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, String(amr.id)))
	expect(events.filter((e) => e.action === 'agency.update')).toHaveLength(1)
})

test('renaming to another agency’s name is refused with a field error', async () => {
	const civil = await agency('civil-affairs')
	const police = await agency('psb')
	const outcome = await edit(civil, formFor(civil, { name: police.name }))
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('已有同名单位')
	expect((await agency('civil-affairs')).name).toBe(civil.name)
})

test('the edit page lists the subjects mapped to the agency', async () => {
	const police = await agency('psb')
	const outcome = await runLoader(loader, { path: `/admin/agencies/${police.id}`, params: { agencyId: String(police.id) }, as: 'admin' })
	expect((outcome.data as { subjects: Array<string> }).subjects).toContain('公安机关')
})

test('members, deputies and liaisons get 403 from the edit page and its action', async () => {
	const police = await agency('psb')
	for (const as of ['weiyuan2', 'daibiao2', 'gongan']) {
		const page = await runLoader(loader, { path: `/admin/agencies/${police.id}`, params: { agencyId: String(police.id) }, as })
		expect(page.status).toBe(403)
		expect((await edit(police, formFor(police, { shortName: 'x' }), as)).status).toBe(403)
	}
	expect((await agency('psb')).shortName).toBe(police.shortName)
})
