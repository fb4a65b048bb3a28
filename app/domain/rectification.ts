import { daysOverdue, type IsoDate } from './dates'

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

export function nextRectificationState(
	state: RectificationState,
	action: RectificationAction,
): { ok: true; state: RectificationState } | { ok: false; reason: string } {
	const rule = transitions[action]
	if (!rule.from.includes(state)) {
		const reasons: Record<RectificationAction, string> = {
			respond: '该问题的整改情况已报送，正在核实或已通过核实，不能再次报送。',
			accept: '只有已报送整改情况的问题才能核实通过。',
			reopen: '只有已报送或已核实的问题才能退回重新整改。',
		}
		return { ok: false, reason: reasons[action] }
	}
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
