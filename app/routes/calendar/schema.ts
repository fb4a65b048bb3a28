import { z } from 'zod'
import type { Messages } from '~/i18n/zh'

// The subscription panel's two buttons: a new secret feed address (replacing any old one), or
// the feed turned off.
export const feedIntents = ['generate', 'revoke'] as const

export function feedSchema(t: Messages) {
	return z.object({ intent: z.enum(feedIntents, { error: t.calendar.subscribe.badIntent }) })
}
