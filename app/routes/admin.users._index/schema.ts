import { z } from 'zod'
import { roles, type Role } from '~/domain/roles'
import { belongsToAgency, passwordProblem } from '~/domain/accounts'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The fields an admin edits on an account, shared by the create form (here) and the edit page
// (admin.users.$userId). `agencyIds` are the agencies the form may choose: the active ones,
// plus the account's current agency on the edit page.


export function userProfileShape(t: Messages) {
	return {
		realName: z.string({ error: t.common.required }).trim().min(1, t.common.required).max(50),
		position: z.string().trim().max(100).optional(),
		phone: z
			.string()
			.trim()
			.max(30)
			.regex(/^[\d+\-() ]*$/, t.adminUsers.phoneInvalid)
			.optional(),
		role: z.enum(roles, { error: t.common.required }),
		agencyId: int4(t.common.invalid).optional(),
	}
}

type ProfileValue = { role: Role; agencyId?: number }

// An agency liaison belongs to exactly one agency; nobody else belongs to any.
export function refineAgency(t: Messages, agencyIds: ReadonlyArray<number>) {
	return (value: ProfileValue, ctx: z.RefinementCtx) => {
		if (!belongsToAgency(value.role)) return
		if (value.agencyId === undefined) {
			ctx.addIssue({ code: 'custom', path: ['agencyId'], message: t.adminUsers.agencyRequired })
		} else if (!agencyIds.includes(value.agencyId)) {
			ctx.addIssue({ code: 'custom', path: ['agencyId'], message: t.adminUsers.agencyInactive })
		}
	}
}

export function refineTemporaryPassword(t: Messages, username: string, password: string | undefined, ctx: z.RefinementCtx) {
	if (password === undefined) return
	const problem = passwordProblem(password, username)
	if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: t.account[problem] })
}

export const usernamePattern = /^[A-Za-z0-9._-]{2,64}$/

export function createUserSchema(t: Messages, agencyIds: ReadonlyArray<number>) {
	return z
		.object({
			intent: z.literal('create'),
			username: z
				.string({ error: t.common.required })
				.trim()
				.regex(usernamePattern, t.adminUsers.usernameInvalid),
			password: z.string().max(256).optional(),
			...userProfileShape(t),
		})
		.superRefine((value, ctx) => {
			refineAgency(t, agencyIds)(value, ctx)
			refineTemporaryPassword(t, value.username, value.password, ctx)
		})
}
