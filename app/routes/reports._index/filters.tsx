import { Form, Link } from '@remix-run/react'
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
	const select = (name: string, label: string, value: string | number | undefined, items: Array<{ value: string | number; label: string }>) => (
		<div className="field">
			<label htmlFor={`filter-${name}`}>{label}</label>
			<select id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
				<option value="">{t.common.all}</option>
				{items.map((item) => (
					<option key={item.value} value={item.value}>
						{item.label}
					</option>
				))}
			</select>
		</div>
	)
	return (
		<Form method="get" className="filters no-print" aria-label={t.reports.filters}>
			{select('organ', t.reports.organ, query.organId, options.organs.map((o) => ({ value: o.id, label: o.name })))}
			{select('department', t.reports.department, query.preparingAgencyId, options.departments.map((o) => ({ value: o.id, label: o.name })))}
			{select('meeting', t.reports.meeting, query.meetingId, options.meetings.map((m) => ({ value: m.id, label: m.label })))}
			{select('state', t.reports.state, query.state, reportStates.map((s) => ({ value: s, label: t.reports.states[s] })))}
			{select('clause', t.reports.clause, query.clauseId, options.clauses.map((c) => ({ value: c.id, label: c.label })))}
			<div className="toolbar">
				<button type="submit" className="button">
					{t.common.search}
				</button>
				<Link to="/reports" className="button button--secondary">
					{t.common.reset}
				</Link>
			</div>
		</Form>
	)
}
