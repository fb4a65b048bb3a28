import { z } from 'zod'
import { passwordProblem } from '~/domain/accounts'
import type { Messages } from '~/i18n/zh'

export function changePasswordSchema(t: Messages, username: string) {
	return z
		.object({
			currentPassword: z.string({ error: t.common.required }).min(1, t.common.required),
			newPassword: z.string({ error: t.common.required }).min(1, t.common.required).max(256),
			repeatPassword: z.string({ error: t.common.required }).min(1, t.common.required),
		})
		.superRefine((value, ctx) => {
			const problem = passwordProblem(value.newPassword, username)
			if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: t.account[problem] })
			if (value.newPassword !== value.repeatPassword) {
				ctx.addIssue({ code: 'custom', path: ['repeatPassword'], message: t.account.mismatch })
			}
			if (value.newPassword === value.currentPassword) {
				ctx.addIssue({ code: 'custom', path: ['newPassword'], message: t.account.sameAsCurrent })
			}
		})
}
