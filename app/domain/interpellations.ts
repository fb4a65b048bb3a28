import { isStateOrganKind } from './agencies'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import type { PolicyUser } from './roles'
import type { Settings } from './settings'

// Interpellations (质询案), Supervision Law Art. 51–54: proposed in writing by standing committee
// members, referred by the chairpersons' council (主任会议), answered by a responsible official of
// the target agency, judged by the signers; a re-answer when more than half are unsatisfied.

export const interpellationStates = [
	'draft', // being drafted and co-signed; only its signers and the secretariat see it
	'submitted', // handed in with enough signers, waiting for the chairpersons' council
	'not_referred', // the council decided not to refer it
	'referred', // referred to the target agency, to answer orally at a meeting or in writing
	'answered', // the current round's answer is in; the signers give their verdict
	'reanswer_requested', // more than half of the signers asked for a re-answer (Art. 53)
	'closed', // concluded: the signers' verdict stands, or the council refused a re-answer
	'withdrawn', // the drafter withdrew it before submission
] as const
export type InterpellationState = (typeof interpellationStates)[number]

export const answerModes = ['oral', 'written'] as const
export type AnswerMode = (typeof answerModes)[number]

// Art. 52: an oral answer is given at a standing committee meeting or at a special committee's.
export const answerForums = ['standing_committee', 'special_committee'] as const
export type AnswerForum = (typeof answerForums)[number]

// ── Who may be questioned (Art. 51) ───────────────────────────────────────────────────────────

type TargetCandidate = { kind: string; level: string }

// The government of the committee's own level and its departments, the supervisory commission,
// the court and the procuratorate — never a vertically managed unit (a financial regulator's
// branch, the communications administration), and never another level's organs.
export function isInterpellationTarget(agency: TargetCandidate): boolean {
	if (agency.level !== '市') return false
	return agency.kind === 'department' || isStateOrganKind(agency.kind)
}

// ── Signers (Art. 51) ─────────────────────────────────────────────────────────────────────────

export type Signature = { memberId: number; withdrawn: boolean }

// Distinct standing committee members whose signature stands.
export function countSigners(signatures: ReadonlyArray<Signature>): number {
	return new Set(signatures.filter((s) => !s.withdrawn).map((s) => s.memberId)).size
}

export function maySubmit(
	interpellation: { state: InterpellationState; targetKind: string; targetLevel: string },
	signatures: ReadonlyArray<Signature>,
	settings: Pick<Settings, 'interpellationMinSigners'>,
): Verdict {
	if (interpellation.state !== 'draft') return broken('interpellations.notDraft')
	if (!isInterpellationTarget({ kind: interpellation.targetKind, level: interpellation.targetLevel })) {
		return broken('interpellations.target', undefined, 400)
	}
	const signers = countSigners(signatures)
	const needed = settings.interpellationMinSigners
	if (signers < needed) return broken('interpellations.signers', { signers, needed }, 400)
	return allowed
}

// A member signs for themself, and withdraws their own signature, while the draft is open.
export function maySign(user: Pick<PolicyUser, 'role'>, state: InterpellationState): Verdict {
	if (user.role !== 'member') return forbiddenVerdict
	return state === 'draft' ? allowed : broken('interpellations.signingClosed')
}

// ── The signers' verdict and the re-answer (Art. 53) ─────────────────────────────────────────

export type Verdicts = { satisfied: number; unsatisfied: number; signers: number }

// More than half of ALL the signers — not of those who gave a verdict — must be unsatisfied:
// exactly half is not enough.
export function mayRequestReanswer(verdicts: Verdicts): boolean {
	return verdicts.unsatisfied * 2 > verdicts.signers
}
