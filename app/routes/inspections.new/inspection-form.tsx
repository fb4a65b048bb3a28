import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CheckboxesField, ClauseCheckboxes, type ClauseChoice } from '~/components/checkbox-fields'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { inspectionForms } from '~/domain/inspections'
import { fill, useT } from '~/i18n/i18n'
import { createInspectionSchema, updateInspectionSchema } from './schema'

// The inspection form of /inspections/new and /inspections/$id/edit: plan item, title, year,
// scope, forms, period, organ and group. Works without JavaScript and gets back what the user
// typed when the server refuses it.

export type InspectionFormOptions = {
	organs: Array<{ id: number; name: string }>
	clauses: Array<ClauseChoice>
	members: Array<{ id: number; realName: string; position: string }>
	deputies: Array<{ id: number; realName: string; position: string }>
	planItems: Array<{ id: number; year: number; title: string }>
}

export type InspectionDefaults = {
	planItemId?: number | null
	title?: string
	year: number
	clauseIds?: Array<number>
	forms?: Array<string>
	startsOn?: string
	endsOn?: string
	organId?: number | null
	leaderId?: number | null
	memberIds?: Array<number>
	deputyIds?: Array<number>
}

function person(p: { realName: string; position: string }) {
	return p.position ? `${p.realName}（${p.position}）` : p.realName
}

export function InspectionForm({
	id,
	options,
	defaults,
	lastResult,
	version,
	submitLabel,
	planItemAction,
	children,
}: {
	id: string
	options: InspectionFormOptions
	defaults: InspectionDefaults
	lastResult: SubmissionResult<Array<string>> | undefined
	// Set on the edit page: the version the user saw (see updateVersioned).
	version?: number
	submitLabel: string
	// Where the "fill in from the plan item" button sends its GET (the new page only).
	planItemAction?: string
	children?: ReactNode
}) {
	const t = useT()
	const schema = version === undefined ? createInspectionSchema(t) : updateInspectionSchema(t)
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue: {
			planItemId: defaults.planItemId ? String(defaults.planItemId) : '',
			title: defaults.title ?? '',
			year: String(defaults.year),
			clauseIds: (defaults.clauseIds ?? []).map(String),
			forms: defaults.forms ?? [],
			startsOn: defaults.startsOn ?? '',
			endsOn: defaults.endsOn ?? '',
			organId: defaults.organId ? String(defaults.organId) : '',
			leaderId: defaults.leaderId ? String(defaults.leaderId) : '',
			memberIds: (defaults.memberIds ?? []).map(String),
			deputyIds: (defaults.deputyIds ?? []).map(String),
		},
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			{version === undefined ? null : (
				<>
					<input type="hidden" name="intent" value="update" />
					<input type="hidden" name="version" value={version} />
				</>
			)}
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.inspections.planItem} field={fields.planItemId} hint={planItemAction ? t.inspections.planItemHint : undefined}>
				<select {...getSelectProps(fields.planItemId)}>
					<option value="">{t.inspections.planItemNone}</option>
					{options.planItems.map((item) => (
						<option key={item.id} value={item.id}>
							{fill(t.inspections.yearValue, { year: item.year })} · {item.title}
						</option>
					))}
				</select>
				{planItemAction && options.planItems.length > 0 ? (
					<div>
						<button type="submit" className="button button--secondary button--small" formMethod="get" formAction={planItemAction} formNoValidate>
							{t.inspections.usePlanItem}
						</button>
					</div>
				) : null}
			</Field>
			<Field label={t.inspections.name} field={fields.title} hint={t.inspections.titleHint}>
				<input {...getInputProps(fields.title, { type: 'text' })} />
			</Field>
			<div className="grid-2">
				<Field label={t.inspections.year} field={fields.year}>
					<input {...getInputProps(fields.year, { type: 'number' })} style={{ maxWidth: '9rem' }} />
				</Field>
				<Field label={t.inspections.organ} field={fields.organId} hint={t.inspections.organHint}>
					<select {...getSelectProps(fields.organId)}>
						<option value="">{t.inspections.organNone}</option>
						{options.organs.map((organ) => (
							<option key={organ.id} value={organ.id}>
								{organ.name}
							</option>
						))}
					</select>
				</Field>
			</div>
			<div className="grid-2">
				<Field label={t.inspections.startsOn} field={fields.startsOn}>
					<input {...getInputProps(fields.startsOn, { type: 'date' })} style={{ maxWidth: '14rem' }} />
				</Field>
				<Field label={t.inspections.endsOn} field={fields.endsOn}>
					<input {...getInputProps(fields.endsOn, { type: 'date' })} style={{ maxWidth: '14rem' }} />
				</Field>
			</div>
			<CheckboxesField
				field={fields.forms}
				legend={t.inspections.forms}
				hint={t.inspections.formsHint}
				choices={inspectionForms.map((f) => ({ value: f, label: t.inspections.formNames[f] }))}
			/>
			<ClauseCheckboxes field={fields.clauseIds} legend={t.inspections.scope} hint={t.inspections.scopeHint} clauses={options.clauses} />
			<fieldset className="inspection-group-fields">
				<legend>{t.inspections.group}</legend>
				<p className="muted small" style={{ marginTop: 0 }}>
					{t.inspections.groupHint}
				</p>
				<Field label={t.inspections.roles.leader} field={fields.leaderId}>
					<select {...getSelectProps(fields.leaderId)} style={{ maxWidth: '20rem' }}>
						<option value="">{t.inspections.leaderNone}</option>
						{options.members.map((m) => (
							<option key={m.id} value={m.id}>
								{person(m)}
							</option>
						))}
					</select>
				</Field>
				<CheckboxesField
					field={fields.memberIds}
					legend={t.inspections.members}
					choices={options.members.map((m) => ({ value: m.id, label: person(m) }))}
					empty={t.inspections.noMembers}
				/>
				<CheckboxesField
					field={fields.deputyIds}
					legend={t.inspections.deputies}
					choices={options.deputies.map((d) => ({ value: d.id, label: person(d) }))}
					empty={t.inspections.noDeputies}
				/>
			</fieldset>
			<div className="toolbar">
				<SubmitButton>{submitLabel}</SubmitButton>
				{children}
			</div>
		</Form>
	)
}
