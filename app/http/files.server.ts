import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { checkFile } from '~/models/attachments.server'
import { maxFilesPerUpload, maxUploadRequestBytes } from '~/domain/attachments'
import { readUploadForm, type UploadForm } from '~/http/forms.server'

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

// A form with text fields and attachments, read and checked as one: the submission parsed with
// its schema, the files, and the problems to show beside the file input. When the request was
// over the bound, what was typed before the files comes back with the message (413); when the
// files or the fields are wrong, both come back (400). Nothing is written until `ok`.
export async function readUploadSubmission<S extends z.ZodType>(request: Request, t: Messages, schema: S, fileField = 'attachments') {
	const upload = await readUploadForm(request, { fileFields: [fileField] })
	if (!upload.ok) {
		const submission = parseWithZod(upload.formData, { schema })
		const mb = Math.floor(maxUploadRequestBytes / 1024 / 1024)
		const kept = [...upload.formData.keys()].length > 0
		const problems = kept ? [fill(t.attachments.requestTooLarge, { mb }), t.attachments.chooseAgain] : [fill(t.attachments.requestTooLargeUnread, { mb })]
		return { ok: false as const, status: 413, submission, problems, formData: upload.formData }
	}
	const files = upload.formData.getAll(fileField).filter((f): f is File => f instanceof File)
	upload.formData.delete(fileField)
	const submission = parseWithZod(upload.formData, { schema })
	const found = await fileProblems(t, files, upload)
	const problems = found.length ? [...found, t.attachments.chooseAgain] : []
	if (submission.status !== 'success' || problems.length) return { ok: false as const, status: 400, submission, problems, formData: upload.formData }
	return { ok: true as const, submission, value: submission.value as z.infer<S>, files, formData: upload.formData }
}
