import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { ErrorList, Field } from '~/components/forms'
import { fill, useT } from '~/i18n/i18n'
import { maxActionText } from './schema'

type ActionRow = { agencyId?: number; text?: string; dueOn?: string }

// The actions a resolution requires, one row each (agency, what, by when): a fixed number of rows
// so that the form works without JavaScript; empty rows are ignored.
export function ActionRows({ field, agencies }: { field: FieldMetadata<Array<ActionRow> | undefined>; agencies: Array<{ id: number; name: string }> }) {
	const t = useT()
	const rows = field.getFieldList()
	return (
		<fieldset aria-describedby={`${field.id}-hint ${field.errorId}`}>
			<legend>{t.resolutions.actions}</legend>
			<p id={`${field.id}-hint`} className="muted small">
				{t.resolutions.actionsHint}
			</p>
			<ErrorList id={field.errorId} errors={field.errors} />
			<ol className="resolution-action-rows">
				{rows.map((row, index) => {
					const cells = row.getFieldset()
					return (
						<li key={row.key} className="resolution-action-row">
							<span className="resolution-action-row__number" aria-hidden="true">
								{index + 1}
							</span>
							<Field label={fill(t.resolutions.actionAgencyN, { n: index + 1 })} field={cells.agencyId}>
								<select {...getSelectProps(cells.agencyId)}>
									<option value="">{t.resolutions.choose}</option>
									{agencies.map((a) => (
										<option key={a.id} value={a.id}>
											{a.name}
										</option>
									))}
								</select>
							</Field>
							<Field label={fill(t.resolutions.actionTextN, { n: index + 1 })} field={cells.text}>
								<textarea {...getTextareaProps(cells.text)} rows={2} maxLength={maxActionText} />
							</Field>
							<Field label={fill(t.resolutions.actionDueN, { n: index + 1 })} field={cells.dueOn}>
								<input {...getInputProps(cells.dueOn, { type: 'date' })} />
							</Field>
						</li>
					)
				})}
			</ol>
		</fieldset>
	)
}
