import type { ReactNode } from 'react'
import { ErrorList, type ListOfErrors } from './forms'

// Conform's metadata of a field that several checkboxes of one name submit (`fields.clauseIds`).
type ArrayField = { id: string; name: string; errorId: string; errors: ListOfErrors; initialValue: unknown }

type Choice = { value: string | number; label: ReactNode }

// The values a checkbox list starts with: conform gives one checked box as a string, none as
// undefined, several as an array.
export function asList(value: unknown): Array<string> {
	if (Array.isArray(value)) return value.map(String)
	return value === undefined || value === null || value === '' ? [] : [String(value)]
}

// A fieldset with the field's legend, hint and errors, both tied to it by aria-describedby.
function CheckboxFieldset({ field, legend, hint, children }: { field: ArrayField; legend: ReactNode; hint?: ReactNode; children: ReactNode }) {
	const hintId = hint ? `${field.id}-hint` : undefined
	return (
		<fieldset aria-describedby={hintId ? `${hintId} ${field.errorId}` : field.errorId}>
			<legend>{legend}</legend>
			{hint ? (
				<p id={hintId} className="muted small" style={{ marginTop: 0 }}>
					{hint}
				</p>
			) : null}
			{children}
			<ErrorList id={field.errorId} errors={field.errors} />
		</fieldset>
	)
}

function CheckboxList({ name, chosen, choices, className }: { name: string; chosen: Array<string>; choices: Array<Choice>; className: string }) {
	return (
		<div className={className}>
			{choices.map((choice) => (
				<label key={choice.value} className="checkbox">
					<input type="checkbox" name={name} value={choice.value} defaultChecked={chosen.includes(String(choice.value))} />
					{choice.label}
				</label>
			))}
		</div>
	)
}

// A checkbox per choice, all of one field; works without JavaScript and shows again what the
// user checked when the server refuses the form. `empty` is said when there is nothing to check.
export function CheckboxesField({
	field,
	legend,
	hint,
	choices,
	empty,
}: {
	field: ArrayField
	legend: ReactNode
	hint?: ReactNode
	choices: Array<Choice>
	empty?: ReactNode
}) {
	return (
		<CheckboxFieldset field={field} legend={legend} hint={hint}>
			{choices.length === 0 && empty ? <p className="muted small">{empty}</p> : null}
			<CheckboxList name={field.name} chosen={asList(field.initialValue)} choices={choices} className="checkbox-grid" />
		</CheckboxFieldset>
	)
}

export type ClauseChoice = { id: number; label: string; instrumentId: number; instrumentTitle: string }

function groupByInstrument(clauses: Array<ClauseChoice>) {
	const groups: Array<{ id: number; title: string; clauses: Array<ClauseChoice> }> = []
	for (const clause of clauses) {
		let group = groups.find((g) => g.id === clause.instrumentId)
		if (!group) {
			group = { id: clause.instrumentId, title: clause.instrumentTitle, clauses: [] }
			groups.push(group)
		}
		group.clauses.push(clause)
	}
	return groups
}

// The clauses a plan item, an inspection or a report hearing is about: a compact grid of clause
// numbers, under the instrument's title once there is more than one instrument.
export function ClauseCheckboxes({ field, legend, hint, clauses }: { field: ArrayField; legend: ReactNode; hint?: ReactNode; clauses: Array<ClauseChoice> }) {
	const chosen = asList(field.initialValue)
	const groups = groupByInstrument(clauses)
	return (
		<CheckboxFieldset field={field} legend={legend} hint={hint}>
			{groups.map((group) => (
				<div key={group.id}>
					{groups.length > 1 ? <p className="small">{group.title}</p> : null}
					<CheckboxList
						name={field.name}
						chosen={chosen}
						choices={group.clauses.map((clause) => ({ value: clause.id, label: clause.label }))}
						className="clause-picker"
					/>
				</div>
			))}
		</CheckboxFieldset>
	)
}
