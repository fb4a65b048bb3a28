import { reportStepRules, type DraftGap, type MilestoneStanding, type ReportState, type ReportStep, type StepRefusal } from '~/domain/reports'
import { formatChineseDate } from '~/domain/dates'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

// How the report page words a milestone's standing and a refusal.

export function standingWords(t: Messages, s: MilestoneStanding): { text: string; tone: 'ok' | 'late' | 'pending' | 'overdue' } {
	switch (s.kind) {
		case 'done':
			return s.daysLate > 0
				? { text: fill(t.reports.doneLate, { date: formatChineseDate(s.on), days: s.daysLate }), tone: 'late' }
				: { text: fill(t.reports.doneOnTime, { date: formatChineseDate(s.on) }), tone: 'ok' }
		case 'pending':
			return { text: s.daysLeft === 0 ? t.reports.dueToday : fill(t.reports.dueIn, { days: s.daysLeft }), tone: 'pending' }
		case 'overdue':
			return { text: fill(t.reports.overdueBy, { days: s.daysOverdue }), tone: 'overdue' }
	}
}

export function refusalMessage(
	t: Messages,
	refusal: StepRefusal,
	step: ReportStep,
	report: { state: ReportState; preparingName: string },
): string {
	const rule = reportStepRules[step]
	if (refusal === 'role') return rule.by === 'agency' ? t.reports.refusals.agencyStep : t.reports.refusals.secretariatStep
	if (refusal === 'agency') return fill(t.reports.refusals.otherAgency, { name: report.preparingName })
	return fill(t.reports.refusals.state, { step: t.reports.steps[step], state: t.reports.states[report.state], from: t.reports.states[rule.from] })
}

export function gapsMessage(t: Messages, gaps: ReadonlyArray<DraftGap>): string {
	return fill(t.reports.refusals.incomplete, { gaps: gaps.map((g) => t.reports.gaps[g]).join(t.reports.separator) })
}
