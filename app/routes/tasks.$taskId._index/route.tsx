import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import type { z } from 'zod'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { ErrorList, Field, Notice, SubmitButton } from '~/components/forms'
import { StatusBadge } from '~/components/status-badge'
import { TaskSummary } from '~/components/task-card'
import { shanghaiDate } from '~/domain/dates'
import { assessedStatuses, assessmentReasonMax, mayAssessTask } from '~/domain/status'
import { readForm } from '~/http/forms.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { assessTask, listTaskAssessments, listTaskReportAssessments } from '~/models/status/assessments.server'
import { loadTaskLinkedItems, loadTaskStatuses } from '~/models/status/queries.server'
import { isItemKind } from '~/models/status/sources.server'
import { getTask } from '~/models/tasks/queries.server'
import { assessSchema } from './schema'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.task.clauseLabel ?? ''} 责任事项 · 监督追踪` }]

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

// A task's page: its status and why — the step of the rule that decided, the items behind it,
// the reports' self-assessments and the secretariat's assessments — and, for the secretariat,
// the form to assess it.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const task = await getTask(db, parseId(args.params.taskId))
	invariantFound(task)
	const today = shanghaiDate(new Date())
	const [statuses, linked, assessments, reportAssessments] = await Promise.all([
		loadTaskStatuses(db, today, [task.id]),
		loadTaskLinkedItems(db, task.id, today),
		listTaskAssessments(db, task.id),
		listTaskReportAssessments(db, task.id),
	])
	const status = statuses.get(task.id)
	invariantFound(status)
	return {
		task,
		today,
		derived: status.derived,
		evidence: status.evidence,
		linked: linked.map((item) => ({ ...item, kind: isItemKind(item.kind) ? item.kind : ('finding' as const) })),
		assessments,
		reportAssessments,
		canAssess: mayAssessTask(user),
		done: new URL(args.request.url).searchParams.get('done') === 'assess',
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'status:assess')
	const t = messagesFor(args.request)
	const db = getDb()
	const task = await getTask(db, parseId(args.params.taskId))
	invariantFound(task)
	const today = shanghaiDate(new Date())
	const formData = await readForm(args.request)
	const submission = parseWithZod(formData, { schema: assessSchema(t, today) })
	if (submission.status !== 'success') return data({ message: null, result: submission.reply() }, { status: 400 })
	const outcome = await attempt(t, () => assessTask(db, user, { taskId: task.id, ...submission.value }))
	if (!outcome.ok) return data({ message: outcome.message, result: submission.reply() }, { status: outcome.status })
	return redirect(`/tasks/${task.id}?done=assess#assessments`)
}

export default function TaskPage() {
	const { task, today, derived, evidence, linked, assessments, reportAssessments, canAssess, done } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const stepDate = derived.step === 'secretariat' ? evidence.secretariat?.on : derived.step === 'report' ? evidence.report?.on : undefined
	return (
		<>
			<nav className="breadcrumbs">
				<Link to="/tasks">{t.tasks.title}</Link> › <Link to={`/clauses/${task.clauseId}`}>{task.clauseLabel}</Link>
			</nav>
			<div className="page-head">
				<h1>{fill(t.implementation.taskTitle, { clause: task.clauseLabel, n: task.ordinal })}</h1>
				<StatusBadge status={derived.status} />
			</div>
			{done ? <Notice kind="ok">{t.implementation.assessed}</Notice> : null}
			{actionData?.message ? <Notice kind="error">{actionData.message}</Notice> : null}
			<section className="card">
				<TaskSummary task={task} />
			</section>
			<section className="card report-section" aria-labelledby="why-heading" id="why">
				<h2 id="why-heading">{t.implementation.whyHeading}</h2>
				<p>
					<StatusBadge status={derived.status} /> {fill(t.implementation.steps[derived.step], { date: stepDate ?? '' })}
				</p>
				{derived.deadlineMissed && task.deadline ? <p>{fill(t.implementation.deadlineMissed, { date: task.deadline })}</p> : null}
				{derived.capped ? <p>{t.implementation.capped}</p> : null}
				<h3>{t.implementation.linkedHeading}</h3>
				{linked.length === 0 ? (
					<p className="empty">{t.implementation.linkedEmpty}</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{t.implementation.columns.kind}</th>
									<th scope="col">{t.implementation.columns.title}</th>
									<th scope="col">{t.implementation.columns.agency}</th>
									<th scope="col">{t.implementation.columns.due}</th>
									<th scope="col">{t.implementation.columns.state}</th>
								</tr>
							</thead>
							<tbody>
								{linked.map((item) => (
									<tr key={`${item.kind}-${item.id}`}>
										<td>{t.implementation.itemKinds[item.kind]}</td>
										<td>
											<Link to={item.href}>{item.title}</Link>
										</td>
										<td>{item.agencyName}</td>
										<td>{item.dueOn ?? t.common.none}</td>
										<td className={item.overdue ? 'overdue' : undefined}>
											{item.overdue ? t.implementation.itemState.overdue : item.closedOn ? t.implementation.itemState.closed : t.implementation.itemState.open}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				<h3>{t.implementation.reportsHeading}</h3>
				{reportAssessments.length === 0 ? (
					<p className="empty">{t.implementation.reportsEmpty}</p>
				) : (
					<ul>
						{reportAssessments.map((report) => (
							<li key={report.reportId}>
								<Link to={`/reports/${report.reportId}`}>{report.title || report.topic}</Link> · {report.on ?? ''}{' '}
								{report.status ? <StatusBadge status={report.status} /> : null}
							</li>
						))}
					</ul>
				)}
			</section>
			<section className="card report-section" aria-labelledby="assessments-heading" id="assessments">
				<h2 id="assessments-heading">{t.implementation.assessmentsHeading}</h2>
				{assessments.length === 0 ? (
					<p className="empty">{t.implementation.assessmentsEmpty}</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{t.implementation.assessColumns.date}</th>
									<th scope="col">{t.implementation.assessColumns.status}</th>
									<th scope="col">{t.implementation.assessColumns.reason}</th>
									<th scope="col">{t.implementation.assessColumns.author}</th>
								</tr>
							</thead>
							<tbody>
								{assessments.map((assessment) => (
									<tr key={assessment.id}>
										<td>{assessment.assessedOn}</td>
										<td>
											<StatusBadge status={assessment.status} />
										</td>
										<td>{assessment.reason}</td>
										<td>{assessment.author ?? ''}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				{canAssess ? <AssessForm version={task.version} today={today} lastResult={actionData?.result} /> : null}
			</section>
		</>
	)
}

function AssessForm({ version, today, lastResult }: { version: number; today: string; lastResult: SubmissionResult<Array<string>> | undefined }) {
	const t = useT()
	const [form, fields] = useForm<z.input<ReturnType<typeof assessSchema>>>({
		id: 'task-assess',
		lastResult,
		constraint: getZodConstraint(assessSchema(t, today)),
		shouldRevalidate: 'onBlur',
		defaultValue: { assessedOn: today },
	})
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<h3>{t.implementation.assessForm}</h3>
			<input type="hidden" name="version" value={version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.implementation.assessStatus} field={fields.status}>
				<select {...getSelectProps(fields.status)}>
					<option value="">—</option>
					{assessedStatuses.map((status) => (
						<option key={status} value={status}>
							{t.status[status]}
						</option>
					))}
				</select>
			</Field>
			<Field label={t.implementation.assessOn} field={fields.assessedOn}>
				<input {...getInputProps(fields.assessedOn, { type: 'date' })} max={today} />
			</Field>
			<Field label={t.implementation.assessReason} field={fields.reason} hint={t.implementation.assessReasonHint}>
				<textarea {...getTextareaProps(fields.reason)} rows={4} maxLength={assessmentReasonMax} />
			</Field>
			<SubmitButton>{t.implementation.assessSubmit}</SubmitButton>
		</Form>
	)
}
