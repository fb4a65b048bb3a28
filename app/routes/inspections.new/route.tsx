import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { currentYear } from '~/domain/meetings'
import { attempt, formReply } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { createInspection } from '~/models/inspections/mutations.server'
import { getPlanItemForInspection, inspectionOptionIds, loadInspectionFormOptions } from '~/models/inspections/queries.server'
import { InspectionForm } from './inspection-form'
import { createInspectionSchema, toInspectionInput } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '新建执法检查 · 监督追踪' }]

// /inspections/new: the secretariat plans an inspection, optionally from an inspection item of
// the annual plan (?planItemId= fills in its title, year, organ and clauses).
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	const db = getDb()
	const url = new URL(args.request.url)
	const askedPlanItem = Number(url.searchParams.get('planItemId'))
	const planItem = Number.isSafeInteger(askedPlanItem) && askedPlanItem > 0 ? await getPlanItemForInspection(db, askedPlanItem) : null
	const options = await loadInspectionFormOptions(db)
	return {
		year: planItem?.year ?? currentYear(shanghaiDate(new Date())),
		planItem: planItem ? { id: planItem.id, title: planItem.title, organId: planItem.organId, clauseIds: planItem.clauseIds } : null,
		options,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const options = await loadInspectionFormOptions(db)
	const submission = parseWithZod(await readForm(args.request), { schema: createInspectionSchema(t, inspectionOptionIds(options)) })
	if (submission.status !== 'success') return formReply(submission)
	const outcome = await attempt(t, () => createInspection(db, user, toInspectionInput(submission.value)))
	if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
	return redirect(`/inspections/${outcome.value}?done=created`)
}

export default function NewInspectionPage() {
	const { year, planItem, options } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/inspections">{t.inspections.title}</Link> › {t.inspections.newTitle}
			</p>
			<div className="page-head">
				<h1>{t.inspections.newTitle}</h1>
			</div>
			{planItem ? <Notice kind="info">{fill(t.inspections.fromPlanItem, { title: planItem.title })}</Notice> : null}
			<section className="card">
				<InspectionForm
					key={planItem?.id ?? 'blank'}
					id="inspection-new"
					options={options}
					defaults={{
						year,
						planItemId: planItem?.id ?? null,
						title: planItem?.title ?? '',
						organId: planItem?.organId ?? null,
						clauseIds: planItem?.clauseIds ?? [],
					}}
					lastResult={actionData?.result}
					submitLabel={t.inspections.create}
					planItemAction="/inspections/new"
				/>
			</section>
		</>
	)
}
