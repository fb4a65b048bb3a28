import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { attempt, formReply } from '~/http/outcomes.server'
import { messagesFor, useT } from '~/i18n/i18n'
import { scheduleInquiry } from '~/models/inquiries/mutations.server'
import { loadScheduleOptions } from '~/models/inquiries/queries.server'
import { ScheduleForm } from './form'
import { scheduleProblems } from './problems'
import { scheduleSchema } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '安排询问 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	const options = await loadScheduleOptions(getDb(), shanghaiDate(new Date()))
	return {
		options: {
			...options,
			// The form shows the plan's inquiries of the years of the meetings it offers.
			planItems: options.planItems.filter((p) => options.meetings.some((m) => m.startsOn.startsWith(String(p.year)) || m.endsOn.startsWith(String(p.year)))),
		},
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const submission = parseWithZod(await readForm(args.request), { schema: scheduleSchema(t) })
	if (submission.status !== 'success') return formReply(submission)
	const value = submission.value
	const today = shanghaiDate(new Date())
	const { errors, meetingId, subject } = scheduleProblems(t, value, await loadScheduleOptions(db, today))
	if (Object.keys(errors).length || meetingId === null) return data({ result: submission.reply({ fieldErrors: errors }), message: null }, { status: 400 })
	const outcome = await attempt(t, () =>
		scheduleInquiry(db, user, {
			kind: value.kind,
			meetingId,
			reportId: subject?.type === 'report' ? subject.id : null,
			inspectionId: subject?.type === 'inspection' ? subject.id : null,
			planItemId: value.planItemId ?? null,
			topic: value.topic,
			heldOn: value.heldOn,
			withVote: value.kind === 'special' && value.withVote === true,
			clauseIds: value.clauseIds,
			respondents: value.respondents.flatMap((row) =>
				row.agencyId !== undefined && row.officialName && row.officialTitle
					? [{ agencyId: row.agencyId, officialName: row.officialName, officialTitle: row.officialTitle }]
					: [],
			),
			askerIds: value.askerIds,
			today,
		}),
	)
	if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
	return redirect(`/inquiries/${outcome.value}?done=scheduled`)
}

export default function ScheduleInquiryPage() {
	const { options } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.inquiries.breadcrumbs}>
				<Link to="/inquiries">{t.inquiries.title}</Link> › {t.inquiries.newTitle}
			</nav>
			<div className="page-head">
				<h1>{t.inquiries.newTitle}</h1>
			</div>
			<p className="muted">{t.inquiries.newIntro}</p>
			{actionData?.message ? <Notice kind="error">{actionData.message}</Notice> : null}
			{options.meetings.length === 0 ? (
				<div className="empty">
					<p>{t.inquiries.noMeetings}</p>
					<Link className="button" to="/meetings/new">
						{t.inquiries.planMeeting}
					</Link>
				</div>
			) : (
				<section className="card">
					<ScheduleForm options={options} lastResult={actionData?.result} />
				</section>
			)}
		</>
	)
}
