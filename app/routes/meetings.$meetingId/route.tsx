import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getDb } from '#db/client.server'
import type { AttendanceStatus } from '~/domain/meetings'
import { invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { Notice } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import {
	agendaView,
	attendanceCounts,
	attendanceStatuses,
	formatMeetingDates,
	meetingLabel,
	meetingLabelEn,
	meetingPhase,
	moveInOrder,
} from '~/domain/meetings'
import { fill, messagesFor, useLang, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { addAgendaItem, moveAgendaItem, removeAgendaItem, saveAttendance } from '~/models/meetings/mutations.server'
import { getMeeting, listAgenda, loadAttendance, type Meeting } from '~/models/meetings/queries.server'
import { isStaleRecord, write } from '~/models/write.server'
import { agendaFor } from './queries.server'
import { addItemSchema, attendanceFieldName, itemSchema } from './schema'
import { AddItemForm, AgendaList, AttendanceForm, AttendanceSummary } from './sections'

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
	const view = agendaView(user.role)
	// Attendance is the committee's own record: members, the secretariat and admin see it.
	const attendance = can(user.role, 'plan:read') ? await loadAttendance(db, meeting.id) : null
	const url = new URL(args.request.url)
	return {
		meeting: { id: meeting.id, term: meeting.term, session: meeting.session, startsOn: meeting.startsOn, endsOn: meeting.endsOn, place: meeting.place, version: meeting.version },
		phase: meetingPhase(meeting, shanghaiDate(new Date())),
		view,
		agenda: await agendaFor(db, meeting.id, view),
		attendance,
		counts: attendance ? attendanceCounts(attendance.map((a) => a.status)) : null,
		canManage: can(user.role, 'oversight:manage'),
		done: doneKinds.find((kind) => kind === url.searchParams.get('done')) ?? null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'oversight:manage')
	const t = messagesFor(args.request)
	const meeting = await getMeeting(getDb(), parseId(args.params.meetingId))
	invariantFound(meeting)
	const formData = await args.request.formData()
	const intent = formData.get('intent')
	if (intent === 'addItem') return addItem(user, meeting, formData, t)
	if (intent === 'moveUp' || intent === 'moveDown' || intent === 'remove') return changeItem(user, meeting, formData, t)
	if (intent === 'attendance') return recordAttendance(user, meeting, formData, t)
	throw data({ message: 'Unknown intent' }, { status: 400 })
}

function done(meeting: Meeting, kind: (typeof doneKinds)[number], anchor: string) {
	return redirect(`/meetings/${meeting.id}?done=${kind}#${anchor}`)
}

async function addItem(user: CurrentUser, meeting: Meeting, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, { schema: addItemSchema(t) })
	if (submission.status !== 'success') {
		return data({ intent: 'addItem' as const, result: submission.reply(), message: null }, { status: 400 })
	}
	const { title } = submission.value
	await write(getDb(), user, (tx, audit) => addAgendaItem(tx, audit, meeting.id, { kind: 'other', title }))
	return done(meeting, 'itemAdded', 'agenda')
}

async function changeItem(user: CurrentUser, meeting: Meeting, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, { schema: itemSchema })
	if (submission.status !== 'success') {
		return data({ intent: 'item' as const, result: null, message: t.errors.badRequest }, { status: 400 })
	}
	const { intent, itemId } = submission.value
	const gone = () => data({ intent: 'item' as const, result: null, message: t.meetings.refusals.itemGone }, { status: 409 })
	const ids = (await listAgenda(getDb(), meeting.id)).map((item) => item.id)
	if (!ids.includes(itemId)) return gone()
	// The first item moved up, or the last down, stays where it is: nothing to write.
	const direction = intent === 'moveUp' ? 'up' : 'down'
	if (intent !== 'remove' && moveInOrder(ids, itemId, direction).every((id, index) => id === ids[index])) {
		return done(meeting, 'itemMoved', 'agenda')
	}
	try {
		await write(getDb(), user, (tx, audit) =>
			intent === 'remove'
				? removeAgendaItem(tx, audit, meeting.id, itemId)
				: moveAgendaItem(tx, audit, meeting.id, itemId, direction),
		)
	} catch (error) {
		if (isStaleRecord(error)) return gone()
		throw error
	}
	return done(meeting, intent === 'remove' ? 'itemRemoved' : 'itemMoved', 'agenda')
}

// One select per expected member; a blank one means "not recorded". Anything else is refused
// whole, so that a tampered form changes nothing.
async function recordAttendance(user: CurrentUser, meeting: Meeting, formData: FormData, t: Messages) {
	const expected = await loadAttendance(getDb(), meeting.id)
	const entries: Array<{ userId: number; status: AttendanceStatus | null }> = []
	for (const person of expected) {
		const value = formData.get(attendanceFieldName(person.userId)) ?? ''
		if (value === '') entries.push({ userId: person.userId, status: null })
		else if ((attendanceStatuses as ReadonlyArray<unknown>).includes(value)) entries.push({ userId: person.userId, status: value as AttendanceStatus })
		else return data({ intent: 'attendance' as const, result: null, message: t.meetings.refusals.attendanceInvalid }, { status: 400 })
	}
	await write(getDb(), user, (tx, audit) => saveAttendance(tx, audit, meeting.id, entries))
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
