import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt, formReply } from '~/http/outcomes.server'
import { messagesFor, useT } from '~/i18n/i18n'
import { createMeeting } from '~/models/meetings/mutations.server'
import { MeetingForm } from './meeting-form'
import { createMeetingSchema, toMeetingInput } from './schema'
import { refineUniqueMeeting } from './unique.server'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '新建常委会会议 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	return null
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const submission = await parseWithZod(await readForm(args.request), {
		async: true,
		schema: createMeetingSchema(t).superRefine(refineUniqueMeeting(db, t)),
	})
	if (submission.status !== 'success') return formReply(submission)
	const outcome = await attempt(t, () => createMeeting(db, user, toMeetingInput(submission.value)))
	// Someone created the same meeting a moment ago: said beside the session, as the check above.
	if (!outcome.ok) return data({ result: refusedResult(submission, outcome, { 'meetings.duplicate': 'session' }), message: null }, { status: outcome.status })
	return redirect(`/meetings/${outcome.value}?done=created`)
}

export default function NewMeetingPage() {
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/meetings">{t.meetings.title}</Link> › {t.meetings.newTitle}
			</p>
			<div className="page-head">
				<h1>{t.meetings.newTitle}</h1>
			</div>
			<section className="card">
				<MeetingForm id="meeting-new" defaults={{}} lastResult={actionData?.result} submitLabel={t.meetings.create} />
			</section>
		</>
	)
}
