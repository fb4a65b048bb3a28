import { addDays, isIsoDate, type IsoDate } from './dates'
import { inspectionReadScope, isUnderway, severities, type InspectionReadScope, type InspectionState, type Severity } from './inspections'
import { nextRectificationState, rectificationOverdueDays, type RectificationAction, type RectificationState } from './rectification'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import type { PolicyUser, Role } from './roles'
import type { Settings } from './settings'

// Findings (问题) of law-enforcement inspections and who may do what with them. The state
// machine of the rectification (整改) is app/domain/rectification.ts; this module holds the
// rules around it: who reads, records, responds and verifies, the due date, the list's filters
// and the CSV. Every query in app/models/findings/ applies findingReadScope in its WHERE clause
// (findingsReadableBy); mayReadFinding is the same rule for one record.

export type FindingReader = Pick<PolicyUser, 'id' | 'role' | 'agencyId'>

export const rectificationStates = ['open', 'responded', 'reopened', 'accepted'] as const satisfies ReadonlyArray<RectificationState>

// The secretariat and admin read every finding, and so do standing committee members; an
// invited deputy reads the findings of the inspections whose group they belong to; an agency
// liaison reads the findings about their own agency, never another's. The same readers as the
// inspections' (inspectionReadScope), a liaison's scope meaning here the findings about it.
export type FindingReadScope = InspectionReadScope

export function findingReadScope(user: FindingReader): FindingReadScope {
	return inspectionReadScope(user)
}

// `inGroup`: whether the reader belongs to the group of the finding's inspection.
export function mayReadFinding(user: FindingReader, finding: { agencyId: number; inGroup: boolean }): boolean {
	const scope = findingReadScope(user)
	switch (scope.kind) {
		case 'all':
			return true
		case 'group':
			return finding.inGroup
		case 'agency':
			return finding.agencyId === scope.agencyId
		case 'none':
			return false
	}
}

// Findings are recorded by the secretariat and by the inspection's group: its leader, members
// and invited deputies (a member or deputy outside the group may not).
export function mayRecordFinding(user: { role: Role }, inGroup: boolean): boolean {
	if (user.role === 'secretariat') return true
	return (user.role === 'member' || user.role === 'deputy') && inGroup
}

// …while the inspection is under way (from its start until its report goes to deliberation).
export function mayRecordFindingOn(user: { role: Role }, inspection: { state: InspectionState; inGroup: boolean }): Verdict {
	if (!mayRecordFinding(user, inspection.inGroup)) return forbiddenVerdict
	return isUnderway(inspection.state) ? allowed : broken('findings.notRecording')
}

// The rectification is the agency's: only its own liaisons respond.
export function mayRespondToFinding(user: { role: Role; agencyId: number | null }, finding: { agencyId: number }): boolean {
	return user.role === 'agency' && user.agencyId === finding.agencyId
}

// The secretariat verifies a response: accepts it or reopens the rectification.
export function mayVerifyFinding(user: { role: Role }): boolean {
	return user.role === 'secretariat'
}

export const rectificationActions = ['respond', 'accept', 'reopen'] as const satisfies ReadonlyArray<RectificationAction>

// A step of the rectification: forbidden to whoever never takes it, refused by rule when the
// finding is not in a state it starts from.
export function mayTakeRectificationStep(
	user: Pick<PolicyUser, 'role' | 'agencyId'>,
	finding: { agencyId: number; rectificationState: RectificationState },
	action: RectificationAction,
): Verdict {
	const takes = action === 'respond' ? mayRespondToFinding(user, finding) : mayVerifyFinding(user)
	if (!takes) return forbiddenVerdict
	const next = nextRectificationState(finding.rectificationState, action)
	return next.ok ? allowed : next
}

export type FindingPolicy = {
	read: boolean
	// The agency's liaison, who answers; the secretariat, who verifies.
	responder: boolean
	verifier: boolean
	// The steps the user can take now.
	steps: Array<RectificationAction>
}

export function findingPolicy(user: FindingReader, finding: { agencyId: number; inGroup: boolean; rectificationState: RectificationState }): FindingPolicy {
	const read = mayReadFinding(user, finding)
	return {
		read,
		responder: read && mayRespondToFinding(user, finding),
		verifier: read && mayVerifyFinding(user),
		steps: read ? rectificationActions.filter((action) => mayTakeRectificationStep(user, finding, action).ok) : [],
	}
}

// ── The rectification's due date ─────────────────────────────────────────────────────────────

// The form proposes a due date rectificationDueDays ahead (a setting, 90 days by default); the
// recorder may choose another.
export function defaultRectificationDue(today: IsoDate, settings: Pick<Settings, 'rectificationDueDays'>): IsoDate {
	return addDays(today, settings.rectificationDueDays)
}

export type DueProblem = 'required' | 'invalid' | 'past'

// A due date is required, a real calendar date, and not before today (it may be today).
export function rectificationDueProblem(value: string | undefined, today: IsoDate): DueProblem | null {
	if (!value) return 'required'
	if (!isIsoDate(value)) return 'invalid'
	if (value < today) return 'past'
	return null
}

export function isOverdue(finding: { rectificationState: RectificationState; rectificationDueOn: IsoDate }, today: IsoDate): boolean {
	return rectificationOverdueDays(finding, today) > 0
}

// ── The list's filters (in the URL, shared by the list and its CSV) ─────────────────────────

export type FindingListQuery = {
	inspectionId?: number
	clauseId?: number
	agencyId?: number
	severity?: Severity
	state?: RectificationState
	overdue?: boolean
	page: number
}

export const findingPageSize = 20

function positiveId(value: string | null): number | undefined {
	if (!value || !/^\d{1,9}$/.test(value)) return undefined
	const id = Number(value)
	return id > 0 ? id : undefined
}

// Values that are not ids, severities or states are ignored rather than refused.
export function parseFindingListQuery(params: URLSearchParams): FindingListQuery {
	const query: FindingListQuery = { page: Math.min(Math.max(1, Math.trunc(Number(params.get('page'))) || 1), 100_000) }
	const inspectionId = positiveId(params.get('inspection'))
	const clauseId = positiveId(params.get('clause'))
	const agencyId = positiveId(params.get('agency'))
	const severity = params.get('severity')
	const state = params.get('state')
	if (inspectionId) query.inspectionId = inspectionId
	if (clauseId) query.clauseId = clauseId
	if (agencyId) query.agencyId = agencyId
	if (severity && (severities as ReadonlyArray<string>).includes(severity)) query.severity = severity as Severity
	if (state && (rectificationStates as ReadonlyArray<string>).includes(state)) query.state = state as RectificationState
	if (params.get('overdue') === '1') query.overdue = true
	return query
}

// '' or '?inspection=3&overdue=1' (and the page, when asked): for links, the pager and the CSV.
export function findingListSearch(query: Omit<FindingListQuery, 'page'> & { page?: number }): string {
	const params = new URLSearchParams()
	if (query.inspectionId) params.set('inspection', String(query.inspectionId))
	if (query.clauseId) params.set('clause', String(query.clauseId))
	if (query.agencyId) params.set('agency', String(query.agencyId))
	if (query.severity) params.set('severity', query.severity)
	if (query.state) params.set('state', query.state)
	if (query.overdue) params.set('overdue', '1')
	if (query.page && query.page > 1) params.set('page', String(query.page))
	const search = params.toString()
	return search ? `?${search}` : ''
}

export function isFindingListFiltered(query: FindingListQuery): boolean {
	return Boolean(query.inspectionId || query.clauseId || query.agencyId || query.severity || query.state || query.overdue)
}

// ── The CSV (Chinese column names whatever the interface language) ──────────────────────────

export const severityLabels: Record<Severity, string> = { general: '一般', serious: '较重', severe: '严重' }

export const rectificationStateLabels: Record<RectificationState, string> = {
	open: '待整改',
	responded: '已报送整改情况，待核实',
	reopened: '退回重新整改',
	accepted: '整改已核实通过',
}

export const findingCsvHeaders = [
	'检查',
	'条款',
	'责任事项',
	'单位',
	'严重程度',
	'问题描述',
	'记录日期',
	'整改期限',
	'整改状态',
	'逾期天数',
	'整改情况',
	'报送日期',
	'核实日期',
	'退回原因',
]

export type FindingCsvRow = {
	inspectionTitle: string
	clauseLabel: string
	taskLabel: string | null
	agencyName: string
	severity: Severity
	description: string
	recordedOn: IsoDate
	rectificationDueOn: IsoDate
	rectificationState: RectificationState
	response: string
	respondedOn: IsoDate | null
	verifiedOn: IsoDate | null
	reopenReason: string | null
}

export function findingCsvRecord(row: FindingCsvRow, today: IsoDate): Array<string> {
	const overdue = rectificationOverdueDays(row, today)
	return [
		row.inspectionTitle,
		row.clauseLabel,
		row.taskLabel ?? '',
		row.agencyName,
		severityLabels[row.severity],
		row.description,
		row.recordedOn,
		row.rectificationDueOn,
		rectificationStateLabels[row.rectificationState],
		overdue > 0 ? String(overdue) : '',
		row.response,
		row.respondedOn ?? '',
		row.rectificationState === 'accepted' || row.rectificationState === 'reopened' ? (row.verifiedOn ?? '') : '',
		row.rectificationState === 'reopened' ? (row.reopenReason ?? '') : '',
	]
}

// A finding's title where a list shows one line of it: the start of its description.
export function findingTitle(description: string, max = 40): string {
	const line = description.replace(/\s+/g, ' ').trim()
	return line.length > max ? `${line.slice(0, max)}…` : line
}
