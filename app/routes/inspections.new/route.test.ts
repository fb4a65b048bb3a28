import { expect, test } from 'vitest'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents, clauses, inspectionClauses, inspectionGroup, inspections, planItemClauses, planItems, users } from '#db/schema'
import { runAction, runLoader, userId } from '#test/helpers'
import { action as editAction, loader as editLoader } from '../inspections.$inspectionId.edit/route'
import { action as overviewAction, loader as overviewLoader } from '../inspections.$inspectionId._index/route'
import { action, loader } from './route'

const db = () => getDb()

async function agencyId(key: string) {
	const [row] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

async function clauseIds(...labels: Array<string>) {
	const rows = await db().select({ id: clauses.id, label: clauses.label }).from(clauses).where(inArray(clauses.label, labels))
	return labels.map((label) => String(rows.find((r) => r.label === label)?.id))
}

async function ids(...usernames: Array<string>) {
	return Promise.all(usernames.map(async (u) => String(await userId(u))))
}

async function validForm(title: string): Promise<Record<string, string | Array<string>>> {
	return {
		title,
		year: '2031',
		clauseIds: await clauseIds('（七）', '（十一）'),
		forms: ['symposium', 'field'],
		startsOn: '2031-05-10',
		endsOn: '2031-05-30',
		organId: String(await agencyId('gov')),
		leaderId: String(await userId('weiyuan1')),
		memberIds: await ids('weiyuan2', 'weiyuan3'),
		deputyIds: await ids('daibiao1'),
	}
}

async function inspectionByTitle(title: string) {
	const [row] = await db().select().from(inspections).where(eq(inspections.title, title))
	return row
}

async function groupOf(inspectionId: number) {
	const rows = await db()
		.select({ username: users.username, role: inspectionGroup.role })
		.from(inspectionGroup)
		.innerJoin(users, eq(users.id, inspectionGroup.userId))
		.where(eq(inspectionGroup.inspectionId, inspectionId))
		.orderBy(asc(users.username))
	return rows.map((r) => `${r.role}:${r.username}`)
}

function create(form: Record<string, string | Array<string>>, as = 'mishu') {
	return runAction(action, { path: '/inspections/new', as, form })
}

function overview(id: number, as: string) {
	return runLoader(overviewLoader, { path: `/inspections/${id}`, params: { inspectionId: String(id) }, as })
}

test('the secretariat plans an inspection: scope, forms, period, organ and the group with its roles', async () => {
	const outcome = await create(await validForm('检查反诈决定贯彻实施情况（测试一）'))
	expect(outcome.status).toBe(302)
	const saved = await inspectionByTitle('检查反诈决定贯彻实施情况（测试一）')
	expect(outcome.location).toBe(`/inspections/${saved.id}?done=created`)
	expect(saved).toMatchObject({ year: 2031, forms: ['symposium', 'field'], startsOn: '2031-05-10', endsOn: '2031-05-30', state: 'planned', version: 1 })
	expect(await groupOf(saved.id)).toEqual(['deputy:daibiao1', 'leader:weiyuan1', 'member:weiyuan2', 'member:weiyuan3'])
	const scope = await db().select({ label: clauses.label }).from(inspectionClauses).innerJoin(clauses, eq(clauses.id, inspectionClauses.clauseId)).where(eq(inspectionClauses.inspectionId, saved.id))
	expect(scope.map((c) => c.label).sort()).toEqual(['（七）', '（十一）'].sort())
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'inspection.create'), eq(auditEvents.entityId, String(saved.id))))
	expect(event.after).toMatchObject({ organ: '武汉市人民政府', forms: ['symposium', 'field'] })
})

test('a user appears once in the group: the leader ticked again as a member stays the leader', async () => {
	const form = { ...(await validForm('检查（组长重复）')), memberIds: await ids('weiyuan1', 'weiyuan2') }
	expect((await create(form)).status).toBe(302)
	const saved = await inspectionByTitle('检查（组长重复）')
	expect(await groupOf(saved.id)).toEqual(['deputy:daibiao1', 'leader:weiyuan1', 'member:weiyuan2'])
})

test('an end before the start, a start outside the year, a deputy as leader or a member among the deputies is refused with the input kept', async () => {
	const form = { ...(await validForm('检查（有误）')), endsOn: '2031-05-01', leaderId: String(await userId('daibiao2')), deputyIds: await ids('weiyuan4') }
	const outcome = await create(form)
	expect(outcome.status).toBe(400)
	const result = (outcome.data as { result: { error: Record<string, Array<string>>; initialValue: Record<string, unknown> } }).result
	expect(result.error.endsOn).toEqual(['结束日期不能早于开始日期。'])
	expect(result.error.leaderId).toEqual(['组长须为常委会组成人员。'])
	expect(result.error.deputyIds).toEqual(['特邀代表须为人大代表。'])
	expect(result.initialValue.title).toBe('检查（有误）')
	expect(await inspectionByTitle('检查（有误）')).toBeUndefined()
	const otherYear = await create({ ...(await validForm('检查（跨年）')), year: '2030' })
	expect((otherYear.data as { result: { error: Record<string, Array<string>> } }).result.error.startsOn).toEqual(['检查期间须从所填年度内开始（年度为 2030 年）。'])
	const empty = await create({ title: '检查（空）', year: '2031' })
	const errors = (empty.data as { result: { error: Record<string, Array<string>> } }).result.error
	expect(Object.keys(errors).sort()).toEqual(['clauseIds', 'endsOn', 'forms', 'leaderId', 'organId', 'startsOn'].sort())
})

test('only the secretariat plans inspections; members, deputies, liaisons and admin get 403', async () => {
	for (const as of ['weiyuan1', 'daibiao1', 'gongan', 'admin']) {
		expect((await runLoader(loader, { path: '/inspections/new', as })).status).toBe(403)
		expect((await create(await validForm('不应保存'), as)).status).toBe(403)
	}
	expect(await inspectionByTitle('不应保存')).toBeUndefined()
})

test('an inspection item of the plan fills in the form', async () => {
	const [item] = await db()
		.insert(planItems)
		.values({ year: 2032, kind: 'inspection', title: '对反诈决定实施情况开展执法检查', organId: await agencyId('gov') })
		.returning()
	const [clause] = await clauseIds('（九）')
	await db().insert(planItemClauses).values({ planItemId: item.id, clauseId: Number(clause) })
	const page = await runLoader(loader, { path: `/inspections/new?planItemId=${item.id}`, as: 'mishu' })
	const data = page.data as { year: number; planItem: { title: string; clauseIds: Array<number> }; options: { planItems: Array<{ id: number }> } }
	expect(data.year).toBe(2032)
	expect(data.planItem).toMatchObject({ title: '对反诈决定实施情况开展执法检查', clauseIds: [Number(clause)] })
	expect(data.options.planItems.map((p) => p.id)).toContain(item.id)
	const outcome = await create({ ...(await validForm('检查（来自计划）')), planItemId: String(item.id) })
	expect(outcome.status).toBe(302)
	expect((await inspectionByTitle('检查（来自计划）')).planItemId).toBe(item.id)
})

test('editing is versioned: a stale version is refused with the input kept, and the change is audited', async () => {
	await create(await validForm('检查（编辑）'))
	const saved = await inspectionByTitle('检查（编辑）')
	const params = { inspectionId: String(saved.id) }
	const page = await runLoader(editLoader, { path: `/inspections/${saved.id}/edit`, params, as: 'mishu' })
	expect((page.data as { inspection: { leaderId: number } }).inspection.leaderId).toBe(await userId('weiyuan1'))
	const form = { ...(await validForm('检查（编辑后）')), intent: 'update', version: '1', deputyIds: await ids('daibiao2') }
	const edited = await runAction(editAction, { path: `/inspections/${saved.id}/edit`, params, as: 'mishu', form })
	expect(edited.status).toBe(302)
	const after = await inspectionByTitle('检查（编辑后）')
	expect(after.version).toBe(2)
	expect(await groupOf(saved.id)).toEqual(['deputy:daibiao2', 'leader:weiyuan1', 'member:weiyuan2', 'member:weiyuan3'])
	const stale = await runAction(editAction, { path: `/inspections/${saved.id}/edit`, params, as: 'mishu', form: { ...form, title: '过期的修改' } })
	expect(stale.status).toBe(409)
	expect((stale.data as { result: { initialValue: { title: string } } }).result.initialValue.title).toBe('过期的修改')
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'inspection.update'), eq(auditEvents.entityId, String(saved.id))))
	expect(event.before).toMatchObject({ title: '检查（编辑）' })
	expect(event.after).toMatchObject({ title: '检查（编辑后）' })
	expect((await runAction(editAction, { path: `/inspections/${saved.id}/edit`, params, as: 'weiyuan1', form })).status).toBe(403)
})

test('a deputy outside the group gets 404; one in it, members and admin read the inspection', async () => {
	await create(await validForm('检查（代表）'))
	const saved = await inspectionByTitle('检查（代表）')
	expect((await overview(saved.id, 'daibiao2')).status).toBe(404)
	for (const as of ['daibiao1', 'weiyuan9', 'admin', 'mishu']) expect((await overview(saved.id, as)).status).toBe(200)
	const mine = (await overview(saved.id, 'daibiao1')).data as { myRole: string; inspection: { group: Array<{ role: string }> } }
	expect(mine.myRole).toBe('deputy')
	expect(mine.inspection.group.map((g) => g.role)).toEqual(['leader', 'member', 'member', 'deputy'])
	// An agency the inspection never visited does not learn of it.
	expect((await overview(saved.id, 'gongan')).status).toBe(404)
	expect((await overview(999_999, 'mishu')).status).toBe(404)
})

test('the secretariat starts a planned inspection once', async () => {
	await create(await validForm('检查（开始）'))
	const saved = await inspectionByTitle('检查（开始）')
	const params = { inspectionId: String(saved.id) }
	const start = (version: string, as = 'mishu') => runAction(overviewAction, { path: `/inspections/${saved.id}`, params, as, form: { intent: 'start', version } })
	expect((await start('1', 'weiyuan1')).status).toBe(403)
	const outcome = await start('1')
	expect(outcome.status).toBe(302)
	expect((await inspectionByTitle('检查（开始）')).state).toBe('in_progress')
	const again = await start('2')
	expect(again.status).toBe(409)
	expect((again.data as { result: { error: Record<string, Array<string>> } }).result.error['']).toEqual(['只有计划中的检查可以开始。'])
})
