import { AttachmentInput } from '~/components/attachment-input'
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { RectificationDue } from '~/components/findings-list'
import { formatDate } from '~/components/todo-list'
import { fill, useLang, useT } from '~/i18n/i18n'
import { AttachmentList } from '~/components/attachment-list'
import type { LoadedFinding } from './route'
import { maxReason, maxResponse, reopenSchema, respondSchema } from './schema'

type Result = SubmissionResult<Array<string>> | undefined

function Paragraphs({ text }: { text: string }) {
	return (
		<div className="finding-text">
			{text.split('\n').map((line, index) => (
				<p key={index}>{line}</p>
			))}
		</div>
	)
}

// What was found: the inspection, clause, task, agency and visit, the description and evidence,
// who recorded it, and its files.
export function FindingDetails({ loaded }: { loaded: LoadedFinding }) {
	const t = useT()
	const lang = useLang()
	const { finding, inspection, clause, agency, task, visit } = loaded
	return (
		<section className="card finding-card" aria-labelledby="finding-heading">
			<h2 id="finding-heading">{t.findings.finding}</h2>
			<dl className="facts">
				<dt>{t.findings.inspection}</dt>
				<dd>
					<Link to={`/inspections/${inspection.id}`}>{inspection.title}</Link>
				</dd>
				<dt>{t.findings.clause}</dt>
				<dd>
					<Link to={`/clauses/${clause.id}`}>{clause.label}</Link>
				</dd>
				{task ? (
					<>
						<dt>{t.findings.task}</dt>
						<dd>
							{fill(t.tasks.clauseTask, { clause: clause.label, n: task.ordinal })}
							<div className="muted small">{task.text}</div>
						</dd>
					</>
				) : null}
				<dt>{t.findings.agency}</dt>
				<dd>
					<Link to={`/agencies/${agency.id}`}>{agency.name}</Link>
				</dd>
				{visit ? (
					<>
						<dt>{t.findings.visit}</dt>
						<dd>
							{formatDate(visit.on, lang)} {visit.startTime} {visit.place}
						</dd>
					</>
				) : null}
				<dt>{t.findings.recordedBy}</dt>
				<dd>
					{loaded.recorder} · {formatDate(finding.recordedOn, lang)}
				</dd>
			</dl>
			<h3>{t.findings.description}</h3>
			<Paragraphs text={finding.description} />
			<h3>{t.findings.evidence}</h3>
			{finding.evidence ? <Paragraphs text={finding.evidence} /> : <p className="muted">{t.findings.noEvidence}</p>}
			<h3>{t.attachments.title}</h3>
			<AttachmentList files={loaded.evidenceFiles} />
		</section>
	)
}

// The rectification: due date (overdue in red), where it stands, the latest response, a
// reopening's reason, the agency's files, and every round so far.
export function RectificationSection({ loaded }: { loaded: LoadedFinding }) {
	const t = useT()
	const lang = useLang()
	const { finding, steps } = loaded
	return (
		<section className="card finding-card" aria-labelledby="rectification-heading">
			<h2 id="rectification-heading">{t.findings.rectification}</h2>
			<dl className="facts">
				<dt>{t.findings.dueOn}</dt>
				<dd>
					<RectificationDue dueOn={finding.rectificationDueOn} overdueDays={finding.overdueDays} />
				</dd>
				<dt>{t.findings.state}</dt>
				<dd>{t.findings.states[finding.rectificationState]}</dd>
				{finding.rectificationState === 'accepted' && finding.verifiedOn ? (
					<>
						<dt>{t.findings.verifiedOn}</dt>
						<dd>{formatDate(finding.verifiedOn, lang)}</dd>
					</>
				) : null}
			</dl>
			{finding.rectificationState === 'reopened' && finding.reopenReason ? (
				<div className="notice notice--error" role="status">
					<strong>{t.findings.reopenedBecause}</strong>
					<Paragraphs text={finding.reopenReason} />
				</div>
			) : null}
			{finding.response ? (
				<>
					<h3>
						{t.findings.response}
						{finding.respondedOn ? <span className="muted small"> · {fill(t.findings.respondedOn, { date: formatDate(finding.respondedOn, lang) })}</span> : null}
					</h3>
					<Paragraphs text={finding.response} />
				</>
			) : (
				<p className="muted">{t.findings.noResponse}</p>
			)}
			<h3>{t.findings.rectificationFiles}</h3>
			<AttachmentList files={loaded.rectificationFiles} />
			{steps.length ? (
				<>
					<h3>{t.findings.history}</h3>
					<ol className="finding-history">
						{steps.map((step, index) => (
							<li key={index}>
								<time dateTime={step.on}>{formatDate(step.on, lang)}</time> {t.findings.steps[step.action]}
								{step.text ? <div className="muted small finding-history__text">{step.text}</div> : null}
							</li>
						))}
					</ol>
				</>
			) : null}
		</section>
	)
}

type FindingForForms = { version: number; rectificationState: string; response: string }

// The agency's liaison reports what was done, with files; after a reopening the previous
// response is the starting point.
export function RespondForm({ finding, lastResult }: { finding: FindingForForms; lastResult: Result }) {
	const t = useT()
	const schema = respondSchema(t)
	const [form, fields] = useForm({
		id: 'finding-respond',
		lastResult,
		defaultValue: { response: finding.response },
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => {
			formData.delete('attachments')
			return parseWithZod(formData, { schema })
		},
		shouldRevalidate: 'onBlur',
	})
	const fileErrors = form.allErrors.attachments
	return (
		<section className="card finding-card" aria-labelledby="respond-heading">
			<h2 id="respond-heading">{finding.rectificationState === 'reopened' ? t.findings.respondAgainTitle : t.findings.respondTitle}</h2>
			<p className="muted small">{t.findings.respondHint}</p>
			<Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="respond" />
				<input type="hidden" name="version" value={finding.version} />
				<ErrorList id={form.errorId} errors={form.errors} />
				<Field label={t.findings.response} field={fields.response}>
					<textarea {...getTextareaProps(fields.response)} rows={8} maxLength={maxResponse} />
				</Field>
				<AttachmentInput id="rectification-attachments" name="attachments" errors={fileErrors} />
				<div>
					<SubmitButton>
						{t.findings.submitResponse}
					</SubmitButton>
				</div>
			</Form>
		</section>
	)
}

// The secretariat accepts the response, or reopens the rectification with a reason.
export function VerifyForms({
	finding,
	canAccept,
	canReopen,
	acceptResult,
	reopenResult,
}: {
	finding: FindingForForms
	canAccept: boolean
	canReopen: boolean
	acceptResult: Result
	reopenResult: Result
}) {
	const t = useT()
	const schema = reopenSchema(t)
	const [acceptForm] = useForm({ id: 'finding-accept', lastResult: acceptResult })
	const [reopenForm, fields] = useForm({
		id: 'finding-reopen',
		lastResult: reopenResult,
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<section className="card finding-card" aria-labelledby="verify-heading">
			<h2 id="verify-heading">{t.findings.verifyTitle}</h2>
			<p className="muted small">{finding.rectificationState === 'accepted' ? t.findings.reopenAcceptedHint : t.findings.verifyHint}</p>
			{canAccept ? (
				<Form method="post" className="form" {...getFormProps(acceptForm)}>
					<input type="hidden" name="version" value={finding.version} />
					<ErrorList id={acceptForm.errorId} errors={acceptForm.errors} />
					<SubmitButton name="intent" value="accept">
						{t.findings.accept}
					</SubmitButton>
				</Form>
			) : null}
			{canReopen ? (
				<Form method="post" className="form" {...getFormProps(reopenForm)}>
					<input type="hidden" name="intent" value="reopen" />
					<input type="hidden" name="version" value={finding.version} />
					<ErrorList id={reopenForm.errorId} errors={reopenForm.errors} />
					<Field label={t.findings.reopenReason} field={fields.reason} hint={t.findings.reopenHint}>
						<textarea {...getTextareaProps(fields.reason)} rows={4} maxLength={maxReason} />
					</Field>
					<SubmitButton className="button button--secondary">
						{t.findings.reopen}
					</SubmitButton>
				</Form>
			) : null}
		</section>
	)
}
