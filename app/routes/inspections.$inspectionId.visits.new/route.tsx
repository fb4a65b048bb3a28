import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { inspectionPolicy } from '~/domain/inspections'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { getReadableInspection } from '~/models/inspections/queries.server'
import { saveVisit } from '~/models/visits/mutations.server'
import { visitFormOptions, type ConflictView } from '~/models/visits/queries.server'
import { createVisitSchema, toVisitInput, visitOptionIds } from './schema'
import { VisitForm } from './visit-form'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `安排走访 · ${data?.inspection.title ?? ''} · 监督追踪` }]

// /inspections/$id/visits/new: the secretariat schedules a visit. Conflicts warn and ask for a
// reason (saveVisit); an end not after the start is refused (the schema).
async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const db = getDb()
	const inspection = await getReadableInspection(db, user, parseId(args.params.inspectionId))
	invariantFound(inspection)
	const options = await visitFormOptions(db, inspection.id)
	return { user, db, inspection, options, open: inspectionPolicy(user, inspection).schedule }
}

export async function loader(args: LoaderFunctionArgs) {
	const { inspection, options, open } = await load(args)
	const { id, title, startsOn, endsOn, forms } = inspection
	// A new visit starts on the first day of the inspection's period.
	return { inspection: { id, title, startsOn, endsOn, forms }, open, ...options, defaultOn: startsOn }
}

// Conflicts the reason does not cover come back as a warning: the input kept, nothing written.
export async function action(args: ActionFunctionArgs) {
	const { user, db, inspection, options } = await load(args)
	const t = messagesFor(args.request)
	const submission = parseWithZod(await readForm(args.request), { schema: createVisitSchema(t, visitOptionIds(options)) })
	const reply = (status: number, errors?: { formErrors?: Array<string>; fieldErrors?: Record<string, Array<string>> }, conflicts: Array<ConflictView> = []) =>
		data({ intent: 'save' as const, result: submission.reply(errors), conflicts }, { status })
	if (submission.status !== 'success') return reply(400)
	const { conflictReason, acknowledged } = submission.value
	const outcome = await attempt(t, () =>
		saveVisit(db, user, { ...toVisitInput(submission.value), inspectionId: inspection.id, visit: null, conflictReason: conflictReason ?? '', acknowledged }),
	)
	if (!outcome.ok) return reply(outcome.status, { formErrors: [outcome.message] })
	if (!outcome.value.saved) {
		return reply(400, conflictReason?.trim() ? undefined : { fieldErrors: { conflictReason: [t.visits.reasonRequired] } }, outcome.value.conflicts)
	}
	return redirect(`/inspections/${inspection.id}?done=visitCreated#visit-${outcome.value.visitId}`)
}

export default function NewVisitPage() {
	const { inspection, open, group, agencies, districts, defaultOn } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/inspections">{t.inspections.title}</Link> › <Link to={`/inspections/${inspection.id}`}>{inspection.title}</Link> ›{' '}
				{t.visits.newTitle}
			</p>
			<div className="page-head">
				<h1>{t.visits.newTitle}</h1>
			</div>
			<p className="muted small">
				{t.inspections.period}：
				{fill(t.inspections.periodValue, { start: formatChineseDate(inspection.startsOn), end: formatChineseDate(inspection.endsOn) })}
			</p>
			{open ? (
				<section className="card">
					<VisitForm
						id="visit-new"
						options={{ group, agencies, districts }}
						defaults={{ on: defaultOn, form: inspection.forms.length === 1 ? inspection.forms[0] : null }}
						lastResult={actionData?.result}
						conflicts={actionData?.conflicts ?? []}
					>
						<Link to={`/inspections/${inspection.id}`} className="button button--secondary">
							{t.common.cancel}
						</Link>
					</VisitForm>
				</section>
			) : (
				<Notice kind="info">{t.visits.refusals.closed}</Notice>
			)}
		</>
	)
}
