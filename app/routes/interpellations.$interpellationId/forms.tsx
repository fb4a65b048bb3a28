import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { CheckboxesField } from '~/components/checkbox-fields'
import { StepButton as SharedStepButton } from '~/components/step-button'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { signerVerdicts, type SignerVerdict } from '~/domain/interpellations'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import {
	answerSchema,
	inviteSchema,
	maxAnswer,
	maxName,
	maxNote,
	maxSpecialMeeting,
	maxTitle,
	memberSchema,
	reanswerSchema,
	referSchema,
	verdictSchema,
	type Intent,
	type LastResultOf,
} from './schema'

// The forms of the interpellation page. They post plainly (no JavaScript needed) with the intent
// of their button; a refused one comes back with what was typed and the message.

type Result = ReturnType<LastResultOf>

// A form of one button: the intent, the version where the step moves the interpellation, a hint.
export function StepButton(props: { intent: Intent; label: string; hint?: ReactNode; version?: number; lastResult: Result; secondary?: boolean }) {
	return <SharedStepButton {...props} idPrefix="interpellation" className="interpellation-step" />
}

export function InviteForm({ choices, lastResult }: { choices: PageData['inviteChoices']; lastResult: Result }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'interpellation-invite', lastResult, constraint: getZodConstraint(inviteSchema(t)) })
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<ErrorList id={form.errorId} errors={form.errors} />
			<CheckboxesField
				field={fields.memberIds}
				legend={t.interpellations.inviteLegend}
				hint={t.interpellations.inviteHint}
				choices={choices.map((m) => ({ value: m.id, label: m.name }))}
			/>
			<div>
				<SubmitButton name="intent" value="invite" className="button button--secondary">
					{t.interpellations.invite}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function RecordSignerForm({ choices, lastResult }: { choices: PageData['paperChoices']; lastResult: Result }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'interpellation-record-signer', lastResult, constraint: getZodConstraint(memberSchema(t)) })
	return (
		<Form method="post" className="form interpellation-inline-form" {...getFormProps(form)}>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.interpellations.paperSigner} field={fields.memberId} hint={t.interpellations.paperSignerHint}>
				<select {...getSelectProps(fields.memberId)}>
					<option value="">{t.interpellations.choose}</option>
					{choices.map((m) => (
						<option key={m.id} value={m.id}>
							{m.name}
						</option>
					))}
				</select>
			</Field>
			<div>
				<SubmitButton name="intent" value="recordSignature" className="button button--secondary">
					{t.interpellations.recordSigner}
				</SubmitButton>
			</div>
		</Form>
	)
}

// The council's arrangement (Art. 52): written by a date, or oral at a standing committee meeting
// or at a special committee's meeting. Without JavaScript every field shows; the hints say which
// go with which choice.
function ArrangementFields({
	fields,
	meetings,
}: {
	fields: {
		mode: RadioField
		forum: RadioField
		meetingId: FieldMetadata<number | undefined>
		specialMeeting: FieldMetadata<string | undefined>
		specialMeetingOn: FieldMetadata<string | undefined>
		dueOn: FieldMetadata<string | undefined>
	}
	meetings: PageData['meetingChoices']
}) {
	const t = useT()
	return (
		<>
			<Radios field={fields.mode} legend={t.interpellations.mode} choices={[['written', t.interpellations.modes.written], ['oral', t.interpellations.modes.oral]]} />
			<Field label={t.interpellations.dueOn} field={fields.dueOn} hint={t.interpellations.dueOnHint}>
				<input {...getInputProps(fields.dueOn, { type: 'date' })} />
			</Field>
			<Radios
				field={fields.forum}
				legend={t.interpellations.forum}
				hint={t.interpellations.forumHint}
				choices={[
					['standing_committee', t.interpellations.forums.standing_committee],
					['special_committee', t.interpellations.forums.special_committee],
				]}
			/>
			<Field label={t.interpellations.meeting} field={fields.meetingId} hint={t.interpellations.meetingHint}>
				<select {...getSelectProps(fields.meetingId)}>
					<option value="">{t.interpellations.choose}</option>
					{meetings.map((m) => (
						<option key={m.id} value={m.id}>
							{fill(t.interpellations.meetingOption, { label: m.label, date: formatChineseDate(m.startsOn) })}
						</option>
					))}
				</select>
			</Field>
			<div className="grid-2">
				<Field label={t.interpellations.specialMeeting} field={fields.specialMeeting} hint={t.interpellations.specialMeetingHint}>
					<input {...getInputProps(fields.specialMeeting, { type: 'text' })} maxLength={maxSpecialMeeting} />
				</Field>
				<Field label={t.interpellations.specialMeetingOn} field={fields.specialMeetingOn}>
					<input {...getInputProps(fields.specialMeetingOn, { type: 'date' })} />
				</Field>
			</div>
		</>
	)
}

// Radio buttons of one field in a fieldset, what the server got back checked again.
type RadioField = { id: string; name: string; errorId: string; errors?: Array<string>; initialValue?: unknown }

function Radios({ field, legend, hint, choices }: { field: RadioField; legend: string; hint?: string; choices: Array<[string, string]> }) {
	const hintId = hint ? `${field.id}-hint` : undefined
	return (
		<fieldset className="interpellation-radios" aria-describedby={[hintId, field.errorId].filter(Boolean).join(' ')}>
			<legend>{legend}</legend>
			{hint ? (
				<p id={hintId} className="muted small">
					{hint}
				</p>
			) : null}
			{choices.map(([value, label]) => (
				<label key={value} className="checkbox">
					<input type="radio" name={field.name} value={value} defaultChecked={field.initialValue === value} />
					{label}
				</label>
			))}
			<ErrorList id={field.errorId} errors={field.errors} />
		</fieldset>
	)
}

export function ReferForm({ page, lastResult }: { page: PageData; lastResult: Result }) {
	const t = useT()
	const [form, fields] = useForm<z.input<ReturnType<typeof referSchema>>>({ id: 'interpellation-refer', lastResult, constraint: getZodConstraint(referSchema(t)), shouldRevalidate: 'onBlur' })
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<input type="hidden" name="version" value={page.interpellation.version} />
			<p className="muted small">{t.interpellations.referHint}</p>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Radios
				field={fields.decision}
				legend={t.interpellations.decision}
				choices={[
					['referred', fill(t.interpellations.decisions.referred, { agency: page.interpellation.target.name })],
					['not_referred', t.interpellations.decisions.not_referred],
				]}
			/>
			<ArrangementFields fields={fields} meetings={page.meetingChoices} />
			<Field label={t.interpellations.note} field={fields.note} hint={t.interpellations.noteHint}>
				<textarea {...getTextareaProps(fields.note)} rows={3} maxLength={maxNote} />
			</Field>
			<div>
				<SubmitButton name="intent" value="refer">
					{t.interpellations.steps.refer}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function ReanswerForm({ page, lastResult }: { page: PageData; lastResult: Result }) {
	const t = useT()
	const [form, fields] = useForm<z.input<ReturnType<typeof reanswerSchema>>>({ id: 'interpellation-reanswer', lastResult, constraint: getZodConstraint(reanswerSchema(t)), shouldRevalidate: 'onBlur' })
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<input type="hidden" name="version" value={page.interpellation.version} />
			<p className="muted small">{t.interpellations.reanswerHint}</p>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Radios
				field={fields.decision}
				legend={t.interpellations.decision}
				choices={[
					['granted', t.interpellations.reanswerDecisions.granted],
					['refused', t.interpellations.reanswerDecisions.refused],
				]}
			/>
			<ArrangementFields fields={fields} meetings={page.meetingChoices} />
			<Field label={t.interpellations.note} field={fields.note}>
				<textarea {...getTextareaProps(fields.note)} rows={3} maxLength={maxNote} />
			</Field>
			<div>
				<SubmitButton name="intent" value="decideReanswer">
					{t.interpellations.steps.decideReanswer}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function AnswerForm({ page, lastResult }: { page: PageData; lastResult: Result }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'interpellation-answer', lastResult, constraint: getZodConstraint(answerSchema(t)), shouldRevalidate: 'onBlur' })
	const oral = page.rounds.at(-1)?.mode === 'oral'
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<input type="hidden" name="version" value={page.interpellation.version} />
			<p className="muted small">{oral ? t.interpellations.oralAnswerHint : t.interpellations.writtenAnswerHint}</p>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={oral ? t.interpellations.oralAnswerText : t.interpellations.writtenAnswerText} field={fields.text}>
				<textarea {...getTextareaProps(fields.text)} rows={10} maxLength={maxAnswer} />
			</Field>
			<div className="grid-2">
				<Field label={t.interpellations.answererName} field={fields.answererName} hint={oral ? t.interpellations.answererOralHint : t.interpellations.answererWrittenHint}>
					<input {...getInputProps(fields.answererName, { type: 'text' })} maxLength={maxName} autoComplete="off" />
				</Field>
				<Field label={t.interpellations.answererTitle} field={fields.answererTitle}>
					<input {...getInputProps(fields.answererTitle, { type: 'text' })} maxLength={maxTitle} autoComplete="off" />
				</Field>
			</div>
			<div>
				<SubmitButton name="intent" value="answer">
					{t.interpellations.steps.answer}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function VerdictForm({ current, lastResult }: { current: SignerVerdict | null; lastResult: Result }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'interpellation-verdict', lastResult, constraint: getZodConstraint(verdictSchema(t)) })
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<ErrorList id={form.errorId} errors={form.errors} />
			<fieldset className="interpellation-radios" aria-describedby={fields.verdict.errorId}>
				<legend>{current ? fill(t.interpellations.yourVerdict, { verdict: t.interpellations.verdicts[current] }) : t.interpellations.verdictLegend}</legend>
				{signerVerdicts.map((verdict) => (
					<label key={verdict} className="checkbox">
						<input type="radio" name={fields.verdict.name} value={verdict} defaultChecked={current === verdict} required />
						{t.interpellations.verdicts[verdict]}
					</label>
				))}
				<ErrorList id={fields.verdict.errorId} errors={fields.verdict.errors} />
			</fieldset>
			<div>
				<SubmitButton name="intent" value="judge">
					{current ? t.interpellations.changeVerdict : t.interpellations.steps.judge}
				</SubmitButton>
			</div>
		</Form>
	)
}
