import type { ReactNode } from 'react'

export type FilterChoice = { value: string | number; label: ReactNode }

// One labelled <select> of a filter bar: a GET form whose fields live in the URL, so it works
// without JavaScript. `value` is the filter now applied ('' for none); `any`, when given, is
// the label of the empty first choice that applies no filter. A hint is tied to the select by
// aria-describedby.
export function SelectFilter({
	id,
	name,
	label,
	value,
	any,
	choices,
	hint,
}: {
	id: string
	name: string
	label: ReactNode
	value: string | number
	any?: ReactNode
	choices: Array<FilterChoice>
	hint?: ReactNode
}) {
	const hintId = hint ? `${id}-hint` : undefined
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select id={id} name={name} defaultValue={value} aria-describedby={hintId}>
				{any === undefined ? null : <option value="">{any}</option>}
				{choices.map((choice) => (
					<option key={choice.value} value={choice.value}>
						{choice.label}
					</option>
				))}
			</select>
			{hint ? (
				<span id={hintId} className="hint">
					{hint}
				</span>
			) : null}
		</div>
	)
}
