import type { Database } from '#db/client.server'
import type { IsoDate } from '~/domain/dates'
import { isReportingOrgan, mayPrepareFor } from '~/domain/reports'
import type { Messages } from '~/i18n/zh'
import { fill } from '~/i18n/i18n'
import { listMeetingOptions } from '~/models/meetings/queries.server'
import { listClauseOptions, listPlanItemOptions } from '~/models/plan/queries.server'
import { listOrganAndDepartmentOptions } from '~/models/reports/queries.server'
import type { ScheduleValue } from './schema'

// What the scheduling form offers: the reporting organs, the government's departments, the
// meetings not yet started (soonest first), the clauses, and the plan's report hearings of those
// meetings' years.
export async function loadScheduleOptions(db: Database, today: IsoDate) {
	const [agencyRows, meetingRows, clauseRows, planRows] = await Promise.all([
		listOrganAndDepartmentOptions(db),
		listMeetingOptions(db),
		listClauseOptions(db),
		listPlanItemOptions(db, 'report_hearing'),
	])
	const meetings = meetingRows.filter((m) => m.startsOn > today).reverse()
	const years = new Set(meetings.map((m) => Number(m.startsOn.slice(0, 4))))
	return {
		organs: agencyRows.filter(isReportingOrgan),
		departments: agencyRows.filter((a) => a.kind === 'department' && a.level === '市'),
		meetings,
		clauses: clauseRows,
		planItems: planRows.filter((p) => years.has(p.year)),
	}
}

export type ScheduleOptions = Awaited<ReturnType<typeof loadScheduleOptions>>

// The checks against the options, as field errors (empty when everything fits).
export function scheduleProblems(t: Messages, value: ScheduleValue, options: ScheduleOptions) {
	const errors: Record<string, Array<string>> = {}
	const organ = options.organs.find((o) => o.id === value.organId)
	if (!organ) errors.organId = [t.reports.organInvalid]
	const candidates = [...options.departments, ...options.organs]
	const preparing = candidates.find((a) => a.id === value.preparingAgencyId)
	if (organ && (!preparing || !mayPrepareFor(organ, preparing))) errors.preparingAgencyId = [t.reports.departmentInvalid]
	const meeting = options.meetings.find((m) => m.id === value.meetingId)
	if (!meeting) errors.meetingId = [t.reports.meetingInvalid]
	const known = new Set(options.clauses.map((c) => c.id))
	if (value.clauseIds.some((id) => !known.has(id))) errors.clauseIds = [t.reports.clauseInvalid]
	if (value.planItemId !== undefined && meeting) {
		const year = Number(meeting.startsOn.slice(0, 4))
		const item = options.planItems.find((p) => p.id === value.planItemId)
		if (!item || item.year !== year) errors.planItemId = [fill(t.reports.planItemInvalid, { year })]
	}
	return { errors, organ, meeting }
}
