import { parseWithZod } from '@conform-to/zod/v4'
import type { Submission } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { ErrorList, Notice, SubmitButton } from '~/components/forms'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { deletePlanItem, updatePlanItem } from '~/models/plan/mutations.server'
import { countReportsOfPlanItem, getPlanItem, loadPlanFormOptions } from '~/models/plan/queries.server'
import { PlanItemForm } from '../plan.new/plan-item-form'
import { deletePlanItemSchema, toPlanItemInput, updatePlanItemSchema } from '../plan.new/schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.title ?? ''} · 编辑计划项目 · 监督追踪` }]

// After a refused stale edit the page shows what is stored now, with its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	const db = getDb()
	const item = await getPlanItem(db, parseId(args.params.itemId))
	invariantFound(item)
	return {
		item,
		reportCount: await countReportsOfPlanItem(db, item.id),
		options: await loadPlanFormOptions(db, item.organId),
	}
}

type Intent = 'update' | 'delete'

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const item = await getPlanItem(db, parseId(args.params.itemId))
	invariantFound(item)
	const formData = await readForm(args.request)
	const intent = formData.get('intent')

	if (intent === 'update') {
		const options = await loadPlanFormOptions(db, item.organId)
		const schema = updatePlanItemSchema(t, { organIds: options.organs.map((o) => o.id), clauseIds: options.clauses.map((c) => c.id) })
		const submission = parseWithZod(formData, { schema })
		if (submission.status !== 'success') return reply('update', submission, 400)
		const input = toPlanItemInput(submission.value)
		const outcome = await attempt(t, () => updatePlanItem(db, user, { itemId: item.id, version: submission.value.version, ...input }))
		if (!outcome.ok) return reply('update', submission, outcome.status, [outcome.message])
		return redirect(`/plan?year=${input.year}&done=saved#item-${item.id}`)
	}
	if (intent === 'delete') {
		const submission = parseWithZod(formData, { schema: deletePlanItemSchema })
		if (submission.status !== 'success') return reply('delete', submission, 400)
		// An item a report or an inspection refers to is refused with their number.
		const outcome = await attempt(t, () => deletePlanItem(db, user, { itemId: item.id, version: submission.value.version }))
		if (!outcome.ok) return reply('delete', submission, outcome.status, [outcome.message])
		return redirect(`/plan?year=${item.year}&done=deleted`)
	}
	throw data({ message: 'Unknown intent' }, { status: 400 })
}

function reply(intent: Intent, submission: Submission<unknown>, status: number, formErrors?: Array<string>) {
	return data({ intent, result: submission.reply(formErrors ? { formErrors } : undefined) }, { status })
}

export default function EditPlanItemPage() {
	const { item, reportCount, options } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const resultFor = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined)
	const deleteErrors = resultFor('delete')?.error?.['']
	return (
		<>
			<p className="breadcrumbs">
				<Link to={`/plan?year=${item.year}`}>{fill(t.plan.yearTitle, { year: item.year })}</Link> › {t.plan.editTitle}
			</p>
			<div className="page-head">
				<h1>{t.plan.editTitle}</h1>
				<span className="muted small">{fill(t.plan.version, { n: item.version })}</span>
			</div>
			<section className="card">
				<PlanItemForm
					key={`plan-${item.id}-${item.version}`}
					id={`plan-${item.id}`}
					options={options}
					defaults={{ ...item, clauseIds: item.clauses.map((c) => c.id) }}
					lastResult={resultFor('update')}
					version={item.version}
					submitLabel={t.plan.save}
				/>
			</section>
			<section className="card">
				<h2 style={{ marginTop: 0 }}>{t.plan.delete}</h2>
				{reportCount > 0 ? (
					<Notice kind="info">{fill(t.plan.refusals.referenced, { count: reportCount })}</Notice>
				) : (
					<>
						<p className="muted small">{t.plan.deleteHint}</p>
						<ErrorList errors={deleteErrors} />
						<Form method="post">
							<input type="hidden" name="version" value={item.version} />
							<SubmitButton name="intent" value="delete" className="button button--secondary">
								{t.plan.deleteConfirm}
							</SubmitButton>
						</Form>
					</>
				)}
			</section>
			<p>
				<Link to={`/audit?entityType=plan_item&entityId=${item.id}`}>{t.plan.history}</Link> ·{' '}
				<Link to={`/plan?year=${item.year}`}>‹ {t.plan.back}</Link>
			</p>
		</>
	)
}
