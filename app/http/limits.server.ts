import type { Server } from 'node:http'
import type { RequestHandler } from 'express'
import { maxAttachmentBytes, maxFilesPerUpload, maxUploadRequestBytes } from '~/domain/attachments'

// Bounds on what a request may send, checked before anything reads the body: a form is a few
// kilobytes (the largest, a report draft, far below a megabyte), an upload at most a few
// attachments. A body over its bound is refused unread with 413; a body in a format no form
// sends is refused with 400 — a page that says so, not the database's or the parser's error.

export const maxFormBytes = 1024 * 1024

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data']

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 411 | 413; limitBytes?: number }

export function bodyVerdict(input: {
	method: string
	contentType: string | null
	contentLength: string | null
	transferEncoding: string | null
}): BodyVerdict {
	const method = input.method.toUpperCase()
	if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return { ok: true }
	const length = input.contentLength === null ? null : Number(input.contentLength)
	const chunked = Boolean(input.transferEncoding)
	// No body at all (a button that posts nothing): nothing to bound.
	if (!chunked && (length === null || length === 0)) return { ok: true }
	// Browsers send forms with their length; a body of unknown length cannot be bounded unread.
	if (length === null || !Number.isSafeInteger(length) || length < 0) return { ok: false, status: 411 }
	const type = (input.contentType ?? '').split(';')[0].trim().toLowerCase()
	if (!formTypes.includes(type)) return { ok: false, status: 400 }
	const limit = type === 'multipart/form-data' ? maxUploadRequestBytes : maxFormBytes
	return length > limit ? { ok: false, status: 413, limitBytes: limit } : { ok: true }
}

function megabytes(bytes: number) {
	return Math.round((bytes / 1024 / 1024) * 10) / 10
}

const pages: Record<400 | 411 | 413, (limit?: number) => { title: string; body: string }> = {
	400: () => ({
		title: '请求格式有误 · Bad request',
		body: '<p>此请求不是本系统表单提交的格式，未作处理。请返回上一页，在页面上重新填写并提交。</p><p lang="en">This request is not in a format the app’s forms send; nothing was changed. Go back and submit the form on the page.</p>',
	}),
	411: () => ({
		title: '请求缺少长度 · Length required',
		body: '<p>此请求未说明内容长度，未作处理。请在页面上重新提交。</p><p lang="en">The request did not state its length; nothing was changed. Submit the form on the page again.</p>',
	}),
	413: (limit) => ({
		title: '提交的内容过大 · Request too large',
		body: `<p>提交的内容超过了 ${megabytes(limit ?? 0)} MB 的上限，未作处理。表单文字不超过 ${megabytes(maxFormBytes)} MB；附件每个不超过 ${megabytes(maxAttachmentBytes)} MB，每次最多 ${maxFilesPerUpload} 个。请返回上一页，减少附件后重新提交。</p><p lang="en">The request is over the ${megabytes(limit ?? 0)} MB limit; nothing was changed. A form’s text may take ${megabytes(maxFormBytes)} MB; attachments ${megabytes(maxAttachmentBytes)} MB each, at most ${maxFilesPerUpload} at a time. Go back and submit with fewer or smaller files.</p>`,
	}),
}

export function refusalPage(status: 400 | 411 | 413, limitBytes?: number): string {
	const page = pages[status](limitBytes)
	return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.title}</title></head><body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6"><main><h1>${page.title}</h1>${page.body}<p><a href="/">返回首页 · Home</a></p></main></body></html>`
}

export function requestLimits(): RequestHandler {
	return (req, res, next) => {
		const verdict = bodyVerdict({
			method: req.method,
			contentType: req.get('content-type') ?? null,
			contentLength: req.get('content-length') ?? null,
			transferEncoding: req.get('transfer-encoding') ?? null,
		})
		if (verdict.ok) return next()
		// The body is not read: the connection closes after the answer so the client stops sending.
		res.set('Connection', 'close')
		res.status(verdict.status).type('text/html; charset=utf-8').send(refusalPage(verdict.status, verdict.limitBytes))
	}
}

// A request whose body stops arriving is cut after this long without a byte.
export const stalledRequestMs = 30_000

/** Closes a connection that sends nothing for `ms` (a body that stalls holds no server slot). */
export function cutStalledRequests(server: Server, ms = stalledRequestMs) {
	server.setTimeout(ms)
}
