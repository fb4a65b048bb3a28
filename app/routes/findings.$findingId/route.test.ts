import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { attachments, auditEvents } from '#db/schema'
import { nextRectificationState } from '~/domain/rectification'
import { refusalMessage } from '~/i18n/refusals'
import { zh } from '~/i18n/zh'
import { loader as downloadLoader } from '../attachments.$attachmentId/route'
import { findingRow, makeFinding, makeInspection, makeVisit, today } from '#test/fixtures/findings'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n%示例\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

function page(id: number, as: string) {
	return runLoader(loader, { path: `/findings/${id}`, params: { findingId: String(id) }, as })
}

function post(id: number, as: string, form: Record<string, string> | FormData) {
	return runAction(action, { path: `/findings/${id}`, params: { findingId: String(id) }, as, form })
}

async function version(id: number) {
	return String((await findingRow(id)).version)
}

async function respond(id: number, as = 'gongan', response = '已建立 24 小时值守机制，预警信息当日处置（示例）', files: Array<File> = []) {
	const form = new FormData()
	form.set('intent', 'respond')
	form.set('version', await version(id))
	form.set('response', response)
	for (const file of files) form.append('attachments', file)
	return post(id, as, form)
}

test('the rectification lifecycle: open → responded → reopened → responded → accepted, each step audited', async () => {
	const id = await makeFinding(await makeInspection())
	const first = await respond(id, 'gongan', '已建立值守机制（示例）', [new File([pdfBytes], '整改报告（示例）.pdf')])
	expect(first).toMatchObject({ status: 302, location: `/findings/${id}?done=responded` })
	expect(await findingRow(id)).toMatchObject({ rectificationState: 'responded', response: '已建立值守机制（示例）', respondedOn: today(), version: 2 })
	const files = await getDb()
		.select({ fileName: attachments.fileName })
		.from(attachments)
		.where(and(eq(attachments.ownerType, 'rectification'), eq(attachments.ownerId, id)))
	expect(files).toEqual([{ fileName: '整改报告（示例）.pdf' }])

	// A reopening needs a reason.
	const noReason = await post(id, 'mishu', { intent: 'reopen', version: await version(id), reason: '  ' })
	expect(noReason.status).toBe(400)
	expect(JSON.stringify(noReason.data)).toContain(zh.findings.reasonRequired)
	const reopened = await post(id, 'mishu', { intent: 'reopen', version: await version(id), reason: '未附值守记录，请补充（示例）' })
	expect(reopened).toMatchObject({ status: 302, location: `/findings/${id}?done=reopened` })
	expect(await findingRow(id)).toMatchObject({ rectificationState: 'reopened', reopenReason: '未附值守记录，请补充（示例）', verifiedOn: today() })

	// The agency sees the reason and may respond again.
	const agencyView = (await page(id, 'gongan')).data as { finding: { reopenReason: string }; canRespond: boolean }
	expect(agencyView.finding.reopenReason).toBe('未附值守记录，请补充（示例）')
	expect(agencyView.canRespond).toBe(true)
	expect((await respond(id, 'gongan', '已补充值守记录（示例）')).status).toBe(302)
	expect((await findingRow(id)).rectificationState).toBe('responded')

	const accepted = await post(id, 'mishu', { intent: 'accept', version: await version(id) })
	expect(accepted).toMatchObject({ status: 302, location: `/findings/${id}?done=accepted` })
	expect(await findingRow(id)).toMatchObject({ rectificationState: 'accepted', verifiedOn: today(), version: 5 })

	const steps = ((await page(id, 'mishu')).data as { steps: Array<{ action: string; text: string }> }).steps
	expect(steps.map((s) => s.action)).toEqual(['respond', 'reopen', 'respond', 'accept'])
	expect(steps[1].text).toBe('未附值守记录，请补充（示例）')
	const events = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, 'finding'), eq(auditEvents.entityId, String(id))))
	expect(events.map((e) => e.action)).toEqual(['finding.respond', 'finding.reopen', 'finding.respond', 'finding.accept'])
})

test('accepting an open finding is refused with the rule’s reason, and nothing changes', async () => {
	const id = await makeFinding(await makeInspection())
	const refused = await post(id, 'mishu', { intent: 'accept', version: await version(id) })
	expect(refused.status).toBe(409)
	const reason = nextRectificationState('open', 'accept')
	expect(reason.ok).toBe(false)
	expect(JSON.stringify(refused.data)).toContain(reason.ok ? '' : refusalMessage(zh, reason.refusal))
	expect(await findingRow(id)).toMatchObject({ rectificationState: 'open', version: 1 })
})

test('responding twice is refused: the response is being verified', async () => {
	const id = await makeFinding(await makeInspection(), { state: 'responded' })
	const refused = await respond(id)
	expect(refused.status).toBe(409)
	expect(JSON.stringify(refused.data)).toContain(zh.findings.refusals.respond)
})

test('another agency’s liaison gets 404 on the finding, its action and its files; the group and roles without a step get 403 on the action', async () => {
	const id = await makeFinding(await makeInspection())
	expect((await page(id, 'jiaoyu')).status).toBe(404)
	expect((await respond(id, 'jiaoyu')).status).toBe(404)
	for (const as of ['weiyuan1', 'weiyuan2', 'daibiao1', 'admin']) {
		expect((await page(id, as)).status).toBe(200)
		expect((await respond(id, as)).status).toBe(403)
		expect((await post(id, as, { intent: 'accept', version: '1' })).status).toBe(403)
	}
	// The agency does not verify its own rectification.
	expect((await post(id, 'gongan', { intent: 'accept', version: '1' })).status).toBe(403)
	expect((await findingRow(id)).rectificationState).toBe('open')
})

test('a deputy reads the findings of their own inspection only', async () => {
	const id = await makeFinding(await makeInspection())
	expect((await page(id, 'daibiao1')).status).toBe(200)
	expect((await page(id, 'daibiao2')).status).toBe(404)
	expect((await post(id, 'daibiao2', { intent: 'accept', version: '1' })).status).toBe(404)
})

test('a response on a finding changed meanwhile is refused as stale, with the text kept', async () => {
	const id = await makeFinding(await makeInspection())
	const form = new FormData()
	form.set('intent', 'respond')
	form.set('version', '7')
	form.set('response', '我写的整改情况（示例）')
	const stale = await post(id, 'gongan', form)
	expect(stale.status).toBe(409)
	const body = JSON.stringify(stale.data)
	expect(body).toContain(zh.common.stale)
	expect(body).toContain('我写的整改情况（示例）')
	expect((await findingRow(id)).rectificationState).toBe('open')
})

test('the evidence and rectification files download for readers of the finding only', async () => {
	const id = await makeFinding(await makeInspection())
	expect((await respond(id, 'gongan', '整改（示例）', [new File([pdfBytes], '值守记录（示例）.pdf')])).status).toBe(302)
	const [file] = await getDb().select({ id: attachments.id }).from(attachments).where(and(eq(attachments.ownerType, 'rectification'), eq(attachments.ownerId, id)))
	const download = (as: string) => runLoader(downloadLoader, { path: `/attachments/${file.id}`, params: { attachmentId: String(file.id) }, as })
	expect((await download('gongan')).status).toBe(200)
	expect((await download('mishu')).status).toBe(200)
	expect((await download('daibiao1')).status).toBe(200)
	expect((await download('jiaoyu')).status).toBe(404)
	expect((await download('daibiao2')).status).toBe(404)
})

test('an overdue rectification shows its days overdue; an unannounced visit stays hidden from the agency', async () => {
	const inspection = await makeInspection()
	const visit = await makeVisit(inspection, true)
	const id = await makeFinding(inspection, { dueOn: '2020-01-01', visitId: visit })
	const secretariat = (await page(id, 'mishu')).data as { finding: { overdueDays: number }; visit: unknown }
	expect(secretariat.finding.overdueDays).toBeGreaterThan(365)
	expect(secretariat.visit).not.toBeNull()
	expect(((await page(id, 'gongan')).data as { visit: unknown }).visit).toBeNull()
})
