import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { getReadableInquiry } from '~/models/inquiries/queries.server'
import { inquiryAction } from './action.server'
import { useLiveRefresh } from './live'
import { LogSection } from './log'
import { sessionPageData } from './queries.server'
import { RegistrationsSection } from './registrations'
import { doneKinds } from './schema'
import { BasicsSection, RespondentsSection, StepsSection } from './sections'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.inquiry.topic ?? ''} · 询问 · 监督追踪` }]

// After a refused step (409) the page shows the session as it now stands, so the clerk sees
// what the other clerk saved.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const inquiry = await getReadableInquiry(db, user, parseId(args.params.inquiryId))
	invariantFound(inquiry)
	const page = await sessionPageData(db, user, inquiry, shanghaiDate(new Date()))
	const done = doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null
	return { ...page, done }
}

export async function action(args: ActionFunctionArgs) {
	return inquiryAction(args)
}

export type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export default function InquiryPage() {
	const page = useLoaderData<typeof loader>()
	const t = useT()
	const { inquiry } = page
	useLiveRefresh(page.can.record)
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.inquiries.breadcrumbs}>
				<Link to="/inquiries">{t.inquiries.title}</Link> › {inquiry.topic}
			</nav>
			<div className="page-head">
				<h1>{inquiry.topic}</h1>
				<span className="toolbar">
					<span className="badge">{t.inquiries.kinds[inquiry.kind]}</span>
					<span className={`inquiry-state inquiry-state--${inquiry.state}`}>{t.inquiries.states[inquiry.state]}</span>
					{page.can.print ? (
						<Link className="button button--secondary button--small" to={`/inquiries/${inquiry.id}/print`}>
							{t.inquiries.printRecord}
						</Link>
					) : null}
				</span>
			</div>
			{page.done ? <Notice kind="ok">{t.inquiries.done[page.done]}</Notice> : null}
			<BasicsSection page={page} />
			<RespondentsSection page={page} />
			<StepsSection page={page} />
			<RegistrationsSection page={page} />
			<LogSection page={page} />
			{page.log.some((e) => e.commitments.length) ? (
				<p>
					<Link to={`/commitments?inquiry=${inquiry.id}`}>{fill(t.inquiries.allCommitments, { count: page.log.reduce((n, e) => n + e.commitments.length, 0) })}</Link>
				</p>
			) : null}
		</>
	)
}
