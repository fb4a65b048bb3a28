import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { attachments, auditEvents, findings, settings } from '#db/schema'
import { addDays } from '~/domain/dates'
import { zh } from '~/i18n/zh'
import { agencyIdOf, clauseIdOf, makeInspection, makeVisit, taskIdsOf, today, userIdOf } from '#test/fixtures/findings'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n%示例\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

function formPage(inspectionId: number, as: string) {
	return runLoader(loader, { path: `/inspections/${inspectionId}/findings/new`, params: { inspectionId: String(inspectionId) }, as })
}

function post(inspectionId: number, as: string, form: FormData) {
	return runAction(action, { path: `/inspections/${inspectionId}/findings/new`, params: { inspectionId: String(inspectionId) }, as, form })
}

async function findingForm(values: Partial<Record<string, string>> = {}, files: Array<File> = []) {
	const form = new FormData()
	const defaults: Record<string, string> = {
		clauseId: String(await clauseIdOf('（七）')),
		agencyId: String(await agencyIdOf('psb')),
		severity: 'serious',
		description: '部分派出所未按要求开展预警劝阻回访（示例）',
		evidence: '抽查 3 个派出所台账（示例）',
		rectificationDueOn: addDays(today(), 90),
	}
	for (const [key, value] of Object.entries({ ...defaults, ...values })) if (value !== undefined) form.set(key, value)
	for (const file of files) form.append('attachments', file)
	return form
}

async function findingsOf(inspectionId: number) {
	return getDb().select().from(findings).where(eq(findings.inspectionId, inspectionId))
}

test('a deputy in the group records a finding with a task, a visit and a file; one write, audited', async () => {
	const inspection = await makeInspection()
	const visit = await makeVisit(inspection)
	const [taskId] = await taskIdsOf('（七）')
	const loaded = await formPage(inspection, 'daibiao1')
	expect(loaded.status).toBe(200)
	const data = loaded.data as { defaultDue: string; options: { clauses: Array<{ label: string; inScope: boolean }> } }
	expect(data.defaultDue).toBe(addDays(today(), 90))
	// The scope's clauses come first.
	expect(data.options.clauses.slice(0, 2).map((c) => [c.label, c.inScope])).toEqual([
		['（七）', true],
		['（十一）', true],
	])
	const saved = await post(inspection, 'daibiao1', await findingForm({ taskId: String(taskId), visitId: String(visit) }, [new File([pdfBytes], '现场照片说明（示例）.pdf')]))
	expect(saved.status).toBe(302)
	const [row] = await findingsOf(inspection)
	expect(saved.location).toBe(`/findings/${row.id}?done=recorded`)
	expect(row).toMatchObject({
		severity: 'serious',
		taskId,
		visitId: visit,
		rectificationState: 'open',
		rectificationDueOn: addDays(today(), 90),
		recordedBy: await userIdOf('daibiao1'),
	})
	const files = await getDb().select({ fileName: attachments.fileName }).from(attachments).where(and(eq(attachments.ownerType, 'finding'), eq(attachments.ownerId, row.id)))
	expect(files).toEqual([{ fileName: '现场照片说明（示例）.pdf' }])
	const events = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, 'finding'), eq(auditEvents.entityId, String(row.id))))
	expect(events.map((e) => e.action).sort()).toEqual(['attachment.add', 'finding.record'])
})

test('the secretariat and the group leader record; a deputy outside the group gets 404, a member outside it 403, agencies and admin 403', async () => {
	const inspection = await makeInspection()
	expect((await formPage(inspection, 'mishu')).status).toBe(200)
	expect((await formPage(inspection, 'weiyuan2')).status).toBe(200)
	expect((await formPage(inspection, 'daibiao2')).status).toBe(404)
	expect((await post(inspection, 'daibiao2', await findingForm())).status).toBe(404)
	for (const as of ['weiyuan1', 'gongan', 'admin']) {
		expect((await formPage(inspection, as)).status).toBe(403)
		expect((await post(inspection, as, await findingForm())).status).toBe(403)
	}
	expect(await findingsOf(inspection)).toEqual([])
	expect((await post(inspection, 'mishu', await findingForm())).status).toBe(302)
})

test('a task of another clause is refused; the server checks what the select offered', async () => {
	const inspection = await makeInspection()
	const [otherTask] = await taskIdsOf('（十一）')
	const refused = await post(inspection, 'mishu', await findingForm({ taskId: String(otherTask) }))
	expect(refused.status).toBe(400)
	const body = JSON.stringify(refused.data)
	expect(body).toContain(zh.findings.taskNotOfClause)
	expect(body).toContain('部分派出所未按要求开展预警劝阻回访（示例）')
	expect(await findingsOf(inspection)).toEqual([])
})

test('a due date before today, a missing description or severity are refused with the input kept', async () => {
	const inspection = await makeInspection()
	const past = await post(inspection, 'weiyuan3', await findingForm({ rectificationDueOn: addDays(today(), -1) }))
	expect(past.status).toBe(400)
	expect(JSON.stringify(past.data)).toContain(zh.findings.duePast)
	const empty = await post(inspection, 'weiyuan3', await findingForm({ description: ' ', severity: 'huge', evidence: '我写的证据（示例）' }))
	expect(empty.status).toBe(400)
	const body = JSON.stringify(empty.data)
	expect(body).toContain(zh.findings.descriptionRequired)
	expect(body).toContain(zh.findings.severityRequired)
	expect(body).toContain('我写的证据（示例）')
	// Today itself is allowed.
	expect((await post(inspection, 'weiyuan3', await findingForm({ rectificationDueOn: today() }))).status).toBe(302)
})

test('a visit of another inspection is refused', async () => {
	const inspection = await makeInspection()
	const otherVisit = await makeVisit(await makeInspection({ title: '另一次执法检查（测试）' }))
	const refused = await post(inspection, 'mishu', await findingForm({ visitId: String(otherVisit) }))
	expect(refused.status).toBe(400)
	expect(JSON.stringify(refused.data)).toContain(zh.findings.visitNotOfInspection)
})

test('the rectification’s default due date is the setting rectificationDueDays, not a constant', async () => {
	const inspection = await makeInspection()
	await getDb().insert(settings).values({ key: 'rectificationDueDays', value: 60 })
	const data = (await formPage(inspection, 'mishu')).data as { defaultDue: string; dueDays: number }
	expect(data.defaultDue).toBe(addDays(today(), 60))
	expect(data.dueDays).toBe(60)
})
