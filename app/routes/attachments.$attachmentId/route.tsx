import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { notFound, parseId, requireUser } from '~/auth/guards.server'
import { contentDisposition } from '~/domain/attachments'
import { getAttachment, getAttachmentInfo } from '~/models/attachments.server'
import { mayReadAttachmentOwner } from '~/models/registry.server'

// /attachments/:id — the file, only to a user who may read what it belongs to; anyone else gets
// the same 404 as for a file that does not exist.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requireUser(args)
	const db = getDb()
	const info = await getAttachmentInfo(db, parseId(args.params.attachmentId))
	if (!info || !(await mayReadAttachmentOwner(db, user, info.ownerType, info.ownerId))) throw notFound()
	const file = await getAttachment(db, info.id)
	if (!file) throw notFound()
	return new Response(new Uint8Array(file.data), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.data.byteLength),
			'Content-Disposition': contentDisposition(file.fileName),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	})
}
