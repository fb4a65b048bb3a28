import { z } from 'zod'
import type { Messages } from '~/i18n/zh'

export function loginSchema(t: Messages) {
	return z.object({
		username: z.string({ error: t.common.required }).trim().min(1, t.common.required).max(64),
		password: z.string({ error: t.common.required }).min(1, t.common.required).max(256),
		redirectTo: z.string().optional(),
	})
}
