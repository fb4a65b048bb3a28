import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { meetingLabel } from '~/domain/meetings'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { isUniqueViolation } from '~/models/constraints.server'
import { createMeeting } from '~/models/meetings/mutations.server'
import { isMeetingTaken } from '~/models/meetings/queries.server'
import { write } from '~/models/write.server'
import { MeetingForm } from './meeting-form'
import { createMeetingSchema, toMeetingInput } from './schema'

export const meta: MetaFunction = () => [{ title: '新建常委会会议 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'oversight:manage')
	return null
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const submission = await parseWithZod(await args.request.formData(), {
		async: true,
		schema: createMeetingSchema(t).superRefine(async (value, ctx) => {
			if (await isMeetingTaken(db, value.term, value.session)) {
				ctx.addIssue({ code: 'custom', path: ['session'], message: fill(t.meetings.refusals.duplicate, { label: meetingLabel(value) }) })
			}
		}),
	})
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const input = toMeetingInput(submission.value)
	try {
		const id = await write(db, user, (tx, audit) => createMeeting(tx, audit, input))
		return redirect(`/meetings/${id}?done=created`)
	} catch (error) {
		// Someone created the same meeting a moment ago: the unique index settles it.
		if (!isUniqueViolation(error)) throw error
		const message = fill(t.meetings.refusals.duplicate, { label: meetingLabel(input) })
		return data({ result: submission.reply({ fieldErrors: { session: [message] } }) }, { status: 400 })
	}
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
