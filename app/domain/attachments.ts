// Attachments: PDF, OFD, Word (doc, docx, wps), Excel (xls, xlsx, et) and images, up to 20 MB.
// The type is checked by the file's first bytes, not by the name or the browser's claim: a
// renamed executable must not be served back as a "PDF".

export const maxAttachmentBytes = 20 * 1024 * 1024
export const maxFilesPerUpload = 5
// One upload request: its files and a long report text (up to 3 bytes a character) with the
// framing. The server refuses a larger request unread; the browser refuses it before sending.
export const maxUploadRequestBytes = maxFilesPerUpload * maxAttachmentBytes + 2 * 1024 * 1024

type Family = 'pdf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'webp'

const extensions: Record<string, { family: Family; contentType: string }> = {
	pdf: { family: 'pdf', contentType: 'application/pdf' },
	// OFD (GB/T 33190), like the Office Open XML formats, is a ZIP container.
	ofd: { family: 'zip', contentType: 'application/ofd' },
	docx: { family: 'zip', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
	xlsx: { family: 'zip', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
	// The legacy Office formats and WPS's own wps / et are OLE2 compound files.
	doc: { family: 'ole', contentType: 'application/msword' },
	wps: { family: 'ole', contentType: 'application/vnd.ms-works' },
	xls: { family: 'ole', contentType: 'application/vnd.ms-excel' },
	et: { family: 'ole', contentType: 'application/vnd.ms-excel' },
	png: { family: 'png', contentType: 'image/png' },
	jpg: { family: 'jpeg', contentType: 'image/jpeg' },
	jpeg: { family: 'jpeg', contentType: 'image/jpeg' },
	gif: { family: 'gif', contentType: 'image/gif' },
	webp: { family: 'webp', contentType: 'image/webp' },
}

export const acceptedExtensions = Object.keys(extensions)
export const acceptAttribute = acceptedExtensions.map((e) => `.${e}`).join(',')

function startsWith(bytes: Uint8Array, signature: Array<number>, offset = 0) {
	return signature.every((byte, i) => bytes[offset + i] === byte)
}

function familyOf(bytes: Uint8Array): Family | null {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf' // %PDF-
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
	if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif'
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
	return null
}

export type AttachmentCheck =
	| { ok: true; contentType: string; fileName: string }
	| { ok: false; reason: 'empty' | 'tooLarge' | 'extension' | 'content' | 'name' }

export function checkAttachment(fileName: string, size: number, head: Uint8Array): AttachmentCheck {
	const name = cleanFileName(fileName)
	if (!name) return { ok: false, reason: 'name' }
	if (size === 0) return { ok: false, reason: 'empty' }
	if (size > maxAttachmentBytes) return { ok: false, reason: 'tooLarge' }
	const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : ''
	const expected = extensions[extension]
	if (!expected) return { ok: false, reason: 'extension' }
	if (familyOf(head) !== expected.family) return { ok: false, reason: 'content' }
	return { ok: true, contentType: expected.contentType, fileName: name }
}

// Keep the Chinese name; drop any path a browser sent and characters no file system accepts.
export function cleanFileName(fileName: string): string {
	const base = fileName.split(/[\\/]/).pop() ?? ''
	// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
	return base.replace(/[\u0000-\u001f<>:"|?*]/g, '').trim().slice(0, 200)
}

// Content-Disposition that keeps a Chinese name (RFC 6266 / 5987) with an ASCII fallback.
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
	const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
	return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
