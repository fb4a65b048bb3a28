import { z } from 'zod'
import type { Messages } from '~/i18n/zh'
import { agencyShape, refineDistrict } from '../admin.agencies._index/schema'
import { int4 } from '~/domain/form-values'

export function updateAgencySchema(t: Messages) {
	return z
		.object({
			intent: z.literal('update'),
			// The version the page was loaded with: an edit of a changed agency is refused.
			version: int4().min(1),
			...agencyShape(t),
			active: z.boolean().optional(),
		})
		.superRefine(refineDistrict(t))
}
