import { expect, test } from 'vitest'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents, clauses, meetings, planItemClauses, planItems, reports } from '#db/schema'
import { runAction, runLoader } from '#test/helpers'
import { action as createAction, loader as newLoader } from '../plan.new/route'
import { loader as listLoader } from '../plan._index/route'
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

async function create(form: Record<string, string | Array<string>>, as = 'mishu') {
	return runAction(createAction, { path: '/plan/new', as, form })
}

async function createItem(title: string, year = 2031) {
	const outcome = await create({
		year: String(year),
		kind: 'report_hearing',
		title,
		organId: String(await agencyId('gov')),
		plannedMonth: '6',
		clauseIds: await clauseIds('（七）', '（十一）'),
		notes: '结合代表建议办理情况',
	})
	expect(outcome.status).toBe(302)
	const [item] = await db().select().from(planItems).where(eq(planItems.title, title))
	return item
}

function edit(id: number, form: Record<string, string | Array<string>>, as = 'mishu') {
	return runAction(action, { path: `/plan/${id}/edit`, params: { itemId: String(id) }, as, form })
}

async function linkedClauses(id: number) {
	const rows = await db()
		.select({ label: clauses.label })
		.from(planItemClauses)
		.innerJoin(clauses, eq(clauses.id, planItemClauses.clauseId))
		.where(eq(planItemClauses.planItemId, id))
		.orderBy(asc(clauses.ordinal))
	return rows.map((r) => r.label)
}

test('the secretariat adds a report hearing to a year’s plan, and members read it there', async () => {
	const item = await createItem('听取和审议市人民政府关于打击治理电信网络诈骗工作情况的报告')
	expect(item).toMatchObject({ year: 2031, kind: 'report_hearing', plannedMonth: 6, version: 1, notes: '结合代表建议办理情况' })
	expect(await linkedClauses(item.id)).toEqual(['（七）', '（十一）'])
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'plan.create'), eq(auditEvents.entityId, String(item.id))))
	expect(event.after).toMatchObject({ organ: '武汉市人民政府', clauses: ['（七）', '（十一）'] })
	const page = await runLoader(listLoader, { path: '/plan?year=2031', as: 'weiyuan1' })
	expect(page.status).toBe(200)
	const data = page.data as { year: number; canManage: boolean; items: Array<{ title: string; organName: string; clauses: Array<{ label: string }> }> }
	expect(data.year).toBe(2031)
	expect(data.canManage).toBe(false)
	expect(data.items.map((i) => i.title)).toContain(item.title)
	expect(data.items.find((i) => i.title === item.title)?.clauses.map((c) => c.label)).toEqual(['（七）', '（十一）'])
})

test('the plan defaults to the current year in Asia/Shanghai; deputies and liaisons get 403', async () => {
	const page = await runLoader(listLoader, { path: '/plan', as: 'admin' })
	const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
	expect((page.data as { year: number }).year).toBe(year)
	for (const as of ['daibiao1', 'gongan']) {
		expect((await runLoader(listLoader, { path: '/plan', as })).status).toBe(403)
	}
	expect((await runLoader(newLoader, { path: '/plan/new', as: 'weiyuan1' })).status).toBe(403)
	expect((await create({ year: '2031', kind: 'inquiry', title: '不应保存' }, 'admin')).status).toBe(403)
})

test('a plan item aimed at a department, or without a title or kind, is refused with the input kept', async () => {
	const psb = String(await agencyId('psb'))
	const outcome = await create({ year: '2031', kind: 'inspection', title: '执法检查（公安）', organId: psb })
	expect(outcome.status).toBe(400)
	const body = JSON.stringify(outcome.data)
	expect(body).toContain('所选监督对象不存在')
	expect(body).toContain('执法检查（公安）')
	const empty = await create({ year: '2031', plannedMonth: '13' })
	expect(empty.status).toBe(400)
	const errors = JSON.stringify(empty.data)
	expect(errors).toContain('请填写项目名称')
	expect(errors).toContain('请选择监督方式')
	expect(errors).toContain('计划月份须为 1 至 12 月')
	expect(await db().select().from(planItems).where(eq(planItems.title, '执法检查（公安）'))).toEqual([])
})

test('an edit is versioned and audited with before and after; a stale one is refused with the input kept', async () => {
	const item = await createItem('专题询问：电信网络诈骗资金返还')
	const court = String(await agencyId('court'))
	const saved = await edit(item.id, {
		intent: 'update',
		version: '1',
		year: '2031',
		kind: 'inquiry',
		title: '专题询问：涉诈资金返还工作',
		organId: court,
		plannedMonth: '',
		clauseIds: await clauseIds('（十）'),
		notes: '',
	})
	expect(saved.status).toBe(302)
	expect(saved.location).toBe(`/plan?year=2031&done=saved#item-${item.id}`)
	const [after] = await db().select().from(planItems).where(eq(planItems.id, item.id))
	expect(after).toMatchObject({ version: 2, kind: 'inquiry', title: '专题询问：涉诈资金返还工作', plannedMonth: null, organId: Number(court) })
	expect(await linkedClauses(item.id)).toEqual(['（十）'])
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'plan.update'), eq(auditEvents.entityId, String(item.id))))
	expect(event.before).toMatchObject({ title: '专题询问：电信网络诈骗资金返还', clauses: ['（七）', '（十一）'], organ: '武汉市人民政府' })
	expect(event.after).toMatchObject({ title: '专题询问：涉诈资金返还工作', clauses: ['（十）'], organ: '武汉市中级人民法院' })

	const stale = await edit(item.id, { intent: 'update', version: '1', year: '2031', kind: 'inquiry', title: '基于旧版本的修改' })
	expect(stale.status).toBe(409)
	expect(JSON.stringify(stale.data)).toContain('该记录已被他人修改')
	expect(JSON.stringify(stale.data)).toContain('基于旧版本的修改')
	const [unchanged] = await db().select().from(planItems).where(eq(planItems.id, item.id))
	expect(unchanged).toEqual(after)
})

test('a plan item nothing refers to is deleted, audited; a stale delete is refused', async () => {
	const item = await createItem('执法检查：反电信网络诈骗法实施情况')
	const stale = await edit(item.id, { intent: 'delete', version: '7' })
	expect(stale.status).toBe(409)
	const outcome = await edit(item.id, { intent: 'delete', version: '1' })
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe('/plan?year=2031&done=deleted')
	expect(await db().select().from(planItems).where(eq(planItems.id, item.id))).toEqual([])
	expect(await db().select().from(planItemClauses).where(eq(planItemClauses.planItemId, item.id))).toEqual([])
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'plan.delete'), eq(auditEvents.entityId, String(item.id))))
	expect(event.before).toMatchObject({ title: '执法检查：反电信网络诈骗法实施情况' })
	const gone = await runLoader(loader, { path: `/plan/${item.id}/edit`, params: { itemId: String(item.id) }, as: 'mishu' })
	expect(gone.status).toBe(404)
})

test('a plan item a report refers to cannot be deleted: the secretariat is told why and nothing changes', async () => {
	const item = await createItem('听取和审议市人民检察院关于惩治电信网络诈骗犯罪工作情况的报告')
	const [meeting] = await db()
		.insert(meetings)
		.values({ term: 15, session: 71, startsOn: '2031-06-24', endsOn: '2031-06-26' })
		.returning({ id: meetings.id })
	const procuratorate = await agencyId('procuratorate')
	await db().insert(reports).values({
		planItemId: item.id,
		organId: procuratorate,
		preparingAgencyId: procuratorate,
		meetingId: meeting.id,
		topic: '惩治电信网络诈骗犯罪工作情况',
	})
	const page = await runLoader(loader, { path: `/plan/${item.id}/edit`, params: { itemId: String(item.id) }, as: 'mishu' })
	expect((page.data as { reportCount: number }).reportCount).toBe(1)
	const outcome = await edit(item.id, { intent: 'delete', version: '1' })
	expect(outcome.status).toBe(409)
	expect(JSON.stringify(outcome.data)).toContain('已有 1 项专项工作报告或执法检查引用该计划项目，不能删除')
	const [still] = await db().select().from(planItems).where(eq(planItems.id, item.id))
	expect(still.version).toBe(1)
	expect(await linkedClauses(item.id)).toEqual(['（七）', '（十一）'])
	expect(await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'plan.delete'), eq(auditEvents.entityId, String(item.id))))).toEqual([])
})

test('members, admin and liaisons cannot edit or delete plan items', async () => {
	const item = await createItem('执法检查：预付式消费领域')
	for (const as of ['weiyuan1', 'admin', 'gongan', 'daibiao1']) {
		expect((await runLoader(loader, { path: `/plan/${item.id}/edit`, params: { itemId: String(item.id) }, as })).status).toBe(403)
		expect((await edit(item.id, { intent: 'delete', version: '1' }, as)).status).toBe(403)
	}
	expect(await db().select({ id: planItems.id }).from(planItems).where(eq(planItems.id, item.id))).toHaveLength(1)
})
