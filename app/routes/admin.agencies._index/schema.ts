import { z } from 'zod'
import type { agencyKinds as storedKinds } from '#db/schema'
import type { Messages } from '~/i18n/zh'

export const agencyLevels = ['市', '区'] as const

// The kinds as a client-safe list: importing values from db/schema would bring drizzle into
// the browser bundle (see roleOptions in admin.users._index/schema.ts). The type below fails to
// compile unless this is db/schema's list, kind for kind and in the same (official) order.
export const agencyKinds = [
	'government',
	'department',
	'vertical',
	'supervisory_commission',
	'court',
	'procuratorate',
	'party_body',
	'congress',
	'other',
] as const
const _sameKinds: [typeof agencyKinds, typeof storedKinds] extends [typeof storedKinds, typeof agencyKinds] ? true : never = true

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
	agencyId: z.number().int(),
	version: z.number().int(),
	direction: z.enum(['up', 'down']),
})
