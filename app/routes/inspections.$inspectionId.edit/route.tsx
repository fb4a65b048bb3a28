import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { forbidden, invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { groupRows, inspectionPolicy } from '~/domain/inspections'
import { attempt, formReply } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { updateInspection } from '~/models/inspections/mutations.server'
import { getInspectionInput, getReadableInspection, inspectionOptionIds, loadInspectionFormOptions } from '~/models/inspections/queries.server'
import { InspectionForm } from '../inspections.new/inspection-form'
import { toInspectionInput, updateInspectionSchema } from '../inspections.new/schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.inspection.title ?? ''} · 编辑执法检查 · 监督追踪` }]

// After a refused stale edit the page shows what is stored now, with its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const db = getDb()
	const readable = await getReadableInspection(db, user, parseId(args.params.inspectionId))
	invariantFound(readable)
	if (!inspectionPolicy(user, readable).manage) throw forbidden()
	const inspection = await getInspectionInput(db, readable.id)
	invariantFound(inspection)
	const keep = { organId: inspection.organId, userIds: groupRows(inspection).map((r) => r.userId) }
	return { user, db, id: readable.id, inspection, options: await loadInspectionFormOptions(db, keep) }
}

export async function loader(args: LoaderFunctionArgs) {
	const { id, inspection, options } = await load(args)
	return { id, inspection, options }
}

export async function action(args: ActionFunctionArgs) {
	const { user, db, id, options } = await load(args)
	const t = messagesFor(args.request)
	const submission = parseWithZod(await readForm(args.request), { schema: updateInspectionSchema(t, inspectionOptionIds(options)) })
	if (submission.status !== 'success') return formReply(submission)
	const { version } = submission.value
	const outcome = await attempt(t, () => updateInspection(db, user, { inspectionId: id, version, plan: toInspectionInput(submission.value) }))
	if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
	return redirect(`/inspections/${id}?done=saved`)
}

export default function EditInspectionPage() {
	const { id, inspection, options } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/inspections">{t.inspections.title}</Link> › <Link to={`/inspections/${id}`}>{inspection.title}</Link> ›{' '}
				{t.inspections.editTitle}
			</p>
			<div className="page-head">
				<h1>{t.inspections.editTitle}</h1>
				<span className="muted small">{fill(t.inspections.version, { n: inspection.version })}</span>
			</div>
			<section className="card">
				<InspectionForm
					key={`inspection-${id}-${inspection.version}`}
					id={`inspection-${id}`}
					options={options}
					defaults={inspection}
					lastResult={actionData?.result}
					version={inspection.version}
					submitLabel={t.inspections.save}
				>
					<Link to={`/inspections/${id}`} className="button button--secondary">
						{t.common.cancel}
					</Link>
				</InspectionForm>
			</section>
			<p>
				<Link to={`/audit?entityType=inspection&entityId=${id}`}>{t.inspections.history}</Link>
			</p>
		</>
	)
}
