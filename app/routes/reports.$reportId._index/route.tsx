import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { AttachmentList } from '~/components/attachment-list'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { mayReadDeliberation } from '~/domain/deliberation'
import { draftGaps, reportDeadlines, reportPolicy, reportStanding, reportSteps } from '~/domain/reports'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { listAttachments } from '~/models/attachments.server'
import { getDeliberationFor } from '~/models/deliberation/queries.server'
import { takeReportStep } from '~/models/reports/mutations.server'
import { getReadableReport, loadReportTasks } from '~/models/reports/queries.server'
import { loadSettings } from '~/models/settings.server'
import { isReportStep, stepSchema } from './schema'
import { DeliberationCard, ProgressTable, StandingTable, StepForms } from './sections'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.heading ?? ''} · 专项工作报告 · 监督追踪` }]

// After a refused step the page shows the report as it is now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

const doneKinds = [...reportSteps, 'scheduled'] as const

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const report = await getReadableReport(db, user, parseId(args.params.reportId))
	invariantFound(report)
	const policy = reportPolicy(user, report)
	const today = shanghaiDate(new Date())
	const [settings, tasks, files, deliberation] = await Promise.all([
		loadSettings(db),
		loadReportTasks(db, report.id),
		listAttachments(db, 'report', report.id),
		getDeliberationFor(db, 'report', report.id),
	])
	const gaps = policy.steps.includes('submit_draft')
		? draftGaps(report, tasks.map((t) => t.task.id), tasks.map((t) => ({ taskId: t.task.id, selfAssessment: t.selfAssessment })))
		: []
	const done = doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null
	return {
		report: {
			id: report.id,
			heading: report.title || report.topic,
			state: report.state,
			status: report.status,
			topic: report.topic,
			title: report.title,
			period: report.period,
			body: report.body,
			organName: report.organName,
			preparingName: report.preparingName,
			preparingAgencyId: report.preparingAgencyId,
			meetingId: report.meetingId,
			meetingLabel: report.meetingLabel,
			meetingStartsOn: report.meetingStartsOn,
			meetingEndsOn: report.meetingEndsOn,
			planItem: report.planItemId ? { id: report.planItemId, title: report.planItemTitle ?? '', year: report.planItemYear ?? 0 } : null,
			clauses: report.clauses,
			signedOffBy: report.signedOffBy,
			signedOffOn: report.signedOffOn,
			version: report.version,
			collectedOpinions: policy.readCollectedOpinions ? report.collectedOpinions : '',
			opinionsSentOn: report.opinionsSentOn,
		},
		deadlines: reportDeadlines(report.meetingStartsOn, settings),
		standing: reportStanding(report.meetingStartsOn, report, settings, today),
		settings: {
			draft: settings.reportDraftDaysBefore,
			revised: settings.reportRevisedDaysBefore,
			distribution: settings.reportDistributeDaysBefore,
		},
		tasks: tasks.map(({ task, narrative, selfAssessment }) => ({
			id: task.id,
			clauseId: task.clauseId,
			clauseLabel: task.clauseLabel,
			ordinal: task.ordinal,
			text: task.text,
			leads: task.leads.map((a) => a.shortName),
			narrative,
			selfAssessment,
		})),
		files: files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, uploadedOn: shanghaiDate(f.createdAt) })),
		deliberation: deliberation
			? {
					id: deliberation.id,
					state: deliberation.state,
					result: deliberation.result,
					handlingDueOn: deliberation.handlingDueOn,
					mayOpen: mayReadDeliberation(user, { state: deliberation.state, respondingAgencyId: report.preparingAgencyId, organId: report.organId }),
				}
			: null,
		steps: policy.steps,
		gaps,
		canEdit: policy.editDraft,
		done,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'reports:step')
	const t = messagesFor(args.request)
	const db = getDb()
	const report = await getReadableReport(db, user, parseId(args.params.reportId))
	invariantFound(report)
	const formData = await readForm(args.request)
	const step = formData.get('intent')
	if (!isReportStep(step)) return data({ step: null, message: t.reports.badIntent, result: undefined }, { status: 400 })
	const submission = parseWithZod(formData, { schema: stepSchema(t, step) })
	if (submission.status !== 'success') return data({ step, message: null, result: submission.reply() }, { status: 400 })
	const value = submission.value as Record<string, string | number>
	const outcome = await attempt(t, () =>
		takeReportStep(db, user, {
			reportId: report.id,
			version: Number(value.version),
			today: shanghaiDate(new Date()),
			...(step === 'send_opinions'
				? { step, opinions: String(value.opinions) }
				: step === 'submit_revised'
					? { step, signerName: String(value.signerName), signerPosition: String(value.signerPosition) }
					: { step }),
		}),
	)
	if (!outcome.ok) {
		// A refusal for a reason the user cannot fix in the form (the state, the role) is said
		// above the forms; a stale version keeps what was typed.
		const keep = outcome.refusal.kind === 'stale' ? submission.reply() : undefined
		return data({ step, message: outcome.message, result: keep }, { status: outcome.status })
	}
	return redirect(`/reports/${report.id}?done=${step}`)
}

export default function ReportPage() {
	const { report, deadlines, standing, settings, tasks, files, deliberation, steps, gaps, canEdit, done } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<nav className="breadcrumbs">
				<Link to="/reports">{t.reports.title}</Link> › {report.heading}
			</nav>
			<div className="page-head">
				<h1>{report.heading}</h1>
				<span className="toolbar">
					<span className={`report-state report-state--${report.status}`}>{t.reports.statuses[report.status]}</span>
					{canEdit ? (
						<Link className="button button--small" to={`/reports/${report.id}/edit`}>
							{t.reports.editDraft}
						</Link>
					) : null}
				</span>
			</div>
			{done === 'scheduled' ? <Notice kind="ok">{t.reports.scheduled}</Notice> : done ? <Notice kind="ok">{t.reports.done[done]}</Notice> : null}
			{actionData?.message ? <Notice kind="error">{actionData.message}</Notice> : null}
			<section className="card report-section" aria-labelledby="basics-heading">
				<h2 id="basics-heading">{t.reports.basics}</h2>
				<dl className="report-meta">
					<dt>{t.reports.topic}</dt>
					<dd>{report.topic}</dd>
					<dt>{t.reports.organ}</dt>
					<dd>{report.organName}</dd>
					<dt>{t.reports.department}</dt>
					<dd>{report.preparingName}</dd>
					<dt>{t.reports.meeting}</dt>
					<dd>
						<Link to={`/meetings/${report.meetingId}`}>{report.meetingLabel}</Link>（{formatChineseDate(report.meetingStartsOn)}
						{report.meetingEndsOn !== report.meetingStartsOn ? `—${formatChineseDate(report.meetingEndsOn)}` : ''}）
					</dd>
					<dt>{t.reports.clauses}</dt>
					<dd className="badge-list">
						{report.clauses.map((c) => (
							<Link key={c.id} className="badge" to={`/clauses/${c.id}`}>
								{c.label}
							</Link>
						))}
					</dd>
					{report.planItem ? (
						<>
							<dt>{t.reports.planItem}</dt>
							<dd>
								<Link to={`/plan?year=${report.planItem.year}#item-${report.planItem.id}`}>{report.planItem.title}</Link>
							</dd>
						</>
					) : null}
					{report.period ? (
						<>
							<dt>{t.reports.period}</dt>
							<dd>{report.period}</dd>
						</>
					) : null}
					<dt>{t.reports.signedOff}</dt>
					<dd>
						{report.signedOffBy && report.signedOffOn
							? fill(t.reports.signedOffValue, { name: report.signedOffBy, date: formatChineseDate(report.signedOffOn) })
							: t.reports.notSignedOff}
					</dd>
				</dl>
			</section>
			<StandingTable deadlines={deadlines} standing={standing} settings={settings} />
			<StepForms
				steps={steps}
				gaps={gaps}
				version={report.version}
				collectedOpinions={report.collectedOpinions}
				actionData={actionData}
			/>
			{deliberation ? <DeliberationCard deliberation={deliberation} /> : null}
			{report.collectedOpinions ? (
				<section className="card report-section" aria-labelledby="opinions-heading">
					<h2 id="opinions-heading">{t.reports.opinionsTitle}</h2>
					<p className="muted small">
						{t.reports.opinionsHint}
						{report.opinionsSentOn ? ` ${formatChineseDate(report.opinionsSentOn)}` : ''}
					</p>
					<div className="report-text">{report.collectedOpinions}</div>
				</section>
			) : null}
			<section className="card report-section" aria-labelledby="body-heading">
				<h2 id="body-heading">{t.reports.body}</h2>
				{report.body ? <div className="report-text">{report.body}</div> : <p className="muted">{t.reports.noBodyYet}</p>}
			</section>
			<ProgressTable tasks={tasks} />
			<section className="card report-section" aria-labelledby="files-heading">
				<h2 id="files-heading">{t.attachments.title}</h2>
				<AttachmentList files={files} />
			</section>
		</>
	)
}
