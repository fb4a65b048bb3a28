import { z } from 'zod'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

export const maxTopic = 200

// Scheduling a hearing. What the schema cannot know (is the organ a reporting organ, does the
// department belong to it, has the meeting started, is the plan item of the meeting's year) the
// action checks against the options and answers as field errors.
export function scheduleSchema(t: Messages) {
	return z.object({
		organId: z.number({ error: t.reports.organInvalid }).int(),
		preparingAgencyId: z.number({ error: t.reports.departmentRequired }).int(),
		topic: z
			.string({ error: t.common.required })
			.trim()
			.min(1, t.common.required)
			.max(maxTopic, fill(t.reports.topicTooLong, { max: maxTopic })),
		clauseIds: z.array(z.number().int(), { error: t.reports.clausesRequired }).min(1, t.reports.clausesRequired),
		meetingId: z.number({ error: t.reports.meetingInvalid }).int(),
		planItemId: z.number().int().optional(),
	})
}

export type ScheduleValue = z.infer<ReturnType<typeof scheduleSchema>>
