import { createHash } from 'node:crypto'
import {
	MaxPartSizeExceededError,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
	type UploadHandler,
} from '@remix-run/node'
import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { attachments } from '#db/schema'
import type { Role } from '~/domain/roles'
import { checkAttachment, maxAttachmentBytes, maxFilesPerUpload, maxUploadRequestBytes, type AttachmentCheck } from '~/domain/attachments'
import type { Audit } from './write.server'

// Attachments live in the database (bytea) and are served only to those who may read what they
// belong to: each kind of owner says who may read it in app/models/registry.server.ts, which the
// download route asks; it answers 404 otherwise.

export type AttachmentReader = { id: number; role: Role; agencyId: number | null }
export type MayReadOwner = (user: AttachmentReader, ownerId: number, db: Database) => Promise<boolean>

export type RefusedFile = { fileName: string; reason: Exclude<AttachmentCheck, { ok: true }>['reason'] }

// The check by content, before anything is written; the route answers with a field error.
export async function checkFile(file: File): Promise<AttachmentCheck> {
	const head = new Uint8Array(await file.slice(0, 16).arrayBuffer())
	return checkAttachment(file.name, file.size, head)
}

export async function storeAttachment(
	tx: Database,
	audit: Audit,
	input: { ownerType: string; ownerId: number; file: File; uploadedBy: number | null },
) {
	const check = await checkFile(input.file)
	if (!check.ok) throw new Error(`Attachment refused (${check.reason}): check it before storing.`)
	const data = Buffer.from(await input.file.arrayBuffer())
	const sha256 = createHash('sha256').update(data).digest('hex')
	const [created] = await tx
		.insert(attachments)
		.values({
			ownerType: input.ownerType,
			ownerId: input.ownerId,
			fileName: check.fileName,
			contentType: check.contentType,
			size: data.byteLength,
			sha256,
			data,
			uploadedBy: input.uploadedBy,
		})
		.returning({ id: attachments.id })
	// The audit log names the file and its hash, never its bytes.
	await audit({
		action: 'attachment.add',
		entityType: input.ownerType,
		entityId: input.ownerId,
		before: null,
		after: { attachmentId: created.id, fileName: check.fileName, contentType: check.contentType, size: data.byteLength, sha256 },
	})
	return created.id
}

const listed = {
	id: attachments.id,
	ownerType: attachments.ownerType,
	ownerId: attachments.ownerId,
	fileName: attachments.fileName,
	contentType: attachments.contentType,
	size: attachments.size,
	sha256: attachments.sha256,
	uploadedBy: attachments.uploadedBy,
	createdAt: attachments.createdAt,
}

export type AttachmentInfo = {
	id: number
	ownerType: string
	ownerId: number
	fileName: string
	contentType: string
	size: number
	sha256: string
	uploadedBy: number | null
	createdAt: Date
}

// Without the bytes.
export function listAttachments(db: Database, ownerType: string, ownerId: number): Promise<Array<AttachmentInfo>> {
	return db
		.select(listed)
		.from(attachments)
		.where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)))
		.orderBy(asc(attachments.createdAt), asc(attachments.id))
}

// With the bytes: for the download only.
export async function getAttachment(db: Database, id: number) {
	const [row] = await db.select().from(attachments).where(eq(attachments.id, id))
	return row ?? null
}

export async function getAttachmentInfo(db: Database, id: number): Promise<AttachmentInfo | null> {
	const [row] = await db.select(listed).from(attachments).where(eq(attachments.id, id))
	return row ?? null
}

// The owner decides whether removing is allowed (its uploader, while the owner is editable);
// this removes and audits, with the file's name and hash.
export async function removeAttachment(tx: Database, audit: Audit, id: number) {
	const [removed] = await tx.delete(attachments).where(eq(attachments.id, id)).returning(listed)
	if (!removed) return false
	await audit({
		action: 'attachment.remove',
		entityType: removed.ownerType,
		entityId: removed.ownerId,
		before: { attachmentId: removed.id, fileName: removed.fileName, size: removed.size, sha256: removed.sha256 },
		after: null,
	})
	return true
}

// ── Reading a form with files ────────────────────────────────────────────────────────────────
//
// Remix's multipart parser hands each part to an upload handler; the memory handler keeps a
// part in memory up to maxPartSize (20 MB, the attachment limit) and throws beyond it. Two
// things are added here. A part that is too large is read to its end and dropped (the parser
// would otherwise buffer the rest of it), so the rest of the form still arrives and the user
// gets a field error with everything else they typed. And the whole request is bounded, so that
// no request can make the server hold more than a few attachments' worth of memory.

export { maxFilesPerUpload, maxUploadRequestBytes }

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
	if (!type.startsWith('multipart/form-data')) return { ok: true, formData: await request.formData(), oversized: [], excess: [] }
	// The text fields as they arrive, so that they survive a request that turns out too large.
	const texts = new FormData()
	if (Number(request.headers.get('Content-Length') ?? 0) > limit || !request.body) return { ok: false, formData: texts }
	const memory = unstable_createMemoryUploadHandler({ maxPartSize: maxAttachmentBytes })
	const oversized: Array<{ field: string; fileName: string }> = []
	const excess: Array<{ field: string; fileName: string }> = []
	let files = 0
	const handler: UploadHandler = async (part) => {
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
			if (typeof value === 'string') texts.append(part.name, value)
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
		body: boundedBody(request.body, limit),
		// Node's fetch needs this for a streamed body.
		duplex: 'half',
	} as RequestInit)
	try {
		return { ok: true, formData: await unstable_parseMultipartFormData(bounded, handler), oversized, excess }
	} catch (error) {
		if (error instanceof Error && error.name === 'RequestTooLarge') return { ok: false, formData: texts }
		throw error
	}
}

async function drain(data: AsyncIterable<Uint8Array>) {
	for await (const _chunk of data) {
		// dropped
	}
}
