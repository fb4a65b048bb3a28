import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { commitmentPolicy } from '~/domain/commitments'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { logScope, mayReadExchange } from '~/domain/inquiries'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { respondToCommitment, verifyCommitment } from '~/models/commitments/mutations.server'
import { commitmentHistory, getReadableCommitment } from '~/models/commitments/queries.server'
import { commitmentStepSchema, isCommitmentIntent } from './schema'
import { HistoryList, StepForms } from './sections'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.commitment.text ?? ''} · 承诺事项 · 监督追踪` }]

// After a refused stale step the page shows what is stored now and carries its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

const doneKinds = ['respond', 'accept', 'reopen'] as const

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const today = shanghaiDate(new Date())
	const commitment = await getReadableCommitment(db, user, parseId(args.params.commitmentId), today)
	invariantFound(commitment)
	const policy = commitmentPolicy(user, commitment)
	// The question it was made in, where the reader may read that question (a liaison, before the
	// record is published, only those put to their own agency).
	const exchangeReadable = mayReadExchange(logScope(user, { state: commitment.inquiryState }), { agencyId: commitment.exchangeAgencyId })
	const done = doneKinds.find((kind) => kind === new URL(args.request.url).searchParams.get('done')) ?? null
	return {
		commitment: {
			id: commitment.id,
			version: commitment.version,
			text: commitment.text,
			agencyId: commitment.agencyId,
			agencyName: commitment.agencyName,
			dueOn: commitment.dueOn,
			state: commitment.state,
			overdueDays: commitment.overdueDays,
			response: commitment.response,
			reopenReason: commitment.reopenReason,
			source: commitment.source,
			sourceHref: exchangeReadable ? `/inquiries/${commitment.inquiryId}#exchange-${commitment.exchangeId}` : `/inquiries/${commitment.inquiryId}`,
			meetingLabel: commitment.meetingLabel,
			heldOn: commitment.heldOn,
		},
		history: await commitmentHistory(db, commitment),
		steps: { respond: policy.respond, accept: policy.accept, reopen: policy.reopen },
		done,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'commitments:step')
	const t = messagesFor(args.request)
	const db = getDb()
	const today = shanghaiDate(new Date())
	const commitment = await getReadableCommitment(db, user, parseId(args.params.commitmentId), today)
	invariantFound(commitment)
	const formData = await readForm(args.request)
	const intent = formData.get('intent')
	if (!isCommitmentIntent(intent)) return data({ intent: null, message: t.commitments.badRequest, result: undefined }, { status: 400 })
	const submission = parseWithZod(formData, { schema: commitmentStepSchema(t, intent) })
	if (submission.status !== 'success') return data({ intent, message: null, result: submission.reply() }, { status: 400 })
	const value = submission.value
	const outcome = await attempt(t, () =>
		value.intent === 'respond'
			? respondToCommitment(db, user, { commitmentId: commitment.id, version: value.version, response: value.response, today })
			: verifyCommitment(db, user, {
					commitmentId: commitment.id,
					version: value.version,
					decision: value.intent,
					reason: value.intent === 'reopen' ? value.reason : undefined,
					today,
				}),
	)
	if (!outcome.ok) return data({ intent, message: outcome.message, result: submission.reply() }, { status: outcome.status })
	return redirect(`/commitments/${commitment.id}?done=${intent}`)
}

export default function CommitmentPage() {
	const { commitment, history, steps, done } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.inquiries.breadcrumbs}>
				<Link to="/commitments">{t.commitments.title}</Link> › {commitment.agencyName}
			</nav>
			<div className="page-head">
				<h1>{commitment.text}</h1>
				<span className="toolbar">
					<span className={`commitment-state commitment-state--${commitment.state}`}>{t.commitments.states[commitment.state]}</span>
				</span>
			</div>
			{done ? <Notice kind="ok">{t.commitments.done[done]}</Notice> : null}
			{actionData?.message ? <Notice kind="error">{actionData.message}</Notice> : null}
			<section className="card report-section" aria-labelledby="commitment-heading">
				<h2 id="commitment-heading">{t.commitments.basics}</h2>
				<dl className="report-meta">
					<dt>{t.commitments.agency}</dt>
					<dd>
						<Link to={`/agencies/${commitment.agencyId}`}>{commitment.agencyName}</Link>
					</dd>
					<dt>{t.commitments.source}</dt>
					<dd>
						<Link to={commitment.sourceHref}>{commitment.source}</Link>
						<div className="muted small">
							{commitment.meetingLabel} · {formatChineseDate(commitment.heldOn)}
						</div>
					</dd>
					<dt>{t.commitments.due}</dt>
					<dd>
						{formatChineseDate(commitment.dueOn)}
						{commitment.overdueDays > 0 ? <span className="commitment-overdue"> {fill(t.commitments.overdueDays, { days: commitment.overdueDays })}</span> : null}
					</dd>
				</dl>
				<p className="muted small">{t.commitments.clockHint}</p>
			</section>
			<section className="card report-section" aria-labelledby="history-heading">
				<h2 id="history-heading">{t.commitments.historyTitle}</h2>
				<HistoryList history={history} />
			</section>
			<StepForms version={commitment.version} steps={steps} actionData={actionData} reopenReason={commitment.state === 'reopened' ? commitment.reopenReason : null} />
		</>
	)
}
