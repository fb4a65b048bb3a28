import { expect, test } from 'vitest'
import { and, asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, agendaItems, auditEvents, planItems, reportClauses, reports } from '#db/schema'
import { addDays } from '~/domain/dates'
import { actorFor, runAction, runLoader } from '#test/helpers'
import { scheduleReport } from '~/models/reports/mutations.server'
import { agencyId, clauseIds, createMeetingOn, today } from '#test/fixtures/reports'
import { action, loader } from './route'

const db = () => getDb()

type FormData = Awaited<ReturnType<typeof loader>>

async function schedule(form: Record<string, string | Array<string>>, as = 'mishu') {
	return runAction(action, { path: '/reports/new', as, form })
}

async function validForm(meetingId: number) {
	return {
		organId: String(await agencyId('gov')),
		preparingAgencyId: String(await agencyId('psb')),
		topic: '全市打击治理电信网络诈骗工作情况（示例）',
		clauseIds: (await clauseIds(['（七）', '（十）'])).map(String),
		meetingId: String(meetingId),
	}
}

test('only the secretariat schedules hearings', async () => {
	for (const as of ['admin', 'weiyuan1', 'daibiao1', 'gongan']) {
		expect((await runLoader(loader, { path: '/reports/new', as })).status).toBe(403)
		expect((await schedule({}, as)).status).toBe(403)
	}
	expect((await runLoader(loader, { path: '/reports/new', as: 'mishu' })).status).toBe(200)
})

test('the form offers the four reporting organs, the city departments and only meetings not yet started', async () => {
	const started = await createMeetingOn(today())
	const upcoming = await createMeetingOn(addDays(today(), 30))
	const { data } = await runLoader(loader, { path: '/reports/new', as: 'mishu' })
	const { options } = data as FormData
	expect(options.organs.map((o) => o.name)).toEqual(['武汉市人民政府', '武汉市监察委员会', '武汉市中级人民法院', '武汉市人民检察院'])
	expect(options.departments.map((d) => d.name)).toContain('武汉市公安局')
	expect(options.departments.every((d) => d.kind === 'department')).toBe(true)
	expect(options.meetings.map((m) => m.id)).toContain(upcoming)
	expect(options.meetings.map((m) => m.id)).not.toContain(started)
	expect(options.meetings.every((m) => m.startsOn > today())).toBe(true)
})

test('mishu schedules a hearing: the report, its clauses and the agenda item, in one audited write', async () => {
	const meetingId = await createMeetingOn(addDays(today(), 30))
	const form = await validForm(meetingId)
	const outcome = await schedule(form)
	expect(outcome.status).toBe(302)
	const id = Number(/^\/reports\/(\d+)\?done=scheduled$/.exec(outcome.location ?? '')?.[1])
	const [report] = await db().select().from(reports).where(eq(reports.id, id))
	expect(report).toMatchObject({ state: 'scheduled', topic: '全市打击治理电信网络诈骗工作情况（示例）', meetingId, preparingAgencyId: await agencyId('psb') })
	const linked = await db().select({ clauseId: reportClauses.clauseId }).from(reportClauses).where(eq(reportClauses.reportId, id))
	expect(linked.map((c) => String(c.clauseId)).sort()).toEqual([...form.clauseIds].sort())
	const agenda = await db().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position))
	expect(agenda).toEqual([
		expect.objectContaining({
			position: 1,
			kind: 'report',
			title: '听取和审议武汉市人民政府关于全市打击治理电信网络诈骗工作情况（示例）的报告',
			subjectType: 'report',
			subjectId: id,
		}),
	])
	const events = await db().select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(id))))
	expect(events.map((e) => e.action)).toEqual(['report.schedule'])
})

test('the preparing department must fit the organ, with the input kept', async () => {
	const meetingId = await createMeetingOn(addDays(today(), 30))
	const court = String(await agencyId('court'))
	const government = await schedule({ ...(await validForm(meetingId)), preparingAgencyId: court })
	expect(government.status).toBe(400)
	expect(JSON.stringify(government.data)).toContain('承办部门不符')
	expect(JSON.stringify(government.data)).toContain('全市打击治理电信网络诈骗工作情况（示例）')
	const byDepartment = await schedule({ ...(await validForm(meetingId)), organId: court })
	expect(byDepartment.status).toBe(400)
	expect(JSON.stringify(byDepartment.data)).toContain('承办部门不符')
	expect((await schedule({ ...(await validForm(meetingId)), organId: court, preparingAgencyId: court })).status).toBe(302)
	const notAnOrgan = await schedule({ ...(await validForm(meetingId)), organId: String(await agencyId('psb')) })
	expect(notAnOrgan.status).toBe(400)
	expect(JSON.stringify(notAnOrgan.data)).toContain('请选择报告机关')
})

test('a meeting that has started, no clause, or a plan item of another year is refused', async () => {
	const started = await createMeetingOn(today())
	const refused = await schedule(await validForm(started))
	expect(refused.status).toBe(400)
	expect(JSON.stringify(refused.data)).toContain('请选择尚未召开的会议')
	const meetingId = await createMeetingOn(addDays(today(), 30))
	const { clauseIds: _none, ...noClauses } = await validForm(meetingId)
	const noClause = await schedule(noClauses)
	expect(noClause.status).toBe(400)
	expect(JSON.stringify(noClause.data)).toContain('请至少选择一个条款')
	const year = Number(addDays(today(), 30).slice(0, 4))
	const [other] = await db().insert(planItems).values({ year: year + 1, kind: 'report_hearing', title: '明年的计划项目（示例）' }).returning({ id: planItems.id })
	const [same] = await db().insert(planItems).values({ year, kind: 'report_hearing', title: '本年度计划项目（示例）' }).returning({ id: planItems.id })
	const wrongYear = await schedule({ ...(await validForm(meetingId)), planItemId: String(other.id) })
	expect(wrongYear.status).toBe(400)
	expect(JSON.stringify(wrongYear.data)).toContain(`与会议同一年度（${year} 年）`)
	const fitting = await schedule({ ...(await validForm(meetingId)), planItemId: String(same.id) })
	expect(fitting.status).toBe(302)
})

test('a district court is not a reporting organ of the city committee (Art. 11), also when posted by hand', async () => {
	const [district] = await getDb()
		.insert(agencies)
		.values({ name: '江岸区人民法院（测试）', shortName: '江岸区法院', kind: 'court', level: '区', district: '江岸区', displayOrder: 900 })
		.returning({ id: agencies.id })
	const meetingId = await createMeetingOn(addDays(today(), 40))
	const options = await runLoader(loader, { path: '/reports/new', as: 'mishu' })
	expect((options.data as { options: { organs: Array<{ id: number }> } }).options.organs.map((o) => o.id)).not.toContain(district.id)
	const refused = await schedule({ ...(await validForm(meetingId)), organId: String(district.id), preparingAgencyId: String(district.id) })
	expect(refused.status).toBe(400)
	expect(await getDb().select().from(reports).where(eq(reports.organId, district.id))).toEqual([])
	// The model refuses it too, whatever a route let through.
	const attempt = scheduleReport(getDb(), await actorFor('mishu'), {
		organId: district.id,
		preparingAgencyId: district.id,
		topic: '测试',
		clauseIds: await clauseIds(['（七）']),
		meetingId,
		planItemId: null,
		agendaTitle: '测试',
	})
	await expect(attempt).rejects.toMatchObject({ refusal: { kind: 'rule', code: 'reports.organ' } })
})
