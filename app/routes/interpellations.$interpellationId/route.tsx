import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { useT } from '~/i18n/i18n'
import { getReadableInterpellation } from '~/models/interpellations/queries.server'
import { loadSettings } from '~/models/settings.server'
import { interpellationAction } from './action.server'
import { interpellationPageData } from './queries.server'
import { doneKinds, type Intent } from './schema'
import { CouncilSection, InterpellationDetails, RoundsSection, SignersSection } from './sections'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.interpellation.matter ?? ''} · 质询案 · 监督追踪` }]

// After a refused step (409) the page shows the interpellation as it now stands.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const loaded = await getReadableInterpellation(db, user, parseId(args.params.interpellationId))
	invariantFound(loaded)
	const page = await interpellationPageData(db, user, loaded, await loadSettings(db), shanghaiDate(new Date()))
	const done = doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null
	return { ...page, done }
}

export async function action(args: ActionFunctionArgs) {
	return interpellationAction(args)
}

export type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export default function InterpellationPage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const i = page.interpellation
	const lastResult = (intent: Intent) => (actionData && 'intent' in actionData && actionData.intent === intent ? actionData.result : undefined)
	// A refusal whose form has left the page (the step was taken by someone else meanwhile), or
	// whose form is one button beside a name (striking a paper signer).
	const elsewhere = actionData && 'intent' in actionData && (!page.steps.includes(actionData.intent) || actionData.intent === 'strikeSignature')
	const refused = elsewhere ? (actionData.result.error?.[''] ?? []) : []
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.interpellations.breadcrumbs}>
				<Link to="/interpellations">{t.interpellations.title}</Link> › {i.matter}
			</nav>
			<div className="page-head">
				<h1>{i.matter}</h1>
				<span className={`badge interpellation-state interpellation-state--${i.state}`}>{t.interpellations.states[i.state]}</span>
			</div>
			{page.done ? <Notice kind="ok">{t.interpellations.done[page.done]}</Notice> : null}
			{refused.length ? <Notice kind="error">{refused.join(' ')}</Notice> : null}
			<InterpellationDetails page={page} />
			<SignersSection page={page} lastResult={lastResult} />
			<CouncilSection page={page} lastResult={lastResult} />
			<RoundsSection page={page} lastResult={lastResult} />
		</>
	)
}
