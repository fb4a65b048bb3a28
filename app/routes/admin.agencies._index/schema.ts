import { z } from 'zod'
import { agencyKinds, agencyLevels } from '~/domain/agencies'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'


// The fields of an agency, shared by the create form (here) and the edit page
// (admin.agencies.$agencyId).
export function agencyShape(t: Messages) {
	return {
		name: z.string({ error: t.common.required }).trim().min(1, t.common.required).max(100),
		shortName: z.string({ error: t.common.required }).trim().min(1, t.common.required).max(40),
		kind: z.enum(agencyKinds, { error: t.common.required }),
		level: z.enum(agencyLevels, { error: t.common.required }),
		district: z.string().trim().max(40).optional(),
		displayOrder: z
			.number({ error: t.common.invalid })
			.int(t.common.invalid)
			.min(1, t.common.invalid)
			.max(1_000_000, t.common.invalid)
			.optional(),
	}
}

export function refineDistrict(t: Messages) {
	return (value: { level: (typeof agencyLevels)[number]; district?: string }, ctx: z.RefinementCtx) => {
		if (value.level === '区' && !value.district) {
			ctx.addIssue({ code: 'custom', path: ['district'], message: t.adminAgencies.districtRequired })
		}
	}
}

export function createAgencySchema(t: Messages) {
	return z.object({ intent: z.literal('create'), ...agencyShape(t) }).superRefine(refineDistrict(t))
}

export const moveAgencySchema = z.object({
	intent: z.literal('move'),
	agencyId: int4(),
	version: int4(),
	direction: z.enum(['up', 'down']),
})
