import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { attachments, auditEvents, reports } from '#db/schema'
import { maxAttachmentBytes } from '~/domain/attachments'
import { loadReportTasks } from '~/models/reports/queries.server'
import { runAction, runLoader } from '#test/helpers'
import { forceState, reportRow, scheduleFor } from '#test/fixtures/reports'
import { action, loader } from './route'

const db = () => getDb()

export const pdfBytes = new TextEncoder().encode('%PDF-1.7\n%示例\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const exeBytes = new TextEncoder().encode('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode')

function pdf(name = '关于打击治理电信网络诈骗工作情况的报告（示例）.pdf') {
	return new File([pdfBytes], name, { type: 'application/pdf' })
}

async function draftForm(reportId: number, values: { title?: string; files?: Array<File>; version?: number } = {}) {
	const { version } = await reportRow(reportId)
	const tasks = await loadReportTasks(db(), reportId)
	const form = new FormData()
	form.set('intent', 'save')
	form.set('version', String(values.version ?? version))
	form.set('title', values.title ?? '关于全市打击治理电信网络诈骗工作情况的报告（示例）')
	form.set('period', '2025年1月至2026年10月')
	form.set('body', '（示例）报告正文')
	tasks.forEach((row, index) => {
		form.set(`progress[${index}].taskId`, String(row.task.id))
		form.set(`progress[${index}].narrative`, '（示例）已建立预警劝阻机制。')
		form.set(`progress[${index}].selfAssessment`, 'largely_done')
	})
	for (const file of values.files ?? []) form.append('attachments', file)
	return form
}

function post(reportId: number, form: FormData | Record<string, string>, as = 'gongan') {
	return runAction(action, { path: `/reports/${reportId}/edit`, params: { reportId: String(reportId) }, as, form })
}

function editPage(reportId: number, as: string) {
	return runLoader(loader, { path: `/reports/${reportId}/edit`, params: { reportId: String(reportId) }, as })
}

async function storedFiles(reportId: number) {
	return db()
		.select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size, sha256: attachments.sha256 })
		.from(attachments)
		.where(and(eq(attachments.ownerType, 'report'), eq(attachments.ownerId, reportId)))
}

test('only the preparing agency drafts: 403 for roles that never draft, 404 for another agency', async () => {
	const { id } = await scheduleFor('psb')
	expect((await editPage(id, 'gongan')).status).toBe(200)
	for (const as of ['mishu', 'admin', 'weiyuan1', 'daibiao1']) {
		expect((await editPage(id, as)).status).toBe(403)
		expect((await post(id, await draftForm(id), as)).status).toBe(403)
	}
	expect((await editPage(id, 'jiaoyu')).status).toBe(404)
	expect((await post(id, await draftForm(id), 'jiaoyu')).status).toBe(404)
	expect((await reportRow(id)).title).toBe('')
})

test('gongan saves the draft with a PDF: stored with its Chinese name and hash, audited without the bytes', async () => {
	const { id } = await scheduleFor('psb')
	const saved = await post(id, await draftForm(id, { files: [pdf(), pdf('附件2 统计表（示例）.pdf')] }))
	expect(saved.status).toBe(302)
	expect(saved.location).toBe(`/reports/${id}/edit?done=saved`)
	expect(await reportRow(id)).toMatchObject({ title: '关于全市打击治理电信网络诈骗工作情况的报告（示例）', period: '2025年1月至2026年10月', version: 2 })
	const files = await storedFiles(id)
	expect(files.map((f) => f.fileName).sort()).toEqual(['关于打击治理电信网络诈骗工作情况的报告（示例）.pdf', '附件2 统计表（示例）.pdf'].sort())
	expect(files[0]).toMatchObject({ contentType: 'application/pdf', size: pdfBytes.byteLength })
	expect(files[0].sha256).toMatch(/^[0-9a-f]{64}$/)
	const events = await db()
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'attachment.add'), eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(id))))
	expect(events).toHaveLength(2)
	expect(events[0]).toMatchObject({ entityType: 'report', entityId: String(id) })
	expect(JSON.stringify(events)).not.toContain('PDF-1.7')
	const page = await editPage(id, 'gongan')
	expect((page.data as { files: Array<{ mine: boolean }> }).files).toHaveLength(2)
})

test('an .exe renamed .pdf is refused with a field error; what was typed comes back and nothing is stored', async () => {
	const { id } = await scheduleFor('psb')
	const form = await draftForm(id, { title: '我输入的标题（示例）', files: [new File([exeBytes], '报告.pdf', { type: 'application/pdf' })] })
	const refused = await post(id, form)
	expect(refused.status).toBe(400)
	const body = JSON.stringify(refused.data)
	expect(body).toContain('文件“报告.pdf”的内容与其扩展名不符')
	expect(body).toContain('请重新选择要上传的文件')
	expect(body).toContain('我输入的标题（示例）')
	expect(body).toContain('（示例）已建立预警劝阻机制。')
	expect(await storedFiles(id)).toEqual([])
	expect((await reportRow(id)).title).toBe('')
})

test('a file over 20 MB is refused with a field error; the rest of the form comes back', async () => {
	const { id } = await scheduleFor('psb')
	const big = new Uint8Array(maxAttachmentBytes + 1)
	big.set(pdfBytes)
	const refused = await post(id, await draftForm(id, { title: '大文件之外的标题（示例）', files: [new File([big], '扫描件（示例）.pdf')] }))
	expect(refused.status).toBe(400)
	const body = JSON.stringify(refused.data)
	expect(body).toContain('文件“扫描件（示例）.pdf”超过 20 MB，未上传')
	expect(body).toContain('大文件之外的标题（示例）')
	expect(await storedFiles(id)).toEqual([])
})

test('other file types are refused by extension', async () => {
	const { id } = await scheduleFor('psb')
	const refused = await post(id, await draftForm(id, { files: [new File([exeBytes], 'setup.exe')] }))
	expect(refused.status).toBe(400)
	expect(JSON.stringify(refused.data)).toContain('文件“setup.exe”的类型不在允许之列')
})

test('an agency editing a signed-off report is refused: 报告已签发，不能再修改', async () => {
	const { id } = await scheduleFor('psb')
	await forceState(id, 'revised_submitted')
	const before = await reportRow(id)
	const refused = await post(id, await draftForm(id, { title: '签发后偷偷修改（示例）', files: [pdf()] }))
	expect(refused.status).toBe(409)
	const body = JSON.stringify(refused.data)
	expect(body).toContain('报告已签发，不能再修改')
	expect(body).toContain('签发后偷偷修改（示例）')
	expect(await reportRow(id)).toEqual(before)
	expect(await storedFiles(id)).toEqual([])
	const page = await editPage(id, 'gongan')
	expect(page.status).toBe(200)
	expect((page.data as { editable: boolean }).editable).toBe(false)
})

test('the draft stays editable after it went for comments, until it is signed off', async () => {
	const { id } = await scheduleFor('psb')
	await forceState(id, 'opinions_sent')
	expect((await post(id, await draftForm(id, { title: '根据意见修改后的标题（示例）' }))).status).toBe(302)
	expect((await reportRow(id)).title).toBe('根据意见修改后的标题（示例）')
})

test('a draft saved on an outdated version is refused and the input kept', async () => {
	const { id } = await scheduleFor('psb')
	const { version } = await reportRow(id)
	await db().update(reports).set({ version: version + 1 }).where(eq(reports.id, id))
	const refused = await post(id, await draftForm(id, { title: '旧版本上的修改（示例）', version }))
	expect(refused.status).toBe(409)
	const body = JSON.stringify(refused.data)
	expect(body).toContain('该记录已被他人修改')
	expect(body).toContain('旧版本上的修改（示例）')
})

test('a progress entry for a task outside the report is refused', async () => {
	const { id } = await scheduleFor('psb', { clauses: ['（七）'] })
	const form = await draftForm(id)
	const n = (await loadReportTasks(db(), id)).length
	form.set(`progress[${n}].taskId`, '999999')
	form.set(`progress[${n}].selfAssessment`, 'done')
	const refused = await post(id, form)
	expect(refused.status).toBe(400)
	expect(JSON.stringify(refused.data)).toContain('提交的任务不属于本报告')
})

test('the same task sent twice is a 400 with the input kept, not a duplicate-key error', async () => {
	const { id } = await scheduleFor('psb', { clauses: ['（七）'] })
	const form = await draftForm(id)
	const n = (await loadReportTasks(db(), id)).length
	form.set(`progress[${n}].taskId`, String(form.get('progress[0].taskId')))
	form.set(`progress[${n}].narrative`, '同一任务的第二份进展（示例）')
	form.set(`progress[${n}].selfAssessment`, 'done')
	const { version } = await reportRow(id)
	const refused = await post(id, form)
	expect(refused.status).toBe(400)
	expect(JSON.stringify(refused.data)).toContain('同一任务提交了两次')
	expect(JSON.stringify(refused.data)).toContain('同一任务的第二份进展（示例）')
	expect((await reportRow(id)).version).toBe(version)
})

test('the uploader removes an attachment while the report is editable, audited; not after sign-off', async () => {
	const { id } = await scheduleFor('psb')
	await post(id, await draftForm(id, { files: [pdf(), pdf('第二个附件（示例）.pdf')] }))
	const [first, second] = await storedFiles(id)
	const removed = await post(id, { intent: 'remove_attachment', attachmentId: String(first.id) })
	expect(removed.status).toBe(302)
	expect((await storedFiles(id)).map((f) => f.id)).toEqual([second.id])
	const [event] = await db()
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'attachment.remove'), eq(auditEvents.entityId, String(id))))
	expect(event).toMatchObject({ entityType: 'report', entityId: String(id), before: { attachmentId: first.id, fileName: first.fileName } })
	await forceState(id, 'revised_submitted')
	const refused = await post(id, { intent: 'remove_attachment', attachmentId: String(second.id) })
	expect(refused.status).toBe(409)
	expect(JSON.stringify(refused.data)).toContain('报告已签发，不能再修改')
	expect(await storedFiles(id)).toHaveLength(1)
})
