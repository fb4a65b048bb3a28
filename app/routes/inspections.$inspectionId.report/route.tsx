import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { forbidden, invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { fillReport, inspectionReportPolicy, mayEditReport, reportFormValues, reportFromForm } from '~/domain/inspection-report'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { refusalMessage } from '~/i18n/refusals'
import { saveInspectionReport, submitInspectionReport } from '~/models/inspections/mutations.server'
import { draftInspectionReport, getInspectionReport, getReadableInspection, inspectionDeliberation } from '~/models/inspections/queries.server'
import { getMeeting, listMeetingOptions } from '~/models/meetings/queries.server'
import { reportSchema, submitSchema } from './schema'
import { ReportForm, SubmitForm } from './sections'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `执法检查报告 · ${data?.inspection.title ?? ''} · 监督追踪` }]

// After a refused stale save the page shows what is stored now, with its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

// /inspections/:id/report — the inspection report (Art. 36). The secretariat writes it, and so
// may the group's leader; the secretariat alone submits it to a meeting (inspectionReportPolicy).
// Roles that never write it 403; a member who is not the leader 403; an inspection the user may
// not read 404.
async function loadEditable(args: LoaderFunctionArgs | ActionFunctionArgs) {
	const user = await requirePermission(args, 'inspections:report')
	const db = getDb()
	const inspection = await getReadableInspection(db, user, parseId(args.params.inspectionId))
	invariantFound(inspection)
	const [report, deliberation] = await Promise.all([getInspectionReport(db, inspection.id), inspectionDeliberation(db, inspection.id)])
	invariantFound(report)
	const judged = { state: inspection.state, group: inspection.group, meetingLabel: report.meetingLabel }
	const policy = inspectionReportPolicy(user, judged, deliberation)
	if (!policy.write) throw forbidden()
	return { user, db, inspection, report, judged, policy }
}

export async function loader(args: LoaderFunctionArgs) {
	const { user, db, inspection, report, judged, policy } = await loadEditable(args)
	const today = shanghaiDate(new Date())
	const meetings = policy.submit ? await listMeetingOptions(db) : []
	// The soonest meeting not yet begun is the likely one.
	const upcoming = meetings.filter((m) => m.startsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn))
	// Why the report can no longer (or not yet) be written, in the reader's language.
	const editable = mayEditReport(user, judged)
	return {
		inspection: { id: inspection.id, title: inspection.title, state: inspection.state, organName: inspection.organName },
		report: { version: report.version, values: reportFormValues(report.parts), title: report.reportTitle, meetingLabel: report.meetingLabel },
		editable: policy.edit,
		locked: editable.ok ? null : refusalMessage(messagesFor(args.request), editable.refusal),
		canSubmit: policy.submit,
		meetings: meetings.map((m) => ({ id: m.id, label: m.label })),
		defaultMeetingId: upcoming[0]?.id ?? null,
		done: new URL(args.request.url).searchParams.get('done') === 'saved' ? ('saved' as const) : null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const { user, db, inspection, judged, policy } = await loadEditable(args)
	const t = messagesFor(args.request)
	const formData = await readForm(args.request)
	const intent = formData.get('intent')

	if (intent === 'save' || intent === 'draft') {
		const submission = parseWithZod(formData, { schema: reportSchema(t) })
		const reply = (status: number, formErrors?: Array<string>) =>
			data({ intent: 'report' as const, result: submission.reply(formErrors ? { formErrors } : undefined) }, { status })
		if (submission.status !== 'success') return reply(400)
		const { intent: _intent, version, overwrite, ...values } = submission.value
		if (submission.value.intent === 'draft') {
			// Drafting writes nothing, but only while the report may be written.
			const editable = mayEditReport(user, judged)
			if (!editable.ok) return reply(409, [refusalMessage(t, editable.refusal)])
			const { amendmentNone, amendmentNoneReason, ...parts } = values
			const drafted = await draftInspectionReport(db, inspection.id, shanghaiDate(new Date()))
			const filled = fillReport(parts, drafted, overwrite ?? false)
			return data({ intent: 'draft' as const, values: { ...filled.parts, amendmentNone, amendmentNoneReason }, filled: filled.filled, at: Date.now() })
		}
		const outcome = await attempt(t, () => saveInspectionReport(db, user, { inspectionId: inspection.id, version, parts: reportFromForm(values) }))
		if (!outcome.ok) return reply(outcome.status, [outcome.message])
		return redirect(`/inspections/${inspection.id}/report?done=saved`)
	}

	if (intent === 'submit') {
		if (!policy.submitter) throw forbidden()
		const submission = parseWithZod(formData, { schema: submitSchema(t) })
		const reply = (status: number, errors?: { formErrors?: Array<string>; fieldErrors?: Record<string, Array<string>> }) =>
			data({ intent: 'submit' as const, result: submission.reply(errors) }, { status })
		if (submission.status !== 'success') return reply(400)
		const { version, meetingId } = submission.value
		if (!(await getMeeting(db, meetingId))) return reply(400, { fieldErrors: { meetingId: [t.inspectionReport.meetingRequired] } })
		const outcome = await attempt(t, () => submitInspectionReport(db, user, { inspectionId: inspection.id, version, meetingId }))
		if (!outcome.ok) return reply(outcome.status, { formErrors: [outcome.message] })
		return redirect(`/inspections/${inspection.id}?done=reportSubmitted`)
	}

	throw data({ message: 'Unknown intent' }, { status: 400 })
}

export default function InspectionReportPage() {
	const { inspection, report, editable, locked, canSubmit, meetings, defaultMeetingId, done } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const drafted = actionData?.intent === 'draft' ? actionData : null
	const reportResult = actionData?.intent === 'report' ? actionData.result : undefined
	const submitResult = actionData?.intent === 'submit' ? actionData.result : undefined
	return (
		<>
			<nav className="breadcrumbs">
				<Link to="/inspections">{t.inspections.title}</Link> › <Link to={`/inspections/${inspection.id}`}>{inspection.title}</Link> ›{' '}
				{t.inspectionReport.title}
			</nav>
			<div className="page-head">
				<h1>{t.inspectionReport.editTitle}</h1>
				<span className="toolbar">
					<span className="muted small">{fill(t.inspectionReport.version, { n: report.version })}</span>
					<Link className="button button--secondary button--small" to={`/inspections/${inspection.id}/report/print`}>
						{t.inspectionReport.print}
					</Link>
				</span>
			</div>
			<p className="inspection-report__title">{report.title}</p>
			<p className="muted">{t.inspectionReport.intro}</p>
			{done === 'saved' ? <Notice kind="ok">{t.inspectionReport.saved}</Notice> : null}
			{drafted ? (
				<Notice kind="info">
					{drafted.filled.length
						? fill(t.inspectionReport.drafted, { parts: drafted.filled.map((p) => t.inspectionReport.parts[p]).join(t.inspectionReport.separator) })
						: t.inspectionReport.draftedNothing}
				</Notice>
			) : null}
			{locked ? <Notice kind="info">{locked}</Notice> : null}
			<ReportForm
				// A new draft or a new version starts the form again from those values.
				key={`report-${report.version}-${drafted?.at ?? 0}`}
				version={report.version}
				values={drafted?.values ?? report.values}
				editable={editable}
				lastResult={reportResult}
			/>
			{canSubmit ? (
				<SubmitForm
					key={`submit-${report.version}`}
					version={report.version}
					meetings={meetings}
					defaultMeetingId={defaultMeetingId}
					organName={inspection.organName}
					lastResult={submitResult}
				/>
			) : null}
			<p>
				<Link to={`/inspections/${inspection.id}`}>‹ {t.inspectionReport.back}</Link>
			</p>
		</>
	)
}
