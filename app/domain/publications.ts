import { letterIsSent, type Choice, type DeliberationState } from './deliberation'
import type { IsoDate } from './dates'
import type { ReportParts } from './inspection-report'
import { allowed, broken, firstRefusal, permitted, type Verdict } from './refusal'
import type { Role } from './roles'

// What the committee makes public on /public beyond the decision's status: a satisfaction
// result, a law-enforcement inspection report, a ranking notice. Each is published by an
// explicit decision of the secretariat and can be withdrawn (with a reason). What is published
// is a copy taken at that moment — the document the public saw — so that a later change in
// the record does not silently change a published text, and a correction is a withdrawal and
// a new publication, both in the audit log. A copy holds organisations, dates and results
// only: never a person, a vote, a member's opinion or a deputy's concern.

export const publicationKinds = ['satisfaction', 'inspection_report', 'ranking'] as const
export type PublicationKind = (typeof publicationKinds)[number]

export type SatisfactionCopy = { kind: 'satisfaction'; title: string; agency: string; result: Choice; on: IsoDate }
export type InspectionReportCopy = { kind: 'inspection_report'; title: string; reportedOn: IsoDate; parts: ReportParts }
export type RankingCopy = {
	kind: 'ranking'
	from: IsoDate
	to: IsoDate
	groups: Array<{ group: string; agencies: Array<{ rank: number; name: string; score: number; card: 'yellow' | 'red' | null }> }>
}
export type PublicationCopy = SatisfactionCopy | InspectionReportCopy | RankingCopy

// Who decides what is published: the office that runs the oversight work.
export function mayManagePublications(actor: { role: Role }): boolean {
	return actor.role === 'secretariat'
}

// Nothing goes public before the agencies concerned may read it: a satisfaction result and an
// inspection report once the committee's opinion letter was sent (until then the deliberation
// is the committee's working paper, see deliberationReadScope); a report that says nothing never.
export function resultPublishable(deliberation: { state: DeliberationState }): boolean {
	return letterIsSent(deliberation.state)
}

export function inspectionReportPublishable(report: { letterSent: boolean; parts: Pick<ReportParts, 'evaluation' | 'problems'> }): boolean {
	return report.letterSent && (report.parts.evaluation.trim() !== '' || report.parts.problems.trim() !== '')
}

type Current = { withdrawnOn: IsoDate | null }

// Publishing: the office decides; the subject must be ready (a result, a report that went to
// the meeting); one subject is public once at a time, and two ranking notices for the same
// period would contradict each other, so that is refused too.
export function publishVerdict(actor: { role: Role }, subject: { ready: boolean; alreadyPublic: boolean }): Verdict {
	return firstRefusal(
		permitted(mayManagePublications(actor)),
		subject.ready ? allowed : broken('publications.notReady'),
		subject.alreadyPublic ? broken('publications.alreadyPublic') : allowed,
	)
}

// Withdrawing says why, for the log and for whoever asks where the document went.
export function withdrawVerdict(actor: { role: Role }, publication: Current, reason: string): Verdict {
	return firstRefusal(
		permitted(mayManagePublications(actor)),
		publication.withdrawnOn ? broken('publications.alreadyWithdrawn') : allowed,
		reason.trim() ? allowed : broken('publications.reasonRequired', undefined, 400),
	)
}
