import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { ErrorList, Notice, SubmitButton } from '~/components/forms'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { deleteVisit } from '~/models/visits/mutations.server'
import { findVisitConflicts, getVisit, type ConflictView } from '~/models/visits/queries.server'
import { isStaleRecord, write } from '~/models/write.server'
import { loadVisitContext, saveVisit } from '../inspections.$inspectionId.visits.new/save.server'
import { deleteVisitSchema } from '../inspections.$inspectionId.visits.new/schema'
import { VisitForm } from '../inspections.$inspectionId.visits.new/visit-form'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `编辑走访 · ${data?.inspection.title ?? ''} · 监督追踪` }]

// After a refused stale edit the page shows what is stored now, with its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const db = getDb()
	const inspectionId = parseId(args.params.inspectionId)
	const visit = await getVisit(db, inspectionId, parseId(args.params.visitId))
	invariantFound(visit)
	const context = await loadVisitContext(db, user, inspectionId, visit)
	return { user, db, visit, context }
}

export async function loader(args: LoaderFunctionArgs) {
	const { db, visit, context } = await load(args)
	// A visit saved over conflicts with a reason: the conflicts it has now, which the stored
	// reason covers when the visit is saved unchanged.
	const storedConflicts: Array<ConflictView> = visit.conflictReason
		? await findVisitConflicts(db, {
				...visit,
				agencyIds: visit.agencies.map((a) => a.id),
				participantIds: visit.participants.map((p) => p.id),
				inspectionId: visit.inspectionId,
			})
		: []
	return { ...context, visit, storedConflicts }
}

export async function action(args: ActionFunctionArgs) {
	const { user, db, visit, context } = await load(args)
	const t = messagesFor(args.request)
	const formData = await args.request.formData()
	const intent = formData.get('intent')
	if (intent === 'update') return saveVisit({ db, user, t, formData, context, visit })
	if (intent === 'delete') {
		const submission = parseWithZod(formData, { schema: deleteVisitSchema })
		const reply = (status: number, formErrors?: Array<string>) =>
			data({ intent: 'delete' as const, result: submission.reply(formErrors ? { formErrors } : undefined), conflicts: [] }, { status })
		if (submission.status !== 'success') return reply(400)
		if (!context.open) return reply(409, [t.visits.closed])
		const { version } = submission.value
		if (version !== visit.version) return reply(409, [t.common.stale])
		try {
			await write(db, user, (tx, audit) => deleteVisit(tx, audit, visit.inspectionId, visit.id, version))
		} catch (error) {
			if (isStaleRecord(error)) return reply(409, [t.common.stale])
			throw error
		}
		return redirect(`/inspections/${visit.inspectionId}?done=visitDeleted#schedule`)
	}
	throw data({ message: 'Unknown intent' }, { status: 400 })
}

export default function EditVisitPage() {
	const { inspection, open, group, agencies, districts, visit, storedConflicts } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const saveResult = actionData && actionData.intent === 'save' ? actionData : undefined
	const deleteErrors = actionData?.intent === 'delete' ? actionData.result.error?.[''] : undefined
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/inspections">{t.inspections.title}</Link> › <Link to={`/inspections/${inspection.id}`}>{inspection.title}</Link> ›{' '}
				{t.visits.editTitle}
			</p>
			<div className="page-head">
				<h1>{t.visits.editTitle}</h1>
				<span className="muted small">{fill(t.inspections.version, { n: visit.version })}</span>
			</div>
			{open ? (
				<>
					<section className="card">
						<VisitForm
							key={`visit-${visit.id}-${visit.version}`}
							id={`visit-${visit.id}`}
							options={{ group, agencies, districts }}
							defaults={{
								...visit,
								agencyIds: visit.agencies.map((a) => a.id),
								participantIds: visit.participants.map((p) => p.id),
							}}
							lastResult={saveResult?.result}
							conflicts={saveResult?.conflicts ?? []}
							storedConflicts={storedConflicts}
							version={visit.version}
						>
							<Link to={`/inspections/${inspection.id}#visit-${visit.id}`} className="button button--secondary">
								{t.common.cancel}
							</Link>
						</VisitForm>
					</section>
					<section className="card">
						<h2 style={{ marginTop: 0 }}>{t.visits.delete}</h2>
						<p className="muted small">{t.visits.deleteHint}</p>
						<ErrorList errors={deleteErrors} />
						<Form method="post">
							<input type="hidden" name="version" value={visit.version} />
							<SubmitButton name="intent" value="delete" className="button button--secondary">
								{t.visits.deleteConfirm}
							</SubmitButton>
						</Form>
					</section>
				</>
			) : (
				<Notice kind="info">{t.visits.closed}</Notice>
			)}
			<p>
				<Link to={`/audit?entityType=visit&entityId=${visit.id}`}>{t.inspections.history}</Link> ·{' '}
				<Link to={`/inspections/${inspection.id}`}>‹ {t.visits.back}</Link>
			</p>
		</>
	)
}
