import { expect, test } from 'vitest'
import { maxAttachmentBytes } from '~/domain/attachments'
import { readUploadForm } from '~/http/forms.server'

const pdf = (size: number, name = '附件（示例）.pdf') => {
	const bytes = new Uint8Array(size)
	bytes.set(new TextEncoder().encode('%PDF-1.7\n'))
	return new File([bytes], name, { type: 'application/pdf' })
}

function multipart(entries: Array<[string, string | File]>) {
	const form = new FormData()
	for (const [name, value] of entries) form.append(name, value)
	return new Request('http://localhost/upload', { method: 'POST', body: form })
}

test('a multipart form is read with its files and text', async () => {
	const upload = await readUploadForm(multipart([['title', '标题（示例）'], ['attachments', pdf(100)]]), { fileFields: ['attachments'] })
	expect(upload.ok).toBe(true)
	if (!upload.ok) return
	expect(upload.formData.get('title')).toBe('标题（示例）')
	const file = upload.formData.get('attachments') as File
	expect(file.name).toBe('附件（示例）.pdf')
	expect(file.size).toBe(100)
})

test('a file over 20 MB is read to its end and dropped; the fields after it still arrive', async () => {
	const upload = await readUploadForm(
		multipart([['title', '前'], ['attachments', pdf(maxAttachmentBytes + 10, '大文件.pdf')], ['period', '后']]),
		{ fileFields: ['attachments'] },
	)
	expect(upload.ok).toBe(true)
	if (!upload.ok) return
	expect(upload.oversized).toEqual([{ field: 'attachments', fileName: '大文件.pdf' }])
	expect(upload.formData.get('attachments')).toBeNull()
	expect(upload.formData.get('period')).toBe('后')
})

test('files beyond the number allowed are dropped and named', async () => {
	const upload = await readUploadForm(
		multipart([['attachments', pdf(10, '一.pdf')], ['attachments', pdf(10, '二.pdf')], ['attachments', pdf(10, '三.pdf')]]),
		{ fileFields: ['attachments'], maxFiles: 2 },
	)
	expect(upload.ok && upload.excess).toEqual([{ field: 'attachments', fileName: '三.pdf' }])
	expect(upload.ok && upload.formData.getAll('attachments')).toHaveLength(2)
})

test('files in fields that take none are ignored', async () => {
	const upload = await readUploadForm(multipart([['other', pdf(10)], ['title', '标题']]), { fileFields: ['attachments'] })
	expect(upload.ok && upload.formData.get('other')).toBeNull()
})

test('a request over the whole bound is refused, keeping the text read before it', async () => {
	const upload = await readUploadForm(multipart([['title', '保留的标题'], ['attachments', pdf(50_000)]]), {
		fileFields: ['attachments'],
		maxBytes: 10_000,
	})
	expect(upload.ok).toBe(false)
	expect(upload.formData.get('title')).toBe('保留的标题')
})

test('a declared length over the bound is refused before anything is read', async () => {
	const request = new Request('http://localhost/upload', {
		method: 'POST',
		headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': '999999999' },
		body: '--x--',
	})
	const upload = await readUploadForm(request, { fileFields: ['attachments'] })
	expect(upload.ok).toBe(false)
})

test('a form without files is read as usual', async () => {
	const request = new Request('http://localhost/upload', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: 'intent=remove_attachment&attachmentId=3',
	})
	const upload = await readUploadForm(request, { fileFields: ['attachments'] })
	expect(upload.ok && upload.formData.get('attachmentId')).toBe('3')
})
