import { daysOverdue, type IsoDate } from './dates'
import {
	agencyItemOverdueDays,
	agencyItemTransition,
	agencyOwes,
	agencyOwesStates,
	isAgencyItemOpen,
	verificationDueOn as itemVerificationDueOn,
	type AgencyItemAction,
	type AgencyItemState,
} from './agency-items'
import type { Refusal } from './refusal'
import type { Settings } from './settings'

// A finding's rectification (整改) is an agency item (agency-items.ts): the agency responds with
// what it did; the secretariat verifies — accepted, or reopened with a reason, after which the
// agency responds again. The agency's clock runs while it owes an answer; the secretariat's
// verification is due `rectificationVerifyDays` after the response.

export type RectificationState = AgencyItemState
export type RectificationAction = AgencyItemAction

// The state a step leads to, or the rule it breaks (its message: `findings.refusals.<action>`).
export function nextRectificationState(
	state: RectificationState,
	action: RectificationAction,
): { ok: true; state: RectificationState } | { ok: false; refusal: Refusal } {
	const next = agencyItemTransition(state, action)
	return next ? { ok: true, state: next } : { ok: false, refusal: { kind: 'rule', code: `findings.${action}` } }
}

// The states in which the agency owes an answer.
export const awaitingAgency = agencyOwesStates

export function awaitsAgency(state: RectificationState): boolean {
	return agencyOwes(state)
}

export function rectificationOverdueDays(
	finding: { rectificationState: RectificationState; rectificationDueOn: IsoDate },
	today: IsoDate,
): number {
	return agencyItemOverdueDays({ state: finding.rectificationState, dueOn: finding.rectificationDueOn }, today)
}

export function verificationDueOn(
	finding: { rectificationState: RectificationState; respondedOn: IsoDate | null },
	settings: Pick<Settings, 'rectificationVerifyDays'>,
): IsoDate | null {
	return itemVerificationDueOn({ state: finding.rectificationState, respondedOn: finding.respondedOn }, settings.rectificationVerifyDays)
}

export function verificationOverdueDays(
	finding: { rectificationState: RectificationState; respondedOn: IsoDate | null },
	settings: Pick<Settings, 'rectificationVerifyDays'>,
	today: IsoDate,
): number {
	return daysOverdue(verificationDueOn(finding, settings), today)
}

export function isOpen(state: RectificationState): boolean {
	return isAgencyItemOpen(state)
}
