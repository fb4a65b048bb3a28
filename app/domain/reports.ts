import { isStateOrganKind } from './agencies'
import { parseRecordId } from './ids'
import { afterHearingStatuses, statusAfterHearing, type DeliberationState } from './deliberation'
import { allowed, broken, forbiddenBecause, forbiddenVerdict, type Verdict } from './refusal'
import { isOffice, type PolicyUser } from './roles'
import { addDays, daysBetween, type IsoDate } from './dates'
import type { Settings } from './settings'

// Special work reports (专项工作报告), Supervision Law Art. 14–17.


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

// Where a report stands, as users read it: its own state up to the meeting, then where its
// deliberation is (statusAfterHearing) — after the vote the report is not "under deliberation"
// any more but waiting for the letter, with the organ for its handling report, or concluded.
export const reportStatuses = [
	'scheduled',
	'draft_submitted',
	'opinions_sent',
	'revised_submitted',
	'distributed',
	...afterHearingStatuses,
] as const
export type ReportStatus = (typeof reportStatuses)[number]

export function reportStatus(state: ReportState, deliberationState: DeliberationState | null): ReportStatus {
	return state === 'deliberation' ? statusAfterHearing(deliberationState) : state
}

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

// ── Who may read a report ──────────────────────────────────────────────────────────────────
//
// One rule for every page, list, export and attachment download. It is written as a scope
// (which reports a user may read at all) so that lists can apply it in their SQL WHERE clause
// and stay correctly paginated; mayReadReport() decides for one report from the same scope.

export type ReportReader = Pick<PolicyUser, 'role' | 'agencyId'>
export type ReadableReport = { state: ReportState; preparingAgencyId: number; organId: number }

export type ReportReadScope =
	// The secretariat and admin: every report in every state.
	| { kind: 'all' }
	// Members and deputies: reports in these states, of any agency.
	| { kind: 'states'; states: ReadonlyArray<ReportState> }
	// A liaison: every report their agency prepares or that its organ makes, in any state.
	| { kind: 'agency'; agencyId: number }
	| { kind: 'none' }

// Members read a report once it is distributed (memberMayRead); deputies once the committee
// deliberates it (Art. 17: the report is then reported to deputies and published). A liaison
// reads the reports of their own agency — as the department that prepares it or as the organ
// that makes it (the government's office for a report its department prepares) — and no other
// agency's, whatever its state.
export function reportReadScope(user: ReportReader): ReportReadScope {
	switch (user.role) {
		case 'admin':
		case 'secretariat':
			return { kind: 'all' }
		case 'member':
			return { kind: 'states', states: reportStates.filter(memberMayRead) }
		case 'deputy':
			return { kind: 'states', states: ['deliberation'] }
		case 'agency':
			return user.agencyId === null ? { kind: 'none' } : { kind: 'agency', agencyId: user.agencyId }
	}
}

export function mayReadReport(user: ReportReader, report: ReadableReport): boolean {
	const scope = reportReadScope(user)
	switch (scope.kind) {
		case 'all':
			return true
		case 'states':
			return scope.states.includes(report.state)
		case 'agency':
			return report.preparingAgencyId === scope.agencyId || report.organId === scope.agencyId
		case 'none':
			return false
	}
}

// ── The lifecycle up to the meeting ──────────────────────────────────────────────────────────

export const reportSteps = ['submit_draft', 'send_opinions', 'submit_revised', 'distribute', 'open_deliberation'] as const
export type ReportStep = (typeof reportSteps)[number]

// Each step: who takes it, from which state, into which state. The agency drafts and revises;
// the committee's office collects opinions, distributes and puts the report to deliberation.
export const reportStepRules: Record<ReportStep, { by: 'agency' | 'secretariat'; from: ReportState; to: ReportState }> = {
	submit_draft: { by: 'agency', from: 'scheduled', to: 'draft_submitted' }, // Art. 15: 征求意见稿
	send_opinions: { by: 'secretariat', from: 'draft_submitted', to: 'opinions_sent' }, // Art. 14
	submit_revised: { by: 'agency', from: 'opinions_sent', to: 'revised_submitted' }, // Art. 15: signed off
	distribute: { by: 'secretariat', from: 'revised_submitted', to: 'distributed' }, // Art. 15: 7 days before
	open_deliberation: { by: 'secretariat', from: 'distributed', to: 'deliberation' },
}

// ── The report's policy: what a user may do with one report ────────────────────────────────
//
// One rule for loaders, actions, list SQL (through reportReadScope) and the page's buttons.

// Only the preparing department's liaisons draft (not the organ's office, not anyone else).
function isPreparingLiaison(user: ReportReader, report: Pick<ReadableReport, 'preparingAgencyId'>): boolean {
	return user.role === 'agency' && user.agencyId !== null && user.agencyId === report.preparingAgencyId
}

// A step is forbidden to a user who never takes it (the office's steps for anyone but the
// secretariat; the agency's for anyone but the preparing department's liaisons), and refused by
// rule when the report is not in the state it starts from.
export function mayTakeStep(user: ReportReader, report: Pick<ReadableReport, 'state' | 'preparingAgencyId'>, step: ReportStep): Verdict {
	const rule = reportStepRules[step]
	if (rule.by === 'secretariat' && user.role !== 'secretariat') return forbiddenBecause('reports.secretariatStep')
	if (rule.by === 'agency' && !isPreparingLiaison(user, report)) return forbiddenBecause('reports.agencyStep')
	if (report.state !== rule.from) {
		return broken('reports.state', {
			step: { label: `reports.steps.${step}` },
			state: { label: `reports.states.${report.state}` },
			from: { label: `reports.states.${rule.from}` },
		})
	}
	return allowed
}

// The preparing department edits its draft until the report is signed off.
export function mayEditDraft(user: ReportReader, report: Pick<ReadableReport, 'state' | 'preparingAgencyId'>): Verdict {
	if (!isPreparingLiaison(user, report)) return forbiddenVerdict
	return agencyMayEdit(report.state) ? allowed : broken('reports.signedOff')
}

export type ReportPolicy = {
	read: boolean
	// The draft's editor: the preparing department's liaisons, while the report is theirs to edit.
	editDraft: boolean
	// The page that edits the draft opens for the preparing department, also after sign-off (it
	// then says the report can no longer be changed).
	openDraft: boolean
	// The steps the user can take now.
	steps: Array<ReportStep>
	// Art. 14's opinions are the office's exchange with the organ: not for members or deputies.
	readCollectedOpinions: boolean
}

export function reportPolicy(user: ReportReader, report: ReadableReport): ReportPolicy {
	const read = mayReadReport(user, report)
	return {
		read,
		editDraft: read && mayEditDraft(user, report).ok,
		openDraft: read && isPreparingLiaison(user, report),
		steps: read ? reportSteps.filter((step) => mayTakeStep(user, report, step).ok) : [],
		readCollectedOpinions: read && (isOffice(user.role) || user.role === 'agency'),
	}
}

// What a draft needs before it goes to the office for comments: a title, the period it
// covers, the text, and a self-assessed status for every task it reports on.
export type DraftGap = 'title' | 'period' | 'body' | 'assessment'

export function draftGaps(
	report: { title: string; period: string; body: string },
	taskIds: ReadonlyArray<number>,
	progress: ReadonlyArray<{ taskId: number; selfAssessment: SelfAssessment | null }>,
): Array<DraftGap> {
	const gaps: Array<DraftGap> = []
	if (!report.title.trim()) gaps.push('title')
	if (!report.period.trim()) gaps.push('period')
	if (!report.body.trim()) gaps.push('body')
	const assessed = new Set(progress.filter((p) => p.selfAssessment !== null).map((p) => p.taskId))
	if (taskIds.some((id) => !assessed.has(id))) gaps.push('assessment')
	return gaps
}

// ── Reporting organ and preparing department (Art. 11, 16) ───────────────────────────────────

type OrganCandidate = { id: number; kind: string; level: string; active?: boolean }

// The organs whose special work reports the city's standing committee hears (Art. 11): the
// government, the supervisory commission, the court and the procuratorate of its own level —
// never a district's, which answer to the district's standing committee.
export function isReportingOrgan(agency: OrganCandidate): boolean {
	return isStateOrganKind(agency.kind) && agency.level === '市'
}

// For the government, one of its departments prepares the report (Art. 16: the government may
// have a department's head report); the other organs prepare their own.
export function mayPrepareFor(organ: OrganCandidate, agency: OrganCandidate): boolean {
	if (organ.kind === 'government') return agency.kind === 'department' && agency.level === '市'
	return agency.id === organ.id
}

// The agenda item the hearing puts on the meeting.
export function hearingAgendaTitle(organName: string, topic: string): string {
	return `听取和审议${organName}关于${topic}的报告`
}

// A report's working title until the agency gives it one.
export function defaultReportTitle(organName: string, topic: string): string {
	return `${organName}关于${topic}的报告`
}

// ── Art. 15 standing, summarised for lists ───────────────────────────────────────────────────

export type StandingFlag = 'overdue' | 'late' | 'on_time'

// 'overdue': a milestone is past its date and not met (today); 'late': every milestone due so
// far was met, but one of them after its date; 'on_time' otherwise.
export function standingFlag(standing: ReturnType<typeof reportStanding>): StandingFlag {
	const milestones = Object.values(standing)
	if (milestones.some((s) => s.kind === 'overdue')) return 'overdue'
	if (milestones.some((s) => s.kind === 'done' && s.daysLate > 0)) return 'late'
	return 'on_time'
}

export const reportMilestones: ReadonlyArray<ReportMilestone> = ['draft', 'revised', 'distribution']

// ── Filters of the reports list and its CSV ──────────────────────────────────────────────────

export type ReportListQuery = {
	organId?: number
	preparingAgencyId?: number
	meetingId?: number
	state?: ReportState
	clauseId?: number
	page: number
}

function positiveId(value: string | null): number | undefined {
	return parseRecordId(value) ?? undefined
}

// Values that are not ids or states are ignored rather than refused.
export function parseReportListQuery(params: URLSearchParams): ReportListQuery {
	const query: ReportListQuery = { page: Math.min(Math.max(1, Math.trunc(Number(params.get('page'))) || 1), 100_000) }
	const organId = positiveId(params.get('organ'))
	const preparingAgencyId = positiveId(params.get('department'))
	const meetingId = positiveId(params.get('meeting'))
	const clauseId = positiveId(params.get('clause'))
	const state = params.get('state')
	if (organId) query.organId = organId
	if (preparingAgencyId) query.preparingAgencyId = preparingAgencyId
	if (meetingId) query.meetingId = meetingId
	if (clauseId) query.clauseId = clauseId
	if (state && (reportStates as ReadonlyArray<string>).includes(state)) query.state = state as ReportState
	return query
}

// '' or '?organ=3&state=distributed' (and the page, when asked): for links, the pager and the CSV.
export function reportListSearch(query: Omit<ReportListQuery, 'page'> & { page?: number }): string {
	const params = new URLSearchParams()
	if (query.organId) params.set('organ', String(query.organId))
	if (query.preparingAgencyId) params.set('department', String(query.preparingAgencyId))
	if (query.meetingId) params.set('meeting', String(query.meetingId))
	if (query.state) params.set('state', query.state)
	if (query.clauseId) params.set('clause', String(query.clauseId))
	if (query.page && query.page > 1) params.set('page', String(query.page))
	const search = params.toString()
	return search ? `?${search}` : ''
}

export function isFiltered(query: ReportListQuery): boolean {
	return Boolean(query.organId || query.preparingAgencyId || query.meetingId || query.state || query.clauseId)
}

// ── The CSV export (Chinese column names whatever the interface language) ───────────────────

export const reportStatusLabels: Record<ReportStatus, string> = {
	scheduled: '已安排，待报送征求意见稿',
	draft_submitted: '征求意见稿已报送',
	opinions_sent: '意见已反馈，待修改签发',
	revised_submitted: '修改稿已签发报送',
	distributed: '已印发常委会组成人员',
	deliberating: '审议中',
	assessed: '已测评，待发审议意见书',
	opinions_delivered: '审议意见已送达，研究处理中',
	handling_reported: '研究处理情况已报送，待审核',
	concluded: '已办结',
}

const milestoneLabels: Record<ReportMilestone, string> = {
	draft: '征求意见稿',
	revised: '修改稿',
	distribution: '印发',
}

// "征求意见稿逾期3天；修改稿迟报2天" — each milestone that is or was late; '按时' otherwise.
export function standingText(standing: ReturnType<typeof reportStanding>): string {
	const parts = reportMilestones.flatMap((m) => {
		const s = standing[m]
		if (s.kind === 'overdue') return [`${milestoneLabels[m]}逾期${s.daysOverdue}天`]
		if (s.kind === 'done' && s.daysLate > 0) return [`${milestoneLabels[m]}迟${s.daysLate}天`]
		return []
	})
	return parts.length ? parts.join('；') : '按时'
}

export const reportCsvHeaders = [
	'标题',
	'议题',
	'报告机关',
	'承办部门',
	'会议',
	'会议日期',
	'条款',
	'状态',
	'报送情况（监督法第十五条）',
	'签发人',
	'满意度测评结果',
	'研究处理情况报告期限',
]

export type ReportCsvRow = {
	title: string
	topic: string
	organName: string
	preparingName: string
	meetingLabel: string
	meetingStartsOn: IsoDate
	clauseLabels: ReadonlyArray<string>
	status: ReportStatus
	standing: ReturnType<typeof reportStanding>
	signedOffBy: string | null
	// 满意 / 基本满意 / 不满意, once the vote is closed.
	satisfaction: string | null
	handlingDueOn: IsoDate | null
}

export function reportCsvRecord(row: ReportCsvRow): Array<string> {
	return [
		row.title || row.topic,
		row.topic,
		row.organName,
		row.preparingName,
		row.meetingLabel,
		row.meetingStartsOn,
		row.clauseLabels.join('、'),
		reportStatusLabels[row.status],
		standingText(row.standing),
		row.signedOffBy ?? '',
		row.satisfaction ?? '',
		row.handlingDueOn ?? '',
	]
}
