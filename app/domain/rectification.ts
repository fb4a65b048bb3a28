import { daysOverdue, type IsoDate } from './dates'
import type { Refusal } from './refusal'

// A finding's rectification (整改): the agency responds with what it did; the secretariat
// verifies — accepted, or reopened with a reason, after which the agency responds again.
// Overdue is computed from today: a rectification not yet accepted after its due date.

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

export function rectificationOverdueDays(
	finding: { rectificationState: RectificationState; rectificationDueOn: IsoDate },
	today: IsoDate,
): number {
	if (finding.rectificationState === 'accepted') return 0
	return daysOverdue(finding.rectificationDueOn, today)
}

export function isOpen(state: RectificationState): boolean {
	return state !== 'accepted'
}
