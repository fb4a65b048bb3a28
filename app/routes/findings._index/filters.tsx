import { Form } from '@remix-run/react'
import { FilterActions } from '~/components/filter-actions'
import { SelectFilter } from '~/components/select-filter'
import { rectificationStates, type FindingListQuery } from '~/domain/findings'
import { severities } from '~/domain/inspections'
import { useT } from '~/i18n/i18n'

type Options = {
	inspections: Array<{ id: number; title: string; year: number }>
	clauses: Array<{ id: number; label: string }>
	agencies: Array<{ id: number; name: string }>
}

// A GET form: the filters live in the URL, so a filtered list can be shared and exported, and
// the form works without JavaScript. A liaison has no agency filter: they only see their own.
export function FindingFilters({ query, options }: { query: FindingListQuery; options: Options }) {
	const t = useT()
	return (
		<Form method="get" className="filters no-print" aria-label={t.findings.filters}>
			<SelectFilter
				id="filter-inspection"
				name="inspection"
				label={t.findings.inspection}
				value={query.inspectionId ?? ''}
				any={t.common.all}
				choices={options.inspections.map((i) => ({ value: i.id, label: `${i.year} ${i.title}` }))}
			/>
			<SelectFilter
				id="filter-clause"
				name="clause"
				label={t.findings.clause}
				value={query.clauseId ?? ''}
				any={t.common.all}
				choices={options.clauses.map((c) => ({ value: c.id, label: c.label }))}
			/>
			{options.agencies.length ? (
				<SelectFilter
					id="filter-agency"
					name="agency"
					label={t.findings.agency}
					value={query.agencyId ?? ''}
					any={t.common.all}
					choices={options.agencies.map((a) => ({ value: a.id, label: a.name }))}
				/>
			) : null}
			<SelectFilter
				id="filter-severity"
				name="severity"
				label={t.findings.severity}
				value={query.severity ?? ''}
				any={t.common.all}
				choices={severities.map((s) => ({ value: s, label: t.findings.severities[s] }))}
			/>
			<SelectFilter
				id="filter-state"
				name="state"
				label={t.findings.state}
				value={query.state ?? ''}
				any={t.common.all}
				choices={rectificationStates.map((s) => ({ value: s, label: t.findings.states[s] }))}
			/>
			<div className="field field--check">
				<label>
					<input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue ?? false} /> {t.findings.overdueOnly}
				</label>
			</div>
			<FilterActions resetTo="/findings" />
		</Form>
	)
}
