import { Form } from '@remix-run/react'
import { FilterActions } from '~/components/filter-actions'
import { SelectFilter } from '~/components/select-filter'
import { interpellationStates, type InterpellationListQuery } from '~/domain/interpellations'
import { useT } from '~/i18n/i18n'

type Options = { targets: Array<{ id: number; name: string }>; years: Array<number> }

// A GET form: the filters live in the URL, so a filtered list can be shared and exported, and the
// form works without JavaScript.
export function InterpellationFilters({ query, options }: { query: InterpellationListQuery; options: Options }) {
	const t = useT()
	return (
		<Form method="get" className="filters no-print" aria-label={t.interpellations.filters}>
			<SelectFilter
				id="filter-state"
				name="state"
				label={t.interpellations.state}
				value={query.state ?? ''}
				any={t.common.all}
				choices={interpellationStates.map((s) => ({ value: s, label: t.interpellations.states[s] }))}
			/>
			<SelectFilter
				id="filter-target"
				name="target"
				label={t.interpellations.target}
				value={query.targetId ?? ''}
				any={t.common.all}
				choices={options.targets.map((a) => ({ value: a.id, label: a.name }))}
			/>
			<SelectFilter
				id="filter-year"
				name="year"
				label={t.interpellations.year}
				value={query.year ?? ''}
				any={t.common.all}
				choices={options.years.map((y) => ({ value: y, label: String(y) }))}
			/>
			<FilterActions resetTo="/interpellations" />
		</Form>
	)
}
