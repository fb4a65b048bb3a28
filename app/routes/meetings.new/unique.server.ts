import type { z } from 'zod'
import type { Database } from '#db/client.server'
import { meetingLabel } from '~/domain/meetings'
import { maxSession, maxTerm } from './schema'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { isMeetingTaken } from '~/models/meetings/queries.server'

// A term and session already taken is said beside the session while the form is read, with the
// other errors; the mutation checks again in its transaction (/meetings/new and its edit page).
export function refineUniqueMeeting(db: Database, t: Messages, exceptId?: number) {
	return async (value: { term: number; session: number }, ctx: z.RefinementCtx) => {
		// zod runs an object's refinement even when a field failed: ask the database only about
		// numbers that passed their own checks.
		if (!meetingNumbersValid(value)) return
		if (await isMeetingTaken(db, value.term, value.session, exceptId)) {
			ctx.addIssue({ code: 'custom', path: ['session'], message: fill(t.meetings.refusals.duplicate, { label: meetingLabel(value) }) })
		}
	}
}

function meetingNumbersValid(value: { term: unknown; session: unknown }): boolean {
	const within = (n: unknown, max: number) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max
	return within(value.term, maxTerm) && within(value.session, maxSession)
}
