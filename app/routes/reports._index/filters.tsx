import { Form } from '@remix-run/react'
import { FilterActions } from '~/components/filter-actions'
import { SelectFilter } from '~/components/select-filter'
import { reportStates, type ReportListQuery } from '~/domain/reports'
import { useT } from '~/i18n/i18n'

type Options = {
	organs: Array<{ id: number; name: string }>
	departments: Array<{ id: number; name: string }>
	meetings: Array<{ id: number; label: string }>
	clauses: Array<{ id: number; label: string }>
}

// A GET form: the filters live in the URL, so a filtered list can be shared and exported, and
// the form works without JavaScript.
export function ReportFilters({ query, options }: { query: ReportListQuery; options: Options }) {
	const t = useT()
	return (
		<Form method="get" className="filters no-print" aria-label={t.reports.filters}>
			<SelectFilter
				id="filter-organ"
				name="organ"
				label={t.reports.organ}
				value={query.organId ?? ''}
				any={t.common.all}
				choices={options.organs.map((o) => ({ value: o.id, label: o.name }))}
			/>
			<SelectFilter
				id="filter-department"
				name="department"
				label={t.reports.department}
				value={query.preparingAgencyId ?? ''}
				any={t.common.all}
				choices={options.departments.map((o) => ({ value: o.id, label: o.name }))}
			/>
			<SelectFilter
				id="filter-meeting"
				name="meeting"
				label={t.reports.meeting}
				value={query.meetingId ?? ''}
				any={t.common.all}
				choices={options.meetings.map((m) => ({ value: m.id, label: m.label }))}
			/>
			<SelectFilter
				id="filter-state"
				name="state"
				label={t.reports.state}
				value={query.state ?? ''}
				any={t.common.all}
				choices={reportStates.map((s) => ({ value: s, label: t.reports.states[s] }))}
			/>
			<SelectFilter
				id="filter-clause"
				name="clause"
				label={t.reports.clause}
				value={query.clauseId ?? ''}
				any={t.common.all}
				choices={options.clauses.map((c) => ({ value: c.id, label: c.label }))}
			/>
			<FilterActions resetTo="/reports" />
		</Form>
	)
}
