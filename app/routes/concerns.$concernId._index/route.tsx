import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { concernPolicy, nextStep, opinionDueOn, returnDeadline, unratedClosableOn } from '~/domain/concerns'
import { shanghaiDate } from '~/domain/dates'
import { useT } from '~/i18n/i18n'
import { listAttachments } from '~/models/attachments.server'
import {
	concernParts,
	constituentsFor,
	getReadableConcern,
	listHandlingAgencies,
	mayReadConcernOriginal,
	suggestedAgencies,
} from '~/models/concerns/queries.server'
import { loadSettings } from '~/models/settings.server'
import { concernAction } from './action.server'
import { doneKinds, type Intent } from './schema'
import { DetailsSection, HandlingSection, OfficeSection, RepliesSection } from './sections'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.concern.title ?? ''} · 代表建议 · 监督追踪` }]

// After a refused step (409) the page shows the concern as it now stands.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate

const files = (rows: Awaited<ReturnType<typeof listAttachments>>) => rows.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, uploadedOn: shanghaiDate(f.createdAt) }))

// What the page sends to the browser is built field by field: the deputy's words only to those
// who may read the original, the constituents only as the policy's identity access says (the
// office's full view comes from the audited "show", never from here).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const loaded = await getReadableConcern(db, user, parseId(args.params.concernId))
	invariantFound(loaded)
	const today = shanghaiDate(new Date())
	const settings = await loadSettings(db)
	const c = loaded.concern
	const policy = concernPolicy(user, loaded.policyConcern, loaded.relation, today, settings)
	const original = mayReadConcernOriginal(user, loaded)
	const [parts, constituents, originalFiles] = await Promise.all([
		concernParts(db, user, loaded),
		constituentsFor(db, c.id, policy.identity),
		original ? listAttachments(db, 'concern', c.id) : Promise.resolve([]),
	])
	const replyFiles = await Promise.all(parts.replies.map(async (r) => ({ id: r.id, files: files(await listAttachments(db, 'concern_reply', r.id)) })))
	const office = policy.steps.includes('assign')
	const [suggested, handlingAgencies] = office ? await Promise.all([suggestedAgencies(db, c.id), listHandlingAgencies(db)]) : [[], []]
	const done = doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null
	return {
		concern: {
			id: c.id,
			version: c.version,
			title: c.title,
			state: c.state,
			district: c.district,
			community: c.community,
			categoryName: loaded.categoryName,
			filerName: loaded.filerName,
			priority: c.priority,
			difficult: c.difficult,
			shareable: c.shareable,
			submittedOn: c.submittedOn,
			assignedOn: c.assignedOn,
			replyDueOn: c.replyDueOn,
			repliedOn: c.repliedOn,
			closedOn: c.closedOn,
			closedUnrated: c.closedUnrated,
			round: c.round,
			declineReason: c.declineReason,
			returnedOn: c.returnedOn,
			returnReason: c.returnReason,
			assignmentText: c.assignedOn || office || policy.steps.includes('arrange') ? c.assignmentText : '',
		},
		description: original ? c.description : null,
		originalFiles: files(originalFiles),
		constituents,
		identity: policy.identity,
		steps: policy.steps,
		relation: { filer: loaded.relation.filer, agencyRole: loaded.relation.agencyRole },
		...parts,
		replyFiles,
		suggested: suggested.map((a) => ({ id: a.id, name: a.name })),
		handlingAgencies,
		next: nextStep(loaded.policyConcern),
		returnBy: c.assignedOn ? returnDeadline(c.assignedOn, settings) : null,
		returnDays: settings.concernReturnDays,
		opinionBy: c.replyDueOn ? opinionDueOn(c.replyDueOn) : null,
		unratedFrom: c.repliedOn ? unratedClosableOn(c.repliedOn) : null,
		today,
		done,
	}
}

export async function action(args: ActionFunctionArgs) {
	return concernAction(args)
}

export type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export default function ConcernPage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const c = page.concern
	const lastResult = (intent: Intent) => (actionData && 'intent' in actionData && actionData.intent === intent ? actionData.result : undefined)
	// A refusal whose form has left the page (someone else moved the concern meanwhile).
	const elsewhere = actionData && 'intent' in actionData && !page.steps.includes(actionData.intent)
	const refused = elsewhere && actionData.result && 'error' in actionData.result ? (actionData.result.error?.[''] ?? []) : []
	const identity = actionData && 'identity' in actionData ? actionData.identity : null
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.concerns.breadcrumbs}>
				<Link to="/concerns">{t.concerns.title}</Link> › {c.title}
			</nav>
			<div className="page-head">
				<h1>{c.title}</h1>
				<span className={`badge concern-state concern-state--${c.state}`}>{t.concerns.states[c.state]}</span>
				{c.priority ? <span className="badge badge--lead">{t.concerns.priority}</span> : null}
			</div>
			{page.done ? <Notice kind="ok">{t.concerns.done[page.done]}</Notice> : null}
			{refused.length ? <Notice kind="error">{refused.join(' ')}</Notice> : null}
			<DetailsSection page={page} identity={identity} lastResult={lastResult} />
			<OfficeSection page={page} lastResult={lastResult} />
			<HandlingSection page={page} lastResult={lastResult} />
			<RepliesSection page={page} lastResult={lastResult} />
		</>
	)
}
