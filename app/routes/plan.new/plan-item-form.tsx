import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ClauseCheckboxes, type ClauseChoice } from '~/components/checkbox-fields'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { useSchemaForm } from '~/components/schema-form'
import { planItemKinds } from '~/domain/meetings'
import { fill, useT } from '~/i18n/i18n'
import { createPlanItemSchema, updatePlanItemSchema } from './schema'

// The plan item form of /plan/new and /plan/$itemId/edit: works without JavaScript, and gets
// back what the user typed when the server refuses it.

export type PlanFormOptions = {
	organs: Array<{ id: number; name: string; active: boolean }>
	clauses: Array<ClauseChoice>
}

type Defaults = {
	year: number
	kind?: string
	title?: string
	organId?: number | null
	plannedMonth?: number | null
	clauseIds?: Array<number>
	notes?: string
}

export function PlanItemForm({
	id,
	options,
	defaults,
	lastResult,
	version,
	submitLabel,
	children,
}: {
	id: string
	options: PlanFormOptions
	defaults: Defaults
	lastResult: SubmissionResult<Array<string>> | undefined
	// Set on the edit page: the version the user saw (see lockVersioned).
	version?: number
	submitLabel: string
	children?: ReactNode
}) {
	const t = useT()
	const schema = version === undefined ? createPlanItemSchema(t) : updatePlanItemSchema(t)
	const [form, fields] = useSchemaForm(schema, {
		id,
		lastResult,
		defaultValue: {
			year: String(defaults.year),
			kind: defaults.kind ?? '',
			title: defaults.title ?? '',
			organId: defaults.organId ? String(defaults.organId) : '',
			plannedMonth: defaults.plannedMonth ? String(defaults.plannedMonth) : '',
			clauseIds: (defaults.clauseIds ?? []).map(String),
			notes: defaults.notes ?? '',
		},
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
			<fieldset aria-describedby={fields.kind.errorId}>
				<legend>{t.plan.kind}</legend>
				{planItemKinds.map((kind) => (
					<label key={kind} className="checkbox">
						<input type="radio" name={fields.kind.name} value={kind} defaultChecked={fields.kind.initialValue === kind} required />
						{t.plan.kinds[kind]}
					</label>
				))}
				<ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
			</fieldset>
			<Field label={t.plan.itemTitle} field={fields.title} hint={t.plan.itemTitleHint}>
				<input {...getInputProps(fields.title, { type: 'text' })} />
			</Field>
			<div className="grid-2">
				<Field label={t.plan.year} field={fields.year}>
					<input {...getInputProps(fields.year, { type: 'number' })} style={{ maxWidth: '9rem' }} />
				</Field>
				<Field label={t.plan.plannedMonth} field={fields.plannedMonth}>
					<select {...getSelectProps(fields.plannedMonth)} style={{ maxWidth: '12rem' }}>
						<option value="">{t.plan.monthNone}</option>
						{Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
							<option key={month} value={month}>
								{fill(t.plan.month, { month })}
							</option>
						))}
					</select>
				</Field>
			</div>
			<Field label={t.plan.organ} field={fields.organId} hint={t.plan.organHint}>
				<select {...getSelectProps(fields.organId)}>
					<option value="">{t.plan.organNone}</option>
					{options.organs.map((organ) => (
						<option key={organ.id} value={organ.id}>
							{organ.name}
						</option>
					))}
				</select>
			</Field>
			<ClauseCheckboxes field={fields.clauseIds} legend={t.plan.clauses} hint={t.plan.clausesHint} clauses={options.clauses} />
			<Field label={t.plan.notes} field={fields.notes}>
				<textarea {...getTextareaProps(fields.notes)} rows={3} />
			</Field>
			<div className="toolbar">
				<SubmitButton>{submitLabel}</SubmitButton>
				{children}
			</div>
		</Form>
	)
}
