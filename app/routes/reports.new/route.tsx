import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { ClauseCheckboxes } from '~/components/checkbox-fields'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { hearingAgendaTitle } from '~/domain/reports'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { scheduleReport } from '~/models/reports/mutations.server'
import { loadScheduleOptions, scheduleProblems } from './queries.server'
import { maxTopic, scheduleSchema } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '安排听取专项工作报告 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	return { options: await loadScheduleOptions(getDb(), shanghaiDate(new Date())) }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const submission = parseWithZod(await readForm(args.request), { schema: scheduleSchema(t) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const value = submission.value
	const options = await loadScheduleOptions(db, shanghaiDate(new Date()))
	const { errors, organ } = scheduleProblems(t, value, options)
	if (Object.keys(errors).length || !organ) return data({ result: submission.reply({ fieldErrors: errors }) }, { status: 400 })
	const id = await scheduleReport(db, user, {
		organId: value.organId,
		preparingAgencyId: value.preparingAgencyId,
		topic: value.topic,
		clauseIds: [...new Set(value.clauseIds)],
		meetingId: value.meetingId,
		planItemId: value.planItemId ?? null,
		agendaTitle: hearingAgendaTitle(organ.name, value.topic),
	})
	return redirect(`/reports/${id}?done=scheduled`)
}

export default function ScheduleReportPage() {
	const { options } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'report-schedule',
		lastResult: actionData?.result,
		constraint: getZodConstraint(scheduleSchema(t)),
		shouldRevalidate: 'onBlur',
	})
	const otherOrgans = options.organs.filter((o) => o.kind !== 'government')
	const years = [...new Set(options.planItems.map((p) => p.year))]
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/reports">{t.reports.title}</Link> › {t.reports.newTitle}
			</p>
			<div className="page-head">
				<h1>{t.reports.newTitle}</h1>
			</div>
			<p className="muted">{t.reports.newIntro}</p>
			{options.meetings.length === 0 ? (
				<div className="empty">
					<p>{t.reports.noMeetings}</p>
					<Link className="button" to="/meetings/new">
						{t.reports.planMeetings}
					</Link>
				</div>
			) : (
				<section className="card">
					<Form method="post" className="form form--wide" {...getFormProps(form)}>
						<ErrorList id={form.errorId} errors={form.errors} />
						<div className="grid-2">
							<Field label={t.reports.organ} field={fields.organId} hint={t.reports.organHint}>
								<select {...getSelectProps(fields.organId)}>
									<option value="">{t.reports.choose}</option>
									{options.organs.map((o) => (
										<option key={o.id} value={o.id}>
											{o.name}
										</option>
									))}
								</select>
							</Field>
							<Field label={t.reports.department} field={fields.preparingAgencyId} hint={t.reports.departmentHint}>
								<select
									{...getSelectProps(fields.preparingAgencyId)}
								>
									<option value="">{t.reports.choose}</option>
									<optgroup label={t.reports.governmentDepartments}>
										{options.departments.map((d) => (
											<option key={d.id} value={d.id}>
												{d.name}
											</option>
										))}
									</optgroup>
									<optgroup label={t.reports.otherOrgans}>
										{otherOrgans.map((o) => (
											<option key={o.id} value={o.id}>
												{o.name}
											</option>
										))}
									</optgroup>
								</select>
							</Field>
						</div>
						<Field label={t.reports.topic} field={fields.topic} hint={t.reports.topicHint}>
							<input {...getInputProps(fields.topic, { type: 'text' })} maxLength={maxTopic} />
						</Field>
						<ClauseCheckboxes field={fields.clauseIds} legend={t.reports.clauses} hint={t.reports.clausesHint} clauses={options.clauses} />
						<div className="grid-2">
							<Field label={t.reports.meeting} field={fields.meetingId} hint={t.reports.meetingHint}>
								<select {...getSelectProps(fields.meetingId)}>
									<option value="">{t.reports.choose}</option>
									{options.meetings.map((m) => (
										<option key={m.id} value={m.id}>
											{fill(t.reports.meetingDates, { label: m.label, date: formatChineseDate(m.startsOn) })}
										</option>
									))}
								</select>
							</Field>
							<Field label={t.reports.planItem} field={fields.planItemId} hint={t.reports.planItemHint}>
								<select {...getSelectProps(fields.planItemId)}>
									<option value="">{t.reports.noPlanItem}</option>
									{years.map((year) => (
										<optgroup key={year} label={String(year)}>
											{options.planItems
												.filter((p) => p.year === year)
												.map((p) => (
													<option key={p.id} value={p.id}>
														{p.title}
													</option>
												))}
										</optgroup>
									))}
								</select>
							</Field>
						</div>
						<div>
							<SubmitButton>{t.reports.scheduleSubmit}</SubmitButton>
						</div>
					</Form>
				</section>
			)}
		</>
	)
}
