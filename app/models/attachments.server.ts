import { createHash } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { attachments } from '#db/schema'
import type { Role } from '~/domain/roles'
import { checkAttachment, type AttachmentCheck } from '~/domain/attachments'
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
