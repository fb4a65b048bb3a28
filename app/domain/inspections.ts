import { afterHearingStatuses, statusAfterHearing, type DeliberationState } from './deliberation'
import type { IsoDate } from './dates'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import type { PolicyUser } from './roles'
import { visibleToAgency } from './schedule'

// Law-enforcement inspections (执法检查): the vocabulary shared by the schema, the pages and
// the rules. Kept here, not in db/schema.ts, so that browser code can use it.

// 座谈会, 实地检查, 第三方评估, 问卷调查, 抽查 (Supervision Law Art. 35)
export const inspectionForms = ['symposium', 'field', 'third_party', 'survey', 'spot_check'] as const
export type InspectionForm = (typeof inspectionForms)[number]

export const inspectionStates = ['planned', 'in_progress', 'reporting', 'deliberation', 'closed'] as const
export type InspectionState = (typeof inspectionStates)[number]

// Where an inspection stands, as users read it: planned, under way, its report being drafted,
// then where the report's deliberation is (statusAfterHearing), concluded when the organ's
// handling report is accepted.
export const inspectionStatuses = ['planned', 'in_progress', 'reporting', ...afterHearingStatuses] as const
export type InspectionStatus = (typeof inspectionStatuses)[number]

export function inspectionStatus(state: InspectionState, deliberationState: DeliberationState | null): InspectionStatus {
	if (state === 'closed') return 'concluded'
	return state === 'deliberation' ? statusAfterHearing(deliberationState) : state
}

// The inspection group (Art. 33): a leader, members, invited deputies.
export const groupRoles = ['leader', 'member', 'deputy'] as const
export type GroupRole = (typeof groupRoles)[number]

// 一般 / 较重 / 严重
export const severities = ['general', 'serious', 'severe'] as const
export type Severity = (typeof severities)[number]

// ── The plan of an inspection, as the form gives it ─────────────────────────────────────────

export type InspectionInput = {
	planItemId: number | null
	title: string
	year: number
	clauseIds: Array<number>
	forms: Array<InspectionForm>
	startsOn: IsoDate
	endsOn: IsoDate
	organId: number
	leaderId: number
	memberIds: Array<number>
	deputyIds: Array<number>
}

// The group as rows: a user appears once, the leader's role winning over member.
export function groupRows(input: Pick<InspectionInput, 'leaderId' | 'memberIds' | 'deputyIds'>) {
	const seen = new Set<number>()
	const rows: Array<{ userId: number; role: GroupRole }> = []
	for (const [userId, role] of [
		[input.leaderId, 'leader'] as const,
		...input.memberIds.map((id) => [id, 'member'] as const),
		...input.deputyIds.map((id) => [id, 'deputy'] as const),
	]) {
		if (seen.has(userId)) continue
		seen.add(userId)
		rows.push({ userId, role })
	}
	return rows
}

// Visits are planned and changed while the inspection is planned or in progress; from the
// report on, the schedule is the record of what happened.
export function scheduleOpen(state: InspectionState): boolean {
	return state === 'planned' || state === 'in_progress'
}

// From its start until its report goes to deliberation the inspection is under way: findings
// are recorded and the report is written.
export function isUnderway(state: InspectionState): boolean {
	return state === 'in_progress' || state === 'reporting'
}

// Group members taking part in scheduled visits stay in the group until the visits change: the
// names of those the new group would leave out.
export function leavingScheduled(
	input: Pick<InspectionInput, 'leaderId' | 'memberIds' | 'deputyIds'>,
	scheduled: ReadonlyArray<{ userId: number; realName: string }>,
): Array<string> {
	const staying = new Set(groupRows(input).map((r) => r.userId))
	return scheduled.filter((p) => !staying.has(p.userId)).map((p) => p.realName)
}

export function mayChangeGroup(input: Pick<InspectionInput, 'leaderId' | 'memberIds' | 'deputyIds'>, scheduled: ReadonlyArray<{ userId: number; realName: string }>): Verdict {
	const names = leavingScheduled(input, scheduled)
	return names.length ? broken('inspections.stillScheduled', { names: names.join('、') }, 400) : allowed
}

// ── Who may read an inspection and its visits ───────────────────────────────────────────────
//
// One rule for the inspection page, its schedule, the lists, the CSV, the calendar and the
// findings' inspections, written as a scope so that the queries apply it in their WHERE clause
// (inspectionsReadableBy, visitsReadableBy in app/models) and the pure checks below decide one
// record from the same scope.

export type InspectionReader = Pick<PolicyUser, 'id' | 'role' | 'agencyId'>

export type InspectionReadScope =
	// Admin, the secretariat and members: every inspection and every visit.
	| { kind: 'all' }
	// An invited deputy: the inspections whose group they belong to, with all their visits.
	| { kind: 'group'; userId: number }
	// A liaison: the open visits to their own agency — a 暗访 (unannounced visit) stays hidden
	// from the visited agency everywhere — and the inspections that have such a visit or a
	// finding about the agency.
	| { kind: 'agency'; agencyId: number }
	| { kind: 'none' }

export function inspectionReadScope(user: InspectionReader): InspectionReadScope {
	switch (user.role) {
		case 'admin':
		case 'secretariat':
		case 'member':
			return { kind: 'all' }
		case 'deputy':
			return user.id === null ? { kind: 'none' } : { kind: 'group', userId: user.id }
		case 'agency':
			return user.agencyId === null ? { kind: 'none' } : { kind: 'agency', agencyId: user.agencyId }
	}
}

// A visit as its reading depends on it. `inGroup`: the reader belongs to the group of the
// visit's inspection.
export type ReadableVisit = { inGroup: boolean; unannounced: boolean; agencyIds: ReadonlyArray<number> }

export function mayReadVisit(user: InspectionReader, visit: ReadableVisit): boolean {
	const scope = inspectionReadScope(user)
	switch (scope.kind) {
		case 'all':
			return true
		case 'group':
			return visit.inGroup
		case 'agency':
			return visibleToAgency(visit, scope.agencyId)
		case 'none':
			return false
	}
}

// The visit's policy: who reads it (a liaison never learns of a 暗访 to their agency).
export function visitPolicy(user: InspectionReader, visit: ReadableVisit) {
	return { read: mayReadVisit(user, visit) }
}

// An inspection as its reading depends on it: its group, its visits and the agencies its
// findings are about.
export type ReadableInspection = {
	group: ReadonlyArray<{ userId: number; role: GroupRole }>
	visits: ReadonlyArray<{ unannounced: boolean; agencyIds: ReadonlyArray<number> }>
	findingAgencyIds: ReadonlyArray<number>
}

export function mayReadInspection(user: InspectionReader, inspection: ReadableInspection): boolean {
	const scope = inspectionReadScope(user)
	switch (scope.kind) {
		case 'all':
			return true
		case 'group':
			return inspection.group.some((g) => g.userId === scope.userId)
		case 'agency':
			return inspection.visits.some((v) => mayReadVisit(user, { ...v, inGroup: false })) || inspection.findingAgencyIds.includes(scope.agencyId)
		case 'none':
			return false
	}
}

export function groupRoleOf(user: Pick<PolicyUser, 'id'>, inspection: Pick<ReadableInspection, 'group'>): GroupRole | null {
	return inspection.group.find((g) => g.userId === user.id)?.role ?? null
}

// ── What a user may do with one inspection ──────────────────────────────────────────────────

// The secretariat plans inspections, forms their groups and schedules their visits.
export function mayManageInspections(user: Pick<PolicyUser, 'role'>): Verdict {
	return user.role === 'secretariat' ? allowed : forbiddenVerdict
}

// planned → in_progress.
export function mayStartInspection(user: Pick<PolicyUser, 'role'>, inspection: { state: InspectionState }): Verdict {
	if (!mayManageInspections(user).ok) return forbiddenVerdict
	return inspection.state === 'planned' ? allowed : broken('inspections.notPlanned')
}

export function mayScheduleVisits(user: Pick<PolicyUser, 'role'>, inspection: { state: InspectionState }): Verdict {
	if (!mayManageInspections(user).ok) return forbiddenVerdict
	return scheduleOpen(inspection.state) ? allowed : broken('visits.closed')
}

export type InspectionPolicy = {
	read: boolean
	// The user's place in the group, if any.
	groupRole: GroupRole | null
	// Edit the plan and the group.
	manage: boolean
	start: boolean
	// Add, change and delete visits now.
	schedule: boolean
	// The page shows the visited agency's side: its own open visits and findings only.
	agencyView: boolean
}

export function inspectionPolicy(user: InspectionReader, inspection: ReadableInspection & { state: InspectionState }): InspectionPolicy {
	const read = mayReadInspection(user, inspection)
	return {
		read,
		groupRole: groupRoleOf(user, inspection),
		manage: read && mayManageInspections(user).ok,
		start: read && mayStartInspection(user, inspection).ok,
		schedule: read && mayScheduleVisits(user, inspection).ok,
		agencyView: inspectionReadScope(user).kind === 'agency',
	}
}

// ── The list's filters ──────────────────────────────────────────────────────────────────────

export type InspectionListQuery = { year: number | null; state: InspectionState | null }

// The list's filters from the URL: ?year=2025&state=planned. Anything else is ignored.
export function parseInspectionListQuery(params: URLSearchParams): InspectionListQuery {
	const year = Number(params.get('year'))
	const state = params.get('state')
	return {
		year: Number.isInteger(year) && year >= 2000 && year <= 2099 ? year : null,
		state: (inspectionStates as ReadonlyArray<string>).includes(state ?? '') ? (state as InspectionState) : null,
	}
}

export function inspectionListSearch(query: InspectionListQuery): string {
	const params = new URLSearchParams()
	if (query.year !== null) params.set('year', String(query.year))
	if (query.state !== null) params.set('state', query.state)
	const search = params.toString()
	return search ? `?${search}` : ''
}
