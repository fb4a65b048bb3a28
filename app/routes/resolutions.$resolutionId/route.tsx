import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { actionStepsFor } from '~/domain/resolutions'
import { attempt } from '~/http/outcomes.server'
import { messagesFor, useT } from '~/i18n/i18n'
import { acceptAction, reopenAction, respondToAction } from '~/models/resolutions/mutations.server'
import { executionReports, getResolution, presentActions } from '~/models/resolutions/queries.server'
import { acceptSchema, doneKinds, intents, reopenSchema, respondSchema, type Intent } from './schema'
import { ActionsSection, ExecutionReports, ResolutionDetails } from './sections'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.resolution.title ?? ''} · 决议决定 · 监督追踪` }]

// After a refused step (409) the page shows the actions as they now stand.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

// A resolution is published once adopted: every signed-in user reads it; what an agency reported
// on an action only where mayReadActionReport says.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const resolution = await getResolution(getDb(), parseId(args.params.resolutionId))
	invariantFound(resolution)
	const today = shanghaiDate(new Date())
	const actions = presentActions(user, resolution.actions, today).map((action) => ({ ...action, steps: actionStepsFor(user, action) }))
	const done = doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null
	return {
		resolution: {
			id: resolution.id,
			kind: resolution.kind,
			title: resolution.title,
			body: resolution.body,
			meeting: { id: resolution.meeting.id, label: resolution.meeting.label },
			adoptedOn: resolution.adoptedOn,
			reportDueOn: resolution.reportDueOn,
			subject: resolution.subject,
			clauses: resolution.clauses,
		},
		actions,
		reports: executionReports(resolution, resolution.actions, today),
		done,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'resolutions:act')
	const db = getDb()
	const resolution = await getResolution(db, parseId(args.params.resolutionId))
	invariantFound(resolution)
	const t = messagesFor(args.request)
	const formData = await readForm(args.request)
	const intent = intents.find((i) => i === formData.get('intent'))
	if (!intent) throw data({ message: t.resolutions.badIntent }, { status: 400 })
	const actionId = Number(formData.get('actionId')) || 0
	const today = shanghaiDate(new Date())
	const reply = (submission: Submission<unknown>, status = 400, formErrors?: Array<string>) =>
		data({ intent, actionId, result: submission.reply(formErrors ? { formErrors } : undefined) }, { status })
	const run = async (submission: Submission<unknown>, mutation: () => Promise<unknown>, done: string) => {
		const outcome = await attempt(t, mutation)
		if (!outcome.ok) return reply(submission, outcome.status, [outcome.message])
		return redirect(`/resolutions/${resolution.id}?done=${done}#action-${actionId}`)
	}
	const base = { resolutionId: resolution.id, today }
	if (intent === 'respond') {
		const submission = parseWithZod(formData, { schema: respondSchema(t) })
		if (submission.status !== 'success') return reply(submission)
		return run(submission, () => respondToAction(db, user, { ...base, ...submission.value }), 'responded')
	}
	if (intent === 'accept') {
		const submission = parseWithZod(formData, { schema: acceptSchema })
		if (submission.status !== 'success') return reply(submission)
		return run(submission, () => acceptAction(db, user, { ...base, ...submission.value }), 'accepted')
	}
	const submission = parseWithZod(formData, { schema: reopenSchema(t) })
	if (submission.status !== 'success') return reply(submission)
	return run(submission, () => reopenAction(db, user, { ...base, ...submission.value }), 'reopened')
}

export type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export default function ResolutionPage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const lastResult = (intent: Intent, actionId: number) =>
		actionData && 'intent' in actionData && actionData.intent === intent && actionData.actionId === actionId ? actionData.result : undefined
	// A refusal whose form has left the page (the action moved on meanwhile).
	const gone = actionData && 'intent' in actionData && !page.actions.some((a) => a.id === actionData.actionId && a.steps.includes(actionData.intent))
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.resolutions.breadcrumbs}>
				<Link to="/resolutions">{t.resolutions.title}</Link> › {page.resolution.title}
			</nav>
			<div className="page-head">
				<h1>{page.resolution.title}</h1>
				<span className="badge">{t.resolutions.kinds[page.resolution.kind]}</span>
			</div>
			{page.done ? <Notice kind="ok">{t.resolutions.done[page.done]}</Notice> : null}
			{gone && actionData.result.error?.['']?.length ? <Notice kind="error">{actionData.result.error[''].join(' ')}</Notice> : null}
			<ResolutionDetails page={page} />
			<ExecutionReports page={page} />
			<ActionsSection page={page} lastResult={lastResult} />
		</>
	)
}
