import { expect, test } from 'vitest'
import { and, desc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { attachments } from '#db/schema'
import { storeAttachment } from '~/models/attachments.server'
import { write } from '~/models/write.server'
import { runAction, runLoader } from '#test/helpers'
import { action as editAction } from '../reports.$reportId.edit/route'
import { forceState, scheduleFor } from '#test/fixtures/reports'
import { loader } from './route'

const db = () => getDb()
const pdfBytes = new TextEncoder().encode('%PDF-1.7\n%示例附件\ntrailer<<>>\n%%EOF\n')
const fileName = '关于打击治理电信网络诈骗工作情况的报告（示例）.pdf'

// gongan uploads through the draft form, as in the app.
async function uploadedPdf() {
	const { id } = await scheduleFor('psb')
	const form = new FormData()
	form.set('intent', 'save')
	form.set('version', '1')
	form.append('attachments', new File([pdfBytes], fileName, { type: 'application/pdf' }))
	const saved = await runAction(editAction, { path: `/reports/${id}/edit`, params: { reportId: String(id) }, as: 'gongan', form })
	expect(saved.status).toBe(302)
	const [row] = await db()
		.select({ id: attachments.id })
		.from(attachments)
		.where(and(eq(attachments.ownerType, 'report'), eq(attachments.ownerId, id)))
		.orderBy(desc(attachments.id))
	return { reportId: id, attachmentId: row.id }
}

function download(attachmentId: number, as: string | null) {
	return runLoader(loader, { path: `/attachments/${attachmentId}`, params: { attachmentId: String(attachmentId) }, as })
}

test('a PDF is served with its Chinese name to the preparing agency, and to a member once distributed', async () => {
	const { reportId, attachmentId } = await uploadedPdf()
	const own = await download(attachmentId, 'gongan')
	expect(own.status).toBe(200)
	expect(own.headers.get('Content-Type')).toBe('application/pdf')
	expect(own.headers.get('Content-Disposition')).toBe(
		`attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
	)
	expect(own.headers.get('X-Content-Type-Options')).toBe('nosniff')
	expect(own.headers.get('Cache-Control')).toContain('private')
	expect(own.data).toContain('%PDF-1.7')
	expect((await download(attachmentId, 'mishu')).status).toBe(200)
	expect((await download(attachmentId, 'weiyuan1')).status).toBe(404)
	await forceState(reportId, 'distributed')
	const member = await download(attachmentId, 'weiyuan1')
	expect(member.status).toBe(200)
	expect(member.data).toContain('%PDF-1.7')
})

test('another agency, a deputy before deliberation and an unknown id get 404; no session goes to login', async () => {
	const { reportId, attachmentId } = await uploadedPdf()
	await forceState(reportId, 'distributed')
	expect((await download(attachmentId, 'jiaoyu')).status).toBe(404)
	expect((await download(attachmentId, 'daibiao1')).status).toBe(404)
	expect((await download(999999, 'mishu')).status).toBe(404)
	const anonymous = await download(attachmentId, null)
	expect(anonymous.status).toBe(302)
	expect(anonymous.location).toMatch(/^\/login/)
})

test('a file whose owner type nobody registered is served to no one', async () => {
	const id = await write(db(), { id: null, address: null }, (tx, audit) =>
		storeAttachment(tx, audit, { ownerType: 'unregistered_kind', ownerId: 1, file: new File([pdfBytes], '示例.pdf'), uploadedBy: null }),
	)
	expect((await download(id, 'admin')).status).toBe(404)
	expect((await download(id, 'mishu')).status).toBe(404)
})
