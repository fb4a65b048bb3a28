import { expect, test } from 'vitest'
import { checkAttachment, contentDisposition, maxAttachmentBytes } from './attachments'

const pdf = new TextEncoder().encode('%PDF-1.7\n')
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])
const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const exe = new TextEncoder().encode('MZ\x90\x00')

test('documents of the accepted kinds pass, with their content type', () => {
	expect(checkAttachment('关于打击治理电信网络诈骗工作情况的报告.pdf', 1000, pdf)).toEqual({
		ok: true,
		contentType: 'application/pdf',
		fileName: '关于打击治理电信网络诈骗工作情况的报告.pdf',
	})
	expect(checkAttachment('附件1.docx', 1000, zip).ok).toBe(true)
	expect(checkAttachment('附件2.OFD', 1000, zip).ok).toBe(true)
	expect(checkAttachment('统计表.et', 1000, ole).ok).toBe(true)
	expect(checkAttachment('报告.wps', 1000, ole).ok).toBe(true)
})

test('a renamed program is refused by its content', () => {
	expect(checkAttachment('报告.pdf', 1000, exe)).toEqual({ ok: false, reason: 'content' })
	expect(checkAttachment('报告.doc', 1000, zip)).toEqual({ ok: false, reason: 'content' })
})

test('other extensions, empty files and files over 20 MB are refused', () => {
	expect(checkAttachment('setup.exe', 1000, exe)).toEqual({ ok: false, reason: 'extension' })
	expect(checkAttachment('报告.pdf', 0, pdf)).toEqual({ ok: false, reason: 'empty' })
	expect(checkAttachment('报告.pdf', maxAttachmentBytes + 1, pdf)).toEqual({ ok: false, reason: 'tooLarge' })
	expect(checkAttachment('报告.pdf', maxAttachmentBytes, pdf).ok).toBe(true)
})

test('a path sent with the name is dropped', () => {
	const check = checkAttachment('C:\\Users\\张三\\报告.pdf', 10, pdf)
	expect(check.ok && check.fileName).toBe('报告.pdf')
})

test('downloads keep the Chinese name', () => {
	expect(contentDisposition('报告.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf`)
})
