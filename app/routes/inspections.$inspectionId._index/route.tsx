import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { z } from 'zod'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { ErrorList, Notice, SubmitButton } from '~/components/forms'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { mayReadDeliberation } from '~/domain/deliberation'
import { findingTitle, mayRecordFindingOn } from '~/domain/findings'
import { groupFindingsByClause, inspectionReportPolicy, reportIsEmpty } from '~/domain/inspection-report'
import { inspectionPolicy, scheduleOpen } from '~/domain/inspections'
import { attempt, formReply } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { getDeliberationFor } from '~/models/deliberation/queries.server'
import { listAllFindings } from '~/models/findings/queries.server'
import { startInspection } from '~/models/inspections/mutations.server'
import { getInspectionReport, getReadableInspection, inspectionDeliberation } from '~/models/inspections/queries.server'
import { listInspectionVisits } from '~/models/visits/queries.server'
import { FindingsSection, ReportSection, type ReportSummary } from './report-sections'
import { GroupSection, ScheduleSection } from './sections'
import { readForm } from '~/http/forms.server'
import { int4 } from '~/domain/form-values'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.inspection.title ?? '执法检查'} · 监督追踪` }]

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

const doneKinds = ['created', 'saved', 'started', 'visitCreated', 'visitSaved', 'visitDeleted', 'reportSubmitted'] as const

// /inspections/$id: scope, forms, period, group and the schedule. Who reads it and which visits
// they see is decided in the queries (a deputy outside the group and an agency the inspection
// never visited openly get 404; an agency never sees a 暗访); what they may do, by the policies.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const found = await getReadableInspection(db, user, parseId(args.params.inspectionId))
	invariantFound(found)
	const today = shanghaiDate(new Date())
	const [visits, findingRows, report, deliberation, result] = await Promise.all([
		listInspectionVisits(db, user, found.id),
		// Only the findings the user may read: an agency its own, a deputy those of their group.
		listAllFindings(db, user, { inspectionId: found.id }, today),
		getInspectionReport(db, found.id),
		inspectionDeliberation(db, found.id),
		getDeliberationFor(db, 'inspection', found.id),
	])
	const policy = inspectionPolicy(user, found)
	const reportPolicy = inspectionReportPolicy(user, { ...found, meetingLabel: report?.meetingLabel ?? null }, deliberation)
	const { visits: _facts, findingAgencyIds: _agencies, ...inspection } = found
	const groups = groupFindingsByClause(findingRows, (f) => f.clauseId).map((group) => ({
		clauseId: group.clauseId,
		clauseLabel: group.clauseLabel,
		findings: group.findings.map((f) => ({
			id: f.id,
			title: findingTitle(f.description),
			agencyName: f.agencyName,
			severity: f.severity,
			rectificationDueOn: f.rectificationDueOn,
			rectificationState: f.rectificationState,
			overdueDays: f.overdueDays,
		})),
	}))
	const written = report ? !reportIsEmpty(report.parts) : false
	const reportSummary: ReportSummary = {
		title: report?.reportTitle ?? '',
		written: written && reportPolicy.read,
		meetingLabel: report?.meetingLabel ?? null,
		mayEdit: reportPolicy.edit,
		mayPrint: reportPolicy.read && written,
		published: reportPolicy.read,
		deliberation:
			deliberation && result && mayReadDeliberation(user, deliberation)
				? { id: deliberation.id, state: deliberation.state, result: result.result }
				: null,
	}
	return {
		inspection,
		visits,
		myRole: policy.groupRole,
		findings: { groups, count: findingRows.length },
		mayRecord: mayRecordFindingOn(user, { state: found.state, inGroup: policy.groupRole !== null }).ok,
		report: reportSummary,
		isAgency: policy.agencyView,
		canManage: policy.manage,
		canStart: policy.start,
		scheduleOpen: scheduleOpen(found.state),
		done: doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null,
	}
}

const startSchema = z.object({ intent: z.literal('start'), version: int4().min(1) })

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const inspection = await getReadableInspection(db, user, parseId(args.params.inspectionId))
	invariantFound(inspection)
	const submission = parseWithZod(await readForm(args.request), { schema: startSchema })
	if (submission.status !== 'success') return formReply(submission)
	const outcome = await attempt(t, () => startInspection(db, user, { inspectionId: inspection.id, version: submission.value.version }))
	if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
	return redirect(`/inspections/${inspection.id}?done=started`)
}

export default function InspectionPage() {
	const { inspection, visits, myRole, isAgency, canManage, canStart, scheduleOpen: open, done, findings, mayRecord, report } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const doneText = {
		created: t.inspections.created,
		saved: t.inspections.saved,
		started: t.inspections.started,
		visitCreated: t.visits.created,
		visitSaved: t.visits.saved,
		visitDeleted: t.visits.deleted,
		reportSubmitted: t.inspectionReport.submitted,
	}
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/inspections">{t.inspections.title}</Link> › {inspection.title}
			</p>
			<div className="page-head">
				<h1>{inspection.title}</h1>
				<span className="toolbar no-print">
					<span className={`inspection-state inspection-state--${inspection.status}`}>{t.inspections.statuses[inspection.status]}</span>
					{canManage ? (
						<Link className="button button--secondary button--small" to={`/inspections/${inspection.id}/edit`}>
							{t.inspections.edit}
						</Link>
					) : null}
				</span>
			</div>
			{done ? <Notice kind="ok">{doneText[done]}</Notice> : null}
			<ErrorList errors={actionData?.result.error?.['']} />
			<section className="card">
				<dl className="inspection-meta">
					<dt>{t.inspections.year}</dt>
					<dd>{fill(t.inspections.yearValue, { year: inspection.year })}</dd>
					<dt>{t.inspections.forms}</dt>
					<dd>{inspection.forms.length ? inspection.forms.map((f) => t.inspections.formNames[f]).join('、') : t.inspections.none}</dd>
					<dt>{t.inspections.period}</dt>
					<dd>
						{fill(t.inspections.periodValue, { start: formatChineseDate(inspection.startsOn), end: formatChineseDate(inspection.endsOn) })}
					</dd>
					<dt>{t.inspections.organ}</dt>
					<dd>{inspection.organName ?? t.inspections.none}</dd>
					{inspection.planItemTitle ? (
						<>
							<dt>{t.inspections.planItem}</dt>
							<dd>{inspection.planItemTitle}</dd>
						</>
					) : null}
					<dt>{t.inspections.scopeTitle}</dt>
					<dd>
						{inspection.clauses.length === 0
							? t.inspections.none
							: inspection.clauses.map((c, i) => (
									<span key={c.id}>
										{i > 0 ? '、' : null}
										<Link to={`/clauses/${c.id}`}>{c.label}</Link>
									</span>
								))}
					</dd>
				</dl>
				{canStart ? (
					<Form method="post" className="inline-form no-print">
						<input type="hidden" name="version" value={inspection.version} />
						<SubmitButton name="intent" value="start" className="button button--small">
							{t.inspections.start}
						</SubmitButton>
						<span className="muted small"> {t.inspections.startHint}</span>
					</Form>
				) : null}
			</section>
			<GroupSection group={inspection.group} myRole={myRole} />
			<ScheduleSection
				inspection={inspection}
				visits={visits}
				isAgency={isAgency}
				canManage={canManage}
				open={open}
			/>
			<FindingsSection inspectionId={inspection.id} groups={findings.groups} count={findings.count} mayRecord={mayRecord} isAgency={isAgency} />
			<ReportSection inspectionId={inspection.id} report={report} isAgency={isAgency} />
			<p className="no-print">
				{canManage ? (
					<>
						<Link to={`/audit?entityType=inspection&entityId=${inspection.id}`}>{t.inspections.history}</Link> ·{' '}
					</>
				) : null}
				<Link to="/inspections">‹ {t.inspections.back}</Link>
			</p>
		</>
	)
}
