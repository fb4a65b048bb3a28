import { expect, test } from 'vitest'
import { and, asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, deliberations, reports, reportTaskProgress } from '#db/schema'
import { addDays } from '~/domain/dates'
import { loadReportTasks } from '~/models/reports/queries.server'
import { runAction, runLoader } from '#test/helpers'
import { action as editAction } from '../reports.$reportId.edit/route'
import { forceState, reportRow, scheduleFor, today } from '#test/fixtures/reports'
import { action, loader } from './route'

const db = () => getDb()

type PageData = Awaited<ReturnType<typeof loader>>

async function page(reportId: number, as: string | null) {
	const outcome = await runLoader(loader, { path: `/reports/${reportId}`, params: { reportId: String(reportId) }, as })
	return { outcome, data: outcome.data as PageData }
}

async function step(reportId: number, as: string, intent: string, extra: Record<string, string> = {}) {
	const { version } = await reportRow(reportId)
	return runAction(action, {
		path: `/reports/${reportId}`,
		params: { reportId: String(reportId) },
		as,
		form: { intent, version: String(version), ...extra },
	})
}

// The draft as gongan's form sends it: title, period, text, and every task narrated and assessed.
async function writeDraft(reportId: number, as = 'gongan') {
	const { version } = await reportRow(reportId)
	const tasks = await loadReportTasks(db(), reportId)
	const form = new FormData()
	form.set('intent', 'save')
	form.set('version', String(version))
	form.set('title', '武汉市人民政府关于全市打击治理电信网络诈骗工作情况的报告（示例）')
	form.set('period', '2025年1月至2026年10月')
	form.set('body', '一、工作开展情况\r\n（示例）全市公安机关……')
	tasks.forEach((row, index) => {
		form.set(`progress[${index}].taskId`, String(row.task.id))
		form.set(`progress[${index}].narrative`, `（示例）第${index + 1}项任务推进情况。`)
		form.set(`progress[${index}].selfAssessment`, 'in_progress')
	})
	return runAction(editAction, { path: `/reports/${reportId}/edit`, params: { reportId: String(reportId) }, as, form })
}

test('the lifecycle in order: draft, opinions, signed-off revision, distribution, deliberation — each step audited', async () => {
	const { id } = await scheduleFor('psb', { daysAhead: 40, clauses: ['（七）', '（八）'] })
	expect((await writeDraft(id)).status).toBe(302)

	const submitted = await step(id, 'gongan', 'submit_draft')
	expect(submitted.status).toBe(302)
	expect(submitted.location).toBe(`/reports/${id}?done=submit_draft`)
	expect(await reportRow(id)).toMatchObject({ state: 'draft_submitted', draftSubmittedOn: today() })

	expect((await step(id, 'mishu', 'send_opinions', { opinions: '（示例）建议补充资金返还情况。' })).status).toBe(302)
	expect(await reportRow(id)).toMatchObject({ state: 'opinions_sent', opinionsSentOn: today(), collectedOpinions: '（示例）建议补充资金返还情况。' })

	expect((await step(id, 'gongan', 'submit_revised', { signerName: '王某某', signerPosition: '副市长' })).status).toBe(302)
	expect(await reportRow(id)).toMatchObject({
		state: 'revised_submitted',
		signedOffBy: '王某某（副市长）',
		signedOffOn: today(),
		revisedSubmittedOn: today(),
	})

	expect((await step(id, 'mishu', 'distribute')).status).toBe(302)
	expect(await reportRow(id)).toMatchObject({ state: 'distributed', distributedOn: today() })

	expect((await step(id, 'mishu', 'open_deliberation')).status).toBe(302)
	expect((await reportRow(id)).state).toBe('deliberation')
	const [deliberation] = await db().select().from(deliberations).where(and(eq(deliberations.subjectType, 'report'), eq(deliberations.subjectId, id)))
	expect(deliberation).toMatchObject({ state: 'open', title: '武汉市人民政府关于全市打击治理电信网络诈骗工作情况的报告（示例）' })

	const { data } = await page(id, 'mishu')
	expect(data.deliberation).toMatchObject({ id: deliberation.id, state: 'open', mayOpen: true })
	expect(data.steps).toEqual([])

	const events = await db().select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(id)))).orderBy(asc(auditEvents.id))
	expect(events.map((e) => e.action)).toEqual([
		'report.schedule',
		'report.draft',
		'report.submit_draft',
		'report.send_opinions',
		'report.submit_revised',
		'report.distribute',
		'report.open_deliberation',
	])
})

test('each role is offered only its own next step', async () => {
	const { id } = await scheduleFor('psb')
	expect((await page(id, 'gongan')).data.steps).toEqual(['submit_draft'])
	expect((await page(id, 'mishu')).data.steps).toEqual([])
	expect((await page(id, 'admin')).data.steps).toEqual([])
	await forceState(id, 'revised_submitted')
	expect((await page(id, 'mishu')).data.steps).toEqual(['distribute'])
	expect((await page(id, 'gongan')).data.steps).toEqual([])
})

test('a draft with gaps is not submitted: the page and the refusal say what is missing', async () => {
	const { id } = await scheduleFor('psb')
	expect((await page(id, 'gongan')).data.gaps).toEqual(['title', 'period', 'body', 'assessment'])
	const refused = await step(id, 'gongan', 'submit_draft')
	expect(refused.status).toBe(400)
	expect(JSON.stringify(refused.data)).toContain('报送征求意见稿前，请先补全：报告标题、报告期间、报告正文、每项任务的自评状态')
	expect((await reportRow(id)).state).toBe('scheduled')
})

test('a secretariat distributing before the revised report is refused, and nothing changes', async () => {
	const { id } = await scheduleFor('psb')
	await forceState(id, 'opinions_sent')
	const refused = await step(id, 'mishu', 'distribute')
	expect(refused.status).toBe(409)
	expect(JSON.stringify(refused.data)).toContain('不能“印发常委会组成人员”：报告当前为“意见已反馈，待签发”，此操作只能在“修改稿已签发报送”时进行。')
	expect(await reportRow(id)).toMatchObject({ state: 'opinions_sent', distributedOn: null })
})

test('a step by the wrong role is refused with 403', async () => {
	const { id } = await scheduleFor('psb')
	await forceState(id, 'revised_submitted')
	for (const as of ['weiyuan1', 'daibiao1', 'admin']) expect((await step(id, as, 'distribute')).status).toBe(403)
	const byAgency = await step(id, 'gongan', 'distribute')
	expect(byAgency.status).toBe(403)
	expect(JSON.stringify(byAgency.data)).toContain('此操作由常委会办事机构办理')
	const { id: fresh } = await scheduleFor('psb')
	const bySecretariat = await step(fresh, 'mishu', 'submit_draft')
	expect(bySecretariat.status).toBe(403)
	expect(JSON.stringify(bySecretariat.data)).toContain('征求意见稿和修改稿由承办部门的联络员报送')
	expect((await reportRow(id)).state).toBe('revised_submitted')
	expect((await reportRow(fresh)).state).toBe('scheduled')
})

test('a member reading an unsubmitted draft gets 404, and reads the report once distributed', async () => {
	const { id } = await scheduleFor('psb')
	await forceState(id, 'scheduled')
	expect((await page(id, 'weiyuan1')).outcome.status).toBe(404)
	await forceState(id, 'revised_submitted')
	expect((await page(id, 'weiyuan1')).outcome.status).toBe(404)
	await forceState(id, 'distributed')
	const { outcome, data } = await page(id, 'weiyuan1')
	expect(outcome.status).toBe(200)
	expect(data.report.body).toBe('示例正文。')
	// The office's exchange with the organ is not the members' paper.
	expect(data.report.collectedOpinions).toBe('')
	expect((await page(id, 'daibiao1')).outcome.status).toBe(404)
	await forceState(id, 'deliberation')
	expect((await page(id, 'daibiao1')).outcome.status).toBe(200)
})

test("gongan reading jiaoyu's draft gets 404, on the page and on its steps", async () => {
	const { id } = await scheduleFor('edu')
	expect((await page(id, 'jiaoyu')).outcome.status).toBe(200)
	expect((await page(id, 'gongan')).outcome.status).toBe(404)
	expect((await step(id, 'gongan', 'submit_draft')).status).toBe(404)
	await forceState(id, 'distributed')
	expect((await page(id, 'gongan')).outcome.status).toBe(404)
	expect((await page(999999, 'mishu')).outcome.status).toBe(404)
})

test('the sign-off needs the official’s name and position; the input comes back', async () => {
	const { id } = await scheduleFor('psb')
	await forceState(id, 'opinions_sent')
	const refused = await step(id, 'gongan', 'submit_revised', { signerName: '王某某', signerPosition: ' ' })
	expect(refused.status).toBe(400)
	const body = JSON.stringify(refused.data)
	expect(body).toContain('请填写签发人职务')
	expect(body).toContain('王某某')
	expect((await reportRow(id)).state).toBe('opinions_sent')
	const noOpinions = await (async () => {
		await forceState(id, 'draft_submitted')
		return step(id, 'mishu', 'send_opinions', { opinions: '' })
	})()
	expect(noOpinions.status).toBe(400)
	expect(JSON.stringify(noOpinions.data)).toContain('请填写汇总的意见')
})

test('a step on a version the user no longer sees is refused as stale', async () => {
	const { id } = await scheduleFor('psb')
	await forceState(id, 'revised_submitted')
	const { version } = await reportRow(id)
	// Someone else changed the report meanwhile.
	await db().update(reports).set({ version: version + 1 }).where(eq(reports.id, id))
	const refused = await runAction(action, {
		path: `/reports/${id}`,
		params: { reportId: String(id) },
		as: 'mishu',
		form: { intent: 'distribute', version: String(version) },
	})
	expect(refused.status).toBe(409)
	expect(JSON.stringify(refused.data)).toContain('该记录已被他人修改')
	expect((await reportRow(id)).state).toBe('revised_submitted')
})

test('the page shows the Art. 15 standing: on time, late, due and overdue', async () => {
	// Meeting in 15 days: the draft was due 5 days ago; the revision is due in 5 days.
	const { id } = await scheduleFor('psb', { daysAhead: 15 })
	let { data } = await page(id, 'mishu')
	expect(data.deadlines.draft).toBe(addDays(today(), -5))
	expect(data.standing.draft).toEqual({ kind: 'overdue', due: addDays(today(), -5), daysOverdue: 5 })
	expect(data.standing.revised).toEqual({ kind: 'pending', due: addDays(today(), 5), daysLeft: 5 })
	expect(data.standing.distribution).toEqual({ kind: 'pending', due: addDays(today(), 8), daysLeft: 8 })
	// Submitted today: done, 5 days late.
	await forceState(id, 'draft_submitted')
	;({ data } = await page(id, 'gongan'))
	expect(data.standing.draft).toEqual({ kind: 'done', on: today(), daysLate: 5 })
	// A meeting far enough ahead: everything still due.
	const { id: early } = await scheduleFor('psb', { daysAhead: 40 })
	;({ data } = await page(early, 'mishu'))
	expect(data.standing.draft).toEqual({ kind: 'pending', due: addDays(today(), 20), daysLeft: 20 })
	expect(data.settings).toEqual({ draft: 20, revised: 10, distribution: 7 })
})

test('the progress table shows what the agency wrote on each task', async () => {
	const { id } = await scheduleFor('psb', { clauses: ['（十）'] })
	await writeDraft(id)
	const { data } = await page(id, 'mishu')
	expect(data.tasks.length).toBeGreaterThan(0)
	expect(data.tasks.every((t) => t.clauseLabel === '（十）' && t.selfAssessment === 'in_progress')).toBe(true)
	const stored = await db().select().from(reportTaskProgress).where(eq(reportTaskProgress.reportId, id))
	expect(stored).toHaveLength(data.tasks.length)
})
