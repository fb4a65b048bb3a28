import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useState } from 'react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { acceptAttribute, maxAttachmentBytes } from '~/domain/attachments'
import { selfAssessments, type SelfAssessment } from '~/domain/reports'
import { fill, useT } from '~/i18n/i18n'
import { maxNarrative, maxPeriod, maxTitle, draftSchema } from './schema'

type Task = { id: number; clauseLabel: string; ordinal: number; text: string; leads: Array<string>; narrative: string; selfAssessment: SelfAssessment | null }

// The draft: title, period, text, a narrative and a self-assessment per task, and files. A
// multipart form that works without JavaScript; on an error everything typed comes back (files
// cannot be put back into a file input, so the message asks to choose them again).
export function DraftForm({
	report,
	tasks,
	lastResult,
	maxFiles,
	maxRequestBytes,
}: {
	report: { title: string; period: string; body: string; version: number }
	tasks: Array<Task>
	lastResult: SubmissionResult<Array<string>> | undefined
	maxFiles: number
	maxRequestBytes: number
}) {
	const t = useT()
	// With JavaScript, files that the server would refuse for their size are caught before the
	// form is sent (a request over the bound could not even be read, losing what was typed).
	const [chosenProblems, setChosenProblems] = useState<Array<string>>([])
	function checkChosen(input: HTMLInputElement) {
		const files = [...(input.files ?? [])]
		const problems = files.filter((f) => f.size > maxAttachmentBytes).map((f) => fill(t.attachments.refused.tooLarge, { name: f.name }))
		if (files.length > maxFiles) problems.push(fill(t.attachments.tooManyChosen, { count: maxFiles }))
		else if (files.reduce((sum, f) => sum + f.size, 0) > maxRequestBytes) {
			problems.push(fill(t.attachments.requestTooLarge, { mb: Math.floor(maxRequestBytes / 1024 / 1024) }))
		}
		setChosenProblems(problems)
	}
	const [form, fields] = useForm({
		id: 'report-draft',
		lastResult,
		defaultValue: {
			title: report.title,
			period: report.period,
			body: report.body,
			progress: tasks.map((task) => ({ taskId: String(task.id), narrative: task.narrative, selfAssessment: task.selfAssessment ?? '' })),
		},
		constraint: getZodConstraint(draftSchema(t)),
		shouldRevalidate: 'onBlur',
	})
	const progress = fields.progress.getFieldList()
	// The file input is not in the schema (files are checked on the server by their content).
	const fileErrors = chosenProblems.length ? chosenProblems : form.allErrors.attachments
	const fileErrorId = 'report-attachments-error'
	const taskById = new Map(tasks.map((task) => [String(task.id), task]))
	const formProps = getFormProps(form)
	return (
		<Form
			method="post"
			encType="multipart/form-data"
			className="form form--wide"
			{...formProps}
			onSubmit={(event) => {
				if (chosenProblems.length) {
					event.preventDefault()
					document.getElementById('report-attachments')?.focus()
					return
				}
				formProps.onSubmit(event)
			}}
		>
			<input type="hidden" name="version" value={report.version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<section className="card report-section report-form-card">
				<Field label={t.reports.reportTitle} field={fields.title}>
					<input {...getInputProps(fields.title, { type: 'text' })} maxLength={maxTitle} />
				</Field>
				<Field label={t.reports.period} field={fields.period} hint={t.reports.periodHint}>
					<input {...getInputProps(fields.period, { type: 'text' })} maxLength={maxPeriod} style={{ maxWidth: '24rem' }} />
				</Field>
				<Field label={t.reports.body} field={fields.body} hint={t.reports.bodyHint}>
					<textarea {...getTextareaProps(fields.body)} rows={18} className="report-body-input" />
				</Field>
			</section>
			<section className="card report-section" aria-labelledby="progress-edit-heading">
				<h2 id="progress-edit-heading">{t.reports.progressTitle}</h2>
				<p className="muted small">{t.reports.progressEditHint}</p>
				{progress.length === 0 ? <p className="muted">{t.reports.noTasks}</p> : null}
				<ol className="progress-edit">
					{progress.map((entry) => {
						const row = entry.getFieldset()
						const task = taskById.get(String(row.taskId.initialValue))
						return (
							<li key={entry.key} className="progress-edit__task">
								<input {...getInputProps(row.taskId, { type: 'hidden' })} />
								<p className="progress-edit__text">
									<strong>
										{task ? `${task.clauseLabel} ${fill(t.tasks.taskNo, { n: task.ordinal })}` : ''}
									</strong>{' '}
									{task?.text}
									{task?.leads.length ? <span className="muted small">（{t.reports.lead}：{task.leads.join('、')}）</span> : null}
								</p>
								<div className="progress-edit__fields">
									<Field label={t.reports.narrative} field={row.narrative}>
										<textarea {...getTextareaProps(row.narrative)} rows={4} maxLength={maxNarrative} />
									</Field>
									<Field label={t.reports.selfAssessment} field={row.selfAssessment}>
										<select {...getSelectProps(row.selfAssessment)}>
											<option value="">{t.reports.notAssessed}</option>
											{selfAssessments.map((a) => (
												<option key={a} value={a}>
													{t.reports.selfAssessments[a]}
												</option>
											))}
										</select>
									</Field>
								</div>
							</li>
						)
					})}
				</ol>
			</section>
			<section className="card report-section report-form-card">
				<Field
					label={t.attachments.upload}
					htmlFor="report-attachments"
					errors={fileErrors}
					errorId={fileErrorId}
					hint={fill(t.attachments.uploadHint, { count: maxFiles })}
				>
					<input
						id="report-attachments"
						type="file"
						name="attachments"
						multiple
						accept={acceptAttribute}
						onChange={(event) => checkChosen(event.currentTarget)}
						aria-invalid={fileErrors?.length ? true : undefined}
						aria-describedby={fileErrors?.length ? fileErrorId : undefined}
					/>
				</Field>
			</section>
			<div>
				<SubmitButton name="intent" value="save">
					{t.reports.saveDraft}
				</SubmitButton>
			</div>
		</Form>
	)
}
