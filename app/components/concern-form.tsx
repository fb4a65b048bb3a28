import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { AttachmentInput } from '~/components/attachment-input'
import { CheckboxesField, ClauseCheckboxes, type ClauseChoice } from '~/components/checkbox-fields'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { useSchemaForm } from '~/components/schema-form'
import { districts } from '~/domain/concerns'
import { fill, useT } from '~/i18n/i18n'
import { concernDraftSchema, maxCommunity, maxConstituentName, maxConstituents, maxDescription, maxTitle, type ConcernDraftValue } from './concern-form-schema'

export type ConcernFormChoices = {
	categories: Array<{ id: number; name: string }>
	clauses: Array<ClauseChoice>
	deputies: Array<{ id: number; name: string }>
}

type Initial = Partial<Omit<ConcernDraftValue, 'intent'>>

// The deputy's filing form, for a new concern and for its draft: kept as a draft or handed to
// the office. The constituents' rows are this deputy's alone to see; the hint says so.
export function ConcernForm({
	id,
	choices,
	lastResult,
	initial,
	attachmentErrors,
}: {
	id: string
	choices: ConcernFormChoices
	lastResult: SubmissionResult<Array<string>> | null | undefined
	initial?: Initial
	attachmentErrors?: Array<string>
}) {
	const t = useT()
	const rows = [...(initial?.constituents ?? [])]
	while (rows.length < maxConstituents) rows.push({ name: '', phone: '' })
	const [form, fields] = useSchemaForm(concernDraftSchema(t), {
		id,
		lastResult,
		defaultValue: { ...initial, constituents: rows, categoryId: initial?.categoryId, version: initial?.version } as never,
	})
	const constituents = fields.constituents.getFieldList()
	return (
		<Form method="post" encType="multipart/form-data" className="form form--wide" {...getFormProps(form)}>
			<ErrorList id={form.errorId} errors={form.errors} />
			{initial?.version ? <input type="hidden" name="version" value={initial.version} /> : null}
			<Field label={t.concerns.titleField} field={fields.title} hint={t.concerns.titleHint}>
				<input {...getInputProps(fields.title, { type: 'text' })} maxLength={maxTitle} />
			</Field>
			<div className="field-row">
				<Field label={t.concerns.district} field={fields.district}>
					<select {...getSelectProps(fields.district)}>
						<option value="">{t.concerns.choose}</option>
						{districts.map((d) => (
							<option key={d} value={d}>
								{d}
							</option>
						))}
					</select>
				</Field>
				<Field label={t.concerns.community} field={fields.community} hint={t.concerns.communityHint}>
					<input {...getInputProps(fields.community, { type: 'text' })} maxLength={maxCommunity} />
				</Field>
				<Field label={t.concerns.category} field={fields.categoryId}>
					<select {...getSelectProps(fields.categoryId)}>
						<option value="">{t.concerns.choose}</option>
						{choices.categories.map((c) => (
							<option key={c.id} value={c.id}>
								{c.name}
							</option>
						))}
					</select>
				</Field>
			</div>
			<Field label={t.concerns.description} field={fields.description} hint={t.concerns.descriptionHint}>
				<textarea {...getTextareaProps(fields.description)} rows={8} maxLength={maxDescription} />
			</Field>
			<fieldset>
				<legend>{t.concerns.constituents}</legend>
				<p className="hint">{t.concerns.constituentsHint}</p>
				{constituents.map((row, index) => {
					const person = row.getFieldset()
					return (
						<div className="field-row" key={row.key}>
							<Field label={`${fill(t.concerns.constituentN, { n: index + 1 })} · ${t.concerns.constituentName}`} field={person.name}>
								<input {...getInputProps(person.name, { type: 'text' })} maxLength={maxConstituentName} autoComplete="off" />
							</Field>
							<Field label={`${fill(t.concerns.constituentN, { n: index + 1 })} · ${t.concerns.constituentPhone}`} field={person.phone}>
								<input {...getInputProps(person.phone, { type: 'tel' })} maxLength={20} autoComplete="off" inputMode="tel" />
							</Field>
						</div>
					)
				})}
				<p className="hint">{fill(t.concerns.addConstituentHint, { max: maxConstituents })}</p>
			</fieldset>
			<ClauseCheckboxes field={fields.clauseIds} legend={t.concerns.clauses} hint={t.concerns.clausesHint} clauses={choices.clauses} />
			<CheckboxesField
				field={fields.cosignerIds}
				legend={t.concerns.cosigners}
				hint={t.concerns.cosignersHint}
				choices={choices.deputies.map((d) => ({ value: d.id, label: d.name }))}
				empty={t.concerns.noDeputies}
			/>
			<AttachmentInput id={`${id}-attachments`} name="attachments" label={t.concerns.attachments} errors={attachmentErrors} />
			<div className="button-row">
				<SubmitButton name="intent" value="submit">
					{t.concerns.submitNow}
				</SubmitButton>
				<SubmitButton name="intent" value="draft" className="button button--secondary">
					{t.concerns.saveDraft}
				</SubmitButton>
			</div>
		</Form>
	)
}
