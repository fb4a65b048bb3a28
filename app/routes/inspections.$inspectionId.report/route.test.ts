import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, agendaItems, deliberations, inspections, meetings } from '#db/schema'
import { zh } from '~/i18n/zh'
import { makeFinding, makeInspection, makeVisit } from '#test/fixtures/findings'
import { runAction, runLoader } from '#test/helpers'
import { loader as deliberationLoader } from '../deliberations.$deliberationId/route'
import { loader as printLoader } from '../inspections.$inspectionId_.report.print/route'
import { loader as pageLoader } from '../inspections.$inspectionId._index/route'
import { action, loader } from './route'

const db = () => getDb()

type Parts = { evaluation: string; problems: string; enforcementSuggestions: string; amendmentSuggestions: string }

function post(inspectionId: number, as: string, form: Record<string, string>) {
	return runAction(action, { path: `/inspections/${inspectionId}/report`, params: { inspectionId: String(inspectionId) }, as, form })
}

function page(inspectionId: number, as: string) {
	return runLoader(loader, { path: `/inspections/${inspectionId}/report`, params: { inspectionId: String(inspectionId) }, as })
}

async function inspectionRow(id: number) {
	const [row] = await db().select().from(inspections).where(eq(inspections.id, id))
	return row
}

// An inspection in progress with a visit and findings against two clauses and two agencies.
async function recorded() {
	const id = await makeInspection()
	await makeVisit(id)
	await makeFinding(id, { clause: '（十五）', agency: 'edu', severity: 'general', description: '学校防诈教育课时不足（测试）' })
	await makeFinding(id, { clause: '（七）', agency: 'psb', severity: 'serious', description: '预警劝阻不及时（测试）', dueOn: '2000-01-01' })
	await makeFinding(id, { clause: '（七）', agency: 'psb', severity: 'general', state: 'accepted', description: '止付台账不全（测试）' })
	return id
}

test('the draft from the record has the four parts and groups the findings by clause', async () => {
	const id = await recorded()
	const outcome = await post(id, 'mishu', { intent: 'draft', version: '1' })
	expect(outcome.status).toBe(200)
	const { values, filled } = outcome.data as { values: Parts; filled: Array<string> }
	expect(filled).toEqual(['evaluation', 'problems', 'enforcementSuggestions'])
	expect(values.evaluation).toContain('共开展检查活动1次')
	expect(values.evaluation).toContain('检查共发现问题3个，其中严重0个、较重1个、一般2个')
	// Clause (七) before (十五), each finding under its clause with agency, severity and state.
	const seven = values.problems.indexOf('第（七）项落实方面：')
	const fifteen = values.problems.indexOf('第（十五）项落实方面：')
	expect(seven).toBeGreaterThan(-1)
	expect(fifteen).toBeGreaterThan(seven)
	expect(values.problems.slice(seven, fifteen)).toContain('武汉市公安局（较重）：预警劝阻不及时（测试）。')
	expect(values.problems.slice(seven, fifteen)).toContain('已逾期')
	expect(values.problems.slice(seven, fifteen)).toContain('已整改并通过核实')
	expect(values.problems.slice(fifteen)).toContain('武汉市教育局（一般）：学校防诈教育课时不足（测试）。')
	// One suggestion per agency with open findings.
	expect(values.enforcementSuggestions).toMatch(/1\. 建议武汉市教育局|1\. 建议武汉市公安局/)
	expect(values.enforcementSuggestions).toContain('建议武汉市公安局针对检查发现的1个问题')
	expect(values.amendmentSuggestions).toBe('')
	// Nothing is saved by drafting.
	expect((await inspectionRow(id)).reportEvaluation).toBe('')
})

test('the draft fills only the empty parts unless asked to overwrite', async () => {
	const id = await recorded()
	const kept = await post(id, 'mishu', { intent: 'draft', version: '1', evaluation: '检查组的评价（测试）' })
	const keptValues = (kept.data as { values: Parts }).values
	expect(keptValues.evaluation).toBe('检查组的评价（测试）')
	expect(keptValues.problems).toContain('第（七）项')
	const over = await post(id, 'mishu', { intent: 'draft', version: '1', evaluation: '检查组的评价（测试）', overwrite: 'on' })
	expect((over.data as { values: Parts }).values.evaluation).toContain('执法检查组于')
})

test('saving is versioned: a stale save answers 409 and keeps the input', async () => {
	const id = await recorded()
	const saved = await post(id, 'mishu', { intent: 'save', version: '1', evaluation: '评价（测试）', problems: '问题（测试）' })
	expect(saved.status).toBe(302)
	expect(saved.location).toBe(`/inspections/${id}/report?done=saved`)
	const row = await inspectionRow(id)
	expect(row).toMatchObject({ reportEvaluation: '评价（测试）', reportProblems: '问题（测试）', state: 'reporting', version: 2 })
	const stale = await post(id, 'weiyuan2', { intent: 'save', version: '1', evaluation: '组长的修改（测试）' })
	expect(stale.status).toBe(409)
	const result = (stale.data as { result: { error: Record<string, Array<string>>; initialValue: Record<string, string> } }).result
	expect(result.error['']).toEqual([zh.common.stale])
	expect(result.initialValue.evaluation).toBe('组长的修改（测试）')
	expect((await inspectionRow(id)).reportEvaluation).toBe('评价（测试）')
})

test('the group leader may write the report; another member of the group may not', async () => {
	const id = await recorded()
	expect((await page(id, 'weiyuan2')).status).toBe(200)
	expect((await page(id, 'weiyuan3')).status).toBe(403)
	expect((await post(id, 'weiyuan2', { intent: 'save', version: '1', evaluation: '组长起草（测试）' })).status).toBe(302)
	// Only the secretariat submits it.
	expect((await post(id, 'weiyuan2', { intent: 'submit', version: '2', meetingId: '1' })).status).toBe(403)
})

test('a report without its evaluation and problems is not submitted', async () => {
	const id = await recorded()
	const [meeting] = await db().select({ id: meetings.id }).from(meetings).limit(1)
	const outcome = await post(id, 'mishu', { intent: 'submit', version: '1', meetingId: String(meeting.id) })
	expect(outcome.status).toBe(400)
	expect((await inspectionRow(id)).state).toBe('in_progress')
})

test('submitting puts the report on the agenda and opens a deliberation of the inspection, which members then read', async () => {
	const id = await recorded()
	await post(id, 'mishu', { intent: 'save', version: '1', evaluation: '评价（测试）', problems: '问题（测试）', amendmentSuggestions: '建议（测试）' })
	const [meeting] = await db().select({ id: meetings.id }).from(meetings).limit(1)
	const outcome = await post(id, 'mishu', { intent: 'submit', version: '2', meetingId: String(meeting.id) })
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe(`/inspections/${id}?done=reportSubmitted`)
	expect(await inspectionRow(id)).toMatchObject({ state: 'deliberation', reportMeetingId: meeting.id })
	const [item] = await db()
		.select()
		.from(agendaItems)
		.where(and(eq(agendaItems.subjectType, 'inspection'), eq(agendaItems.subjectId, id)))
	expect(item).toMatchObject({ meetingId: meeting.id, kind: 'inspection_report' })
	const [d] = await db()
		.select()
		.from(deliberations)
		.where(and(eq(deliberations.subjectType, 'inspection'), eq(deliberations.subjectId, id)))
	const [gov] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'gov'))
	// No organ named on the inspection: the government receives it and answers.
	expect(d).toMatchObject({ state: 'open', organId: gov.id, respondingAgencyId: gov.id, meetingId: meeting.id })
	expect(d.title).toMatch(/^关于检查《.+》实施情况的报告$/)
	const loaded = await runLoader(deliberationLoader, { path: `/deliberations/${d.id}`, params: { deliberationId: String(d.id) }, as: 'weiyuan1' })
	expect(loaded.status).toBe(200)
	expect(JSON.stringify(loaded.data)).toContain(`/inspections/${id}`)
	// The report can no longer be changed, and the inspection page shows the deliberation.
	const again = await post(id, 'mishu', { intent: 'save', version: '3', evaluation: '再改（测试）' })
	expect(again.status).toBe(409)
	const shown = await runLoader(pageLoader, { path: `/inspections/${id}`, params: { inspectionId: String(id) }, as: 'weiyuan1' })
	expect((shown.data as { report: { deliberation: { id: number; state: string } } }).report.deliberation).toMatchObject({ id: d.id, state: 'open' })
})

test('the print view renders the four headed parts, the group and the date in Chinese numerals', async () => {
	const id = await recorded()
	await post(id, 'mishu', { intent: 'save', version: '1', evaluation: '第一段（测试）\n第二段（测试）', problems: '问题（测试）' })
	const outcome = await runLoader(printLoader, { path: `/inspections/${id}/report/print`, params: { inspectionId: String(id) }, as: 'daibiao1' })
	expect(outcome.status).toBe(200)
	const data = outcome.data as { title: string; draft: boolean; issuer: string; date: string; parts: Array<{ heading: string; paragraphs: Array<string> }> }
	expect(data.title).toMatch(/^关于检查《.+》实施情况的报告$/)
	expect(data.draft).toBe(true)
	expect(data.parts.map((p) => p.heading)).toEqual(['一、法律法规实施的总体评价', '二、存在的主要问题', '三、改进执法工作的建议', '四、修改完善法规的建议'])
	expect(data.parts[0].paragraphs).toEqual(['第一段（测试）', '第二段（测试）'])
	expect(data.issuer).toBe('武汉市人大常委会执法检查组')
	expect(data.date).toMatch(/^[〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/)
	// The visited agency's liaison reads the report only once it is published with the letter.
	expect((await runLoader(printLoader, { path: `/inspections/${id}/report/print`, params: { inspectionId: String(id) }, as: 'gongan' })).status).toBe(404)
	const [demo] = await db().select({ id: inspections.id }).from(inspections).where(eq(inspections.state, 'deliberation'))
	const published = await runLoader(printLoader, { path: `/inspections/${demo.id}/report/print`, params: { inspectionId: String(demo.id) }, as: 'gongan' })
	expect(published.status).toBe(200)
})

test('the inspection page groups the findings the user may read by clause', async () => {
	const id = await recorded()
	const asLeader = await runLoader(pageLoader, { path: `/inspections/${id}`, params: { inspectionId: String(id) }, as: 'weiyuan2' })
	const data = asLeader.data as { mayRecord: boolean; findings: { count: number; groups: Array<{ clauseLabel: string; findings: Array<{ agencyName: string }> }> } }
	expect(data.mayRecord).toBe(true)
	expect(data.findings.count).toBe(3)
	expect(data.findings.groups.map((g) => [g.clauseLabel, g.findings.length])).toEqual([
		['（七）', 2],
		['（十五）', 1],
	])
	const asPolice = await runLoader(pageLoader, { path: `/inspections/${id}`, params: { inspectionId: String(id) }, as: 'gongan' })
	const police = asPolice.data as typeof data
	expect(police.mayRecord).toBe(false)
	expect(police.findings.groups.flatMap((g) => g.findings.map((f) => f.agencyName))).toEqual(['武汉市公安局', '武汉市公安局'])
})

test('Art. 36: the part on amending the law is required at submission, or an explicit none with its reason, which the print shows', async () => {
	const id = await recorded()
	const [meeting] = await db().select({ id: meetings.id }).from(meetings).limit(1)
	expect((await post(id, 'mishu', { intent: 'save', version: '1', evaluation: '评价（测试）', problems: '问题（测试）' })).status).toBe(302)
	const empty = await post(id, 'mishu', { intent: 'submit', version: '2', meetingId: String(meeting.id) })
	expect(empty.status).toBe(400)
	expect(JSON.stringify(empty.data)).toContain('本次检查未提出修改建议')
	expect((await inspectionRow(id)).state).toBe('reporting')
	// Ticking 「本次检查未提出修改建议」 needs a reason.
	const noReason = await post(id, 'mishu', { intent: 'save', version: '2', evaluation: '评价（测试）', problems: '问题（测试）', amendmentNone: 'on' })
	expect(noReason.status).toBe(400)
	expect((noReason.data as { result: { error: Record<string, Array<string>> } }).result.error.amendmentNoneReason).toBeTruthy()
	const none = await post(id, 'mishu', {
		intent: 'save',
		version: '2',
		evaluation: '评价（测试）',
		problems: '问题（测试）',
		amendmentNone: 'on',
		amendmentNoneReason: '《决定》施行不足两年，检查发现的问题均属执行层面（测试）',
	})
	expect(none.status).toBe(302)
	const page = (await runLoader(loader, { path: `/inspections/${id}/report`, params: { inspectionId: String(id) }, as: 'mishu' })).data as {
		report: { values: Record<string, unknown> }
	}
	expect(page.report.values).toMatchObject({ amendmentSuggestions: '', amendmentNone: true, amendmentNoneReason: '《决定》施行不足两年，检查发现的问题均属执行层面（测试）' })
	const print = await runLoader(printLoader, { path: `/inspections/${id}/report/print`, params: { inspectionId: String(id) }, as: 'mishu' })
	const amendment = (print.data as { parts: Array<{ part: string; paragraphs: Array<string> }> }).parts.find((p) => p.part === 'amendmentSuggestions')
	expect(amendment?.paragraphs).toEqual(['本次检查未提出修改完善法规的建议。', '理由：《决定》施行不足两年，检查发现的问题均属执行层面（测试）'])
	expect((await post(id, 'mishu', { intent: 'submit', version: '3', meetingId: String(meeting.id) })).status).toBe(302)
	expect((await inspectionRow(id)).state).toBe('deliberation')
})
