import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'
import { maxAttachmentBytes, maxFilesPerUpload, maxUploadRequestBytes } from '~/domain/attachments'
import { withoutControlCharacters } from '~/domain/form-values'
import { messagesFor } from '~/i18n/i18n'
import { maxFormBytes } from './limits.server'
import { boundaryOf, decodeHeaderValue, escapeMultipartHeaders } from './multipart-headers.server'

// How an action reads what was posted — every action, through readForm() or, where files are
// taken, readUploadForm(). Whatever arrives, the action gets a clean form or a clear answer:
// - a body that is not the form it claims to be (a broken multipart, a malformed encoding)
//   answers 400 with a message, never a parser's 500;
// - text values lose control characters other than tab and line breaks (pasted from office
//   documents they arrive with NULs and form feeds, which the database refuses), the rest saves;
// - files come only through the named file inputs, bounded in size and number.
// The express layer (limits.server.ts) has already refused bodies over their bound unread.

export function badForm(request: Request) {
	return data({ message: messagesFor(request).errors.badForm }, { status: 400 })
}

async function parsed(request: Request, read: () => Promise<FormData>): Promise<FormData> {
	try {
		return await read()
	} catch {
		throw badForm(request)
	}
}

function cleaned(form: FormData): FormData {
	const clean = new FormData()
	for (const [name, value] of form) clean.append(withoutControlCharacters(name), typeof value === 'string' ? withoutControlCharacters(value) : value)
	return clean
}

// A form without files. A multipart body is read as one too (a browser may send any form so),
// its files dropped and its text bounded like a plain form's.
export async function readForm(request: Request): Promise<FormData> {
	const upload = await readUploadForm(request, { fileFields: [], maxBytes: maxFormBytes })
	if (!upload.ok) throw data({ message: messagesFor(request).errors.tooLarge }, { status: 413 })
	return upload.formData
}

// ── Reading a form with files ────────────────────────────────────────────────────────────────
//
// Remix's multipart parser hands each part to an upload handler; the memory handler keeps a
// part in memory up to maxPartSize (20 MB, the attachment limit) and throws beyond it. Two
// things are added here. A part that is too large is read to its end and dropped (the parser
// would otherwise buffer the rest of it), so the rest of the form still arrives and the user
// gets a field error with everything else they typed. And the whole request is bounded, so that
// no request can make the server hold more than a few attachments' worth of memory.

export type UploadForm =
	| { ok: true; formData: FormData; oversized: Array<{ field: string; fileName: string }>; excess: Array<{ field: string; fileName: string }> }
	// The request as a whole was over the bound: only the text fields read before it are kept.
	| { ok: false; formData: FormData }

function requestTooLarge() {
	return Object.assign(new Error('The request is over the upload bound.'), { name: 'RequestTooLarge' })
}

function boundedBody(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
	let seen = 0
	return body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				seen += chunk.byteLength
				if (seen > limit) controller.error(requestTooLarge())
				else controller.enqueue(chunk)
			},
		}),
	)
}

export async function readUploadForm(
	request: Request,
	options: { fileFields: ReadonlyArray<string>; maxBytes?: number; maxFiles?: number },
): Promise<UploadForm> {
	const limit = options.maxBytes ?? maxUploadRequestBytes
	const maxFiles = options.maxFiles ?? maxFilesPerUpload
	const type = request.headers.get('Content-Type') ?? ''
	if (!type.startsWith('multipart/form-data')) return { ok: true, formData: cleaned(await parsed(request, () => request.formData())), oversized: [], excess: [] }
	// The text fields as they arrive, so that they survive a request that turns out too large.
	const texts = new FormData()
	if (Number(request.headers.get('Content-Length') ?? 0) > limit || !request.body) return { ok: false, formData: texts }
	const memory = unstable_createMemoryUploadHandler({ maxPartSize: maxAttachmentBytes })
	const oversized: Array<{ field: string; fileName: string }> = []
	const excess: Array<{ field: string; fileName: string }> = []
	let files = 0
	const handler: UploadHandler = async (escaped) => {
		// The names as the user gave them (see multipart-headers.server.ts).
		const part = {
			...escaped,
			name: decodeHeaderValue(escaped.name),
			filename: typeof escaped.filename === 'string' ? decodeHeaderValue(escaped.filename) : escaped.filename,
		}
		const isFile = typeof part.filename === 'string'
		// Only the named file inputs take files, and at most maxFiles of them.
		if (isFile && (!options.fileFields.includes(part.name) || !part.filename)) {
			await drain(part.data)
			return undefined
		}
		if (isFile && files >= maxFiles) {
			excess.push({ field: part.name, fileName: part.filename ?? '' })
			await drain(part.data)
			return undefined
		}
		try {
			const value = await memory(part)
			if (typeof value === 'string') texts.append(part.name, withoutControlCharacters(value))
			else if (value) files++
			return value
		} catch (error) {
			if (!(error instanceof MaxPartSizeExceededError)) throw error
			// The handler stopped reading at the limit; the rest of the part is read and dropped.
			await drain(part.data)
			if (isFile) oversized.push({ field: part.name, fileName: part.filename ?? '' })
			return undefined
		}
	}
	const bounded = new Request(request.url, {
		method: request.method,
		headers: request.headers,
		body: boundedBody(escapeMultipartHeaders(request.body, boundaryOf(type) ?? ''), limit),
		// Node's fetch needs this for a streamed body.
		duplex: 'half',
	} as RequestInit)
	try {
		return { ok: true, formData: cleaned(await unstable_parseMultipartFormData(bounded, handler)), oversized, excess }
	} catch (error) {
		if (error instanceof Error && error.name === 'RequestTooLarge') return { ok: false, formData: texts }
		// A body that does not parse as the form it says it is (a broken multipart).
		throw badForm(request)
	}
}

async function drain(data: AsyncIterable<Uint8Array>) {
	for await (const _chunk of data) {
		// dropped
	}
}
