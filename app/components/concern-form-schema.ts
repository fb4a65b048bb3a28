import { z } from 'zod'
import { districts, isPhone } from '~/domain/concerns'
import { int4, recordId } from '~/domain/form-values'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

// Filing a concern and editing its draft: one schema for the browser and the action. What it
// cannot know (the category still in use, the co-signers being deputies) the model checks.

export const maxTitle = 200
export const maxDescription = 20_000
export const maxCommunity = 100
export const maxConstituentName = 50
export const maxConstituents = 3

function text(t: Messages, max: number, required?: string) {
	const base = z.string(required ? { error: required } : undefined).trim()
	return required ? base.min(1, required).max(max, fill(t.concerns.tooLong, { max })) : base.max(max, fill(t.concerns.tooLong, { max }))
}

export function concernDraftSchema(t: Messages) {
	return z.object({
		// 'draft' keeps it for later; 'submit' hands it to the office.
		intent: z.enum(['draft', 'submit']).default('draft'),
		version: recordId().optional(),
		title: text(t, maxTitle, t.concerns.titleRequired),
		description: text(t, maxDescription, t.concerns.descriptionRequired),
		district: z.enum(districts, { error: t.concerns.districtRequired }),
		community: text(t, maxCommunity).optional(),
		categoryId: int4(t.concerns.categoryRequired),
		clauseIds: z.array(int4()).optional(),
		cosignerIds: z.array(int4()).optional(),
		constituents: z
			.array(
				z.object({
					name: text(t, maxConstituentName).optional(),
					phone: z
						.string()
						.trim()
						.refine((v) => v === '' || isPhone(v.replace(/\s+/g, '')), t.concerns.phoneInvalid)
						.optional(),
				}),
			)
			.max(maxConstituents)
			.optional(),
	})
}

export type ConcernDraftValue = z.infer<ReturnType<typeof concernDraftSchema>>

// The form's value as the model takes it (files come separately).
export function draftInput(value: ConcernDraftValue) {
	return {
		title: value.title,
		description: value.description.replace(/\r\n?/g, '\n'),
		district: value.district,
		community: value.community ?? '',
		categoryId: value.categoryId,
		clauseIds: value.clauseIds ?? [],
		cosignerIds: value.cosignerIds ?? [],
		constituents: (value.constituents ?? []).map((c) => ({ name: c.name ?? '', phone: (c.phone ?? '').replace(/\s+/g, '') })),
	}
}
