import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import type { Choice, DeliberationState } from '~/domain/deliberation'
import {
	reportMilestones,
	type DraftGap,
	type ReportDeadlines,
	type ReportStep,
	type SelfAssessment,
	type reportStanding,
} from '~/domain/reports'
import { fill, useT } from '~/i18n/i18n'
import { refusalMessage } from '~/i18n/refusals'
import { standingWords } from './present'
import { maxOpinions, maxSignerName, maxSignerPosition, stepSchema } from './schema'

// The sections of the report page: its Art. 15 standing, the step the user can take now, the
// deliberation it went to, and the progress per task.

export function StandingTable({
	deadlines,
	standing,
	settings,
}: {
	deadlines: ReportDeadlines
	standing: ReturnType<typeof reportStanding>
	settings: { draft: number; revised: number; distribution: number }
}) {
	const t = useT()
	return (
		<section className="card report-section" aria-labelledby="standing-heading">
			<h2 id="standing-heading">{t.reports.standingTitle}</h2>
			<p className="muted small">{fill(t.reports.standingHint, settings)}</p>
			<div className="table-wrap">
				<table className="standing-table">
					<thead>
						<tr>
							<th scope="col">{t.reports.milestone}</th>
							<th scope="col">{t.reports.due}</th>
							<th scope="col">{t.reports.standingState}</th>
						</tr>
					</thead>
					<tbody>
						{reportMilestones.map((m) => {
							const words = standingWords(t, standing[m])
							return (
								<tr key={m} data-milestone={m}>
									<th scope="row">{t.reports.milestones[m]}</th>
									<td className="nowrap" data-label={t.reports.due}>
										{formatChineseDate(deadlines[m])}
									</td>
									<td className={`standing standing--${words.tone}`} data-label={t.reports.standingState}>
										{words.text}
									</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
		</section>
	)
}

type ActionData = { step: ReportStep | null; message: string | null; result: SubmissionResult<Array<string>> | undefined } | undefined

function VersionInput({ version }: { version: number }) {
	return <input type="hidden" name="version" value={version} />
}

export function StepForms({
	steps,
	gaps,
	version,
	collectedOpinions,
	actionData,
}: {
	steps: Array<ReportStep>
	gaps: Array<DraftGap>
	version: number
	collectedOpinions: string
	actionData: ActionData
}) {
	const t = useT()
	if (steps.length === 0) return null
	const lastResult = (step: ReportStep) => (actionData?.step === step ? actionData.result : undefined)
	return (
		<section className="card report-section report-steps" aria-labelledby="steps-heading">
			<h2 id="steps-heading">{t.reports.nextSteps}</h2>
			{steps.map((step) => {
				if (step === 'send_opinions') {
					return <OpinionsForm key={`${step}-${version}`} version={version} defaultOpinions={collectedOpinions} lastResult={lastResult(step)} />
				}
				if (step === 'submit_revised') return <SignOffForm key={`${step}-${version}`} version={version} lastResult={lastResult(step)} />
				return (
					<Form key={step} method="post" className="form form--wide">
						<p className="muted small">{t.reports.stepHints[step]}</p>
						{step === 'submit_draft' && gaps.length ? (
							<p className="standing standing--overdue small">
								{refusalMessage(t, { kind: 'rule', code: 'reports.incomplete', params: { gaps: { labels: gaps.map((g) => `reports.gaps.${g}`) } } })}
							</p>
						) : null}
						<VersionInput version={version} />
						<div>
							<SubmitButton name="intent" value={step}>
								{t.reports.steps[step]}
							</SubmitButton>
						</div>
					</Form>
				)
			})}
		</section>
	)
}

function OpinionsForm({ version, defaultOpinions, lastResult }: { version: number; defaultOpinions: string; lastResult: SubmissionResult<Array<string>> | undefined }) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'report-opinions',
		lastResult,
		defaultValue: { opinions: defaultOpinions },
		constraint: getZodConstraint(stepSchema(t, 'send_opinions')),
		shouldRevalidate: 'onBlur',
	})
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<p className="muted small">{t.reports.stepHints.send_opinions}</p>
			<VersionInput version={version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.reports.opinions} field={fields.opinions}>
				<textarea {...getTextareaProps(fields.opinions)} rows={8} maxLength={maxOpinions} />
			</Field>
			<div>
				<SubmitButton name="intent" value="send_opinions">
					{t.reports.steps.send_opinions}
				</SubmitButton>
			</div>
		</Form>
	)
}

function SignOffForm({ version, lastResult }: { version: number; lastResult: SubmissionResult<Array<string>> | undefined }) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'report-sign-off',
		lastResult,
		constraint: getZodConstraint(stepSchema(t, 'submit_revised')),
		shouldRevalidate: 'onBlur',
	})
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<p className="muted small">{t.reports.stepHints.submit_revised}</p>
			<VersionInput version={version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="grid-2">
				<Field label={t.reports.signerName} field={fields.signerName}>
					<input {...getInputProps(fields.signerName, { type: 'text' })} maxLength={maxSignerName} autoComplete="off" />
				</Field>
				<Field label={t.reports.signerPosition} field={fields.signerPosition} hint={t.reports.signerHint}>
					<input {...getInputProps(fields.signerPosition, { type: 'text' })} maxLength={maxSignerPosition} autoComplete="off" />
				</Field>
			</div>
			<div>
				<SubmitButton name="intent" value="submit_revised">
					{t.reports.steps.submit_revised}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function DeliberationCard({
	deliberation,
}: {
	deliberation: { id: number; state: DeliberationState; result: Choice | null; handlingDueOn: string | null; mayOpen: boolean }
}) {
	const t = useT()
	return (
		<section className="card report-section" aria-labelledby="deliberation-heading">
			<h2 id="deliberation-heading">{t.reports.deliberationTitle}</h2>
			<p>{fill(t.reports.deliberationState, { state: t.reports.deliberationStates[deliberation.state] })}</p>
			{deliberation.result ? (
				<p className={deliberation.result === 'unsatisfied' ? 'result--unsatisfied' : undefined}>
					{fill(t.reports.deliberationResult, { result: t.reports.results[deliberation.result] })}
				</p>
			) : null}
			{deliberation.handlingDueOn ? (
				<p>
					{t.reports.handlingDue}：{formatChineseDate(deliberation.handlingDueOn)}
				</p>
			) : null}
			{deliberation.mayOpen ? (
				<p>
					<Link className="button button--secondary button--small" to={`/deliberations/${deliberation.id}`}>
						{t.reports.deliberationLink}
					</Link>
				</p>
			) : null}
		</section>
	)
}

type ProgressRow = {
	id: number
	clauseId: number
	clauseLabel: string
	ordinal: number
	text: string
	leads: Array<string>
	narrative: string
	selfAssessment: SelfAssessment | null
}

export function ProgressTable({ tasks }: { tasks: Array<ProgressRow> }) {
	const t = useT()
	return (
		<section className="card report-section" aria-labelledby="progress-heading">
			<h2 id="progress-heading">{t.reports.progressTitle}</h2>
			<p className="muted small">{t.reports.progressHint}</p>
			{tasks.length === 0 ? (
				<p className="muted">{t.reports.noTasks}</p>
			) : (
				<div className="table-wrap">
					<table className="progress-table">
						<thead>
							<tr>
								<th scope="col">{t.reports.clause}</th>
								<th scope="col">{t.reports.task}</th>
								<th scope="col">{t.reports.lead}</th>
								<th scope="col">{t.reports.narrative}</th>
								<th scope="col">{t.reports.selfAssessment}</th>
							</tr>
						</thead>
						<tbody>
							{tasks.map((task) => (
								<tr key={task.id}>
									<td className="nowrap" data-label={t.reports.clause}>
										<Link to={`/clauses/${task.clauseId}`}>{task.clauseLabel}</Link>
									</td>
									<td className="progress-table__task" data-label={t.reports.task}>
										{task.text}
									</td>
									<td data-label={t.reports.lead}>{task.leads.join('、')}</td>
									<td className="progress-table__narrative report-text" data-label={t.reports.narrative}>
										{task.narrative || <span className="muted">—</span>}
									</td>
									<td className="nowrap" data-label={t.reports.selfAssessment}>
										{task.selfAssessment ? (
											<span className={`status status--${task.selfAssessment}`}>{t.reports.selfAssessments[task.selfAssessment]}</span>
										) : (
											<span className="muted">{t.reports.notAssessed}</span>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	)
}
