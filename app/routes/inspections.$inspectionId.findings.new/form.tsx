import { AttachmentInput } from '~/components/attachment-input'
import { getCollectionProps, getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useState } from 'react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatDate } from '~/components/todo-list'
import { severities } from '~/domain/inspections'
import { fill, useLang, useT } from '~/i18n/i18n'
import { maxDescription, maxEvidence, recordSchema } from './schema'

type Options = {
	clauses: Array<{ id: number; label: string; inScope: boolean }>
	agencies: Array<{ id: number; name: string }>
	tasks: Array<{ id: number; clauseId: number; clauseLabel: string; ordinal: number; text: string }>
	visits: Array<{ id: number; on: string; startTime: string; place: string }>
}

// Recording a finding: a multipart form that works without JavaScript. Without it the task
// menu lists every task by clause (the server checks that the task is of the chosen clause);
// with it, only the chosen clause's tasks. On an error everything typed comes back (files must
// be chosen again).
export function RecordForm({
	options,
	today,
	defaultDue,
	dueDays,
	lastResult,
}: {
	options: Options
	today: string
	defaultDue: string
	dueDays: number
	lastResult: SubmissionResult<Array<string>> | undefined
}) {
	const t = useT()
	const lang = useLang()
	const schema = recordSchema(t, today)
	const [form, fields] = useForm({
		id: 'record-finding',
		lastResult,
		defaultValue: { rectificationDueOn: defaultDue, severity: 'general' },
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => {
			formData.delete('attachments')
			return parseWithZod(formData, { schema })
		},
		shouldValidate: 'onSubmit',
		// Not on blur: a blur validation racing a click on a severity radio could undo the click.
		shouldRevalidate: 'onInput',
	})
	const [clauseId, setClauseId] = useState(String(fields.clauseId.initialValue ?? ''))
	const inScope = options.clauses.filter((c) => c.inScope)
	const others = options.clauses.filter((c) => !c.inScope)
	const shownTasks = clauseId ? options.tasks.filter((task) => String(task.clauseId) === clauseId) : options.tasks
	const taskGroups = groupBy(shownTasks, (task) => task.clauseLabel)
	const fileErrors = form.allErrors.attachments
	return (
		<Form method="post" encType="multipart/form-data" className="form form--wide" {...getFormProps(form)}>
			<ErrorList id={form.errorId} errors={form.errors} />
			<section className="card">
				<Field label={t.findings.clause} field={fields.clauseId} hint={inScope.length ? t.findings.clauseHint : undefined}>
					<select {...getSelectProps(fields.clauseId)} onChange={(event) => setClauseId(event.currentTarget.value)}>
						<option value="">{t.findings.choose}</option>
						{inScope.length ? (
							<>
								<optgroup label={t.findings.inScope}>
									{inScope.map((c) => (
										<option key={c.id} value={c.id}>
											{c.label}
										</option>
									))}
								</optgroup>
								<optgroup label={t.findings.otherClauses}>
									{others.map((c) => (
										<option key={c.id} value={c.id}>
											{c.label}
										</option>
									))}
								</optgroup>
							</>
						) : (
							others.map((c) => (
								<option key={c.id} value={c.id}>
									{c.label}
								</option>
							))
						)}
					</select>
				</Field>
				<Field label={t.findings.agency} field={fields.agencyId}>
					<select {...getSelectProps(fields.agencyId)}>
						<option value="">{t.findings.choose}</option>
						{options.agencies.map((a) => (
							<option key={a.id} value={a.id}>
								{a.name}
							</option>
						))}
					</select>
				</Field>
				<Field label={t.findings.task} field={fields.taskId} hint={t.findings.taskHint}>
					<select {...getSelectProps(fields.taskId)}>
						<option value="">{t.findings.noTask}</option>
						{taskGroups.map(([label, items]) => (
							<optgroup key={label} label={label}>
								{items.map((task) => (
									<option key={task.id} value={task.id}>
										{fill(t.tasks.clauseTask, { clause: task.clauseLabel, n: task.ordinal })}：{task.text}
									</option>
								))}
							</optgroup>
						))}
					</select>
				</Field>
				<Field label={t.findings.visit} field={fields.visitId}>
					<select {...getSelectProps(fields.visitId)}>
						<option value="">{options.visits.length ? t.findings.noVisit : t.findings.noVisits}</option>
						{options.visits.map((v) => (
							<option key={v.id} value={v.id}>
								{formatDate(v.on, lang)} {v.startTime} {v.place}
							</option>
						))}
					</select>
				</Field>
				<fieldset className="field" aria-describedby={fields.severity.errors?.length ? fields.severity.errorId : undefined}>
					<legend>{t.findings.severity}</legend>
					<div className="choice-row">
						{getCollectionProps(fields.severity, { type: 'radio', options: [...severities] }).map((props) => (
							<label key={props.key} className="choice">
								<input {...props} key={props.key} /> {t.findings.severities[props.value as (typeof severities)[number]]}
							</label>
						))}
					</div>
					<ErrorList id={fields.severity.errorId} errors={fields.severity.errors} />
				</fieldset>
			</section>
			<section className="card">
				<Field label={t.findings.description} field={fields.description}>
					<textarea {...getTextareaProps(fields.description)} rows={6} maxLength={maxDescription} />
				</Field>
				<Field label={t.findings.evidence} field={fields.evidence} hint={t.findings.evidenceHint}>
					<textarea {...getTextareaProps(fields.evidence)} rows={4} maxLength={maxEvidence} />
				</Field>
				<AttachmentInput id="finding-attachments" name="attachments" errors={fileErrors} />
			</section>
			<section className="card">
				<Field label={t.findings.dueOn} field={fields.rectificationDueOn} hint={fill(t.findings.dueHint, { days: dueDays })}>
					<input {...getInputProps(fields.rectificationDueOn, { type: 'date' })} min={today} style={{ maxWidth: '12rem' }} />
				</Field>
			</section>
			<div>
				<SubmitButton>{t.findings.record}</SubmitButton>
			</div>
		</Form>
	)
}

function groupBy<T>(items: ReadonlyArray<T>, key: (item: T) => string): Array<[string, Array<T>]> {
	const groups = new Map<string, Array<T>>()
	for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
	return [...groups]
}
