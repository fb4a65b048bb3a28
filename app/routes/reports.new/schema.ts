import { z } from 'zod'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

export const maxTopic = 200

// Scheduling a hearing. What the schema cannot know (is the organ a reporting organ, does the
// department belong to it, has the meeting started, is the plan item of the meeting's year) the
// action checks against the options and answers as field errors.
export function scheduleSchema(t: Messages) {
	return z.object({
		organId: int4(t.reports.organInvalid),
		preparingAgencyId: int4(t.reports.departmentRequired),
		topic: z
			.string({ error: t.common.required })
			.trim()
			.min(1, t.common.required)
			.max(maxTopic, fill(t.reports.topicTooLong, { max: maxTopic })),
		clauseIds: z.array(int4(), { error: t.reports.clausesRequired }).min(1, t.reports.clausesRequired),
		meetingId: int4(t.reports.meetingInvalid),
		planItemId: int4().optional(),
	})
}

export type ScheduleValue = z.infer<ReturnType<typeof scheduleSchema>>
