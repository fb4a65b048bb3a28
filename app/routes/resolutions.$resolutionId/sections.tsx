import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { maxReason, maxResponse, reopenSchema, respondSchema, type LastResultOf } from './schema'

// The sections of a resolution's page: what it says and on what, each agency's execution report,
// and each action with its report and the office's check.

function Paragraphs({ text }: { text: string }) {
	return (
		<div className="resolution-text">
			{text
				.split(/\r?\n/)
				.filter((line) => line.trim())
				.map((line, index) => (
					<p key={index}>{line}</p>
				))}
		</div>
	)
}

export function ResolutionDetails({ page }: { page: PageData }) {
	const t = useT()
	const r = page.resolution
	return (
		<section className="card" aria-labelledby="resolution-heading">
			<h2 id="resolution-heading">{t.resolutions.details}</h2>
			<dl className="facts">
				<dt>{t.resolutions.meeting}</dt>
				<dd>
					<Link to={`/meetings/${r.meeting.id}`}>{r.meeting.label}</Link>
				</dd>
				<dt>{t.resolutions.adoptedOn}</dt>
				<dd>{formatChineseDate(r.adoptedOn)}</dd>
				<dt>{t.resolutions.reportDueOn}</dt>
				<dd>{formatChineseDate(r.reportDueOn)}</dd>
				{r.subject ? (
					<>
						<dt>{t.resolutions.subjectTypes[r.subject.type]}</dt>
						<dd>
							<Link to={r.subject.type === 'report' ? `/reports/${r.subject.id}` : `/inspections/${r.subject.id}`}>{r.subject.title}</Link>
						</dd>
					</>
				) : null}
				{r.clauses.length ? (
					<>
						<dt>{t.resolutions.clauses}</dt>
						<dd className="badge-list">
							{r.clauses.map((c) => (
								<Link key={c.id} className="badge" to={`/clauses/${c.id}`}>
									{c.label}
								</Link>
							))}
						</dd>
					</>
				) : null}
			</dl>
			<h3>{t.resolutions.body}</h3>
			<Paragraphs text={r.body} />
		</section>
	)
}

// Per acting agency: its report on the resolution's execution, due by the reporting date and
// overdue after it while any of its actions is unreported.
export function ExecutionReports({ page }: { page: PageData }) {
	const t = useT()
	return (
		<section className="card" aria-labelledby="execution-heading">
			<h2 id="execution-heading">{t.resolutions.executionTitle}</h2>
			<p className="muted small">{fill(t.resolutions.executionHint, { date: formatChineseDate(page.resolution.reportDueOn) })}</p>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">{t.resolutions.agency}</th>
							<th scope="col">{t.resolutions.executionState}</th>
						</tr>
					</thead>
					<tbody>
						{page.reports.map((report) => (
							<tr key={report.agencyId}>
								<th scope="row">{report.agencyName}</th>
								<td>
									{report.unreported === 0 ? t.resolutions.allReported : fill(t.resolutions.unreported, { count: report.unreported })}
									{report.overdueDays > 0 ? <div className="overdue small">{fill(t.resolutions.overdueBy, { days: report.overdueDays })}</div> : null}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}

type Action = PageData['actions'][number]

export function ActionsSection({ page, lastResult }: { page: PageData; lastResult: LastResultOf }) {
	const t = useT()
	return (
		<section className="card" aria-labelledby="actions-heading">
			<h2 id="actions-heading">{t.resolutions.actions}</h2>
			<ol className="resolution-actions">
				{page.actions.map((action, index) => (
					<li key={action.id} id={`action-${action.id}`} className={action.overdueDays > 0 ? 'resolution-action resolution-action--overdue' : 'resolution-action'}>
						<h3>{fill(t.resolutions.actionN, { n: index + 1, agency: action.agencyName })}</h3>
						<p>{action.text}</p>
						<p className="small">
							{fill(t.resolutions.dueOnValue, { date: formatChineseDate(action.dueOn) })} ·{' '}
							<span className={`badge action-state action-state--${action.state}`}>{t.resolutions.actionStates[action.state]}</span>
							{action.overdueDays > 0 ? <strong className="overdue"> {fill(t.resolutions.overdueBy, { days: action.overdueDays })}</strong> : null}
						</p>
						{action.reopenReason && action.state === 'reopened' ? <p className="notice notice--error">{fill(t.resolutions.sentBackWith, { reason: action.reopenReason })}</p> : null}
						{action.response && action.respondedOn ? (
							<div className="resolution-action__report">
								<p className="muted small">
									{action.respondedByName
										? fill(t.resolutions.reportedOnBy, { date: formatChineseDate(action.respondedOn), name: action.respondedByName })
										: fill(t.resolutions.reportedOn, { date: formatChineseDate(action.respondedOn) })}
								</p>
								<Paragraphs text={action.response} />
							</div>
						) : null}
						{action.acceptedOn && action.state === 'accepted' ? <p className="small">{fill(t.resolutions.closedOn, { date: formatChineseDate(action.acceptedOn) })}</p> : null}
						{action.steps.includes('respond') ? <RespondForm action={action} lastResult={lastResult('respond', action.id)} /> : null}
						{action.steps.includes('accept') ? <AcceptForm action={action} lastResult={lastResult('accept', action.id)} /> : null}
						{action.steps.includes('reopen') ? <ReopenForm action={action} lastResult={lastResult('reopen', action.id)} /> : null}
					</li>
				))}
			</ol>
		</section>
	)
}

function Hidden({ action }: { action: Action }) {
	return (
		<>
			<input type="hidden" name="actionId" value={action.id} />
			<input type="hidden" name="version" value={action.version} />
		</>
	)
}

function RespondForm({ action, lastResult }: { action: Action; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form, fields] = useForm({ id: `respond-${action.id}`, lastResult, constraint: getZodConstraint(respondSchema(t)), shouldRevalidate: 'onBlur' })
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<Hidden action={action} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.resolutions.response} field={fields.response} hint={t.resolutions.responseHint}>
				<textarea {...getTextareaProps(fields.response)} rows={6} maxLength={maxResponse} />
			</Field>
			<div>
				<SubmitButton name="intent" value="respond">
					{t.resolutions.steps.respond}
				</SubmitButton>
			</div>
		</Form>
	)
}

function AcceptForm({ action, lastResult }: { action: Action; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form] = useForm({ id: `accept-${action.id}`, lastResult })
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<Hidden action={action} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<div>
				<SubmitButton name="intent" value="accept">
					{t.resolutions.steps.accept}
				</SubmitButton>
			</div>
		</Form>
	)
}

function ReopenForm({ action, lastResult }: { action: Action; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form, fields] = useForm({ id: `reopen-${action.id}`, lastResult, constraint: getZodConstraint(reopenSchema(t)), shouldRevalidate: 'onBlur' })
	return (
		<details className="resolution-reopen" open={lastResult !== undefined}>
			<summary>{t.resolutions.steps.reopen}</summary>
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<Hidden action={action} />
				<ErrorList id={form.errorId} errors={form.errors} />
				<Field label={t.resolutions.reason} field={fields.reason}>
					<textarea {...getTextareaProps(fields.reason)} rows={3} maxLength={maxReason} />
				</Field>
				<div>
					<SubmitButton name="intent" value="reopen" className="button button--secondary">
						{t.resolutions.sendBack}
					</SubmitButton>
				</div>
			</Form>
		</details>
	)
}
