import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { ClauseCheckboxes } from '~/components/checkbox-fields'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { resolutionKinds } from '~/domain/resolutions'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { listClauseChoices } from '~/models/lookups.server'
import { adoptResolution } from '~/models/resolutions/mutations.server'
import { listActingAgencyOptions, listAdoptionMeetings, listSubjectOptions } from '~/models/resolutions/queries.server'
import { ActionRows } from './action-rows'
import { actionRows, actionsOf, adoptionSchema, maxBody, maxTitle, subjectOf } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '录入决议决定 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	const db = getDb()
	const [meetings, agencies, clauses, subjects] = await Promise.all([
		listAdoptionMeetings(db, shanghaiDate(new Date())),
		listActingAgencyOptions(db),
		listClauseChoices(db),
		listSubjectOptions(db),
	])
	return { meetings, agencies, clauses, subjects }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const submission = parseWithZod(await readForm(args.request), { schema: adoptionSchema(t) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const value = submission.value
	const outcome = await attempt(t, () =>
		adoptResolution(getDb(), user, {
			kind: value.kind,
			title: value.title,
			body: value.body,
			meetingId: value.meetingId,
			adoptedOn: value.adoptedOn,
			reportDueOn: value.reportDueOn,
			clauseIds: value.clauseIds ?? [],
			subject: subjectOf(value),
			actions: actionsOf(value),
			today: shanghaiDate(new Date()),
		}),
	)
	if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.message] }) }, { status: outcome.status })
	return redirect(`/resolutions/${outcome.value}?done=adopted`)
}

export default function AdoptResolutionPage() {
	const { meetings, agencies, clauses, subjects } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm<z.input<ReturnType<typeof adoptionSchema>>>({
		id: 'resolution-adopt',
		lastResult: actionData?.result,
		defaultValue: { kind: 'resolution', actions: Array.from({ length: actionRows }, () => ({})) },
		constraint: getZodConstraint(adoptionSchema(t)),
		shouldRevalidate: 'onBlur',
	})
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.resolutions.breadcrumbs}>
				<Link to="/resolutions">{t.resolutions.title}</Link> › {t.resolutions.adopt}
			</nav>
			<div className="page-head">
				<h1>{t.resolutions.adopt}</h1>
			</div>
			<p className="muted">{t.resolutions.adoptIntro}</p>
			{meetings.length === 0 ? (
				<div className="empty">
					<p>{t.resolutions.noMeetings}</p>
					<Link className="button" to="/meetings">
						{t.resolutions.toMeetings}
					</Link>
				</div>
			) : (
				<section className="card">
					<Form method="post" className="form form--wide" {...getFormProps(form)}>
						<ErrorList id={form.errorId} errors={form.errors} />
						<div className="grid-2">
							<Field label={t.resolutions.kind} field={fields.kind}>
								<select {...getSelectProps(fields.kind)}>
									{resolutionKinds.map((k) => (
										<option key={k} value={k}>
											{t.resolutions.kinds[k]}
										</option>
									))}
								</select>
							</Field>
							<Field label={t.resolutions.meeting} field={fields.meetingId}>
								<select {...getSelectProps(fields.meetingId)}>
									<option value="">{t.resolutions.choose}</option>
									{meetings.map((m) => (
										<option key={m.id} value={m.id}>
											{fill(t.resolutions.meetingOption, { label: m.label, date: formatChineseDate(m.startsOn) })}
										</option>
									))}
								</select>
							</Field>
						</div>
						<Field label={t.resolutions.resolutionTitle} field={fields.title} hint={t.resolutions.titleHint}>
							<input {...getInputProps(fields.title, { type: 'text' })} maxLength={maxTitle} />
						</Field>
						<Field label={t.resolutions.body} field={fields.body}>
							<textarea {...getTextareaProps(fields.body)} rows={10} maxLength={maxBody} />
						</Field>
						<div className="grid-2">
							<Field label={t.resolutions.adoptedOn} field={fields.adoptedOn} hint={t.resolutions.adoptedOnHint}>
								<input {...getInputProps(fields.adoptedOn, { type: 'date' })} />
							</Field>
							<Field label={t.resolutions.reportDueOn} field={fields.reportDueOn} hint={t.resolutions.reportDueOnHint}>
								<input {...getInputProps(fields.reportDueOn, { type: 'date' })} />
							</Field>
						</div>
						<Field label={t.resolutions.subject} field={fields.subject} hint={t.resolutions.subjectHint}>
							<select {...getSelectProps(fields.subject)}>
								<option value="">{t.resolutions.noSubject}</option>
								{subjects.reports.length ? (
									<optgroup label={t.resolutions.subjectTypes.report}>
										{subjects.reports.map((r) => (
											<option key={r.id} value={`report:${r.id}`}>
												{r.title}
											</option>
										))}
									</optgroup>
								) : null}
								{subjects.inspections.length ? (
									<optgroup label={t.resolutions.subjectTypes.inspection}>
										{subjects.inspections.map((i) => (
											<option key={i.id} value={`inspection:${i.id}`}>
												{i.title}
											</option>
										))}
									</optgroup>
								) : null}
							</select>
						</Field>
						<ClauseCheckboxes field={fields.clauseIds} legend={t.resolutions.clauses} hint={t.resolutions.clausesHint} clauses={clauses} />
						<ActionRows field={fields.actions} agencies={agencies} />
						<div>
							<SubmitButton>{t.resolutions.adoptSubmit}</SubmitButton>
						</div>
					</Form>
				</section>
			)}
		</>
	)
}
