import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { checkFile } from '~/models/attachments.server'
import { maxFilesPerUpload } from '~/domain/attachments'
import type { UploadForm } from '~/http/forms.server'

// Every problem with the files of one submission, one message per file, before anything is
// written: a too-large part (dropped while reading), one too many, or a file whose name or
// content is not an accepted type.
export async function fileProblems(t: Messages, files: Array<File>, upload: Extract<UploadForm, { ok: true }>) {
	const problems: Array<string> = []
	for (const file of upload.oversized) problems.push(fill(t.attachments.refused.tooLarge, { name: file.fileName }))
	for (const file of upload.excess) problems.push(fill(t.attachments.tooMany, { count: maxFilesPerUpload, name: file.fileName }))
	for (const file of files) {
		const check = await checkFile(file)
		if (!check.ok) problems.push(fill(t.attachments.refused[check.reason], { name: file.name }))
	}
	return problems
}
