import { parseWithZod } from '@conform-to/zod/v4'
import type { Submission } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { forbidden, invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { RectificationBadge, SeverityBadge } from '~/components/findings-list'
import { shanghaiDate } from '~/domain/dates'
import { findingPolicy, findingTitle } from '~/domain/findings'
import { rectificationOverdueDays, type RectificationAction } from '~/domain/rectification'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { listAttachments } from '~/models/attachments.server'
import { maxUploadRequestBytes } from '~/domain/attachments'
import { readUploadForm } from '~/http/forms.server'
import { respondToFinding, verifyFinding } from '~/models/findings/mutations.server'
import { getReadableFinding, rectificationHistory, stepsFromRow } from '~/models/findings/queries.server'
import { fileProblems } from '~/http/files.server'
import { acceptSchema, reopenSchema, respondSchema } from './schema'
import { FindingDetails, RectificationSection, RespondForm, VerifyForms } from './sections'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · 问题整改 · 监督追踪` }]

// After a refused stale step the page must show what is stored now and carry its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

const doneKinds = ['recorded', 'responded', 'accepted', 'reopened'] as const

// Whoever may read the finding reads it (mayReadFinding: another agency's liaison, or a deputy
// outside the inspection's group, gets 404); what they may do is findingPolicy's.
async function loadReadable(args: LoaderFunctionArgs | ActionFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const found = await getReadableFinding(db, user, parseId(args.params.findingId))
	invariantFound(found)
	const policy = findingPolicy(user, { ...found.finding, inGroup: found.inGroup })
	return { user, db, found, policy }
}

export async function loader(args: LoaderFunctionArgs) {
	const { db, found, policy } = await loadReadable(args)
	const { finding } = found
	const today = shanghaiDate(new Date())
	const [evidenceFiles, rectificationFiles, history] = await Promise.all([
		listAttachments(db, 'finding', finding.id),
		listAttachments(db, 'rectification', finding.id),
		rectificationHistory(db, [finding.id]),
	])
	const files = (list: typeof evidenceFiles) =>
		list.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, uploadedOn: shanghaiDate(f.createdAt) }))
	const done = doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null
	return {
		title: findingTitle(finding.description),
		finding: {
			id: finding.id,
			version: finding.version,
			severity: finding.severity,
			description: finding.description,
			evidence: finding.evidence,
			recordedOn: shanghaiDate(finding.createdAt),
			rectificationDueOn: finding.rectificationDueOn,
			rectificationState: finding.rectificationState,
			response: finding.response,
			respondedOn: finding.respondedOn,
			verifiedOn: finding.verifiedOn,
			reopenReason: finding.reopenReason,
			overdueDays: rectificationOverdueDays(finding, today),
		},
		inspection: found.inspection,
		clause: found.clause,
		agency: found.agency,
		task: found.task,
		visit: found.visit ? { on: found.visit.on, startTime: found.visit.startTime, place: found.visit.place } : null,
		recorder: found.recorder.realName,
		evidenceFiles: files(evidenceFiles),
		rectificationFiles: files(rectificationFiles),
		steps: history.get(finding.id) ?? stepsFromRow(finding),
		canRespond: policy.steps.includes('respond'),
		canAccept: policy.steps.includes('accept'),
		canReopen: policy.steps.includes('reopen'),
		done,
	}
}

type Intent = RectificationAction

// A step's form answers with its intent, so that the page puts the errors on the right form.
function reply(intent: Intent, submission: Submission<unknown>, status: number, errors?: { formErrors?: Array<string>; fieldErrors?: Record<string, Array<string>> }) {
	return data({ intent, result: submission.reply(errors) }, { status })
}

// A step out of order is refused with the rule's reason, a version the user did not see with
// "changed by someone else" (both inside the mutation's transaction), and the input comes back.
// Another agency's liaison, or a deputy outside the group, gets 404 as on the page.
export async function action(args: ActionFunctionArgs) {
	const { user, db, found, policy } = await loadReadable(args)
	const { finding } = found
	// Readers who take no step in the rectification (members, the group, admin).
	if (!policy.responder && !policy.verifier) throw forbidden()
	const t = messagesFor(args.request)
	const today = shanghaiDate(new Date())
	const upload = await readUploadForm(args.request, { fileFields: ['attachments'] })
	if (!upload.ok) {
		const submission = parseWithZod(upload.formData, { schema: respondSchema(t) })
		const message = fill(t.attachments.requestTooLarge, { mb: Math.floor(maxUploadRequestBytes / 1024 / 1024) })
		return reply('respond', submission, 413, { fieldErrors: { attachments: [message, t.attachments.chooseAgain] } })
	}
	const formData = upload.formData
	const intent = formData.get('intent')
	if (intent === 'respond') {
		if (!policy.responder) throw forbidden()
		const files = formData.getAll('attachments').filter((f): f is File => f instanceof File)
		formData.delete('attachments')
		const submission = parseWithZod(formData, { schema: respondSchema(t) })
		const problems = await fileProblems(t, files, upload)
		if (submission.status !== 'success' || problems.length) {
			const attachments = problems.length ? [...problems, t.attachments.chooseAgain] : undefined
			return reply('respond', submission, 400, { fieldErrors: attachments ? { attachments } : {} })
		}
		const { version, response } = submission.value
		const outcome = await attempt(t, () => respondToFinding(db, user, { findingId: finding.id, version, response: response.replace(/\r\n?/g, '\n'), files, today }))
		if (!outcome.ok) return reply('respond', submission, outcome.status, { formErrors: [outcome.message] })
		return redirect(`/findings/${finding.id}?done=responded`)
	}
	if (intent === 'accept' || intent === 'reopen') {
		if (!policy.verifier) throw forbidden()
		const submission = parseWithZod(formData, { schema: intent === 'accept' ? acceptSchema() : reopenSchema(t) })
		if (submission.status !== 'success') return reply(intent, submission, 400)
		const { version } = submission.value
		const reason = 'reason' in submission.value ? submission.value.reason.replace(/\r\n?/g, '\n') : undefined
		const outcome = await attempt(t, () => verifyFinding(db, user, { findingId: finding.id, version, decision: intent, reason, today }))
		if (!outcome.ok) return reply(intent, submission, outcome.status, { formErrors: [outcome.message] })
		return redirect(`/findings/${finding.id}?done=${intent === 'accept' ? 'accepted' : 'reopened'}`)
	}
	return data({ intent: null, result: undefined, message: t.findings.badIntent }, { status: 400 })
}

export default function FindingPage() {
	const loaded = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const { finding, done } = loaded
	const lastResult = (intent: Intent) => (actionData && actionData.intent === intent ? actionData.result : undefined)
	return (
		<>
			<nav className="breadcrumbs">
				<Link to="/findings">{t.findings.title}</Link> › {loaded.title}
			</nav>
			<div className="page-head">
				<h1>{t.findings.findingTitle}</h1>
				<span className="toolbar">
					<SeverityBadge severity={finding.severity} />
					<RectificationBadge state={finding.rectificationState} />
				</span>
			</div>
			{done ? <Notice kind="ok">{t.findings.done[done]}</Notice> : null}
			{actionData && 'message' in actionData && actionData.message ? <Notice kind="error">{actionData.message}</Notice> : null}
			<FindingDetails loaded={loaded} />
			<RectificationSection loaded={loaded} />
			{loaded.canRespond ? (
				<RespondForm key={`respond-${finding.version}`} finding={finding} lastResult={lastResult('respond')} />
			) : null}
			{loaded.canAccept || loaded.canReopen ? (
				<VerifyForms
					key={`verify-${finding.version}`}
					finding={finding}
					canAccept={loaded.canAccept}
					canReopen={loaded.canReopen}
					acceptResult={lastResult('accept')}
					reopenResult={lastResult('reopen')}
				/>
			) : null}
		</>
	)
}

export type LoadedFinding = ReturnType<typeof useLoaderData<typeof loader>>
