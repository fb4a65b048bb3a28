import type { Database } from '#db/client.server'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { checkFile, storeAttachment, type RefusedFile } from '~/models/attachments.server'
import type { Audit } from '~/models/write.server'

// The handling report's files (owner type 'handling_report', owner id = the deliberation): each is
// checked by its content before anything is written; the storing runs inside the submission's
// transaction, so a refused submission leaves no file behind.
export async function storeHandlingFiles(deliberationId: number, userId: number, files: Array<File>, t: Messages) {
	const errors: Array<string> = []
	for (const file of files) {
		const check = await checkFile(file)
		if (!check.ok) errors.push(fileRefusal(t, { fileName: file.name, reason: check.reason }))
	}
	if (errors.length) return { ok: false as const, errors }
	return {
		ok: true as const,
		store: async (tx: Database, audit: Audit) => {
			const names: Array<string> = []
			for (const file of files) {
				await storeAttachment(tx, audit, { ownerType: 'handling_report', ownerId: deliberationId, file, uploadedBy: userId })
				names.push(file.name)
			}
			return names
		},
	}
}

export function fileRefusal(t: Messages, refused: RefusedFile): string {
	return fill(t.deliberation.fileRefused[refused.reason], { name: refused.fileName })
}
