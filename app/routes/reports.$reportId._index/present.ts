import type { MilestoneStanding } from '~/domain/reports'
import { formatChineseDate } from '~/domain/dates'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

// How the report page words a milestone's standing.

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
