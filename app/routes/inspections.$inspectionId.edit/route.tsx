import { parseWithZod } from '@conform-to/zod/v4'
import type { Submission } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { currentInspectionInput, inspectionOptionIds, loadInspectionFormOptions } from '~/models/inspections/queries.server'
import { groupRows } from '~/domain/inspections'
import { updateInspection } from '~/models/inspections/mutations.server'
import { scheduledParticipants } from '~/models/visits/queries.server'
import { isStaleRecord, write } from '~/models/write.server'
import { InspectionForm } from '../inspections.new/inspection-form'
import { toInspectionInput, updateInspectionSchema } from '../inspections.new/schema'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.inspection.title ?? ''} · 编辑执法检查 · 监督追踪` }]

// After a refused stale edit the page shows what is stored now, with its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

async function load(db: ReturnType<typeof getDb>, inspectionId: number) {
	const inspection = await currentInspectionInput(db, inspectionId)
	invariantFound(inspection)
	const keep = { organId: inspection.organId, userIds: groupRows(inspection).map((r) => r.userId) }
	return { inspection, options: await loadInspectionFormOptions(db, keep) }
}

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	const id = parseId(args.params.inspectionId)
	const { inspection, options } = await load(getDb(), id)
	return { id, inspection, options }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const id = parseId(args.params.inspectionId)
	const { inspection, options } = await load(db, id)
	const formData = await args.request.formData()
	const submission = parseWithZod(formData, { schema: updateInspectionSchema(t, inspectionOptionIds(options)) })
	if (submission.status !== 'success') return reply(submission, 400)
	const { version } = submission.value
	const input = toInspectionInput(submission.value)
	if (version !== inspection.version) return reply(submission, 409, [t.common.stale])
	// A person who takes part in a scheduled visit stays in the group until the visit changes.
	const staying = new Set(groupRows(input).map((r) => r.userId))
	const leaving = (await scheduledParticipants(db, id)).filter((p) => !staying.has(p.userId))
	if (leaving.length) {
		return reply(submission, 400, [fill(t.inspections.stillScheduled, { names: leaving.map((p) => p.realName).join('、') })])
	}
	try {
		await write(db, user, (tx, audit) => updateInspection(tx, audit, id, version, input))
	} catch (error) {
		if (isStaleRecord(error)) return reply(submission, 409, [t.common.stale])
		throw error
	}
	return redirect(`/inspections/${id}?done=saved`)
}

function reply(submission: Submission<unknown>, status: number, formErrors?: Array<string>) {
	return data({ result: submission.reply(formErrors ? { formErrors } : undefined) }, { status })
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
