import { Form, Link } from '@remix-run/react'
import { SelectFilter } from '~/components/select-filter'
import { statuses } from '~/domain/status'
import type { TaskTableQuery } from '~/domain/tasks'
import { useT } from '~/i18n/i18n'

type Options = {
	instruments: Array<{ id: number; title: string }>
	parts: Array<{ id: number; label: string; title: string }>
	clauses: Array<{ id: number; label: string; partId: number | null }>
	agencies: Array<{ id: number; name: string; active: boolean }>
}

// A GET form: the filters live in the URL, so a filtered table can be bookmarked, shared,
// printed and exported, and the form works without JavaScript.
export function TaskTableFilters({ query, options }: { query: TaskTableQuery; options: Options }) {
	const t = useT()
	const choices = {
		instrument: options.instruments.map((instrument) => ({ value: instrument.id, label: instrument.title })),
		part: options.parts.map((part) => ({ value: part.id, label: <>{part.label}{part.title}</> })),
		clause: options.clauses.map((clause) => ({ value: clause.id, label: clause.label })),
		agency: options.agencies.map((agency) => ({ value: agency.id, label: agency.name })),
		role: [
			{ value: 'lead', label: t.tasks.roleLead },
			{ value: 'co', label: t.tasks.roleCo },
		],
	}
	return (
		<Form method="get" className="filters no-print" aria-label={t.tasks.filters}>
			{options.instruments.length > 1 ? (
				<SelectFilter id="filter-instrument" name="instrument" label={t.tasks.instrument} value={query.instrumentId ?? ''} choices={choices.instrument} />
			) : null}
			{options.parts.length ? (
				<SelectFilter id="filter-part" name="part" label={t.tasks.part} value={query.partId ?? ''} any={t.common.all} choices={choices.part} />
			) : null}
			<SelectFilter id="filter-clause" name="clause" label={t.tasks.clause} value={query.clauseId ?? ''} any={t.common.all} choices={choices.clause} />
			<SelectFilter id="filter-agency" name="agency" label={t.tasks.agency} value={query.agencyId ?? ''} any={t.common.all} choices={choices.agency} />
			<SelectFilter
				id="filter-status"
				name="status"
				label={t.implementation.statusHeading}
				value={query.status ?? ''}
				any={t.common.all}
				choices={statuses.map((status) => ({ value: status, label: t.status[status] }))}
			/>
			<SelectFilter id="filter-role" name="role" label={t.tasks.role} value={query.role ?? ''} any={t.tasks.roleAny} choices={choices.role} hint={t.tasks.roleHint} />
			<div className="toolbar">
				<button type="submit" className="button">
					{t.common.search}
				</button>
				<Link to="/tasks" className="button button--secondary">
					{t.common.reset}
				</Link>
			</div>
		</Form>
	)
}

