import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { ErrorList, Notice, SubmitButton } from '~/components/forms'
import { inspectionPolicy } from '~/domain/inspections'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { getReadableInspection } from '~/models/inspections/queries.server'
import { deleteVisit, saveVisit } from '~/models/visits/mutations.server'
import { findVisitConflicts, getReadableVisit, visitFormOptions, type ConflictView } from '~/models/visits/queries.server'
import { deleteVisitSchema, toVisitInput, updateVisitSchema, visitOptionIds } from '../inspections.$inspectionId.visits.new/schema'
import { VisitForm } from '../inspections.$inspectionId.visits.new/visit-form'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `编辑走访 · ${data?.inspection.title ?? ''} · 监督追踪` }]

// After a refused stale edit the page shows what is stored now, with its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const db = getDb()
	const inspection = await getReadableInspection(db, user, parseId(args.params.inspectionId))
	invariantFound(inspection)
	const visit = await getReadableVisit(db, user, inspection.id, parseId(args.params.visitId))
	invariantFound(visit)
	const options = await visitFormOptions(db, inspection.id, visit.agencies.map((a) => a.id))
	return { user, db, inspection, visit, options, open: inspectionPolicy(user, inspection).schedule }
}

export async function loader(args: LoaderFunctionArgs) {
	const { db, inspection, visit, options, open } = await load(args)
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
	const { id, title, startsOn, endsOn, forms } = inspection
	return { inspection: { id, title, startsOn, endsOn, forms }, open, ...options, visit, storedConflicts }
}

export async function action(args: ActionFunctionArgs) {
	const { user, db, visit, options } = await load(args)
	const t = messagesFor(args.request)
	const formData = await readForm(args.request)
	const intent = formData.get('intent')
	if (intent === 'update') {
		const submission = parseWithZod(formData, { schema: updateVisitSchema(t, visitOptionIds(options)) })
		const reply = (status: number, errors?: { formErrors?: Array<string>; fieldErrors?: Record<string, Array<string>> }, conflicts: Array<ConflictView> = []) =>
			data({ intent: 'save' as const, result: submission.reply(errors), conflicts }, { status })
		if (submission.status !== 'success') return reply(400)
		const { version, conflictReason, acknowledged } = submission.value
		const outcome = await attempt(t, () =>
			saveVisit(db, user, {
				...toVisitInput(submission.value),
				inspectionId: visit.inspectionId,
				visit: { id: visit.id, version },
				conflictReason: conflictReason ?? '',
				acknowledged,
			}),
		)
		if (!outcome.ok) return reply(outcome.status, { formErrors: [outcome.message] })
		if (!outcome.value.saved) {
			return reply(400, conflictReason?.trim() ? undefined : { fieldErrors: { conflictReason: [t.visits.reasonRequired] } }, outcome.value.conflicts)
		}
		return redirect(`/inspections/${visit.inspectionId}?done=visitSaved#visit-${visit.id}`)
	}
	if (intent === 'delete') {
		const submission = parseWithZod(formData, { schema: deleteVisitSchema })
		const reply = (status: number, formErrors?: Array<string>) =>
			data({ intent: 'delete' as const, result: submission.reply(formErrors ? { formErrors } : undefined), conflicts: [] }, { status })
		if (submission.status !== 'success') return reply(400)
		const outcome = await attempt(t, () => deleteVisit(db, user, { inspectionId: visit.inspectionId, visitId: visit.id, version: submission.value.version }))
		if (!outcome.ok) return reply(outcome.status, [outcome.message])
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
				<Notice kind="info">{t.visits.refusals.closed}</Notice>
			)}
			<p>
				<Link to={`/audit?entityType=visit&entityId=${visit.id}`}>{t.inspections.history}</Link> ·{' '}
				<Link to={`/inspections/${inspection.id}`}>‹ {t.visits.back}</Link>
			</p>
		</>
	)
}
