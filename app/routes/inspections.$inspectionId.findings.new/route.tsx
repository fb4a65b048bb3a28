import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { forbidden, invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { defaultRectificationDue, mayRecordFinding, mayRecordFindingOn } from '~/domain/findings'
import { groupRoleOf } from '~/domain/inspections'
import { attempt, formReply } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { refusalMessage } from '~/i18n/refusals'
import { maxUploadRequestBytes } from '~/domain/attachments'
import { readUploadForm } from '~/http/forms.server'
import { findingFormOptions } from '~/models/findings/queries.server'
import { recordFinding } from '~/models/findings/mutations.server'
import { getReadableInspection } from '~/models/inspections/queries.server'
import { loadSettings } from '~/models/settings.server'
import { fileProblems } from '~/http/files.server'
import { RecordForm } from './form'
import { recordSchema } from './schema'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `记录问题 · ${data?.inspection.title ?? ''} · 监督追踪` }]

// /inspections/:id/findings/new — the inspection's group (leader, members, invited deputies)
// and the secretariat record findings, while the inspection is under way (mayRecordFindingOn).
// Roles that never record get 403; a deputy outside the group cannot even see the inspection
// (404); a member outside it may read but not record (403).
async function loadRecordable(args: LoaderFunctionArgs | ActionFunctionArgs) {
	const user = await requirePermission(args, 'findings:record')
	const db = getDb()
	const inspection = await getReadableInspection(db, user, parseId(args.params.inspectionId))
	invariantFound(inspection)
	const inGroup = groupRoleOf(user, inspection) !== null
	if (!mayRecordFinding(user, inGroup)) throw forbidden()
	return { user, db, inspection, recording: mayRecordFindingOn(user, { state: inspection.state, inGroup }) }
}

export async function loader(args: LoaderFunctionArgs) {
	const { db, inspection, recording } = await loadRecordable(args)
	const today = shanghaiDate(new Date())
	const settings = await loadSettings(db)
	return {
		inspection: { id: inspection.id, title: inspection.title },
		// Before the inspection starts or once its report is submitted: why nothing is recorded.
		closed: recording.ok ? null : refusalMessage(messagesFor(args.request), recording.refusal),
		options: await findingFormOptions(db, inspection.id),
		today,
		defaultDue: defaultRectificationDue(today, settings),
		dueDays: settings.rectificationDueDays,
	}
}

export async function action(args: ActionFunctionArgs) {
	const { user, db, inspection } = await loadRecordable(args)
	const t = messagesFor(args.request)
	const today = shanghaiDate(new Date())
	const schema = recordSchema(t, today)
	const upload = await readUploadForm(args.request, { fileFields: ['attachments'] })
	if (!upload.ok) {
		// The files together were over the bound: the text read before them comes back.
		const submission = parseWithZod(upload.formData, { schema })
		const message = fill(t.attachments.requestTooLarge, { mb: Math.floor(maxUploadRequestBytes / 1024 / 1024) })
		return data({ result: submission.reply({ fieldErrors: { attachments: [message, t.attachments.chooseAgain] } }), message: null }, { status: 413 })
	}
	const formData = upload.formData
	const files = formData.getAll('attachments').filter((f): f is File => f instanceof File)
	formData.delete('attachments')
	const submission = parseWithZod(formData, { schema })
	const problems = await fileProblems(t, files, upload)
	if (submission.status !== 'success' || problems.length) {
		const attachments = problems.length ? [...problems, t.attachments.chooseAgain] : undefined
		return data({ result: submission.reply({ fieldErrors: attachments ? { attachments } : {} }), message: null }, { status: 400 })
	}
	const value = submission.value
	// The choices must be among those the form offered: the task of the chosen clause, a visit
	// of this inspection, an active agency.
	const options = await findingFormOptions(db, inspection.id)
	const fieldErrors: Record<string, Array<string>> = {}
	if (!options.clauses.some((c) => c.id === value.clauseId)) fieldErrors.clauseId = [t.findings.clauseRequired]
	if (!options.agencies.some((a) => a.id === value.agencyId)) fieldErrors.agencyId = [t.findings.agencyRequired]
	if (value.taskId && !options.tasks.some((task) => task.id === value.taskId && task.clauseId === value.clauseId)) {
		fieldErrors.taskId = [t.findings.taskNotOfClause]
	}
	if (value.visitId && !options.visits.some((v) => v.id === value.visitId)) fieldErrors.visitId = [t.findings.visitNotOfInspection]
	if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), message: null }, { status: 400 })
	const outcome = await attempt(t, () => recordFinding(db, user, {
		inspectionId: inspection.id,
		clauseId: value.clauseId,
		agencyId: value.agencyId,
		taskId: value.taskId ?? null,
		visitId: value.visitId ?? null,
		severity: value.severity,
		// Browsers send a textarea's lines with CRLF.
		description: value.description.replace(/\r\n?/g, '\n'),
		evidence: value.evidence.replace(/\r\n?/g, '\n'),
		rectificationDueOn: value.rectificationDueOn ?? today,
		files,
	}))
	if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
	return redirect(`/findings/${outcome.value}?done=recorded`)
}

export default function RecordFindingPage() {
	const { inspection, closed, options, today, defaultDue, dueDays } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<nav className="breadcrumbs">
				<Link to={`/inspections/${inspection.id}`}>{inspection.title}</Link> › {t.findings.recordTitle}
			</nav>
			<div className="page-head">
				<h1>{t.findings.recordTitle}</h1>
			</div>
			<p className="muted">{t.findings.recordIntro}</p>
			{closed ? (
				<Notice kind="info">{closed}</Notice>
			) : (
				<RecordForm options={options} today={today} defaultDue={defaultDue} dueDays={dueDays} lastResult={actionData?.result} />
			)}
		</>
	)
}
