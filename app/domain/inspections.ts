import type { IsoDate } from './dates'

// Law-enforcement inspections (执法检查): the vocabulary shared by the schema, the pages and
// the rules. Kept here, not in db/schema.ts, so that browser code can use it.

// 座谈会, 实地检查, 第三方评估, 问卷调查, 抽查 (Supervision Law Art. 35)
export const inspectionForms = ['symposium', 'field', 'third_party', 'survey', 'spot_check'] as const
export type InspectionForm = (typeof inspectionForms)[number]

export const inspectionStates = ['planned', 'in_progress', 'reporting', 'deliberation', 'closed'] as const
export type InspectionState = (typeof inspectionStates)[number]

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
