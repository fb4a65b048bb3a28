import type { Messages } from '~/i18n/zh'

// Why a mutation was refused. Policies and rules in app/domain return a Verdict; the model that
// runs the mutation throws the refusal inside its transaction (nothing is written), and the route
// turns it into the one answer for its kind (attempt() in app/http/outcomes.server.ts):
// - stale: the record changed since the user loaded it (409, "changed by someone else", the
//   user's input kept);
// - notFound: there is no such record, or it is outside the user's scope (404: the same answer,
//   so that scope cannot be probed);
// - forbidden: the user may read the record but not do this to it (403; with a code, the page
//   says why — "this step is the office's" — instead of the bare error page);
// - rule: a rule of the domain is broken (409 by default, 400 when it is the input that is
//   wrong). `code` names the rule as '<section>.<key>': its message, in every language, is
//   `refusals.<key>` in that section of the texts (zh.ts `reports.refusals.state`).

type RefusalSections = {
	[S in keyof Messages]: Messages[S] extends { refusals: Record<string, string> } ? S : never
}[keyof Messages]

export type RuleCode = {
	[S in RefusalSections]: Messages[S] extends { refusals: infer R } ? `${S}.${keyof R & string}` : never
}[RefusalSections]

// A parameter of a refusal's message: a value as it is (a name, a count, a date), or a label to
// be said in the user's language, given by its path in the texts ('reports.states.scheduled'),
// or a list of such labels.
export type RefusalParam = string | number | { label: string } | { labels: Array<string> }

export type Refusal =
	| { kind: 'stale' }
	| { kind: 'notFound' }
	| { kind: 'forbidden'; code?: RuleCode; params?: Record<string, RefusalParam> }
	| { kind: 'rule'; code: RuleCode; params?: Record<string, RefusalParam>; status?: 400 | 409 }

export type Verdict = { ok: true } | { ok: false; refusal: Refusal }

export const allowed: Verdict = { ok: true }

export const forbiddenVerdict: Verdict = { ok: false, refusal: { kind: 'forbidden' } }

// Forbidden, with the reason the page shows.
export function forbiddenBecause(code: RuleCode, params?: Record<string, RefusalParam>): Verdict {
	return { ok: false, refusal: params ? { kind: 'forbidden', code, params } : { kind: 'forbidden', code } }
}

export function broken(code: RuleCode, params?: Record<string, RefusalParam>, status?: 400 | 409): Verdict {
	const refusal: Refusal = { kind: 'rule', code }
	if (params) refusal.params = params
	if (status) refusal.status = status
	return { ok: false, refusal }
}

// A yes/no policy answer as a verdict: forbidden when it says no.
export function permitted(yes: boolean): Verdict {
	return yes ? allowed : forbiddenVerdict
}

// The first verdict that refuses, or allowed: rules are checked in the order given.
export function firstRefusal(...verdicts: Array<Verdict>): Verdict {
	return verdicts.find((v) => !v.ok) ?? allowed
}
