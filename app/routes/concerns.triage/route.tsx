import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { CheckboxesField } from '~/components/checkbox-fields'
import { ErrorList, Field, Notice, SubmitButton } from '~/components/forms'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { int4 } from '~/domain/form-values'
import { readForm } from '~/http/forms.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { assignConcerns } from '~/models/concerns/mutations.server'
import { listHandlingAgencies, listTriage } from '~/models/concerns/queries.server'

export const meta: MetaFunction = () => [{ title: '待受理和交办 · 代表建议 · 监督追踪' }]

function batchSchema(t: Messages) {
	return z.object({
		concernIds: z.array(int4()).min(1, t.concerns.selectRequired).max(200),
		leadId: int4(t.concerns.leadRequired),
		coIds: z.array(int4()).optional(),
	})
}

// The office's queue: what was handed in and waits, and what an agency returned; oldest first.
// Several at once go to the same agencies, all or none (each by its own rule, in one transaction).
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'concerns:manage')
	const db = getDb()
	const today = shanghaiDate(new Date())
	const [rows, agencies] = await Promise.all([listTriage(db, today), listHandlingAgencies(db)])
	const done = Number(new URL(args.request.url).searchParams.get('assigned'))
	return {
		rows: rows.map((r) => ({ id: r.id, title: r.title, state: r.state, district: r.district, categoryName: r.categoryName, filerName: r.filerName, submittedOn: r.submittedOn })),
		agencies,
		assigned: Number.isInteger(done) && done > 0 ? done : null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'concerns:manage')
	const t = messagesFor(args.request)
	const submission = parseWithZod(await readForm(args.request), { schema: batchSchema(t) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const v = submission.value
	const outcome = await attempt(t, () => assignConcerns(getDb(), user, { concernIds: v.concernIds, leadId: v.leadId, coIds: v.coIds ?? [], today: shanghaiDate(new Date()) }))
	if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.message] }) }, { status: outcome.status })
	return redirect(`/concerns/triage?assigned=${outcome.value}`)
}

export default function TriagePage() {
	const { rows, agencies, assigned } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({ id: 'concern-batch', lastResult: actionData?.result, constraint: getZodConstraint(batchSchema(t)) })
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.concerns.breadcrumbs}>
				<Link to="/concerns">{t.concerns.title}</Link> › {t.concerns.triage}
			</nav>
			<div className="page-head">
				<h1>{t.concerns.triage}</h1>
			</div>
			{assigned ? <Notice kind="ok">{fill(t.concerns.done.batch, { count: assigned })}</Notice> : null}
			<p className="muted">{t.concerns.triageIntro}</p>
			{rows.length === 0 ? (
				<div className="empty">
					<p>{t.concerns.triageEmpty}</p>
					<Link to="/concerns">{t.concerns.title}</Link>
				</div>
			) : (
				<Form method="post" className="form form--wide" {...getFormProps(form)}>
					<ErrorList id={form.errorId} errors={form.errors} />
					<fieldset aria-describedby={fields.concernIds.errorId}>
						<legend>{t.concerns.select}</legend>
						<div className="table-wrap">
							<table className="concern-table">
								<thead>
									<tr>
										<th scope="col">{t.concerns.select}</th>
										<th scope="col">{t.concerns.titleField}</th>
										<th scope="col">{t.concerns.district}</th>
										<th scope="col">{t.concerns.state}</th>
									</tr>
								</thead>
								<tbody>
									{rows.map((row) => (
										<tr key={row.id}>
											<td>
												<input type="checkbox" name={fields.concernIds.name} value={row.id} id={`pick-${row.id}`} aria-label={row.title} />
											</td>
											<td>
												<Link to={`/concerns/${row.id}`}>{row.title}</Link>
												<div className="muted small">
													{row.categoryName} · {fill(t.concerns.filedBy, { name: row.filerName })}
													{row.submittedOn ? ` · ${formatChineseDate(row.submittedOn)}` : ''}
												</div>
											</td>
											<td>{row.district}</td>
											<td>
												<span className={`badge concern-state concern-state--${row.state}`}>{t.concerns.states[row.state]}</span>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
						<ErrorList id={fields.concernIds.errorId} errors={fields.concernIds.errors} />
					</fieldset>
					<p className="muted small">{t.concerns.batchHint}</p>
					<Field label={t.concerns.leadAgency} field={fields.leadId} hint={t.concerns.assignHint}>
						<select {...getSelectProps(fields.leadId)}>
							<option value="">{t.concerns.choose}</option>
							{agencies.map((a) => (
								<option key={a.id} value={a.id}>
									{a.name}
								</option>
							))}
						</select>
					</Field>
					<details>
						<summary>{t.concerns.coAgencies}</summary>
						<CheckboxesField field={fields.coIds} legend={t.concerns.coAgencies} hint={t.concerns.coAgenciesHint} choices={agencies.map((a) => ({ value: a.id, label: a.name }))} />
					</details>
					<div>
						<SubmitButton>{t.concerns.batchAssign}</SubmitButton>
					</div>
				</Form>
			)}
		</>
	)
}
