import {
	agencyItemActions,
	agencyItemOverdueDays,
	agencyItemStateAfter,
	agencyItemStates,
	agencyItemTransition,
	agencyOwes,
	type AgencyItemAction,
	type AgencyItemState,
} from './agency-items'
import { isInterpellationTarget } from './interpellations'
import { daysOverdue, type IsoDate } from './dates'
import { parseRecordId } from './ids'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import { isOffice, type PolicyUser } from './roles'

// Resolutions and decisions (决议 / 决定) the standing committee adopts at a meeting, on a special
// work report or an inspection report or on its own (Supervision Law Art. 17, 37): the agencies
// carry out the actions it requires, each by its date, and report on its execution by the date
// it sets.

export const resolutionKinds = ['resolution', 'decision'] as const
export type ResolutionKind = (typeof resolutionKinds)[number]

// What a resolution may resolve on: the report heard or the inspection report deliberated.
export const resolutionSubjectTypes = ['report', 'inspection'] as const
export type ResolutionSubjectType = (typeof resolutionSubjectTypes)[number]

// ── An action's lifecycle ───────────────────────────────────────────────────────────────────
//
// An action is an agency item (agency-items.ts), with the same lifecycle and words as a finding's
// rectification: the agency reports what it did (respond); the office closes the action (accept)
// or sends it back with a reason (reopen), after which the agency reports again.

export const actionStates = agencyItemStates
export type ActionState = AgencyItemState

export const actionSteps = agencyItemActions
export type ActionStep = AgencyItemAction

export function mayMoveAction(state: ActionState, step: ActionStep): Verdict {
	return agencyItemTransition(state, step) ? allowed : broken(`resolutions.${step}State`)
}

export function actionStateAfter(step: ActionStep): ActionState {
	return agencyItemStateAfter(step)
}

// Not reported yet: never reported, or sent back.
export function isUnreported(state: ActionState): boolean {
	return agencyOwes(state)
}

// Overdue after its own due date while unreported (computed from today, never stored).
export function actionOverdueDays(action: { state: ActionState; dueOn: IsoDate }, today: IsoDate): number {
	return agencyItemOverdueDays(action, today)
}

// An agency's report on the resolution's execution is overdue after the resolution's reporting
// date while any of its actions is unreported.
export function executionReportOverdueDays(
	agencyActions: ReadonlyArray<{ state: ActionState }>,
	reportDueOn: IsoDate,
	today: IsoDate,
): number {
	return agencyActions.some((a) => isUnreported(a.state)) ? daysOverdue(reportDueOn, today) : 0
}

// Where a resolution stands: carried out when the office closed every action.
export const resolutionStatuses = ['executing', 'executed'] as const
export type ResolutionStatus = (typeof resolutionStatuses)[number]

export function resolutionStatus(actions: ReadonlyArray<{ state: ActionState }>): ResolutionStatus {
	return actions.length > 0 && actions.every((a) => a.state === 'accepted') ? 'executed' : 'executing'
}

// ── Adopting one ────────────────────────────────────────────────────────────────────────────

// The agencies a city resolution binds: the city government and its departments, the supervisory
// commission, the court and the procuratorate (Art. 17, 37) — not vertically managed units.
export function isActingAgency(agency: { kind: string; level: string }): boolean {
	return isInterpellationTarget(agency)
}

export type AdoptionInput = {
	adoptedOn: IsoDate
	reportDueOn: IsoDate
	actions: ReadonlyArray<{ agency: { kind: string; level: string } | null; dueOn: IsoDate }>
}

// A resolution is adopted on a day of its meeting, not later than today; the agencies report on
// its execution after that; every action has an acting agency of the city and a due date after
// the adoption and not later than the reporting date (the report covers every action).
export function adoptionRule(input: AdoptionInput, meeting: { startsOn: IsoDate; endsOn: IsoDate }, today: IsoDate): Verdict {
	if (input.adoptedOn < meeting.startsOn || input.adoptedOn > meeting.endsOn) return broken('resolutions.adoptedOutsideMeeting', undefined, 400)
	if (input.adoptedOn > today) return broken('resolutions.adoptedInFuture', undefined, 400)
	if (input.reportDueOn <= input.adoptedOn) return broken('resolutions.reportDueNotAfterAdoption', undefined, 400)
	if (input.actions.length === 0) return broken('resolutions.noActions', undefined, 400)
	for (const action of input.actions) {
		if (!action.agency || !isActingAgency(action.agency)) return broken('resolutions.actingAgency', undefined, 400)
		if (action.dueOn <= input.adoptedOn || action.dueOn > input.reportDueOn) return broken('resolutions.actionDue', undefined, 400)
	}
	return allowed
}

// The agenda item a resolution adds to its meeting.
export function resolutionAgendaTitle(title: string): string {
	return `表决${title}`
}

// ── Who reads and who acts ──────────────────────────────────────────────────────────────────

export type ResolutionReader = Pick<PolicyUser, 'id' | 'role' | 'agencyId'>

// A resolution, once adopted, is published with the actions it requires (Art. 17 para. 3):
// everyone signed in reads it. What an agency reported on an action is the committee's to check:
// the office, admin, members and the acting agency read it at once; other agencies and deputies
// once the office closed the action (execution reports are then reported to the deputies).
export function mayReadActionReport(user: ResolutionReader, action: { agencyId: number; state: ActionState }): boolean {
	if (isOffice(user.role) || user.role === 'member') return true
	if (action.state === 'accepted') return true
	return user.role === 'agency' && user.agencyId !== null && user.agencyId === action.agencyId
}

function isActingLiaison(user: ResolutionReader, action: { agencyId: number }): boolean {
	return user.role === 'agency' && user.agencyId !== null && user.agencyId === action.agencyId
}

// The acting agency's liaisons report on its actions; the office closes or sends back.
export function mayTakeActionStep(user: ResolutionReader, action: { agencyId: number; state: ActionState }, step: ActionStep): Verdict {
	const takes = step === 'respond' ? isActingLiaison(user, action) : user.role === 'secretariat'
	return takes ? mayMoveAction(action.state, step) : forbiddenVerdict
}

export function actionStepsFor(user: ResolutionReader, action: { agencyId: number; state: ActionState }): Array<ActionStep> {
	return actionSteps.filter((step) => mayTakeActionStep(user, action, step).ok)
}

// ── Filters of the list and its CSV ─────────────────────────────────────────────────────────

// 'overdue': an action or an execution report overdue today.
export const resolutionListStatuses = ['executing', 'executed', 'overdue'] as const
export type ResolutionListStatus = (typeof resolutionListStatuses)[number]

export type ResolutionListQuery = {
	year?: number
	agencyId?: number
	status?: ResolutionListStatus
	page: number
}

export function parseResolutionListQuery(params: URLSearchParams): ResolutionListQuery {
	const query: ResolutionListQuery = { page: Math.min(Math.max(1, Math.trunc(Number(params.get('page'))) || 1), 100_000) }
	const year = Number(params.get('year'))
	if (Number.isInteger(year) && year >= 2000 && year <= 2099) query.year = year
	const agencyId = parseRecordId(params.get('agency'))
	if (agencyId) query.agencyId = agencyId
	const status = params.get('status')
	if (status && (resolutionListStatuses as ReadonlyArray<string>).includes(status)) query.status = status as ResolutionListStatus
	return query
}

export function resolutionListSearch(query: Omit<ResolutionListQuery, 'page'> & { page?: number }): string {
	const params = new URLSearchParams()
	if (query.year) params.set('year', String(query.year))
	if (query.agencyId) params.set('agency', String(query.agencyId))
	if (query.status) params.set('status', query.status)
	if (query.page && query.page > 1) params.set('page', String(query.page))
	const search = params.toString()
	return search ? `?${search}` : ''
}

export function isResolutionListFiltered(query: ResolutionListQuery): boolean {
	return Boolean(query.year || query.agencyId || query.status)
}

export const resolutionKindLabels: Record<ResolutionKind, string> = { resolution: '决议', decision: '决定' }

export const actionStateLabels: Record<ActionState, string> = {
	open: '待报告执行情况',
	responded: '已报告，待核实',
	accepted: '已办结',
	reopened: '已退回，待重新报告',
}

// One CSV row per required action: the resolution, the agency, what, by when, where it stands.
export const resolutionCsvHeaders = ['决议决定', '类别', '会议', '通过日期', '执行情况报告期限', '承办单位', '事项', '完成期限', '办理状态', '逾期天数']

export type ResolutionCsvRow = {
	title: string
	kind: ResolutionKind
	meetingLabel: string
	adoptedOn: IsoDate
	reportDueOn: IsoDate
	agencyName: string
	text: string
	dueOn: IsoDate
	state: ActionState
	overdueDays: number
}

export function resolutionCsvRecord(row: ResolutionCsvRow): Array<string> {
	return [
		row.title,
		resolutionKindLabels[row.kind],
		row.meetingLabel,
		row.adoptedOn,
		row.reportDueOn,
		row.agencyName,
		row.text,
		row.dueOn,
		actionStateLabels[row.state],
		row.overdueDays > 0 ? String(row.overdueDays) : '',
	]
}
