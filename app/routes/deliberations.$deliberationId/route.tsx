import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { deliberationPolicy, deliberationStates } from '~/domain/deliberation'
import { useT } from '~/i18n/i18n'
import { getReadableDeliberation } from '~/models/deliberation/queries.server'
import { loadSettings } from '~/models/settings.server'
import { deliberationAction } from './action.server'
import { HandlingSection } from './handling'
import { LetterSection } from './letter'
import { OpinionsSection } from './opinions'
import { RefusedElsewhere } from './refused'
import { deliberationPageData } from './queries.server'
import { doneKinds, type Intent } from './schema'
import { VoteSection } from './vote'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.deliberation.title ?? ''} · 审议 · 监督追踪` }]

// After a refused step (409) the page shows the deliberation as it now stands.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const d = await getReadableDeliberation(db, user, parseId(args.params.deliberationId))
	invariantFound(d)
	const page = await deliberationPageData(db, user, d, deliberationPolicy(user, d), await loadSettings(db), shanghaiDate(new Date()))
	const done = doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null
	return { ...page, done }
}

export async function action(args: ActionFunctionArgs) {
	return deliberationAction(args)
}

export type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export default function DeliberationPage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const d = page.deliberation
	const lastResult = (intent: Intent, opinionId: number | null = null) =>
		actionData && 'intent' in actionData && actionData.intent === intent && actionData.opinionId === opinionId ? actionData.result : undefined
	return (
		<>
			<nav className="breadcrumbs">
				<Link to="/deliberations">{t.deliberation.listTitle}</Link> › {d.title}
			</nav>
			<div className="page-head">
				<h1>{d.title}</h1>
				<span className={`badge deliberation-state deliberation-state--${d.state}`}>{t.deliberation.states[d.state]}</span>
			</div>
			<dl className="task-meta deliberation-meta">
				<dt>{t.deliberation.subject}</dt>
				<dd>
					<Link to={d.subjectHref}>{t.deliberation.subjectTypes[d.subjectType]}</Link>
				</dd>
				{d.meetingLabel ? (
					<>
						<dt>{t.deliberation.meeting}</dt>
						<dd>{d.meetingLabel}</dd>
					</>
				) : null}
				<dt>{t.deliberation.organ}</dt>
				<dd>{d.organName}</dd>
				<dt>{t.deliberation.responding}</dt>
				<dd>{d.respondingName}</dd>
			</dl>
			<ol className="deliberation-steps" aria-label={t.deliberation.progress}>
				{deliberationStates.filter((state) => d.withVote || state !== 'vote_closed').map((state, index, shown) => {
					const current = shown.indexOf(d.state)
					const status = index < current ? 'done' : index === current ? 'current' : 'todo'
					return (
						<li key={state} className={`deliberation-steps__step deliberation-steps__step--${status}`} aria-current={status === 'current' ? 'step' : undefined}>
							{state === 'open' && !d.withVote ? t.deliberation.stepOpenWithoutVote : t.deliberation.steps[state]}
						</li>
					)
				})}
			</ol>
			{page.done ? <Notice kind="ok">{t.deliberation.done[page.done]}</Notice> : null}
			<RefusedElsewhere page={page} actionData={actionData && 'intent' in actionData ? actionData : undefined} />
			<VoteSection page={page} lastResult={lastResult} />
			{page.opinions ? <OpinionsSection page={page} lastResult={lastResult} /> : null}
			<LetterSection page={page} lastResult={lastResult} />
			{page.handling ? <HandlingSection page={page} lastResult={lastResult} /> : null}
		</>
	)
}
