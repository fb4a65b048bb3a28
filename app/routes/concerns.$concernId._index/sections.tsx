import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { AttachmentInput } from '~/components/attachment-input'
import { AttachmentList } from '~/components/attachment-list'
import { CheckboxesField } from '~/components/checkbox-fields'
import { StepButton as SharedStepButton } from '~/components/step-button'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { concernRatings, resultClasses } from '~/domain/concerns'
import { daysOverdue, formatChineseDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import {
	arrangeSchema,
	assignSchema,
	fulfilSchema,
	maxName,
	maxReason,
	maxText,
	mergeSchema,
	opinionSchema,
	rateSchema,
	reasonSchema,
	replySchema,
	type Intent,
	type LastResultOf,
} from './schema'

// The sections of a concern's page. Each form posts plainly (no JavaScript needed) with the
// intent of its button; a refused one comes back with what was typed and the message. Only the
// steps the policy offers are drawn.

type Props = { page: PageData; lastResult: LastResultOf }

const date = (value: string | null) => (value ? formatChineseDate(value) : '—')

function StepButton({ lastResult, ...props }: { intent: Intent; label: string; hint?: ReactNode; version?: number; lastResult: LastResultOf; secondary?: boolean }) {
	return <SharedStepButton {...props} lastResult={lastResult(props.intent)} idPrefix="concern" className="concern-step" />
}

// A form of one text and its button: a reason to decline or return, an opinion, a fulfilment.
function TextStep({ intent, name, label, hint, version, lastResult, schema, max }: { intent: Intent; name: string; label: string; hint?: ReactNode; version?: number; lastResult: LastResultOf; schema: Parameters<typeof getZodConstraint>[0]; max: number }) {
	const t = useT()
	const [form, fields] = useForm({ id: `concern-${intent}`, lastResult: lastResult(intent), constraint: getZodConstraint(schema) })
	const field = fields[name as keyof typeof fields]
	return (
		<Form method="post" className="form form--wide concern-step" {...getFormProps(form)}>
			{version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={label} field={field} hint={hint}>
				<textarea {...getTextareaProps(field)} rows={3} maxLength={max} />
			</Field>
			<div>
				<SubmitButton name="intent" value={intent} className="button button--secondary">
					{t.concerns.steps[intent]}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function DetailsSection({ page, identity, lastResult }: Props & { identity: Array<{ position: number; name: string; phone: string }> | null }) {
	const t = useT()
	const c = page.concern
	const next = page.next
	const nextText =
		next.kind === 'agency' ? (next.by ? fill(t.concerns.next.agency, { date: date(next.by) }) : t.concerns.next.agencyNoDate) : next.kind === 'deputy' ? fill(t.concerns.next.deputy, { date: date(next.by) }) : t.concerns.next[next.kind]
	const shown = identity ?? page.constituents
	return (
		<section className="card" aria-labelledby="concern-details">
			<h2 id="concern-details">{t.concerns.sections.details}</h2>
			<dl className="facts">
				<dt>{t.concerns.nextStep}</dt>
				<dd>{nextText}</dd>
				<dt>{t.concerns.district}</dt>
				<dd>
					{c.district}
					{c.community ? ` · ${c.community}` : ''}
				</dd>
				<dt>{t.concerns.category}</dt>
				<dd>{c.categoryName}</dd>
				<dt>{t.concerns.filer}</dt>
				<dd>
					{c.filerName}
					{page.relation.filer ? t.concerns.you : ''}
					{page.cosigners.length ? <div className="muted small">{fill(t.concerns.cosignedBy, { names: page.cosigners.map((d) => d.name).join('、') })}</div> : null}
				</dd>
				{page.clauses.length ? (
					<>
						<dt>{t.concerns.clauses}</dt>
						<dd>
							{page.clauses.map((clause, i) => (
								<span key={clause.id}>
									{i ? '、' : ''}
									<Link to={`/clauses/${clause.id}`}>{clause.label}</Link>
								</span>
							))}
						</dd>
					</>
				) : null}
				{c.submittedOn ? (
					<>
						<dt>{t.concerns.state}</dt>
						<dd>{`${date(c.submittedOn)} · ${t.concerns.states[c.state]}`}</dd>
					</>
				) : null}
			</dl>
			{c.state === 'declined' && c.declineReason ? <p className="notice notice--info">{fill(t.concerns.declinedBecause, { reason: c.declineReason })}</p> : null}
			{page.mergedInto ? (
				<p className="notice notice--info">
					<Link to={`/concerns/${page.mergedInto.id}`}>{fill(t.concerns.merged, { title: page.mergedInto.title })}</Link>
				</p>
			) : null}
			{page.mergedFrom > 0 ? <p className="muted small">{fill(t.concerns.mergedFrom, { count: page.mergedFrom })}</p> : null}
			{page.description !== null ? (
				<>
					<h3>{t.concerns.description}</h3>
					<p className="concern-text">{page.description}</p>
					<AttachmentList files={page.originalFiles} />
				</>
			) : (
				<p className="muted">{t.concerns.originalWithheld}</p>
			)}
			{page.identity !== 'none' ? (
				<>
					<h3>{t.concerns.constituents}</h3>
					{shown.length === 0 ? (
						<p className="muted">{t.concerns.noConstituents}</p>
					) : (
						<>
							{identity ? <p className="small">{t.concerns.identityShown}</p> : page.identity === 'masked' ? <p className="muted small">{t.concerns.identityMasked}</p> : null}
							<table className="identity-table">
								<thead>
									<tr>
										<th scope="col">{t.concerns.constituentName}</th>
										<th scope="col">{t.concerns.constituentPhone}</th>
									</tr>
								</thead>
								<tbody>
									{shown.map((person) => (
										<tr key={person.position}>
											<td>{person.name || '—'}</td>
											<td>{person.phone || '—'}</td>
										</tr>
									))}
								</tbody>
							</table>
						</>
					)}
					{page.identity === 'masked' && !identity && shown.length > 0 && page.steps.includes('showIdentity') ? (
						<StepButton intent="showIdentity" label={t.concerns.showIdentity} hint={t.concerns.showIdentityHint} lastResult={lastResult} secondary />
					) : null}
				</>
			) : null}
			{page.steps.includes('edit') || page.steps.includes('submit') ? (
				<div className="button-row concern-step">
					{page.steps.includes('edit') ? (
						<Link className="button button--secondary" to={`/concerns/${c.id}/edit`}>
							{t.concerns.edit}
						</Link>
					) : null}
				</div>
			) : null}
			{page.steps.includes('submit') ? <StepButton intent="submit" label={t.concerns.steps.submit} version={c.version} lastResult={lastResult} /> : null}
			{page.steps.includes('discard') ? <StepButton intent="discard" label={t.concerns.steps.discard} version={c.version} lastResult={lastResult} secondary /> : null}
		</section>
	)
}

function ArrangeForm({ page, lastResult }: Props) {
	const t = useT()
	const c = page.concern
	const [form, fields] = useForm({
		id: 'concern-arrange',
		lastResult: lastResult('arrange'),
		constraint: getZodConstraint(arrangeSchema(t)),
		defaultValue: { priority: c.priority ? 'on' : undefined, difficult: c.difficult ? 'on' : undefined, shareable: c.shareable ? 'on' : undefined, assignmentText: c.assignmentText || c.title },
	})
	return (
		<Form method="post" className="form form--wide concern-step" {...getFormProps(form)}>
			<input type="hidden" name="version" value={c.version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.concerns.assignmentText} field={fields.assignmentText} hint={t.concerns.assignmentTextHint}>
				<textarea {...getTextareaProps(fields.assignmentText)} rows={6} maxLength={maxText} />
			</Field>
			<div className="button-row">
				{(['priority', 'difficult', 'shareable'] as const).map((name) => (
					<label key={name} className="checkbox">
						<input {...getInputProps(fields[name], { type: 'checkbox' })} /> {t.concerns[name]}
					</label>
				))}
			</div>
			<div>
				<SubmitButton name="intent" value="arrange" className="button button--secondary">
					{t.concerns.steps.arrange}
				</SubmitButton>
			</div>
		</Form>
	)
}

function AssignForm({ page, lastResult }: Props) {
	const t = useT()
	const c = page.concern
	const [form, fields] = useForm({
		id: 'concern-assign',
		lastResult: lastResult('assign'),
		constraint: getZodConstraint(assignSchema(t)),
		defaultValue: { leadId: page.suggested[0]?.id ? String(page.suggested[0].id) : undefined, coIds: [] as Array<string> },
	})
	return (
		<Form method="post" className="form form--wide concern-step" {...getFormProps(form)}>
			<input type="hidden" name="version" value={c.version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			{page.suggested.length ? <p className="small">{fill(t.concerns.suggested, { names: page.suggested.map((a) => a.name).join('、') })}</p> : null}
			<Field label={t.concerns.leadAgency} field={fields.leadId} hint={c.assignedOn ? t.concerns.reassignHint : t.concerns.assignHint}>
				<select {...getSelectProps(fields.leadId)}>
					<option value="">{t.concerns.choose}</option>
					{page.handlingAgencies.map((a) => (
						<option key={a.id} value={a.id}>
							{a.name}
						</option>
					))}
				</select>
			</Field>
			<details>
				<summary>{t.concerns.coAgencies}</summary>
				<CheckboxesField field={fields.coIds} legend={t.concerns.coAgencies} hint={t.concerns.coAgenciesHint} choices={page.handlingAgencies.map((a) => ({ value: a.id, label: a.name }))} />
			</details>
			<div>
				<SubmitButton name="intent" value="assign">
					{t.concerns.steps.assign}
				</SubmitButton>
			</div>
		</Form>
	)
}

function MergeForm({ page, lastResult }: Props) {
	const t = useT()
	const [form, fields] = useForm({ id: 'concern-merge', lastResult: lastResult('merge'), constraint: getZodConstraint(mergeSchema(t)) })
	return (
		<Form method="post" className="form concern-step" {...getFormProps(form)}>
			<input type="hidden" name="version" value={page.concern.version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.concerns.mergeInto} field={fields.intoId} hint={t.concerns.mergeIntoHint}>
				<input {...getInputProps(fields.intoId, { type: 'number' })} min={1} />
			</Field>
			<div>
				<SubmitButton name="intent" value="merge" className="button button--secondary">
					{t.concerns.steps.merge}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function OfficeSection({ page, lastResult }: Props) {
	const t = useT()
	const s = page.steps
	if (!['accept', 'decline', 'merge', 'arrange', 'assign'].some((step) => s.includes(step as Intent & typeof s[number]))) return null
	return (
		<section className="card" aria-labelledby="concern-office">
			<h2 id="concern-office">{t.concerns.sections.office}</h2>
			{s.includes('accept') ? <StepButton intent="accept" label={t.concerns.steps.accept} version={page.concern.version} lastResult={lastResult} /> : null}
			{s.includes('arrange') ? <ArrangeForm page={page} lastResult={lastResult} /> : null}
			{s.includes('assign') ? <AssignForm page={page} lastResult={lastResult} /> : null}
			{s.includes('decline') ? (
				<TextStep intent="decline" name="reason" label={t.concerns.declineReason} hint={t.concerns.declineReasonHint} version={page.concern.version} lastResult={lastResult} schema={reasonSchema(t)} max={maxReason} />
			) : null}
			{s.includes('merge') ? <MergeForm page={page} lastResult={lastResult} /> : null}
		</section>
	)
}

export function HandlingSection({ page, lastResult }: Props) {
	const t = useT()
	const c = page.concern
	if (!c.assignedOn && page.handover.length === 0) return null
	const overdue = ['assigned', 'rehandling'].includes(c.state) ? daysOverdue(c.replyDueOn, page.today) : 0
	const letters = page.identity === 'masked' || page.relation.agencyRole !== null
	return (
		<section className="card" aria-labelledby="concern-handling">
			<h2 id="concern-handling">{t.concerns.sections.handling}</h2>
			<dl className="facts">
				<dt>{t.concerns.assignedOn}</dt>
				<dd>{date(c.assignedOn)}</dd>
				<dt>{t.concerns.replyDue}</dt>
				<dd>
					{date(c.replyDueOn)}
					{c.difficult ? <span className="muted small"> · {t.concerns.difficult}</span> : null}
					{overdue > 0 ? <div className="overdue small">{fill(t.concerns.overdueBy, { days: overdue })}</div> : null}
				</dd>
				<dt>{t.concerns.agencies}</dt>
				<dd>
					{page.handover.map((a) => (
						<div key={a.agencyId}>
							<span className={`badge badge--${a.role}`}>{t.concerns.roles[a.role]}</span> {a.name}
							{letters ? (
								<>
									{' '}
									<Link className="small no-print" to={`/concerns/${c.id}/letter?agency=${a.agencyId}`}>
										{t.concerns.assignmentLetter}
									</Link>
								</>
							) : null}
						</div>
					))}
				</dd>
			</dl>
			{c.assignmentText ? (
				<>
					<h3>{t.concerns.assignmentText}</h3>
					<p className="concern-text">{c.assignmentText}</p>
				</>
			) : null}
			{c.returnedOn && c.returnReason ? <p className="notice notice--info">{fill(t.concerns.returnedBecause, { date: date(c.returnedOn), reason: c.returnReason })}</p> : null}
			{page.handover.some((a) => a.role === 'co') ? (
				<>
					<h3>{t.concerns.opinionsTitle}</h3>
					<ul className="plain-list">
						{page.handover
							.filter((a) => a.role === 'co')
							.map((a) => (
								<li key={a.agencyId}>
									<strong>{a.name}</strong>：{a.opinion ? <span className="concern-text">{a.opinion}</span> : <span className="muted">{fill(t.concerns.opinionMissing, { date: date(page.opinionBy) })}</span>}
									{a.opinionOn ? <span className="muted small"> · {fill(t.concerns.opinionGivenOn, { date: date(a.opinionOn) })}</span> : null}
								</li>
							))}
					</ul>
				</>
			) : null}
			{page.steps.includes('return') ? (
				<TextStep
					intent="return"
					name="reason"
					label={t.concerns.returnReason}
					hint={fill(t.concerns.returnHint, { days: page.returnDays, date: date(page.returnBy) })}
					version={c.version}
					lastResult={lastResult}
					schema={reasonSchema(t)}
					max={maxReason}
				/>
			) : null}
			{page.steps.includes('opinion') ? (
				<TextStep intent="opinion" name="opinion" label={t.concerns.opinionText} hint={fill(t.concerns.opinionHint, { date: date(page.opinionBy) })} lastResult={lastResult} schema={opinionSchema(t)} max={maxText} />
			) : null}
		</section>
	)
}

function ReplyForm({ page, lastResult }: Props) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'concern-reply',
		lastResult: lastResult('reply'),
		constraint: getZodConstraint(replySchema(t)),
		// Checked in the browser: without it conform would post each blur to the action.
		onValidate: ({ formData }) => parseWithZod(formData, { schema: replySchema(t) }),
		shouldValidate: 'onBlur',
	})
	const attachmentErrors = (form.allErrors as Record<string, Array<string>> | undefined)?.attachments
	return (
		<Form method="post" encType="multipart/form-data" className="form form--wide concern-step" {...getFormProps(form)}>
			<input type="hidden" name="version" value={page.concern.version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<fieldset>
				<legend>{t.concerns.result}</legend>
				{resultClasses.map((value) => (
					<label key={value} className="checkbox">
						<input type="radio" name={fields.resultClass.name} value={value} defaultChecked={fields.resultClass.initialValue === value} /> {t.concerns.resultClasses[value]}
					</label>
				))}
				<ErrorList id={fields.resultClass.errorId} errors={fields.resultClass.errors} />
			</fieldset>
			<Field label={t.concerns.replyContent} field={fields.content}>
				<textarea {...getTextareaProps(fields.content)} rows={8} maxLength={maxText} />
			</Field>
			<Field label={t.concerns.replyReasons} field={fields.reasons} hint={t.concerns.replyReasonsHint}>
				<textarea {...getTextareaProps(fields.reasons)} rows={3} maxLength={maxText} />
			</Field>
			<div className="field-row">
				<Field label={t.concerns.promisedOn} field={fields.promisedOn} hint={t.concerns.promisedOnHint}>
					<input {...getInputProps(fields.promisedOn, { type: 'date' })} />
				</Field>
				<Field label={t.concerns.signedBy} field={fields.signedBy} hint={t.concerns.signedByHint}>
					<input {...getInputProps(fields.signedBy, { type: 'text' })} maxLength={maxName} />
				</Field>
			</div>
			<AttachmentInput id="concern-reply-attachments" name="attachments" errors={attachmentErrors} />
			<div>
				<SubmitButton name="intent" value="reply">
					{t.concerns.steps.reply}
				</SubmitButton>
			</div>
		</Form>
	)
}

function RateForm({ lastResult }: { lastResult: LastResultOf }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'concern-rate', lastResult: lastResult('rate'), constraint: getZodConstraint(rateSchema(t)) })
	return (
		<Form method="post" className="form form--wide concern-step" {...getFormProps(form)}>
			<ErrorList id={form.errorId} errors={form.errors} />
			<fieldset>
				<legend>{t.concerns.ratingLegend}</legend>
				{concernRatings.map((value) => (
					<label key={value} className="checkbox">
						<input type="radio" name={fields.rating.name} value={value} defaultChecked={fields.rating.initialValue === value} /> {t.concerns.ratings[value]}
					</label>
				))}
				<ErrorList id={fields.rating.errorId} errors={fields.rating.errors} />
			</fieldset>
			<Field label={t.concerns.ratingComment} field={fields.comment} hint={t.concerns.ratingCommentHint}>
				<textarea {...getTextareaProps(fields.comment)} rows={3} maxLength={maxReason} />
			</Field>
			<div>
				<SubmitButton name="intent" value="rate">
					{t.concerns.steps.rate}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function RepliesSection({ page, lastResult }: Props) {
	const t = useT()
	const c = page.concern
	if (!c.assignedOn && page.replies.length === 0) return null
	return (
		<section className="card" aria-labelledby="concern-replies">
			<h2 id="concern-replies">{t.concerns.sections.replies}</h2>
			{page.replies.length === 0 ? <p className="muted">{t.concerns.noReplies}</p> : null}
			{page.replies.map((r) => (
				<article key={r.id} className="concern-reply">
					<h3>
						{fill(t.concerns.round, { n: r.round })} · {t.concerns.resultClasses[r.resultClass]}
					</h3>
					<p className="muted small">
						{date(r.repliedOn)} · {r.agencyName} · {fill(t.concerns.letter.signature, { name: r.signedBy })} ·{' '}
						<Link className="no-print" to={`/concerns/${c.id}/letter?reply=${r.round}`}>
							{t.concerns.replyLetter}
						</Link>
					</p>
					<p>{r.content}</p>
					{r.reasons ? (
						<p>
							<strong>{t.concerns.replyReasons}：</strong>
							{r.reasons}
						</p>
					) : null}
					{r.promisedOn ? <p className="small">{fill(t.concerns.promiseDue, { date: date(r.promisedOn) })}</p> : null}
					{r.fulfilledOn ? <p className="small">{fill(t.concerns.fulfilledOn, { date: date(r.fulfilledOn), note: r.fulfilmentNote ?? '' })}</p> : null}
					<AttachmentList files={page.replyFiles.find((f) => f.id === r.id)?.files ?? []} />
					{r.rating ? (
						<p className="small">
							{fill(t.concerns.ratedOn, { date: date(r.ratedOn), rating: t.concerns.ratings[r.rating] })}
							{r.ratingComment ? `：${r.ratingComment}` : ''}
						</p>
					) : null}
				</article>
			))}
			{c.closedUnrated ? <p className="muted">{t.concerns.unrated}</p> : null}
			{page.steps.includes('reply') ? <ReplyForm page={page} lastResult={lastResult} /> : null}
			{page.steps.includes('rate') ? <RateForm lastResult={lastResult} /> : null}
			{page.steps.includes('fulfil') ? <TextStep intent="fulfil" name="note" label={t.concerns.fulfilmentNote} lastResult={lastResult} schema={fulfilSchema(t)} max={maxReason} /> : null}
			{page.steps.includes('closeUnrated') ? <StepButton intent="closeUnrated" label={t.concerns.steps.closeUnrated} hint={t.concerns.unratedSince} version={c.version} lastResult={lastResult} secondary /> : null}
		</section>
	)
}
