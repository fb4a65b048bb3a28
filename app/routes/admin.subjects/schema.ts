import { z } from 'zod'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// `seen` is the agency ids the editor was loaded with (sorted, comma-separated): the mapping
// has no version column, so a save compares the stored set with it instead.

function agencyIds(t: Messages) {
	return z.array(int4(), { error: t.adminSubjects.agenciesRequired }).min(1, t.adminSubjects.agenciesRequired)
}

export function createSubjectSchema(t: Messages) {
	return z.object({
		intent: z.literal('create'),
		subject: z.string({ error: t.common.required }).trim().min(1, t.common.required).max(100),
		agencyIds: agencyIds(t),
	})
}

export function saveSubjectSchema(t: Messages) {
	return z.object({
		intent: z.literal('save'),
		subject: z.string(),
		agencyIds: agencyIds(t),
		seen: z.string().default(''),
	})
}

export const removeSubjectSchema = z.object({
	intent: z.literal('remove'),
	subject: z.string(),
	seen: z.string().default(''),
})
