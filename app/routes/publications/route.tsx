import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ReactNode } from 'react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { ErrorList, Field, Notice, SubmitButton } from '~/components/forms'
import { parsePeriod } from '~/domain/dashboard'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import type { PublicationCopy } from '~/domain/publications'
import { readForm } from '~/http/forms.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { publish, withdrawPublication, type PublishInput } from '~/models/publications/mutations.server'
import { listPublications, listPublishable } from '~/models/publications/queries.server'
import { loadSettings } from '~/models/settings.server'
import { publicationSchema } from './schema'

export const meta: MetaFunction = () => [{ title: '公开管理 · 监督追踪' }]

// The office decides what the public page shows besides the status: a satisfaction result, an
// inspection report, the ranking notice of a period; and withdraws one, saying why.
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'publications:manage')
	const db = getDb()
	const url = new URL(args.request.url)
	const today = shanghaiDate(new Date())
	const [publishable, record] = await Promise.all([loadSettings(db).then((settings) => listPublishable(db, settings)), listPublications(db)])
	return { ...publishable, record, period: parsePeriod(new URLSearchParams(), today), done: url.searchParams.get('done') }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'publications:manage')
	const t = messagesFor(args.request)
	const formData = await readForm(args.request)
	const submission = parseWithZod(formData, { schema: publicationSchema(t) })
	const formId = formIdOf(String(formData.get('intent') ?? ''), String(formData.get('subjectId') ?? formData.get('publicationId') ?? ''))
	if (submission.status !== 'success') return data({ id: formId, result: submission.reply() }, { status: 400 })
	const v = submission.value
	const db = getDb()
	const today = shanghaiDate(new Date())
	const outcome = await attempt(t, async () => {
		if (v.intent === 'withdraw') return withdrawPublication(db, user, { id: v.publicationId, version: v.version, reason: v.reason }, today)
		const input: PublishInput =
			v.intent === 'ranking'
				? { kind: 'ranking', period: { from: v.from, to: today } }
				: v.intent === 'satisfaction'
					? { kind: 'satisfaction', deliberationId: v.subjectId }
					: { kind: 'inspection_report', inspectionId: v.subjectId }
		await publish(db, user, input, today, await loadSettings(db))
	})
	if (!outcome.ok) return data({ id: formId, result: submission.reply({ formErrors: [outcome.message] }) }, { status: outcome.status })
	return redirect(`/publications?done=${v.intent === 'withdraw' ? 'withdrawn' : 'published'}`)
}

// Each form on the page has its own id, so that an error shows beside the form it belongs to.
function formIdOf(intent: string, id: string): string {
	return intent === 'ranking' ? 'publish-ranking' : `${intent}-${id}`
}

type ActionData = ReturnType<typeof useActionData<typeof action>>

function copyTitle(t: Messages, copy: PublicationCopy): string {
	if (copy.kind === 'ranking') return fill(t.publications.rankingTitle, { from: formatChineseDate(copy.from), to: formatChineseDate(copy.to) })
	return copy.title
}

export default function PublicationsPage() {
	const { results, reports, record, period, done } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const p = t.publications
	return (
		<>
			<div className="page-head">
				<h1>{p.title}</h1>
				<span className="toolbar">
					<Link to="/public" className="button button--secondary button--small">
						{p.viewPublic}
					</Link>
				</span>
			</div>
			{done === 'published' ? <Notice kind="ok">{p.publishedNotice}</Notice> : done === 'withdrawn' ? <Notice kind="ok">{p.withdrawnNotice}</Notice> : null}
			<p className="muted">{p.intro}</p>
			<section aria-labelledby="publishable" className="card">
				<h2 id="publishable">{p.publishable}</h2>
				<h3>{p.results}</h3>
				{results.length ? (
					<ul className="plain-list publish-list">
						{results.map((row) => (
							<li key={row.id}>
								<PublishForm intent="satisfaction" subjectId={row.id} actionData={actionData}>
									<Link to={`/deliberations/${row.id}`}>{row.title}</Link>
									<span className="muted small">{fill(p.resultLine, { agency: row.agency, date: formatChineseDate(row.on), result: t.deliberation.choices[row.result] })}</span>
								</PublishForm>
							</li>
						))}
					</ul>
				) : (
					<p className="empty">{p.noResults}</p>
				)}
				<h3>{p.reports}</h3>
				{reports.length ? (
					<ul className="plain-list publish-list">
						{reports.map((row) => (
							<li key={row.id}>
								<PublishForm intent="inspection_report" subjectId={row.id} actionData={actionData}>
									<Link to={`/inspections/${row.id}/report`}>{row.title}</Link>
								</PublishForm>
							</li>
						))}
					</ul>
				) : (
					<p className="empty">{p.noReports}</p>
				)}
				<h3>{p.ranking}</h3>
				<RankingForm period={period} actionData={actionData} />
			</section>
			<section aria-labelledby="publication-record">
				<h2 id="publication-record">{p.record}</h2>
				{record.length === 0 ? (
					<p className="empty">{p.empty}</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{p.columns.kind}</th>
									<th scope="col">{p.columns.title}</th>
									<th scope="col">{p.columns.published}</th>
									<th scope="col">{p.columns.state}</th>
								</tr>
							</thead>
							<tbody>
								{record.map((row) => (
									<tr key={row.id}>
										<td>{p.kinds[row.kind]}</td>
										<th scope="row">{copyTitle(t, row.copy)}</th>
										<td>{fill(p.publishedBy, { date: formatChineseDate(row.publishedOn), by: row.publishedBy ?? '—' })}</td>
										<td>
											{row.withdrawnOn ? (
												<span className="muted">{fill(p.withdrawn, { date: formatChineseDate(row.withdrawnOn), by: row.withdrawnBy ?? '—', reason: row.withdrawReason ?? '' })}</span>
											) : (
												<>
													<span className="badge">{p.active}</span>
													<WithdrawForm publicationId={row.id} version={row.version} actionData={actionData} />
												</>
											)}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</>
	)
}

function PublishForm({ intent, subjectId, actionData, children }: { intent: 'satisfaction' | 'inspection_report'; subjectId: number; actionData: ActionData; children: ReactNode }) {
	const t = useT()
	const id = formIdOf(intent, String(subjectId))
	const [form] = useForm({ id, lastResult: actionData?.id === id ? actionData.result : undefined })
	return (
		<Form method="post" className="inline-form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value={intent} />
			<span className="publish-list__what">{children}</span>
			<SubmitButton name="subjectId" value={String(subjectId)} className="button button--small">
				{t.publications.publish}
			</SubmitButton>
			<ErrorList id={form.errorId} errors={form.errors} />
		</Form>
	)
}

function RankingForm({ period, actionData }: { period: { from: string; to: string }; actionData: ActionData }) {
	const t = useT()
	const p = t.publications
	const [form, fields] = useForm({
		id: 'publish-ranking',
		lastResult: actionData?.id === 'publish-ranking' ? actionData.result : undefined,
		defaultValue: period,
		constraint: getZodConstraint(publicationSchema(t)),
		shouldValidate: 'onSubmit',
	})
	return (
		<Form method="post" className="filters" {...getFormProps(form)}>
			<p className="small muted" style={{ flexBasis: '100%', margin: 0 }}>
				{p.rankingHint}
			</p>
			<Field label={p.from} field={fields.from}>
				<input {...getInputProps(fields.from, { type: 'date' })} />
			</Field>
			<p className="small" style={{ margin: 0, alignSelf: 'end' }}>
				{fill(p.toToday, { date: formatChineseDate(period.to) })}
			</p>
			<div className="toolbar">
				<SubmitButton name="intent" value="ranking">
					{p.publishRanking}
				</SubmitButton>
			</div>
			<ErrorList id={form.errorId} errors={form.errors} />
		</Form>
	)
}

function WithdrawForm({ publicationId, version, actionData }: { publicationId: number; version: number; actionData: ActionData }) {
	const t = useT()
	const p = t.publications
	const id = formIdOf('withdraw', String(publicationId))
	const [form, fields] = useForm({ id, lastResult: actionData?.id === id ? actionData.result : undefined, shouldValidate: 'onSubmit' })
	return (
		<details className="withdraw" open={actionData?.id === id}>
			<summary>{p.withdraw}</summary>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="publicationId" value={publicationId} />
				<input type="hidden" name="version" value={version} />
				<ErrorList id={form.errorId} errors={form.errors} />
				<Field label={p.withdrawReason} field={fields.reason} hint={p.withdrawHint}>
					<textarea {...getTextareaProps(fields.reason)} rows={2} maxLength={500} required />
				</Field>
				<div>
					<SubmitButton name="intent" value="withdraw" className="button button--small">
						{p.withdraw}
					</SubmitButton>
				</div>
			</Form>
		</details>
	)
}
