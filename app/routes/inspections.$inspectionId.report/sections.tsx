import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { reportParts, type ReportFormValues, type ReportParts } from '~/domain/inspection-report'
import { fill, useT } from '~/i18n/i18n'
import { reportSchema, submitSchema } from './schema'

// The report's four parts (save, or draft from the record without saving) and the
// secretariat's submission to a meeting. Both work without JavaScript and keep what was typed.

type LastResult = SubmissionResult<Array<string>> | undefined

const rows: Record<keyof ReportParts, number> = { evaluation: 8, problems: 14, enforcementSuggestions: 8, amendmentSuggestions: 5 }

export function ReportForm({
	version,
	values,
	editable,
	lastResult,
}: {
	version: number
	values: ReportFormValues
	editable: boolean
	lastResult: LastResult
}) {
	const t = useT()
	const [form, fields] = useForm<ReportParts & { amendmentNone?: boolean; amendmentNoneReason?: string; overwrite?: boolean }>({
		id: 'inspection-report',
		lastResult,
		defaultValue: { ...values, amendmentNone: values.amendmentNone ? 'on' : undefined },
		constraint: getZodConstraint(reportSchema(t)),
		shouldRevalidate: 'onInput',
	})
	return (
		<section className="card" aria-label={t.inspectionReport.title}>
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<input type="hidden" name="version" value={version} />
				<ErrorList id={form.errorId} errors={form.errors} />
				{reportParts.map((part) => (
					<Field key={part} label={t.inspectionReport.parts[part]} field={fields[part]} hint={t.inspectionReport.hints[part]}>
						<textarea {...getTextareaProps(fields[part])} rows={rows[part]} readOnly={!editable} />
					</Field>
				))}
				<div>
					<label className="checkbox" htmlFor={fields.amendmentNone.id}>
						<input {...getInputProps(fields.amendmentNone, { type: 'checkbox' })} disabled={!editable} />
						{t.inspectionReport.amendmentNone}
					</label>
					<Field label={t.inspectionReport.amendmentNoneReason} field={fields.amendmentNoneReason} hint={t.inspectionReport.amendmentNoneHint}>
						<textarea {...getTextareaProps(fields.amendmentNoneReason)} rows={3} readOnly={!editable} />
					</Field>
				</div>
				{editable ? (
					<>
						<div className="toolbar">
							<SubmitButton name="intent" value="save">
								{t.inspectionReport.save}
							</SubmitButton>
							<SubmitButton name="intent" value="draft" className="button button--secondary">
								{t.inspectionReport.draft}
							</SubmitButton>
						</div>
						<label className="checkbox" htmlFor={fields.overwrite.id}>
							<input {...getInputProps(fields.overwrite, { type: 'checkbox' })} />
							{t.inspectionReport.overwrite}
						</label>
						<p className="hint">{t.inspectionReport.draftHint}</p>
					</>
				) : null}
			</Form>
		</section>
	)
}

export function SubmitForm({
	version,
	meetings,
	defaultMeetingId,
	organName,
	lastResult,
}: {
	version: number
	meetings: Array<{ id: number; label: string }>
	defaultMeetingId: number | null
	organName: string | null
	lastResult: LastResult
}) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'inspection-report-submit',
		lastResult,
		defaultValue: { meetingId: defaultMeetingId ? String(defaultMeetingId) : '' },
		constraint: getZodConstraint(submitSchema(t)),
	})
	return (
		<section className="card" aria-labelledby="submit-heading">
			<h2 id="submit-heading" style={{ marginTop: 0 }}>
				{t.inspectionReport.submitTitle}
			</h2>
			<p className="muted small">{fill(t.inspectionReport.submitHint, { organ: organName ?? t.inspections.none })}</p>
			{meetings.length === 0 ? (
				<p className="empty">{t.inspectionReport.noMeetings}</p>
			) : (
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="version" value={version} />
					<ErrorList id={form.errorId} errors={form.errors} />
					<Field label={t.inspectionReport.meeting} field={fields.meetingId}>
						<select {...getSelectProps(fields.meetingId)}>
							<option value="">{t.inspectionReport.meetingNone}</option>
							{meetings.map((m) => (
								<option key={m.id} value={m.id}>
									{m.label}
								</option>
							))}
						</select>
					</Field>
					<div>
						<SubmitButton name="intent" value="submit">
							{t.inspectionReport.submit}
						</SubmitButton>
					</div>
				</Form>
			)}
		</section>
	)
}
