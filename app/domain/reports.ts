import { addDays, daysBetween, type IsoDate } from './dates'
import type { Settings } from './settings'

// Special work reports (专项工作报告), Supervision Law Art. 14–17.

export const reportingOrgans = ['government', 'supervisory_commission', 'court', 'procuratorate'] as const
export type ReportingOrgan = (typeof reportingOrgans)[number]

// The report's own lifecycle, up to the meeting. What follows (opinions, vote, letter,
// handling report) is the deliberation mechanism in deliberation.ts.
export const reportStates = [
	'scheduled', // the secretariat scheduled the hearing; the preparing department drafts
	'draft_submitted', // the draft for comments (征求意见稿) is with the committee's office
	'opinions_sent', // the office sent the collected opinions back for the organ to answer (Art. 14)
	'revised_submitted', // the revised, signed-off report (Art. 15, 10 days before)
	'distributed', // sent to the members (Art. 15, 7 days before)
	'deliberation', // heard at the meeting; deliberation runs
] as const
export type ReportState = (typeof reportStates)[number]

export type ReportMilestone = 'draft' | 'revised' | 'distribution'

export type ReportDeadlines = Record<ReportMilestone, IsoDate>

// "N days before the meeting" means on or before the date N days before the meeting's first
// day (DESIGN §3).
export function reportDeadlines(meetingStartsOn: IsoDate, settings: Settings): ReportDeadlines {
	return {
		draft: addDays(meetingStartsOn, -settings.reportDraftDaysBefore),
		revised: addDays(meetingStartsOn, -settings.reportRevisedDaysBefore),
		distribution: addDays(meetingStartsOn, -settings.reportDistributeDaysBefore),
	}
}

export type MilestoneStanding =
	| { kind: 'done'; on: IsoDate; daysLate: number }
	| { kind: 'pending'; due: IsoDate; daysLeft: number }
	| { kind: 'overdue'; due: IsoDate; daysOverdue: number }

export function milestoneStanding(due: IsoDate, doneOn: IsoDate | null, today: IsoDate): MilestoneStanding {
	if (doneOn) return { kind: 'done', on: doneOn, daysLate: Math.max(0, daysBetween(due, doneOn)) }
	const left = daysBetween(today, due)
	return left >= 0 ? { kind: 'pending', due, daysLeft: left } : { kind: 'overdue', due, daysOverdue: -left }
}

export type ReportDates = {
	draftSubmittedOn: IsoDate | null
	revisedSubmittedOn: IsoDate | null
	distributedOn: IsoDate | null
}

export function reportStanding(meetingStartsOn: IsoDate, dates: ReportDates, settings: Settings, today: IsoDate) {
	const due = reportDeadlines(meetingStartsOn, settings)
	return {
		draft: milestoneStanding(due.draft, dates.draftSubmittedOn, today),
		revised: milestoneStanding(due.revised, dates.revisedSubmittedOn, today),
		distribution: milestoneStanding(due.distribution, dates.distributedOn, today),
	}
}

// Whether anything about the report is, or was, late against Art. 15.
export function isLate(standing: ReturnType<typeof reportStanding>): boolean {
	return Object.values(standing).some((s) => s.kind === 'overdue' || (s.kind === 'done' && s.daysLate > 0))
}

// Who may see a report in which state. The drafting agency sees its own report throughout;
// members see it only once distributed (an unsubmitted draft is the agency's working paper,
// and the draft for comments goes to the office, not to members).
export function memberMayRead(state: ReportState): boolean {
	return state === 'distributed' || state === 'deliberation'
}

// The agency edits its report until it is signed off and submitted as revised.
export function agencyMayEdit(state: ReportState): boolean {
	return state === 'scheduled' || state === 'draft_submitted' || state === 'opinions_sent'
}

export const selfAssessments = ['not_started', 'in_progress', 'largely_done', 'done'] as const
export type SelfAssessment = (typeof selfAssessments)[number]
