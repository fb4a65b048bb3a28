// Implementation status (DESIGN §4). A task's status is derived from its evidence, newest
// first: the secretariat's latest assessment, open findings and rectifications, overdue items,
// the latest report's self-assessment. Each later issue adds its kind of evidence here; without
// any evidence a task is 未启动.

export const statuses = ['not_started', 'in_progress', 'largely_done', 'done', 'lagging'] as const
export type Status = (typeof statuses)[number]

export const statusLabels: Record<Status, string> = {
	not_started: '未启动',
	in_progress: '推进中',
	largely_done: '基本落实',
	done: '已落实',
	lagging: '滞后',
}

export type StatusEvidence = {
	// Dated assessments of the task (the secretariat's, or a report's self-assessment).
	assessments: ReadonlyArray<{ on: string; status: Exclude<Status, 'lagging'>; source: 'secretariat' | 'report' }>
	// Open items on the task that are past their due date (findings, commitments, …).
	overdueItems: number
}

export type DerivedStatus = { status: Status; reason: string }

export function deriveTaskStatus(evidence: StatusEvidence): DerivedStatus {
	if (evidence.overdueItems > 0) {
		return { status: 'lagging', reason: `${evidence.overdueItems} 项事项已逾期` }
	}
	const latest = (source: 'secretariat' | 'report') =>
		[...evidence.assessments].filter((a) => a.source === source).sort((a, b) => b.on.localeCompare(a.on))[0]
	// The secretariat's assessment outranks an agency's self-assessment, whatever their dates.
	const secretariat = latest('secretariat')
	if (secretariat) return { status: secretariat.status, reason: `常委会工作机构 ${secretariat.on} 评估` }
	const report = latest('report')
	if (report) return { status: report.status, reason: `专项工作报告 ${report.on} 自评` }
	return { status: 'not_started', reason: '尚无落实情况的证据' }
}

export const noEvidence: StatusEvidence = { assessments: [], overdueItems: 0 }
