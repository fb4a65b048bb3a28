import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { checkFile, type RefusedFile } from '~/models/attachments.server'

// The handling report's files are checked by their content before anything is written, one
// message per refused file; submitHandling stores them in the submission's transaction, so that
// a refused submission leaves no file behind.
export async function handlingFileProblems(t: Messages, files: Array<File>): Promise<Array<string>> {
	const problems: Array<string> = []
	for (const file of files) {
		const check = await checkFile(file)
		if (!check.ok) problems.push(fileRefusal(t, { fileName: file.name, reason: check.reason }))
	}
	return problems
}

export function fileRefusal(t: Messages, refused: RefusedFile): string {
	return fill(t.deliberation.fileRefused[refused.reason], { name: refused.fileName })
}
