import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { forbidden, invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import { AttachmentList } from '~/components/attachment-list'
import { Notice, SubmitButton } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { defaultReportTitle, reportPolicy } from '~/domain/reports'
import { attempt, formReply } from '~/http/outcomes.server'
import { maxUploadRequestBytes } from '~/domain/attachments'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { listAttachments } from '~/models/attachments.server'
import { readUploadForm } from '~/http/forms.server'
import { removeReportAttachment, saveDraft } from '~/models/reports/mutations.server'
import { getReadableReport, loadReportTasks } from '~/models/reports/queries.server'
import { DraftForm } from './draft-form'
import { fileProblems } from '~/http/files.server'
import { draftSchema, removeSchema } from './schema'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `起草报告 · ${data?.report.heading ?? ''} · 监督追踪` }]

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

// Only the preparing department's liaisons draft. Roles that never draft get 403; a liaison of
// an agency that may not even read the report gets 404; the organ's own office, which may read
// it but does not draft it, gets 403.
async function loadDraftable(args: LoaderFunctionArgs | ActionFunctionArgs) {
	const user = await requirePermission(args, 'reports:draft')
	const db = getDb()
	const report = await getReadableReport(db, user, parseId(args.params.reportId))
	invariantFound(report)
	const policy = reportPolicy(user, report)
	if (!policy.openDraft) throw forbidden()
	return { user, db, report, policy }
}

export async function loader(args: LoaderFunctionArgs) {
	const { user, db, report, policy } = await loadDraftable(args)
	const [tasks, files] = await Promise.all([loadReportTasks(db, report.id), listAttachments(db, 'report', report.id)])
	const done = new URL(args.request.url).searchParams.get('done')
	return {
		report: {
			id: report.id,
			heading: report.title || report.topic,
			state: report.state,
			status: report.status,
			title: report.title || defaultReportTitle(report.organName, report.topic),
			period: report.period,
			body: report.body,
			version: report.version,
			collectedOpinions: report.collectedOpinions,
		},
		editable: policy.editDraft,
		tasks: tasks.map(({ task, narrative, selfAssessment }) => ({
			id: task.id,
			clauseLabel: task.clauseLabel,
			ordinal: task.ordinal,
			text: task.text,
			leads: task.leads.map((a) => a.shortName),
			narrative,
			selfAssessment,
		})),
		files: files.map((f) => ({
			id: f.id,
			fileName: f.fileName,
			size: f.size,
			uploadedOn: shanghaiDate(f.createdAt),
			mine: f.uploadedBy === user.id,
		})),
		done: done === 'saved' || done === 'removed' ? done : null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const { user, db, report } = await loadDraftable(args)
	const t = messagesFor(args.request)
	const upload = await readUploadForm(args.request, { fileFields: ['attachments'] })
	if (!upload.ok) {
		// The files together were over the bound: the text read before them comes back.
		// A declared length over the bound is refused unread: then nothing typed could be kept.
		const submission = parseWithZod(upload.formData, { schema: draftSchema(t) })
		const mb = Math.floor(maxUploadRequestBytes / 1024 / 1024)
		const kept = [...upload.formData.keys()].length > 0
		const messages = kept ? [fill(t.attachments.requestTooLarge, { mb }), t.attachments.chooseAgain] : [fill(t.attachments.requestTooLargeUnread, { mb })]
		return data({ result: submission.reply({ fieldErrors: { attachments: messages } }), message: null }, { status: 413 })
	}
	const formData = upload.formData
	const intent = formData.get('intent')
	if (intent === 'remove_attachment') return removeAction(t, user, report.id, formData)

	const files = formData.getAll('attachments').filter((f): f is File => f instanceof File)
	formData.delete('attachments')
	const submission = parseWithZod(formData, { schema: draftSchema(t) })
	const problems = await fileProblems(t, files, upload)
	if (submission.status !== 'success' || problems.length) {
		const attachments = problems.length ? [...problems, t.attachments.chooseAgain] : undefined
		return data({ result: submission.reply({ fieldErrors: attachments ? { attachments } : {} }), message: null }, { status: 400 })
	}
	const value = submission.value
	const outcome = await attempt(t, () =>
		saveDraft(db, user, {
			reportId: report.id,
			version: value.version,
			title: value.title,
			period: value.period,
			// Browsers send a textarea's lines with CRLF.
			body: value.body.replace(/\r\n?/g, '\n'),
			progress: value.progress.map((p) => ({
				taskId: p.taskId,
				narrative: p.narrative.replace(/\r\n?/g, '\n').trim(),
				selfAssessment: p.selfAssessment ?? null,
			})),
			files,
		}),
	)
	if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
	return redirect(`/reports/${report.id}/edit?done=saved`)
}

async function removeAction(t: Messages, user: CurrentUser, reportId: number, formData: FormData) {
	const submission = parseWithZod(formData, { schema: removeSchema() })
	if (submission.status !== 'success') return data({ result: undefined, message: t.reports.badIntent }, { status: 400 })
	const outcome = await attempt(t, () => removeReportAttachment(getDb(), user, { reportId, attachmentId: submission.value.attachmentId }))
	if (!outcome.ok) return data({ result: undefined, message: outcome.message }, { status: outcome.status })
	return redirect(`/reports/${reportId}/edit?done=removed`)
}

export default function EditReportPage() {
	const { report, editable, tasks, files, done } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<nav className="breadcrumbs">
				<Link to="/reports">{t.reports.title}</Link> › <Link to={`/reports/${report.id}`}>{report.heading}</Link> › {t.reports.editTitle}
			</nav>
			<div className="page-head">
				<h1>{t.reports.editTitle}</h1>
				<span className={`report-state report-state--${report.status}`}>{t.reports.statuses[report.status]}</span>
			</div>
			{done === 'saved' ? (
				<Notice kind="ok">
					{t.reports.saved} <Link to={`/reports/${report.id}`}>{t.reports.backToReport}</Link>
				</Notice>
			) : null}
			{done === 'removed' ? <Notice kind="ok">{t.attachments.removed}</Notice> : null}
			{actionData?.message && !actionData.result ? <Notice kind="error">{actionData.message}</Notice> : null}
			{!editable ? (
				<div className="empty">
					<p>{t.reports.signedOffNotice}</p>
					<Link to={`/reports/${report.id}`}>{t.reports.backToReport}</Link>
				</div>
			) : (
				<>
					<p className="muted">{t.reports.editIntro}</p>
					{report.collectedOpinions ? (
						<section className="card report-section" aria-labelledby="opinions-heading">
							<h2 id="opinions-heading">{t.reports.opinionsTitle}</h2>
							<p className="muted small">{t.reports.opinionsHint}</p>
							<div className="report-text">{report.collectedOpinions}</div>
						</section>
					) : null}
					<DraftForm key={report.version} report={report} tasks={tasks} lastResult={actionData?.result} />
					<section className="card report-section" aria-labelledby="files-heading">
						<h2 id="files-heading">{t.attachments.title}</h2>
						<AttachmentList
							files={files}
							tools={(file) =>
								files.find((f) => f.id === file.id)?.mine ? (
									<Form method="post" className="inline-form">
										<input type="hidden" name="attachmentId" value={file.id} />
										<SubmitButton name="intent" value="remove_attachment" className="button button--secondary button--small">
											{t.attachments.remove}
										</SubmitButton>
									</Form>
								) : null
							}
						/>
					</section>
				</>
			)}
		</>
	)
}
