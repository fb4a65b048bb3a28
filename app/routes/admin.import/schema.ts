import { z } from 'zod'
import type { Messages } from '~/i18n/zh'

// Long laws run to a few hundred thousand characters; anything bigger is not a pasted text.
export const maxTextLength = 500_000
export const maxFileBytes = 2 * 1024 * 1024
// A pasted text (up to 3 bytes a character) and a file, with room for the multipart framing.
export const maxRequestBytes = maxTextLength * 3 + maxFileBytes + 64 * 1024

// One form, two intents: preview parses and stores nothing; confirm stores the text that was
// previewed (sent back in a hidden field). A pasted text or an uploaded .txt file: on the server
// the action reads the file into `text` before this schema sees the form.
export function importSchema(t: Messages) {
	return z
		.object({
			intent: z.enum(['preview', 'confirm'], { error: t.importer.badIntent }),
			text: z.string().max(maxTextLength, t.importer.tooLong).optional(),
			file: z.unknown().optional(),
		})
		.superRefine((value, ctx) => {
			const hasFile = typeof File !== 'undefined' && value.file instanceof File && value.file.size > 0
			if (!hasFile && !value.text?.trim()) {
				ctx.addIssue({ code: 'custom', path: ['text'], message: t.importer.textRequired })
			}
		})
}
