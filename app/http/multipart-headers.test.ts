import { expect, test } from 'vitest'
import { readUploadForm } from './forms.server'
import { escapeHeaderBlock, escapeMultipartHeaders } from './multipart-headers.server'

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37])

test('a file named with ; and = arrives under its own name, with the text typed around it', async () => {
	for (const name of ['a;b=c.pdf', '报告;附件=1.pdf', '100%;完成.pdf']) {
		const form = new FormData()
		form.append('title', '标题；正文=内容')
		form.append('attachments', new File([pdf], name, { type: 'application/pdf' }))
		form.append('after', '之后的字段')
		const upload = await readUploadForm(new Request('http://localhost/x', { method: 'POST', body: form }), { fileFields: ['attachments'] })
		expect(upload.ok).toBe(true)
		const file = upload.formData.get('attachments')
		expect(file instanceof File ? file.name : null).toBe(name)
		expect(upload.formData.get('title')).toBe('标题；正文=内容')
		expect(upload.formData.get('after')).toBe('之后的字段')
	}
})

test('only quoted values of the Content-Disposition line are escaped', () => {
	expect(escapeHeaderBlock('Content-Disposition: form-data; name="f"; filename="a;b=c%.pdf"\r\nContent-Type: text/plain; charset=utf-8')).toBe(
		'Content-Disposition: form-data; name="f"; filename="a%3Bb%3Dc%25.pdf"\r\nContent-Type: text/plain; charset=utf-8',
	)
})

test('part headers split across chunks anywhere are still found and rewritten', async () => {
	const body =
		'--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\n正文;a=b\r\n' +
		'--XyZ\r\nContent-Disposition: form-data; name="attachments"; filename="报告;附件=1.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 --Xy body\r\n' +
		'--XyZ--\r\n'
	const expected = body.replace('filename="报告;附件=1.pdf"', 'filename="报告%3B附件%3D1.pdf"')
	const bytes = new TextEncoder().encode(body)
	for (const size of [1, 2, 3, 5, 7, 64]) {
		const chunks: Array<Uint8Array> = []
		for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size))
		const source = new ReadableStream<Uint8Array>({
			start(controller) {
				for (const chunk of chunks) controller.enqueue(chunk)
				controller.close()
			},
		})
		const out = await new Response(escapeMultipartHeaders(source, 'XyZ')).text()
		expect(out).toBe(expected)
	}
})
