import { Form } from '@remix-run/react'
import { FilterActions } from '~/components/filter-actions'
import { SelectFilter } from '~/components/select-filter'
import { concernRatings, concernStates, districts, type ConcernListQuery } from '~/domain/concerns'
import { useT } from '~/i18n/i18n'

type Options = {
	categories: Array<{ id: number; name: string }>
	agencies: Array<{ id: number; name: string }>
	clauses: Array<{ id: number; label: string }>
}

// A GET form: the filters live in the URL, so a filtered list can be shared and exported, and the
// form works without JavaScript.
export function ConcernFilters({ query, options, showAgency }: { query: ConcernListQuery; options: Options; showAgency: boolean }) {
	const t = useT()
	return (
		<Form method="get" className="filters no-print" aria-label={t.concerns.filters}>
			<SelectFilter id="filter-state" name="state" label={t.concerns.state} value={query.state ?? ''} any={t.common.all} choices={concernStates.map((s) => ({ value: s, label: t.concerns.states[s] }))} />
			<SelectFilter id="filter-district" name="district" label={t.concerns.district} value={query.district ?? ''} any={t.common.all} choices={districts.map((d) => ({ value: d, label: d }))} />
			<SelectFilter id="filter-category" name="category" label={t.concerns.category} value={query.categoryId ?? ''} any={t.common.all} choices={options.categories.map((c) => ({ value: c.id, label: c.name }))} />
			<SelectFilter id="filter-clause" name="clause" label={t.concerns.clauses} value={query.clauseId ?? ''} any={t.common.all} choices={options.clauses.map((c) => ({ value: c.id, label: c.label }))} />
			{showAgency ? (
				<SelectFilter id="filter-agency" name="agency" label={t.concerns.agencies} value={query.agencyId ?? ''} any={t.common.all} choices={options.agencies.map((a) => ({ value: a.id, label: a.name }))} />
			) : null}
			<SelectFilter
				id="filter-rating"
				name="rating"
				label={t.concerns.rating}
				value={query.rating ?? ''}
				any={t.concerns.anyRating}
				choices={[...concernRatings.map((r) => ({ value: r, label: t.concerns.ratings[r] })), { value: 'unrated', label: t.concerns.unrated }]}
			/>
			<div className="field field--check">
				<label>
					<input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue ?? false} /> {t.concerns.overdueOnly}
				</label>
			</div>
			<FilterActions resetTo="/concerns" />
		</Form>
	)
}
