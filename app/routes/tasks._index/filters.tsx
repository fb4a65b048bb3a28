import { Form, Link } from '@remix-run/react'
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
	return (
		<Form method="get" className="filters no-print" aria-label={t.tasks.filters}>
			{options.instruments.length > 1 ? (
				<div className="field">
					<label htmlFor="filter-instrument">{t.tasks.instrument}</label>
					<select id="filter-instrument" name="instrument" defaultValue={query.instrumentId ?? ''}>
						{options.instruments.map((instrument) => (
							<option key={instrument.id} value={instrument.id}>
								{instrument.title}
							</option>
						))}
					</select>
				</div>
			) : null}
			{options.parts.length ? (
				<div className="field">
					<label htmlFor="filter-part">{t.tasks.part}</label>
					<select id="filter-part" name="part" defaultValue={query.partId ?? ''}>
						<option value="">{t.common.all}</option>
						{options.parts.map((part) => (
							<option key={part.id} value={part.id}>
								{part.label}
								{part.title}
							</option>
						))}
					</select>
				</div>
			) : null}
			<div className="field">
				<label htmlFor="filter-clause">{t.tasks.clause}</label>
				<select id="filter-clause" name="clause" defaultValue={query.clauseId ?? ''}>
					<option value="">{t.common.all}</option>
					{options.clauses.map((clause) => (
						<option key={clause.id} value={clause.id}>
							{clause.label}
						</option>
					))}
				</select>
			</div>
			<div className="field">
				<label htmlFor="filter-agency">{t.tasks.agency}</label>
				<select id="filter-agency" name="agency" defaultValue={query.agencyId ?? ''}>
					<option value="">{t.common.all}</option>
					{options.agencies.map((agency) => (
						<option key={agency.id} value={agency.id}>
							{agency.name}
						</option>
					))}
				</select>
			</div>
			<div className="field">
				<label htmlFor="filter-role">{t.tasks.role}</label>
				<select id="filter-role" name="role" defaultValue={query.role ?? ''} aria-describedby="filter-role-hint">
					<option value="">{t.tasks.roleAny}</option>
					<option value="lead">{t.tasks.roleLead}</option>
					<option value="co">{t.tasks.roleCo}</option>
				</select>
				<span id="filter-role-hint" className="hint">
					{t.tasks.roleHint}
				</span>
			</div>
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
