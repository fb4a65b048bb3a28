import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import { forbidden, notFound } from '~/auth/guards.server'
import type { Refusal } from '~/domain/refusal'
import { refusalMessage } from '~/i18n/refusals'
import type { Messages } from '~/i18n/zh'
import { isRefused } from '~/models/write.server'

// How an action answers, in one place for every route.
//
//   const outcome = await attempt(t, () => updateInspection(db, user, input))
//   if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
//
// A refused mutation wrote nothing. Not found, and forbidden without a reason, answer as the
// guards do (404, 403: the error page); a stale version, a broken rule or a forbidden step with
// its reason comes back to the form with its message and the user's input kept.

export type Refused = { ok: false; status: 400 | 403 | 409; message: string; refusal: Refusal }
export type Attempted<T> = { ok: true; value: T } | Refused

export async function attempt<T>(t: Messages, mutation: () => Promise<T>): Promise<Attempted<T>> {
	try {
		return { ok: true, value: await mutation() }
	} catch (error) {
		if (!isRefused(error)) throw error
		const { refusal } = error
		if (refusal.kind === 'notFound') throw notFound()
		if (refusal.kind === 'forbidden' && !refusal.code) throw forbidden()
		const status = refusal.kind === 'rule' ? (refusal.status ?? 409) : refusal.kind === 'forbidden' ? 403 : 409
		return { ok: false, status, message: refusalMessage(t, refusal), refusal }
	}
}

// The form's answer: the user's input with its errors (400 when validation failed, the
// refusal's status otherwise). `message` repeats the form-level error for pages that show it
// above several forms.
export function formReply(submission: Submission<unknown>, status = 400, formErrors?: Array<string>) {
	const result = submission.reply(formErrors ? { formErrors } : undefined)
	return data({ result, message: formErrors?.[0] ?? null }, { status })
}
