import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { editOpinionSchema, opinionSchema, proxyOpinionSchema, type LastResultOf } from './schema'

// 审议意见: members write them (optionally on a clause) until the letter goes out; the
// secretariat enters opinions from group deliberation on a member's behalf, marked so.

type Opinion = NonNullable<PageData['opinions']>[number]
type ClauseOption = PageData['clauseOptions'][number]

export function OpinionsSection({ page, lastResult }: { page: PageData; lastResult: LastResultOf }) {
	const t = useT()
	const opinions = page.opinions ?? []
	return (
		<section className="card" aria-labelledby="opinions-heading">
			<h2 id="opinions-heading" style={{ marginTop: 0 }}>
				{t.deliberation.opinionsTitle} <span className="muted small">（{opinions.length}）</span>
			</h2>
			{opinions.length === 0 ? (
				<p className="empty">
					{page.can.writeOpinion ? t.deliberation.noOpinionsMember : page.can.proxyOpinion ? t.deliberation.noOpinionsSecretariat : t.deliberation.noOpinions}
				</p>
			) : (
				<ol className="opinion-list">
					{opinions.map((opinion) => (
						<OpinionItem key={opinion.id} opinion={opinion} clauses={page.clauseOptions} lastResult={lastResult} />
					))}
				</ol>
			)}
			{/* Keyed by the number of opinions: after a submission the form starts empty again. */}
			{page.can.writeOpinion ? <NewOpinionForm key={opinions.length} clauses={page.clauseOptions} lastResult={lastResult('opinion')} /> : null}
			{page.can.proxyOpinion ? (
				<ProxyOpinionForm key={opinions.length} clauses={page.clauseOptions} members={page.memberOptions} lastResult={lastResult('proxy')} />
			) : null}
		</section>
	)
}

function OpinionItem({ opinion, clauses, lastResult }: { opinion: Opinion; clauses: Array<ClauseOption>; lastResult: LastResultOf }) {
	const t = useT()
	const editResult = lastResult('editOpinion', opinion.id)
	const deleteResult = lastResult('deleteOpinion', opinion.id)
	return (
		<li className="opinion">
			<p className="opinion__head">
				<strong>{opinion.memberName}</strong>
				{opinion.clauseId && opinion.clauseLabel ? (
					<>
						{' · '}
						<Link to={`/clauses/${opinion.clauseId}`}>{opinion.clauseLabel}</Link>
					</>
				) : (
					<span className="muted"> · {t.deliberation.general}</span>
				)}
				{opinion.proxy ? <span className="muted small"> {t.deliberation.proxyMark}</span> : null}
			</p>
			<p className="opinion__text">{opinion.text}</p>
			{opinion.editable ? (
				<details className="opinion__edit" open={editResult !== undefined || deleteResult !== undefined}>
					<summary>{t.deliberation.editOpinion}</summary>
					<EditOpinionForm key={opinion.version} opinion={opinion} clauses={clauses} lastResult={editResult} />
					<DeleteOpinionForm key={`delete-${opinion.version}`} opinion={opinion} lastResult={deleteResult} />
				</details>
			) : null}
		</li>
	)
}

function ClauseSelect({ field, clauses }: { field: Parameters<typeof getSelectProps>[0]; clauses: Array<ClauseOption> }) {
	const t = useT()
	const several = new Set(clauses.map((c) => c.instrumentTitle)).size > 1
	return (
		<select {...getSelectProps(field)}>
			<option value="">{t.deliberation.noClause}</option>
			{clauses.map((c) => (
				<option key={c.id} value={c.id}>
					{several ? `${c.instrumentTitle} ` : ''}
					{c.label} {c.excerpt}
				</option>
			))}
		</select>
	)
}

function NewOpinionForm({ clauses, lastResult }: { clauses: Array<ClauseOption>; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'opinion-new', lastResult, constraint: getZodConstraint(opinionSchema(t, [])), shouldRevalidate: 'onInput' })
	return (
		<Form method="post" className="form form--wide opinion-form" {...getFormProps(form)}>
			<h3>{t.deliberation.newOpinion}</h3>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.deliberation.clause} field={fields.clauseId}>
				<ClauseSelect field={fields.clauseId} clauses={clauses} />
			</Field>
			<Field label={t.deliberation.opinionText} field={fields.text}>
				<textarea {...getTextareaProps(fields.text)} rows={5} />
			</Field>
			<div>
				<SubmitButton name="intent" value="opinion">
					{t.deliberation.submitOpinion}
				</SubmitButton>
			</div>
		</Form>
	)
}

function ProxyOpinionForm({
	clauses,
	members,
	lastResult,
}: {
	clauses: Array<ClauseOption>
	members: PageData['memberOptions']
	lastResult: ReturnType<LastResultOf>
}) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'opinion-proxy',
		lastResult,
		constraint: getZodConstraint(proxyOpinionSchema(t, [], [])),
		shouldRevalidate: 'onInput',
	})
	return (
		<details className="opinion-proxy" open={lastResult !== undefined}>
			<summary>{t.deliberation.proxyTitle}</summary>
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<p className="muted small">{t.deliberation.proxyHint}</p>
				<ErrorList id={form.errorId} errors={form.errors} />
				<Field label={t.deliberation.member} field={fields.memberId}>
					<select {...getSelectProps(fields.memberId)}>
						<option value="">{t.deliberation.chooseMember}</option>
						{members.map((m) => (
							<option key={m.id} value={m.id}>
								{m.realName}
							</option>
						))}
					</select>
				</Field>
				<Field label={t.deliberation.clause} field={fields.clauseId}>
					<ClauseSelect field={fields.clauseId} clauses={clauses} />
				</Field>
				<Field label={t.deliberation.opinionText} field={fields.text}>
					<textarea {...getTextareaProps(fields.text)} rows={5} />
				</Field>
				<div>
					<SubmitButton name="intent" value="proxy">
						{t.deliberation.submitProxy}
					</SubmitButton>
				</div>
			</Form>
		</details>
	)
}

function EditOpinionForm({ opinion, clauses, lastResult }: { opinion: Opinion; clauses: Array<ClauseOption>; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form, fields] = useForm({
		id: `opinion-${opinion.id}-${opinion.version}`,
		lastResult,
		defaultValue: { clauseId: opinion.clauseId ? String(opinion.clauseId) : '', text: opinion.text },
		constraint: getZodConstraint(editOpinionSchema(t, [])),
		shouldRevalidate: 'onInput',
	})
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<input type="hidden" name="opinionId" value={opinion.id} />
			<input type="hidden" name="version" value={opinion.version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.deliberation.clause} field={fields.clauseId}>
				<ClauseSelect field={fields.clauseId} clauses={clauses} />
			</Field>
			<Field label={t.deliberation.opinionText} field={fields.text}>
				<textarea {...getTextareaProps(fields.text)} rows={5} />
			</Field>
			<div>
				<SubmitButton name="intent" value="editOpinion">
					{t.common.save}
				</SubmitButton>
			</div>
		</Form>
	)
}

function DeleteOpinionForm({ opinion, lastResult }: { opinion: Opinion; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form] = useForm({ id: `opinion-delete-${opinion.id}-${opinion.version}`, lastResult })
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="opinionId" value={opinion.id} />
			<input type="hidden" name="version" value={opinion.version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<SubmitButton name="intent" value="deleteOpinion" className="button button--secondary">
				{t.deliberation.deleteOpinion}
			</SubmitButton>
		</Form>
	)
}
