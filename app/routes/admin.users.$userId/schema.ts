import { z } from 'zod'
import type { Messages } from '~/i18n/zh'
import { refineAgency, refineTemporaryPassword, userProfileShape } from '../admin.users._index/schema'
import { int4 } from '~/domain/form-values'

// `version` is the account's version when the page was loaded: an edit of an account someone
// else changed in the meantime is refused (see lockVersioned).
const version = int4().min(1)

export function updateUserSchema(t: Messages, agencyIds: ReadonlyArray<number>) {
	return z
		.object({ intent: z.literal('update'), version, ...userProfileShape(t) })
		.superRefine(refineAgency(t, agencyIds))
}

export function resetPasswordSchema(t: Messages, username: string) {
	return z
		.object({ intent: z.literal('resetPassword'), version, password: z.string().max(256).optional() })
		.superRefine((value, ctx) => refineTemporaryPassword(t, username, value.password, ctx))
}

export const statusSchema = z.object({ intent: z.enum(['disable', 'enable']), version })
