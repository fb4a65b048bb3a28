import { z } from 'zod'
import { isIsoDate, type IsoDate } from '~/domain/dates'
import { int4 } from '~/domain/form-values'
import { assessedStatuses, assessmentReasonMax } from '~/domain/status'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

// The secretariat's assessment: a conclusion, the day it was made (not after today) and the
// facts it rests on. The form carries the task's version the assessor saw.
export function assessSchema(t: Messages, today: IsoDate) {
	return z.object({
		version: int4().min(1),
		status: z.enum(assessedStatuses, { error: t.implementation.statusInvalid }),
		assessedOn: z
			.string({ error: t.implementation.dateInvalid })
			.trim()
			.refine(isIsoDate, t.implementation.dateInvalid)
			.refine((value) => value <= today, t.implementation.dateInFuture),
		reason: z
			.string({ error: t.common.required })
			.trim()
			.min(1, t.common.required)
			.max(assessmentReasonMax, fill(t.implementation.reasonTooLong, { max: assessmentReasonMax })),
	})
}
