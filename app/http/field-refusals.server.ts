import type { Submission } from '@conform-to/react'
import type { RuleCode } from '~/domain/refusal'
import type { Refused } from './outcomes.server'

// A refused mutation as the form's result: a rule about one field (a name already taken, a
// split that changes the text) is said beside that field, any other refusal above the form.
// The user's input is kept; `hideFields` drops what must not come back (passwords).
//
//   if (!outcome.ok) return data({ result: refusedResult(submission, outcome, { 'meetings.duplicate': 'session' }) }, { status: outcome.status })
export function refusedResult(
	submission: Submission<unknown>,
	refused: Refused,
	fields: Partial<Record<RuleCode, string>> = {},
	hideFields?: Array<string>,
) {
	const field = refused.refusal.kind === 'rule' ? fields[refused.refusal.code] : undefined
	const errors = field ? { fieldErrors: { [field]: [refused.message] } } : { formErrors: [refused.message] }
	return submission.reply(hideFields ? { ...errors, hideFields } : errors)
}
