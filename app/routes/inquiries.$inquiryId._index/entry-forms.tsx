import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { ErrorList, Field } from '~/components/forms'
import { useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { LiveMarker, useBaseVersion, useLiveForm } from './live'
import { formKeyOf, maxCommitment, maxOfficialName, maxOfficialTitle, maxQuestion, schemaFor } from './schema'

// The forms of one entry of the log, each saved on its own: a question (new or corrected), a
// follow-up, a commitment (new or corrected). Fetcher forms with JavaScript, plain posts without.

type Respondent = PageData['inquiry']['respondents'][number]
type Member = PageData['members'][number]

type QuestionDefaults = { askerId?: number; agencyId?: number; officialName?: string; officialTitle?: string; question?: string }

// A question, new or corrected: who asked, which agency and official answered (blank: the
// official who attends for the agency), what was asked.
export function QuestionForm({
	intent,
	formKey,
	hidden,
	respondents,
	members,
	defaults,
	version,
	submitLabel,
}: {
	intent: 'question' | 'correctQuestion'
	formKey: string
	hidden: Record<string, number>
	respondents: Array<Respondent>
	members: Array<Member>
	defaults: QuestionDefaults
	version?: number
	submitLabel: string
}) {
	const t = useT()
	const { fetcher, reply, busy } = useLiveForm(formKey)
	const base = useBaseVersion(version ?? 0, reply)
	const [form, fields] = useForm({
		id: `form-${formKey.replace(':', '-')}`,
		lastResult: reply?.result,
		defaultValue: defaults,
		constraint: getZodConstraint(schemaFor(t, intent)),
		shouldRevalidate: 'onBlur',
	})
	return (
		<fetcher.Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value={intent} />
			{Object.entries(hidden).map(([key, value]) => (
				<input key={key} type="hidden" name={key} value={value} />
			))}
			{version !== undefined ? <input type="hidden" name="version" value={base} /> : null}
			<LiveMarker />
			<ErrorList id={form.errorId} errors={reply?.message ? [reply.message] : form.errors} />
			<div className="grid-2">
				<Field label={t.inquiries.asker} field={fields.askerId}>
					<select {...getSelectProps(fields.askerId)}>
						<option value="">{t.inquiries.choose}</option>
						{members.map((m) => (
							<option key={m.id} value={m.id}>
								{m.realName}
							</option>
						))}
					</select>
				</Field>
				<Field label={t.inquiries.answeringAgency} field={fields.agencyId}>
					<select {...getSelectProps(fields.agencyId)}>
						<option value="">{t.inquiries.choose}</option>
						{respondents.map((r) => (
							<option key={r.agencyId} value={r.agencyId}>
								{r.agencyShortName}（{r.officialTitle}{r.officialName}）
							</option>
						))}
					</select>
				</Field>
			</div>
			<div className="grid-2">
				<Field label={t.inquiries.answeringName} field={fields.officialName} hint={t.inquiries.answeringHint}>
					<input {...getInputProps(fields.officialName, { type: 'text' })} maxLength={maxOfficialName} autoComplete="off" />
				</Field>
				<Field label={t.inquiries.answeringTitle} field={fields.officialTitle}>
					<input {...getInputProps(fields.officialTitle, { type: 'text' })} maxLength={maxOfficialTitle} autoComplete="off" />
				</Field>
			</div>
			<Field label={t.inquiries.question} field={fields.question}>
				<textarea {...getTextareaProps(fields.question)} rows={4} maxLength={maxQuestion} />
			</Field>
			<div className="toolbar">
				<button type="submit" className="button button--small" disabled={busy}>
					{busy ? t.common.submitting : submitLabel}
				</button>
				<span className="muted small" role="status" aria-live="polite">
					{reply?.ok ? t.inquiries.live.saved : null}
				</span>
			</div>
		</fetcher.Form>
	)
}

export function FollowUpForm({ exchangeId }: { exchangeId: number }) {
	const t = useT()
	const formKey = formKeyOf('followUp', exchangeId)
	const { fetcher, reply, busy } = useLiveForm(formKey)
	const [form, fields] = useForm({
		id: `form-follow-up-${exchangeId}`,
		lastResult: reply?.result,
		constraint: getZodConstraint(schemaFor(t, 'followUp')),
		shouldRevalidate: 'onBlur',
	})
	return (
		<fetcher.Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="followUp" />
			<input type="hidden" name="exchangeId" value={exchangeId} />
			<LiveMarker />
			<ErrorList id={form.errorId} errors={reply?.message ? [reply.message] : form.errors} />
			<Field label={t.inquiries.followUpQuestion} field={fields.question}>
				<textarea {...getTextareaProps(fields.question)} rows={3} maxLength={maxQuestion} />
			</Field>
			<div>
				<button type="submit" className="button button--small" disabled={busy}>
					{busy ? t.common.submitting : t.inquiries.recordFollowUp}
				</button>
			</div>
		</fetcher.Form>
	)
}

export function CommitmentForm({
	intent,
	formKey,
	hidden,
	respondents,
	defaults,
	version,
	submitLabel,
}: {
	intent: 'commitment' | 'correctCommitment'
	formKey: string
	hidden: Record<string, number>
	respondents: Array<Respondent>
	defaults: { agencyId?: number; text?: string; dueOn?: string }
	version?: number
	submitLabel: string
}) {
	const t = useT()
	const { fetcher, reply, busy } = useLiveForm(formKey)
	const base = useBaseVersion(version ?? 0, reply)
	const [form, fields] = useForm({
		id: `form-${formKey.replace(':', '-')}`,
		lastResult: reply?.result,
		defaultValue: defaults,
		constraint: getZodConstraint(schemaFor(t, intent)),
		shouldRevalidate: 'onBlur',
	})
	return (
		<fetcher.Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value={intent} />
			{Object.entries(hidden).map(([key, value]) => (
				<input key={key} type="hidden" name={key} value={value} />
			))}
			{version !== undefined ? <input type="hidden" name="version" value={base} /> : null}
			<LiveMarker />
			<ErrorList id={form.errorId} errors={reply?.message ? [reply.message] : form.errors} />
			<div className="grid-2">
				<Field label={t.inquiries.commitmentAgency} field={fields.agencyId}>
					<select {...getSelectProps(fields.agencyId)}>
						<option value="">{t.inquiries.choose}</option>
						{respondents.map((r) => (
							<option key={r.agencyId} value={r.agencyId}>
								{r.agencyName}
							</option>
						))}
					</select>
				</Field>
				<Field label={t.inquiries.commitmentDue} field={fields.dueOn} hint={t.inquiries.commitmentDueHint}>
					<input {...getInputProps(fields.dueOn, { type: 'date' })} />
				</Field>
			</div>
			<Field label={t.inquiries.commitmentText} field={fields.text}>
				<textarea {...getTextareaProps(fields.text)} rows={2} maxLength={maxCommitment} />
			</Field>
			<div>
				<button type="submit" className="button button--small" disabled={busy}>
					{busy ? t.common.submitting : submitLabel}
				</button>
			</div>
		</fetcher.Form>
	)
}
