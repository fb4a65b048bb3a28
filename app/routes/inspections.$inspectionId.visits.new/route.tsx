import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { loadVisitContext, saveVisit } from './save.server'
import { VisitForm } from './visit-form'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `安排走访 · ${data?.inspection.title ?? ''} · 监督追踪` }]

// /inspections/$id/visits/new: the secretariat schedules a visit. Conflicts warn and ask for a
// reason; an end not after the start is refused (see save.server.ts).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const context = await loadVisitContext(getDb(), user, parseId(args.params.inspectionId))
	// A new visit starts on the first day of the inspection's period.
	return { ...context, defaultOn: context.inspection.startsOn }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const db = getDb()
	const context = await loadVisitContext(db, user, parseId(args.params.inspectionId))
	return saveVisit({ db, user, t: messagesFor(args.request), formData: await args.request.formData(), context })
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
				<Notice kind="info">{t.visits.closed}</Notice>
			)}
		</>
	)
}
