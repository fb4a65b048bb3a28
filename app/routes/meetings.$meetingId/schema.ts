import { z } from 'zod'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The forms of the meeting page; `intent` tells the action which one was sent.

export const maxAgendaTitle = 300

export function addItemSchema(t: Messages) {
	return z.object({
		intent: z.literal('addItem'),
		title: z
			.string({ error: t.meetings.itemTitleRequired })
			.trim()
			.min(1, t.meetings.itemTitleRequired)
			.max(maxAgendaTitle, fill(t.meetings.itemTitleTooLong, { max: maxAgendaTitle })),
	})
}

export const itemIntents = ['moveUp', 'moveDown', 'remove'] as const

export const itemSchema = z.object({ intent: z.enum(itemIntents), itemId: int4().min(1) })

// The attendance form posts one select per member, named attendance-<user id>.
export function attendanceFieldName(userId: number) {
	return `attendance-${userId}`
}
