import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import type { AgencyItemAction } from '~/domain/agency-items'
import { formatChineseDate } from '~/domain/dates'
import { useT } from '~/i18n/i18n'
import { commitmentStepSchema, maxReason, maxResponse, type CommitmentIntent } from './schema'

// The commitment page's parts: the rounds of reporting and verification, and the step the user
// can take now.

export function HistoryList({ history }: { history: Array<{ action: AgencyItemAction; on: string; text: string }> }) {
	const t = useT()
	if (history.length === 0) return <p className="empty">{t.commitments.noReportYet}</p>
	return (
		<ol className="commitment-history">
			{history.map((step, index) => (
				<li key={index}>
					<strong>{t.commitments.history[step.action]}</strong> <span className="muted small">{formatChineseDate(step.on)}</span>
					{step.text ? <p className="commitment-history__text">{step.text}</p> : null}
				</li>
			))}
		</ol>
	)
}

type ActionData = { intent: CommitmentIntent | null; message: string | null; result: SubmissionResult<Array<string>> | undefined } | undefined

export function StepForms({
	version,
	steps,
	actionData,
	reopenReason,
}: {
	version: number
	steps: Record<CommitmentIntent, boolean>
	actionData: ActionData
	reopenReason: string | null
}) {
	const t = useT()
	if (!steps.respond && !steps.accept && !steps.reopen) return null
	const lastResult = (intent: CommitmentIntent) => (actionData?.intent === intent ? actionData.result : undefined)
	return (
		<section className="card report-section report-steps" aria-labelledby="steps-heading">
			<h2 id="steps-heading">{t.commitments.nextStep}</h2>
			{steps.respond ? <RespondForm version={version} reopenReason={reopenReason} lastResult={lastResult('respond')} /> : null}
			{steps.accept ? (
				<Form method="post" className="form">
					<input type="hidden" name="version" value={version} />
					<p className="muted small">{t.commitments.acceptHint}</p>
					<div>
						<SubmitButton name="intent" value="accept">
							{t.commitments.accept}
						</SubmitButton>
					</div>
				</Form>
			) : null}
			{steps.reopen ? <ReopenForm version={version} lastResult={lastResult('reopen')} /> : null}
		</section>
	)
}

function RespondForm({ version, reopenReason, lastResult }: { version: number; reopenReason: string | null; lastResult: SubmissionResult<Array<string>> | undefined }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'commitment-respond', lastResult, constraint: getZodConstraint(commitmentStepSchema(t, 'respond')), shouldRevalidate: 'onBlur' })
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<input type="hidden" name="version" value={version} />
			{reopenReason ? (
				<p className="notice notice--error">
					{t.commitments.reopenedWith}
					{reopenReason}
				</p>
			) : null}
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.commitments.response} field={fields.response} hint={t.commitments.responseHint}>
				<textarea {...getTextareaProps(fields.response)} rows={6} maxLength={maxResponse} />
			</Field>
			<div>
				<SubmitButton name="intent" value="respond">
					{t.commitments.respond}
				</SubmitButton>
			</div>
		</Form>
	)
}

function ReopenForm({ version, lastResult }: { version: number; lastResult: SubmissionResult<Array<string>> | undefined }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'commitment-reopen', lastResult, constraint: getZodConstraint(commitmentStepSchema(t, 'reopen')), shouldRevalidate: 'onBlur' })
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<input type="hidden" name="version" value={version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.commitments.reason} field={fields.reason} hint={t.commitments.reasonHint}>
				<textarea {...getTextareaProps(fields.reason)} rows={3} maxLength={maxReason} />
			</Field>
			<div>
				<SubmitButton name="intent" value="reopen" className="button button--secondary">
					{t.commitments.reopen}
				</SubmitButton>
			</div>
		</Form>
	)
}
