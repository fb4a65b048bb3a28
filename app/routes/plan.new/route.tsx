import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { currentYear } from '~/domain/meetings'
import { shanghaiDate } from '~/domain/dates'
import { attempt, formReply } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { createPlanItem } from '~/models/plan/mutations.server'
import { loadPlanFormOptions } from '~/models/plan/queries.server'
import { PlanItemForm } from './plan-item-form'
import { createPlanItemSchema, toPlanItemInput } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '新增计划项目 · 监督追踪' }]

function yearFrom(request: Request) {
	const asked = Number(new URL(request.url).searchParams.get('year'))
	return Number.isInteger(asked) && asked >= 2000 && asked <= 2099 ? asked : currentYear(shanghaiDate(new Date()))
}

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	return { year: yearFrom(args.request), options: await loadPlanFormOptions(getDb()) }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const options = await loadPlanFormOptions(db)
	const schema = createPlanItemSchema(t, { organIds: options.organs.map((o) => o.id), clauseIds: options.clauses.map((c) => c.id) })
	const submission = parseWithZod(await readForm(args.request), { schema })
	if (submission.status !== 'success') return formReply(submission)
	const input = toPlanItemInput(submission.value)
	const outcome = await attempt(t, () => createPlanItem(db, user, input))
	if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
	return redirect(`/plan?year=${input.year}&done=created#item-${outcome.value}`)
}

export default function NewPlanItemPage() {
	const { year, options } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<p className="breadcrumbs">
				<Link to={`/plan?year=${year}`}>{fill(t.plan.yearTitle, { year })}</Link> › {t.plan.newTitle}
			</p>
			<div className="page-head">
				<h1>{t.plan.newTitle}</h1>
			</div>
			<section className="card">
				<PlanItemForm id="plan-new" options={options} defaults={{ year }} lastResult={actionData?.result} submitLabel={t.plan.create} />
			</section>
		</>
	)
}
