import { addDays, daysOverdue, type IsoDate } from './dates'
import type { Refusal } from './refusal'
import type { Settings } from './settings'

// A finding's rectification (整改): the agency responds with what it did; the secretariat
// verifies — accepted, or reopened with a reason, after which the agency responds again.
//
// Two clocks, each of them the clock of whoever has to act, computed from today:
// - the agency's runs against the rectification's due date while it owes an answer (open, or
//   reopened): a response stops it, and a reopening starts it again;
// - the secretariat's runs from the response, `rectificationVerifyDays` long, while the
//   response waits for its verification. Its delay is the secretariat's, never the agency's.

export type RectificationState = 'open' | 'responded' | 'accepted' | 'reopened'
export type RectificationAction = 'respond' | 'accept' | 'reopen'

const transitions: Record<RectificationAction, { from: ReadonlyArray<RectificationState>; to: RectificationState }> = {
	respond: { from: ['open', 'reopened'], to: 'responded' },
	accept: { from: ['responded'], to: 'accepted' },
	reopen: { from: ['responded', 'accepted'], to: 'reopened' },
}

// The state a step leads to, or the rule it breaks (its message: `findings.refusals.<action>`).
export function nextRectificationState(
	state: RectificationState,
	action: RectificationAction,
): { ok: true; state: RectificationState } | { ok: false; refusal: Refusal } {
	const rule = transitions[action]
	if (!rule.from.includes(state)) return { ok: false, refusal: { kind: 'rule', code: `findings.${action}` } }
	return { ok: true, state: rule.to }
}

// The states in which the agency owes an answer.
export const awaitingAgency = ['open', 'reopened'] as const satisfies ReadonlyArray<RectificationState>

export function awaitsAgency(state: RectificationState): boolean {
	return (awaitingAgency as ReadonlyArray<RectificationState>).includes(state)
}

// The agency's delay: days past the due date while it owes an answer (a due date is met on its
// own day); 0 once it has answered.
export function rectificationOverdueDays(
	finding: { rectificationState: RectificationState; rectificationDueOn: IsoDate },
	today: IsoDate,
): number {
	if (!awaitsAgency(finding.rectificationState)) return 0
	return daysOverdue(finding.rectificationDueOn, today)
}

// The secretariat's verification of a response is due this many days after it.
export function verificationDueOn(
	finding: { rectificationState: RectificationState; respondedOn: IsoDate | null },
	settings: Pick<Settings, 'rectificationVerifyDays'>,
): IsoDate | null {
	if (finding.rectificationState !== 'responded' || !finding.respondedOn) return null
	return addDays(finding.respondedOn, settings.rectificationVerifyDays)
}

export function verificationOverdueDays(
	finding: { rectificationState: RectificationState; respondedOn: IsoDate | null },
	settings: Pick<Settings, 'rectificationVerifyDays'>,
	today: IsoDate,
): number {
	return daysOverdue(verificationDueOn(finding, settings), today)
}

export function isOpen(state: RectificationState): boolean {
	return state !== 'accepted'
}
