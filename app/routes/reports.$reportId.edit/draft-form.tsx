import { AttachmentInput } from '~/components/attachment-input'
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
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
}: {
	report: { title: string; period: string; body: string; version: number }
	tasks: Array<Task>
	lastResult: SubmissionResult<Array<string>> | undefined
}) {
	const t = useT()
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
	const taskById = new Map(tasks.map((task) => [String(task.id), task]))
	return (
		<Form
			method="post"
			encType="multipart/form-data"
			className="form form--wide"
			{...getFormProps(form)}
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
				<AttachmentInput id="report-attachments" name="attachments" errors={form.allErrors.attachments} />
			</section>
			<div>
				<SubmitButton name="intent" value="save">
					{t.reports.saveDraft}
				</SubmitButton>
			</div>
		</Form>
	)
}
