import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { meetingLabel, meetingLabelEn } from '~/domain/meetings'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt, formReply } from '~/http/outcomes.server'
import { fill, messagesFor, useLang, useT } from '~/i18n/i18n'
import { updateMeeting } from '~/models/meetings/mutations.server'
import { getMeeting } from '~/models/meetings/queries.server'
import { MeetingForm } from '../meetings.new/meeting-form'
import { toMeetingInput, updateMeetingSchema } from '../meetings.new/schema'
import { refineUniqueMeeting } from '../meetings.new/unique.server'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data ? meetingLabel(data.meeting) : ''} · 编辑会议信息 · 监督追踪` },
]

// After a refused stale edit the page shows what is stored now, with its version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	const meeting = await getMeeting(getDb(), parseId(args.params.meetingId))
	invariantFound(meeting)
	return { meeting }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const meeting = await getMeeting(db, parseId(args.params.meetingId))
	invariantFound(meeting)
	const submission = await parseWithZod(await readForm(args.request), {
		async: true,
		schema: updateMeetingSchema(t).superRefine(refineUniqueMeeting(db, t, meeting.id)),
	})
	if (submission.status !== 'success') return formReply(submission)
	const { version } = submission.value
	const outcome = await attempt(t, () => updateMeeting(db, user, { meetingId: meeting.id, version, ...toMeetingInput(submission.value) }))
	if (!outcome.ok) return data({ result: refusedResult(submission, outcome, { 'meetings.duplicate': 'session' }), message: null }, { status: outcome.status })
	return redirect(`/meetings/${meeting.id}?done=saved`)
}

export default function EditMeetingPage() {
	const { meeting } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const lang = useLang()
	const label = lang === 'en' ? meetingLabelEn(meeting) : meetingLabel(meeting)
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/meetings">{t.meetings.title}</Link> › <Link to={`/meetings/${meeting.id}`}>{label}</Link> › {t.meetings.editTitle}
			</p>
			<div className="page-head">
				<h1>{t.meetings.editTitle}</h1>
				<span className="muted small">{fill(t.meetings.version, { n: meeting.version })}</span>
			</div>
			<section className="card">
				<MeetingForm
					key={`meeting-${meeting.id}-${meeting.version}`}
					id={`meeting-${meeting.id}`}
					defaults={meeting}
					lastResult={actionData?.result}
					version={meeting.version}
					submitLabel={t.meetings.save}
				/>
			</section>
			<p>
				<Link to={`/audit?entityType=meeting&entityId=${meeting.id}`}>{t.meetings.history}</Link>
			</p>
		</>
	)
}
