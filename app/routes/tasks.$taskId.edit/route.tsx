import { parseWithZod } from '@conform-to/zod/v4'
import type { Submission } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { TaskSummary } from '~/components/task-card'
import { sentenceBoundaries, splitProposal } from '~/domain/tasks'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt, type Refused } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { listAgencyOptions } from '~/models/agencies/queries.server'
import { mergeTask, setTaskAgencies, splitTask, updateTask } from '~/models/tasks/mutations.server'
import { loadTaskForEdit } from './queries.server'
import { agenciesSchema, deadlineValue, mergeSchema, mergeTarget, splitSchema, updateTaskSchema } from './schema'
import { AgenciesForm, MergeForm, SplitForm, UpdateForm } from './sections'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.task.clauseLabel ?? ''} 编辑责任事项 · 监督追踪` },
]

// After a refused stale edit the page must show what is stored now and carry its version, so
// that the user can compare and resubmit: Remix skips revalidation after a 4xx by default.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

const doneKinds = ['update', 'agencies', 'split', 'merge'] as const

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'tasks:edit')
	const db = getDb()
	const found = await loadTaskForEdit(db, parseId(args.params.taskId))
	invariantFound(found)
	const { task, siblings } = found
	const url = new URL(args.request.url)
	const assigned = new Set([...task.leads, ...task.cos].map((a) => a.id))
	const done = doneKinds.find((kind) => kind === url.searchParams.get('done')) ?? null
	const boundaries = sentenceBoundaries(task.text)
	return {
		task,
		siblings: siblings.map((s) => ({ id: s.id, ordinal: s.ordinal, version: s.version, text: s.text, deadline: s.deadline, leads: s.leads })),
		agencies: (await listAgencyOptions(db)).filter((a) => a.active || assigned.has(a.id)),
		split: {
			proposal: splitProposal(task.text, Number(url.searchParams.get('at')) || undefined),
			// What the split-point menu shows: the end of each sentence a split can follow.
			points: boundaries.map((offset, index) => ({ n: index + 1, tail: task.text.slice(Math.max(0, offset - 14), offset).trim() })),
		},
		done,
		newTaskId: done === 'split' ? Number(url.searchParams.get('new')) || null : null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'tasks:edit')
	const t = messagesFor(args.request)
	const db = getDb()
	const found = await loadTaskForEdit(db, parseId(args.params.taskId))
	invariantFound(found)
	const { task } = found
	const formData = await readForm(args.request)
	const intent = formData.get('intent')
	const done = (query: string) => redirect(`/tasks/${task.id}/edit?${query}`)

	if (intent === 'update') {
		const submission = parseWithZod(formData, { schema: updateTaskSchema(t) })
		if (submission.status !== 'success') return invalid('update', submission)
		const { version, text } = submission.value
		const outcome = await attempt(t, () => updateTask(db, user, { taskId: task.id, version, text, deadline: deadlineValue(submission.value) }))
		return outcome.ok ? done('done=update') : refused('update', submission, outcome)
	}
	if (intent === 'agencies') {
		const options = await listAgencyOptions(db)
		const assigned = new Set([...task.leads, ...task.cos].map((a) => a.id))
		const schema = agenciesSchema(t, {
			allowedIds: options.filter((a) => a.active || assigned.has(a.id)).map((a) => a.id),
			names: new Map(options.map((a) => [a.id, a.name])),
		})
		const submission = parseWithZod(formData, { schema })
		if (submission.status !== 'success') return invalid('agencies', submission)
		const { version, lead, co } = submission.value
		const outcome = await attempt(t, () => setTaskAgencies(db, user, { taskId: task.id, version, leadIds: lead, coIds: co }))
		return outcome.ok ? done('done=agencies') : refused('agencies', submission, outcome)
	}
	if (intent === 'split') {
		const submission = parseWithZod(formData, { schema: splitSchema(t) })
		if (submission.status !== 'success') return invalid('split', submission)
		const { version, first, second } = submission.value
		const outcome = await attempt(t, () => splitTask(db, user, { taskId: task.id, clauseId: task.clauseId, version, first, second }))
		return outcome.ok ? done(`done=split&new=${outcome.value}`) : refused('split', submission, outcome)
	}
	if (intent === 'merge') {
		const submission = parseWithZod(formData, { schema: mergeSchema(t) })
		if (submission.status !== 'success') return invalid('merge', submission)
		const { otherId, otherVersion } = mergeTarget(submission.value.mergeWith)
		const input = { taskId: task.id, version: submission.value.version, otherId, otherVersion, clauseId: task.clauseId }
		const outcome = await attempt(t, () => mergeTask(db, user, input))
		return outcome.ok ? done('done=merge') : refused('merge', submission, outcome)
	}
	throw data({ message: 'Unknown intent' }, { status: 400 })
}

type Intent = 'update' | 'agencies' | 'split' | 'merge'

function invalid(intent: Intent, submission: Submission<unknown>) {
	return data({ intent, result: submission.reply() }, { status: 400 })
}

// A version the user saw that is no longer the current one, or a rule of the edit, is refused
// before anything is written; the input comes back so that nothing the user typed is lost, with
// the message beside the field it is about.
function refused(intent: Intent, submission: Submission<unknown>, outcome: Refused) {
	const fields = {
		'tasks.noLead': 'lead',
		'tasks.both': 'co',
		'tasks.splitFirstEmpty': 'first',
		'tasks.splitSecondEmpty': 'second',
		'tasks.splitChanged': 'second',
		'tasks.mergeOtherClause': 'mergeWith',
	} as const
	return data({ intent, result: refusedResult(submission, outcome, fields) }, { status: outcome.status })
}

export default function EditTaskPage() {
	const { task, siblings, agencies, split, done, newTaskId } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const lastResult = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined)
	const taskNo = fill(t.tasks.clauseTask, { clause: task.clauseLabel, n: task.ordinal })
	return (
		<>
			<nav className="breadcrumbs">
				<Link to="/tasks">{t.tasks.title}</Link> › <Link to={`/clauses/${task.clauseId}`}>{task.clauseLabel}</Link> ›{' '}
				{fill(t.tasks.taskNo, { n: task.ordinal })}
			</nav>
			<div className="page-head">
				<h1>
					{t.tasks.editTitle} · {taskNo}
				</h1>
				<span className="muted small">{fill(t.tasks.version, { n: task.version })}</span>
			</div>
			{done === 'update' ? <Notice kind="ok">{t.tasks.saved}</Notice> : null}
			{done === 'agencies' ? <Notice kind="ok">{t.tasks.agenciesSaved}</Notice> : null}
			{done === 'merge' ? <Notice kind="ok">{t.tasks.mergeDone}</Notice> : null}
			{done === 'split' ? (
				<Notice kind="ok">
					{t.tasks.splitDone} {newTaskId ? <Link to={`/tasks/${newTaskId}/edit`}>{t.tasks.editNewTask}</Link> : null}
				</Notice>
			) : null}
			<section className="card" aria-labelledby="current-heading">
				<h2 id="current-heading" style={{ marginTop: 0 }}>
					{t.tasks.current}
				</h2>
				<TaskSummary task={task} />
			</section>
			{/* Keyed by version: after a save the forms start again from what is now stored. */}
			<UpdateForm key={`update-${task.version}`} task={task} lastResult={lastResult('update')} />
			<AgenciesForm key={`agencies-${task.version}`} task={task} agencies={agencies} lastResult={lastResult('agencies')} />
			<SplitForm key={`split-${task.version}-${split.proposal.at}`} task={task} split={split} lastResult={lastResult('split')} />
			<MergeForm key={`merge-${task.version}`} task={task} siblings={siblings} lastResult={lastResult('merge')} />
			<p>
				<Link to={`/tasks?clause=${task.clauseId}`}>‹ {t.tasks.backToTable}</Link>
			</p>
		</>
	)
}
