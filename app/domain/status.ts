import { daysOverdue, type IsoDate } from './dates'

// Implementation status (DESIGN §4). A task's status is derived from its evidence, never stored:
// the secretariat's dated assessments, the latest report's self-assessment, the items linked to
// the task (findings and their rectifications, commitments, resolution actions, handling
// reports, later concern replies) and the task's own 完成时限. The steps of the rule are fixed
// in this order; settings may change thresholds, never the order.

export const statuses = ['not_started', 'in_progress', 'largely_done', 'done', 'lagging'] as const
export type Status = (typeof statuses)[number]
export type AssessedStatus = Exclude<Status, 'lagging'>

// The values an assessment (the secretariat's or a report's self-assessment) may give.
export const assessedStatuses = ['not_started', 'in_progress', 'largely_done', 'done'] as const satisfies ReadonlyArray<AssessedStatus>

export const statusLabels: Record<Status, string> = {
	not_started: '未启动',
	in_progress: '推进中',
	largely_done: '基本落实',
	done: '已落实',
	lagging: '滞后',
}

export type DatedAssessment = { on: IsoDate; status: AssessedStatus }

export type StatusEvidence = {
	// The task's own 完成时限; null for 长期, a standing duty that is never overdue.
	deadline: IsoDate | null
	// The secretariat's latest assessment and the latest report's self-assessment of the task.
	secretariat: DatedAssessment | null
	report: DatedAssessment | null
	// Linked items past their due date today while the agency still owes them.
	overdueItems: number
	// Open findings and commitments: while one is open the task is not 已落实.
	openCaps: number
	// Linked items of any kind and state, and reports covering the task.
	evidenceItems: number
}

// Which step of the rule decided, so that the "why" panel can name it.
export const statusSteps = ['overdue', 'secretariat', 'report', 'evidence', 'none'] as const
export type StatusStep = (typeof statusSteps)[number]

export type DerivedStatus = {
	status: Status
	step: StatusStep
	// True when an open finding or commitment lowered 已落实 to 基本落实.
	capped: boolean
	// The task's 完成时限 passed without the secretariat assessing it 已落实.
	deadlineMissed: boolean
}

export function deadlineMissed(evidence: Pick<StatusEvidence, 'deadline' | 'secretariat'>, today: IsoDate): boolean {
	return daysOverdue(evidence.deadline, today) > 0 && evidence.secretariat?.status !== 'done'
}

export function deriveTaskStatus(evidence: StatusEvidence, today: IsoDate): DerivedStatus {
	const missed = deadlineMissed(evidence, today)
	// 1. Anything overdue today makes the task lag, whatever an assessment says.
	if (missed || evidence.overdueItems > 0) return { status: 'lagging', step: 'overdue', capped: false, deadlineMissed: missed }
	const decided = decideWithoutOverdue(evidence)
	// 4. An open finding or commitment means the work is not finished yet.
	if (decided.status === 'done' && evidence.openCaps > 0) return { ...decided, status: 'largely_done', capped: true, deadlineMissed: false }
	return { ...decided, capped: false, deadlineMissed: false }
}

function decideWithoutOverdue(evidence: StatusEvidence): { status: Status; step: StatusStep } {
	// 2. The newer of the two assessments; on the same day the secretariat's.
	const { secretariat, report } = evidence
	if (secretariat && (!report || secretariat.on >= report.on)) return { status: secretariat.status, step: 'secretariat' }
	if (report) return { status: report.status, step: 'report' }
	// 3. Work under way shows in the record before anyone assesses it.
	if (evidence.evidenceItems > 0) return { status: 'in_progress', step: 'evidence' }
	return { status: 'not_started', step: 'none' }
}

export const noEvidence: StatusEvidence = {
	deadline: null,
	secretariat: null,
	report: null,
	overdueItems: 0,
	openCaps: 0,
	evidenceItems: 0,
}

export type StatusCounts = Record<Status, number>

export function countStatuses(list: Iterable<Status>): StatusCounts {
	const counts: StatusCounts = { not_started: 0, in_progress: 0, largely_done: 0, done: 0, lagging: 0 }
	for (const status of list) counts[status] += 1
	return counts
}

// A clause, part, agency or the whole decision, from its tasks: 滞后 if any task lags; 已落实
// only if all are; 基本落实 if all are at least 基本落实; 未启动 if all are; otherwise 推进中.
// Nothing to roll up (no tasks) reads as 未启动.
export function rollUpStatus(counts: StatusCounts): Status {
	const total = statuses.reduce((sum, status) => sum + counts[status], 0)
	if (counts.lagging > 0) return 'lagging'
	if (total === 0 || counts.not_started === total) return 'not_started'
	if (counts.done === total) return 'done'
	if (counts.done + counts.largely_done === total) return 'largely_done'
	return 'in_progress'
}

export type RolledUp = { status: Status; counts: StatusCounts; total: number }

export function rollUp(list: Iterable<Status>): RolledUp {
	const counts = countStatuses(list)
	return { status: rollUpStatus(counts), counts, total: statuses.reduce((sum, status) => sum + counts[status], 0) }
}

// The secretariat assesses (DESIGN §1); an administrator keeps the system, not the record.
export function mayAssessTask(user: { role: string }): boolean {
	return user.role === 'secretariat'
}

export const assessmentReasonMax = 2000
