import { agencyItemOverdueDays, agencyItemStates, agencyItemTransition, type AgencyItemState } from './agency-items'
import type { IsoDate } from './dates'
import { parseRecordId } from './ids'
import { allowed, broken, forbiddenBecause, forbiddenVerdict, type Verdict } from './refusal'
import type { PolicyUser } from './roles'

// Commitments (承诺事项): what an agency's official undertook in an answer at an inquiry, with the
// agency and a due date. Tracked as an agency item (app/domain/agency-items.ts): the agency
// reports what it did, the secretariat accepts or reopens with a reason; overdue is computed.

export type CommitmentReader = Pick<PolicyUser, 'role' | 'agencyId'>

// Members, the secretariat and admin read every commitment; deputies those of published records;
// an agency's liaison their own agency's, whether or not the record is published — the agency
// reports on them from the day they are made.
export type CommitmentReadScope = { kind: 'all' } | { kind: 'published' } | { kind: 'agency'; agencyId: number } | { kind: 'none' }

export function commitmentReadScope(user: CommitmentReader): CommitmentReadScope {
	switch (user.role) {
		case 'admin':
		case 'secretariat':
		case 'member':
			return { kind: 'all' }
		case 'deputy':
			return { kind: 'published' }
		case 'agency':
			return user.agencyId === null ? { kind: 'none' } : { kind: 'agency', agencyId: user.agencyId }
	}
}

export type ReadableCommitment = { agencyId: number; published: boolean }

export function mayReadCommitment(user: CommitmentReader, commitment: ReadableCommitment): boolean {
	const scope = commitmentReadScope(user)
	switch (scope.kind) {
		case 'all':
			return true
		case 'published':
			return commitment.published
		case 'agency':
			return commitment.agencyId === scope.agencyId
		case 'none':
			return false
	}
}

export const commitmentSteps = ['respond', 'accept', 'reopen'] as const
export type CommitmentStep = (typeof commitmentSteps)[number]

// The agency's own liaisons report; the secretariat verifies. Out of turn, the rule says why.
export function mayTakeCommitmentStep(
	user: CommitmentReader,
	commitment: { agencyId: number; state: AgencyItemState },
	step: CommitmentStep,
): Verdict {
	if (step === 'respond') {
		if (user.role !== 'agency' || user.agencyId !== commitment.agencyId) {
			return user.role === 'secretariat' ? forbiddenBecause('commitments.agencyReports') : forbiddenVerdict
		}
	} else if (user.role !== 'secretariat') {
		return forbiddenVerdict
	}
	if (agencyItemTransition(commitment.state, step) === null) {
		return broken(`commitments.${step}State`, { state: { label: `commitments.states.${commitment.state}` } })
	}
	return allowed
}

export type CommitmentPolicy = Record<CommitmentStep, boolean> & { read: boolean }

export function commitmentPolicy(user: CommitmentReader, commitment: ReadableCommitment & { state: AgencyItemState }): CommitmentPolicy {
	const read = mayReadCommitment(user, commitment)
	const steps = Object.fromEntries(commitmentSteps.map((step) => [step, read && mayTakeCommitmentStep(user, commitment, step).ok]))
	return { ...(steps as Record<CommitmentStep, boolean>), read }
}

export function commitmentOverdueDays(commitment: { state: AgencyItemState; dueOn: IsoDate }, today: IsoDate): number {
	return agencyItemOverdueDays(commitment, today)
}

// ── The list's filters ──────────────────────────────────────────────────────────────────────

export const commitmentPageSize = 30

export type CommitmentListQuery = {
	agencyId?: number
	state?: AgencyItemState
	overdue?: boolean
	clauseId?: number
	inquiryId?: number
	page: number
}

export function parseCommitmentListQuery(params: URLSearchParams): CommitmentListQuery {
	const query: CommitmentListQuery = { page: Math.min(Math.max(1, Math.trunc(Number(params.get('page'))) || 1), 100_000) }
	const agencyId = parseRecordId(params.get('agency'))
	const clauseId = parseRecordId(params.get('clause'))
	const inquiryId = parseRecordId(params.get('inquiry'))
	const state = params.get('state')
	if (agencyId) query.agencyId = agencyId
	if (clauseId) query.clauseId = clauseId
	if (inquiryId) query.inquiryId = inquiryId
	if (state && (agencyItemStates as ReadonlyArray<string>).includes(state)) query.state = state as AgencyItemState
	if (params.get('overdue') === '1') query.overdue = true
	return query
}

export function commitmentListSearch(query: Omit<CommitmentListQuery, 'page'> & { page?: number }): string {
	const params = new URLSearchParams()
	if (query.agencyId) params.set('agency', String(query.agencyId))
	if (query.state) params.set('state', query.state)
	if (query.overdue) params.set('overdue', '1')
	if (query.clauseId) params.set('clause', String(query.clauseId))
	if (query.inquiryId) params.set('inquiry', String(query.inquiryId))
	if (query.page && query.page > 1) params.set('page', String(query.page))
	const search = params.toString()
	return search ? `?${search}` : ''
}

export function isCommitmentListFiltered(query: CommitmentListQuery): boolean {
	return Boolean(query.agencyId || query.state || query.overdue || query.clauseId || query.inquiryId)
}

// ── The CSV (Chinese column names whatever the interface language) ──────────────────────────

export const commitmentStateLabels: Record<AgencyItemState, string> = {
	open: '落实中',
	responded: '已报告，待核实',
	reopened: '退回，重新落实',
	accepted: '已核实办结',
}

export const commitmentCsvHeaders = ['单位', '承诺事项', '来源', '会议', '条款', '期限', '状态', '逾期天数', '落实情况', '报告日期', '核实日期', '退回理由']

export type CommitmentCsvRow = {
	agencyName: string
	text: string
	source: string
	meetingLabel: string
	clauseLabels: ReadonlyArray<string>
	dueOn: IsoDate
	state: AgencyItemState
	overdueDays: number
	response: string
	respondedOn: IsoDate | null
	verifiedOn: IsoDate | null
	reopenReason: string | null
}

export function commitmentCsvRecord(row: CommitmentCsvRow): Array<string> {
	return [
		row.agencyName,
		row.text,
		row.source,
		row.meetingLabel,
		row.clauseLabels.join('、'),
		row.dueOn,
		commitmentStateLabels[row.state],
		row.overdueDays > 0 ? String(row.overdueDays) : '',
		row.response,
		row.respondedOn ?? '',
		row.verifiedOn ?? '',
		row.state === 'reopened' ? (row.reopenReason ?? '') : '',
	]
}

// Where a commitment was made, as the CSV and the lists say it: 专题询问“涉诈资金……”第3问.
export function commitmentSource(kindLabel: string, topic: string, questionNumber: number): string {
	return `${kindLabel}“${topic}”第${questionNumber}问`
}
