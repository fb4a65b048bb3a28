import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { attendanceCounts, formatMeetingDates, meetingLabel, meetingLabelEn, meetingPhase, meetingPolicy } from '~/domain/meetings'
import { attempt, type Refused } from '~/http/outcomes.server'
import { fill, messagesFor, useLang, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { addOtherItem, moveAgendaItem, removeAgendaItem, saveAttendance } from '~/models/meetings/mutations.server'
import { getMeeting, loadAttendance, type Meeting } from '~/models/meetings/queries.server'
import { agendaFor } from './queries.server'
import { addItemSchema, attendanceFieldName, itemSchema } from './schema'
import { AddItemForm, AgendaList, AttendanceForm, AttendanceSummary } from './sections'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? meetingLabel(data.meeting) : ''} · 监督追踪` }]

// After a refused move (the item is gone) the page shows the agenda as it is now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

const doneKinds = ['created', 'saved', 'itemAdded', 'itemMoved', 'itemRemoved', 'attendanceSaved'] as const

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const meeting = await getMeeting(db, parseId(args.params.meetingId))
	invariantFound(meeting)
	const policy = meetingPolicy(user)
	const attendance = policy.readAttendance ? await loadAttendance(db, meeting.id) : null
	const url = new URL(args.request.url)
	return {
		meeting: { id: meeting.id, term: meeting.term, session: meeting.session, startsOn: meeting.startsOn, endsOn: meeting.endsOn, place: meeting.place, version: meeting.version },
		phase: meetingPhase(meeting, shanghaiDate(new Date())),
		view: policy.agenda,
		agenda: await agendaFor(db, meeting.id, user),
		attendance,
		counts: attendance ? attendanceCounts(attendance.map((a) => a.status)) : null,
		canManage: policy.manage,
		done: doneKinds.find((kind) => kind === url.searchParams.get('done')) ?? null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const meeting = await getMeeting(getDb(), parseId(args.params.meetingId))
	invariantFound(meeting)
	const formData = await readForm(args.request)
	const intent = formData.get('intent')
	if (intent === 'addItem') return addItem(user, meeting, formData, t)
	if (intent === 'moveUp' || intent === 'moveDown' || intent === 'remove') return changeItem(user, meeting, formData, t)
	if (intent === 'attendance') return recordAttendance(user, meeting, formData, t)
	throw data({ message: 'Unknown intent' }, { status: 400 })
}

function done(meeting: Meeting, kind: (typeof doneKinds)[number], anchor: string) {
	return redirect(`/meetings/${meeting.id}?done=${kind}#${anchor}`)
}

// A refusal of the agenda's or the attendance's tools is said above that part of the page.
function refused(intent: 'item' | 'attendance', outcome: Refused) {
	return data({ intent, result: null, message: outcome.message }, { status: outcome.status })
}

async function addItem(user: CurrentUser, meeting: Meeting, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, { schema: addItemSchema(t) })
	if (submission.status !== 'success') {
		return data({ intent: 'addItem' as const, result: submission.reply(), message: null }, { status: 400 })
	}
	const outcome = await attempt(t, () => addOtherItem(getDb(), user, { meetingId: meeting.id, title: submission.value.title }))
	if (!outcome.ok) return data({ intent: 'addItem' as const, result: submission.reply({ formErrors: [outcome.message] }), message: null }, { status: outcome.status })
	return done(meeting, 'itemAdded', 'agenda')
}

async function changeItem(user: CurrentUser, meeting: Meeting, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, { schema: itemSchema })
	if (submission.status !== 'success') {
		return data({ intent: 'item' as const, result: null, message: t.errors.badRequest }, { status: 400 })
	}
	const { intent, itemId } = submission.value
	const input = { meetingId: meeting.id, itemId }
	const outcome = await attempt(t, async () => {
		if (intent === 'remove') await removeAgendaItem(getDb(), user, input)
		else await moveAgendaItem(getDb(), user, { ...input, direction: intent === 'moveUp' ? 'up' : 'down' })
	})
	if (!outcome.ok) return refused('item', outcome)
	return done(meeting, intent === 'remove' ? 'itemRemoved' : 'itemMoved', 'agenda')
}

// One select per expected member; a blank one means "not recorded". The mutation refuses
// anything else whole, so that a tampered form changes nothing.
async function recordAttendance(user: CurrentUser, meeting: Meeting, formData: FormData, t: Messages) {
	const expected = await loadAttendance(getDb(), meeting.id)
	const entries = expected.map((person) => {
		const value = formData.get(attendanceFieldName(person.userId)) ?? ''
		return { userId: person.userId, status: value === '' ? null : String(value) }
	})
	const outcome = await attempt(t, () => saveAttendance(getDb(), user, { meetingId: meeting.id, entries }))
	if (!outcome.ok) return refused('attendance', outcome)
	return done(meeting, 'attendanceSaved', 'attendance')
}

export default function MeetingPage() {
	const { meeting, phase, view, agenda, attendance, counts, canManage, done } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const lang = useLang()
	const notices = {
		created: t.meetings.created,
		saved: t.meetings.saved,
		itemAdded: t.meetings.itemAdded,
		itemMoved: t.meetings.itemMoved,
		itemRemoved: t.meetings.itemRemoved,
		attendanceSaved: t.meetings.attendanceSaved,
	}
	const label = lang === 'en' ? meetingLabelEn(meeting) : meetingLabel(meeting)
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/meetings">{t.meetings.title}</Link> › {label}
			</p>
			<div className="page-head">
				<h1>
					{label} {phase === 'past' ? null : <span className={`badge meeting-phase meeting-phase--${phase}`}>{t.meetings.phases[phase]}</span>}
				</h1>
				{canManage ? (
					<Link className="button button--secondary button--small" to={`/meetings/${meeting.id}/edit`}>
						{t.meetings.edit}
					</Link>
				) : null}
			</div>
			{done ? <Notice kind="ok">{notices[done]}</Notice> : null}
			<dl className="task-meta meeting-meta">
				<dt>{t.meetings.dates}</dt>
				<dd>{formatMeetingDates(meeting, lang)}</dd>
				<dt>{t.meetings.place}</dt>
				<dd>{meeting.place || <span className="muted">{t.meetings.placeNone}</span>}</dd>
			</dl>
			<section className="card" id="agenda" aria-labelledby="agenda-heading">
				<h2 id="agenda-heading" style={{ marginTop: 0 }}>
					{t.meetings.agenda}
				</h2>
				{actionData?.intent === 'item' && actionData.message ? <Notice kind="error">{actionData.message}</Notice> : null}
				<AgendaList items={agenda} canManage={canManage} />
				{agenda.length === 0 ? <p className="empty">{canManage ? t.meetings.agendaEmptyManage : t.meetings.agendaEmpty}</p> : null}
				{view === 'member' && agenda.some((item) => item.access === 'not_distributed') ? <p className="muted small">{t.meetings.papersHint}</p> : null}
				{view === 'titles' ? <p className="muted small">{t.meetings.titlesOnly}</p> : null}
				{canManage ? <AddItemForm lastResult={actionData?.intent === 'addItem' ? actionData.result : undefined} /> : null}
			</section>
			{attendance && counts ? (
				<section className="card" id="attendance" aria-labelledby="attendance-heading">
					<h2 id="attendance-heading" style={{ marginTop: 0 }}>
						{t.meetings.attendance}
					</h2>
					{actionData?.intent === 'attendance' && actionData.message ? <Notice kind="error">{actionData.message}</Notice> : null}
					<p>{fill(t.meetings.attendanceCounts, counts)}</p>
					{canManage ? <AttendanceForm key={`attendance-${done}`} people={attendance} /> : <AttendanceSummary people={attendance} />}
				</section>
			) : null}
			{canManage ? (
				<p>
					<Link to={`/audit?entityType=meeting&entityId=${meeting.id}`}>{t.meetings.history}</Link>
				</p>
			) : null}
		</>
	)
}
