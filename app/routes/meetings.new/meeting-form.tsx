import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { useSchemaForm } from '~/components/schema-form'
import { useT } from '~/i18n/i18n'
import { createMeetingSchema, updateMeetingSchema } from './schema'

// The meeting form of /meetings/new and /meetings/$meetingId/edit.

type Defaults = { term?: number; session?: number; startsOn?: string; endsOn?: string; place?: string }

export function MeetingForm({
	id,
	defaults,
	lastResult,
	version,
	submitLabel,
}: {
	id: string
	defaults: Defaults
	lastResult: SubmissionResult<Array<string>> | undefined
	version?: number
	submitLabel: string
}) {
	const t = useT()
	const schema = version === undefined ? createMeetingSchema(t) : updateMeetingSchema(t)
	const [form, fields] = useSchemaForm(schema, {
		id,
		lastResult,
		defaultValue: {
			term: defaults.term === undefined ? '' : String(defaults.term),
			session: defaults.session === undefined ? '' : String(defaults.session),
			startsOn: defaults.startsOn ?? '',
			endsOn: defaults.endsOn ?? '',
			place: defaults.place ?? '',
		},
	})
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			{version === undefined ? null : <input type="hidden" name="version" value={version} />}
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="grid-2">
				<Field label={t.meetings.term} field={fields.term} hint={t.meetings.termHint}>
					<input {...getInputProps(fields.term, { type: 'number' })} inputMode="numeric" style={{ maxWidth: '9rem' }} />
				</Field>
				<Field label={t.meetings.session} field={fields.session} hint={t.meetings.sessionHint}>
					<input {...getInputProps(fields.session, { type: 'number' })} inputMode="numeric" style={{ maxWidth: '9rem' }} />
				</Field>
				<Field label={t.meetings.startsOn} field={fields.startsOn}>
					<input {...getInputProps(fields.startsOn, { type: 'date' })} style={{ maxWidth: '14rem' }} />
				</Field>
				<Field label={t.meetings.endsOn} field={fields.endsOn} hint={t.meetings.endsOnHint}>
					<input {...getInputProps(fields.endsOn, { type: 'date' })} style={{ maxWidth: '14rem' }} />
				</Field>
			</div>
			<Field label={t.meetings.place} field={fields.place}>
				<input {...getInputProps(fields.place, { type: 'text' })} />
			</Field>
			<div>
				<SubmitButton>{submitLabel}</SubmitButton>
			</div>
		</Form>
	)
}
