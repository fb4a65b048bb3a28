import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { inspectionForms, type GroupRole } from '~/domain/inspections'
import { fill, useT } from '~/i18n/i18n'
import type { ConflictView } from '~/models/visits/queries.server'
import { createVisitSchema, updateVisitSchema } from './schema'

// The visit form of …/visits/new and …/visits/$visitId/edit. When the action found conflicts,
// it shows them, asks for a reason and carries the keys of the conflicts shown, so that the
// reason covers exactly those.

export type VisitFormOptions = {
	group: Array<{ id: number; realName: string; role: GroupRole }>
	agencies: Array<{ id: number; name: string }>
	districts: Array<string>
}

export type VisitDefaults = {
	on?: string
	startTime?: string
	endTime?: string
	place?: string
	district?: string | null
	form?: string | null
	unannounced?: boolean
	agencyIds?: Array<number>
	participantIds?: Array<number>
	conflictReason?: string | null
}

function asList(value: unknown): Array<string> {
	if (Array.isArray(value)) return value.map(String)
	return value === undefined || value === null || value === '' ? [] : [String(value)]
}

export function ConflictList({ conflicts }: { conflicts: Array<ConflictView> }) {
	const t = useT()
	const time = (start: string | null, end: string | null) => (start && end ? `${start}–${end}` : '')
	return (
		<ul className="conflict-list">
			{conflicts.map((c) => {
				const date = formatChineseDate(c.on)
				let text: string
				if (c.kind === 'outsidePeriod') {
					text = fill(t.visits.conflictPeriod, {
						date,
						start: c.periodStart ? formatChineseDate(c.periodStart) : '',
						end: c.periodEnd ? formatChineseDate(c.periodEnd) : '',
					})
				} else if (c.kind === 'agencySameDay') {
					text = fill(t.visits.conflictAgency, { name: c.name ?? '', date, what: c.withTitle ?? '', withTime: time(c.withStartTime, c.withEndTime) })
				} else if (c.withKind === 'meeting') {
					text = fill(t.visits.conflictParticipantMeeting, { name: c.name ?? '', date, what: c.withTitle ?? '' })
				} else {
					text = fill(t.visits.conflictParticipantVisit, {
						name: c.name ?? '',
						date,
						time: time(c.startTime, c.endTime),
						what: c.withTitle ?? '',
						withTime: time(c.withStartTime, c.withEndTime),
					})
				}
				return <li key={c.key}>{text}</li>
			})}
		</ul>
	)
}

export function VisitForm({
	id,
	options,
	defaults,
	lastResult,
	conflicts,
	storedConflicts,
	version,
	children,
}: {
	id: string
	options: VisitFormOptions
	defaults: VisitDefaults
	lastResult: SubmissionResult<Array<string>> | undefined
	// The conflicts the last submission was refused for.
	conflicts: Array<ConflictView>
	// On the edit page: the conflicts the stored reason already covers.
	storedConflicts?: Array<ConflictView>
	version?: number
	children?: ReactNode
}) {
	const t = useT()
	const schema = version === undefined ? createVisitSchema(t) : updateVisitSchema(t)
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue: {
			on: defaults.on ?? '',
			startTime: defaults.startTime ?? '',
			endTime: defaults.endTime ?? '',
			place: defaults.place ?? '',
			district: defaults.district ?? '',
			form: defaults.form ?? '',
			unannounced: defaults.unannounced ? 'on' : '',
			agencyIds: (defaults.agencyIds ?? []).map(String),
			participantIds: (defaults.participantIds ?? []).map(String),
			conflictReason: defaults.conflictReason ?? '',
		},
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const chosenAgencies = asList(fields.agencyIds.initialValue)
	const chosenPeople = asList(fields.participantIds.initialValue)
	const warned = conflicts.length > 0 ? conflicts : (storedConflicts ?? [])
	const askReason = warned.length > 0 || Boolean(defaults.conflictReason)
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			{version === undefined ? null : <input type="hidden" name="version" value={version} />}
			<ErrorList id={form.errorId} errors={form.errors} />
			{conflicts.length > 0 ? (
				<div className="notice notice--error conflict-warning" role="alert">
					<p style={{ marginTop: 0 }}>
						<strong>{t.visits.conflictsTitle}</strong>
					</p>
					<ConflictList conflicts={conflicts} />
					<p style={{ marginBottom: 0 }}>{t.visits.conflictsAsk}</p>
				</div>
			) : storedConflicts && storedConflicts.length > 0 ? (
				<div className="notice notice--info conflict-warning" role="status">
					<p style={{ marginTop: 0 }}>{t.visits.storedConflicts}</p>
					<ConflictList conflicts={storedConflicts} />
				</div>
			) : null}
			{warned.map((c) => (
				<input key={c.key} type="hidden" name="acknowledged" value={c.key} />
			))}
			<div className="grid-3">
				<Field label={t.visits.on} field={fields.on}>
					<input {...getInputProps(fields.on, { type: 'date' })} />
				</Field>
				<Field label={t.visits.startTime} field={fields.startTime}>
					<input {...getInputProps(fields.startTime, { type: 'time' })} />
				</Field>
				<Field label={t.visits.endTime} field={fields.endTime}>
					<input {...getInputProps(fields.endTime, { type: 'time' })} />
				</Field>
			</div>
			<Field label={t.visits.place} field={fields.place} hint={t.visits.placeHint}>
				<input {...getInputProps(fields.place, { type: 'text' })} />
			</Field>
			<div className="grid-2">
				<Field label={t.visits.district} field={fields.district}>
					<select {...getSelectProps(fields.district)}>
						<option value="">{t.visits.districtNone}</option>
						{options.districts.map((d) => (
							<option key={d} value={d}>
								{d}
							</option>
						))}
					</select>
				</Field>
				<Field label={t.visits.form} field={fields.form}>
					<select {...getSelectProps(fields.form)}>
						<option value="">{t.visits.formNone}</option>
						{inspectionForms.map((f) => (
							<option key={f} value={f}>
								{t.inspections.formNames[f]}
							</option>
						))}
					</select>
				</Field>
			</div>
			<fieldset aria-describedby={fields.participantIds.errorId}>
				<legend>{t.visits.participants}</legend>
				<p className="muted small" style={{ marginTop: 0 }}>
					{t.visits.participantsHint}
				</p>
				<div className="checkbox-grid">
					{options.group.map((person) => (
						<label key={person.id} className="checkbox">
							<input type="checkbox" name={fields.participantIds.name} value={person.id} defaultChecked={chosenPeople.includes(String(person.id))} />
							{person.realName}
							<span className="muted small">（{t.inspections.roles[person.role]}）</span>
						</label>
					))}
				</div>
				<ErrorList id={fields.participantIds.errorId} errors={fields.participantIds.errors} />
			</fieldset>
			<fieldset aria-describedby={fields.agencyIds.errorId}>
				<legend>{t.visits.agencies}</legend>
				<p className="muted small" style={{ marginTop: 0 }}>
					{t.visits.agenciesHint}
				</p>
				<div className="checkbox-grid visit-agencies">
					{options.agencies.map((agency) => (
						<label key={agency.id} className="checkbox">
							<input type="checkbox" name={fields.agencyIds.name} value={agency.id} defaultChecked={chosenAgencies.includes(String(agency.id))} />
							{agency.name}
						</label>
					))}
				</div>
				<ErrorList id={fields.agencyIds.errorId} errors={fields.agencyIds.errors} />
			</fieldset>
			<div className="field">
				<label className="checkbox" htmlFor={fields.unannounced.id}>
					<input {...getInputProps(fields.unannounced, { type: 'checkbox' })} />
					{t.visits.unannounced}
				</label>
				<div className="hint">{t.visits.unannouncedHint}</div>
			</div>
			{askReason ? (
				<Field label={t.visits.conflictReason} field={fields.conflictReason} hint={t.visits.conflictReasonHint}>
					<textarea {...getTextareaProps(fields.conflictReason)} rows={3} />
				</Field>
			) : null}
			<div className="toolbar">
				<SubmitButton name="intent" value={version === undefined ? 'create' : 'update'}>
					{t.visits.save}
				</SubmitButton>
				{children}
			</div>
		</Form>
	)
}
