import { addDays, daysOverdue, type IsoDate } from './dates'

// An agency item: something an agency owes the committee by a due date and reports on — an
// inspection finding's rectification (整改), a commitment made in an inquiry's answer (承诺事项),
// an action a resolution requires (决议事项). The agency reports what it did; the secretariat
// accepts, or reopens with a reason, after which the agency reports again. One lifecycle, so that
// cards, rankings and to-do lists read every kind of item alike.
//
// Two clocks, each of them the clock of whoever has to act, computed from today:
// - the agency's runs against the item's due date while it owes an answer (open, or reopened):
//   a response stops it, and a reopening starts it again;
// - the secretariat's runs from the response while the response waits for verification
//   (rectificationVerifyDays for findings). Its delay is the secretariat's, never the agency's.

export const agencyItemStates = ['open', 'responded', 'reopened', 'accepted'] as const
export type AgencyItemState = (typeof agencyItemStates)[number]

export const agencyItemActions = ['respond', 'accept', 'reopen'] as const
export type AgencyItemAction = (typeof agencyItemActions)[number]

const transitions: Record<AgencyItemAction, { from: ReadonlyArray<AgencyItemState>; to: AgencyItemState }> = {
	respond: { from: ['open', 'reopened'], to: 'responded' },
	accept: { from: ['responded'], to: 'accepted' },
	// An accepted item may be reopened too: the secretariat finds later that the work did not hold.
	reopen: { from: ['responded', 'accepted'], to: 'reopened' },
}

// The state an action leads to, or null when the item is not in a state the action starts from.
export function agencyItemTransition(state: AgencyItemState, action: AgencyItemAction): AgencyItemState | null {
	const rule = transitions[action]
	return rule.from.includes(state) ? rule.to : null
}

// Where an action leads, whatever it starts from.
export function agencyItemStateAfter(action: AgencyItemAction): AgencyItemState {
	return transitions[action].to
}

// The states in which the next move is the agency's: its clock runs. Lists filter on these in
// SQL (the overdue filter) and the to-do and open items read them, so they are one list.
export const agencyOwesStates: ReadonlyArray<AgencyItemState> = ['open', 'reopened']

export function agencyOwes(state: AgencyItemState): boolean {
	return agencyOwesStates.includes(state)
}

// Overdue is computed from today, never stored. The agency's clock stops the day it responds:
// while the secretariat verifies, the delay is not the agency's. A reopened item is the agency's
// again, against the same due date. A due date is met on its own day.
export function agencyItemOverdueDays(item: { state: AgencyItemState; dueOn: IsoDate }, today: IsoDate): number {
	return agencyOwes(item.state) ? daysOverdue(item.dueOn, today) : 0
}

export function isAgencyItemOpen(state: AgencyItemState): boolean {
	return state !== 'accepted'
}

// The secretariat's verification of a response is due this many days after it.
export function verificationDueOn(item: { state: AgencyItemState; respondedOn: IsoDate | null }, days: number): IsoDate | null {
	if (item.state !== 'responded' || !item.respondedOn) return null
	return addDays(item.respondedOn, days)
}
