import { and, asc, eq, gte, inArray, lt, lte, notExists, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import {
	agencies,
	ballotParticipation,
	deliberationOpinions,
	deliberations,
	meetingAttendance,
	meetings,
	reports,
	type Role,
} from '#db/schema'
import { addDays, formatChineseDate, type IsoDate } from '~/domain/dates'
import { meetingLabel } from '~/domain/meetings'
import { mayReadDeliberation } from '~/domain/deliberation'
import { mayReadReport, reportDeadlines, type ReportState } from '~/domain/reports'
import type { Settings } from '~/domain/settings'
import { compareTodo, splitTodo, todoItem, type TodoItem, type TodoLists } from '~/domain/todo'
import { deliberationHref, meetingHref, reportHref, reportsReadableBy } from './timeline.server'
import { findingTodos } from './findings.server'

// The to-do list's providers: one per kind of record, each answering "what does this user have
// to do about my records?" with queries scoped to the user in their WHERE clause (an agency
// liaison: their agency's records only; a member: their own opinions, ballots, attendance). A
// later kind of record (inspections, inquiries, concerns…) appends its provider to
// `todoProviders` without touching the others.

export type TodoUser = { id: number; role: Role; agencyId: number | null }

export type TodoProvider = (db: Database, user: TodoUser, today: IsoDate, settings: Settings) => Promise<Array<TodoItem>>

function reportTitle(row: { title: string; topic: string }) {
	return row.title.trim() || row.topic
}

const reportColumns = {
	id: reports.id,
	title: reports.title,
	topic: reports.topic,
	state: reports.state,
	startsOn: meetings.startsOn,
	term: meetings.term,
	session: meetings.session,
	preparingName: agencies.shortName,
}

// Special work reports: the preparing agency drafts and revises; the office collects opinions,
// distributes, and opens the deliberation once the meeting has begun.
export const reportTodos: TodoProvider = async (db, user, today, settings) => {
	if (user.role === 'agency') {
		if (!user.agencyId) return []
		const rows = await db
			.select(reportColumns)
			.from(reports)
			.innerJoin(meetings, eq(meetings.id, reports.meetingId))
			.innerJoin(agencies, eq(agencies.id, reports.preparingAgencyId))
			.where(
				and(
					eq(reports.preparingAgencyId, user.agencyId),
					inArray(reports.state, ['scheduled', 'draft_submitted', 'opinions_sent'] satisfies Array<ReportState>),
				),
			)
			.orderBy(asc(meetings.startsOn), asc(reports.id))
		return rows.map((row) => {
			const due = reportDeadlines(row.startsOn, settings)
			const base = { kind: 'report', title: reportTitle(row), href: reportHref(row.id), detail: meetingLabel(row) }
			if (row.state === 'scheduled') return todoItem({ ...base, action: 'draft', due: due.draft, actionable: true }, today)
			// With the draft at the office, the revised report's date is one to keep in view.
			return todoItem({ ...base, action: 'revise', due: due.revised, actionable: row.state === 'opinions_sent' }, today)
		})
	}
	if (user.role !== 'secretariat') return []
	const rows = await db
		.select(reportColumns)
		.from(reports)
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.innerJoin(agencies, eq(agencies.id, reports.preparingAgencyId))
		.where(
			or(
				inArray(reports.state, ['draft_submitted', 'revised_submitted'] satisfies Array<ReportState>),
				and(
					eq(reports.state, 'distributed'),
					lte(meetings.startsOn, today),
					notExists(
						db
							.select({ one: sql`1` })
							.from(deliberations)
							.where(and(eq(deliberations.subjectType, 'report'), eq(deliberations.subjectId, reports.id))),
					),
				),
			),
		)
		.orderBy(asc(meetings.startsOn), asc(reports.id))
	return rows.map((row) => {
		const due = reportDeadlines(row.startsOn, settings)
		const base = {
			kind: 'report',
			title: reportTitle(row),
			href: reportHref(row.id),
			detail: `${row.preparingName} · ${meetingLabel(row)}`,
			actionable: true,
		}
		// The opinions must reach the organ in time for the revised report (Art. 14–15).
		if (row.state === 'draft_submitted') return todoItem({ ...base, action: 'collect', due: due.revised }, today)
		if (row.state === 'revised_submitted') return todoItem({ ...base, action: 'distribute', due: due.distribution }, today)
		return todoItem({ ...base, action: 'open', due: row.startsOn }, today)
	})
}

const deliberationColumns = {
	id: deliberations.id,
	title: deliberations.title,
	state: deliberations.state,
	handlingDueOn: deliberations.handlingDueOn,
	handlingReturnReason: deliberations.handlingReturnReason,
	term: meetings.term,
	session: meetings.session,
	endsOn: meetings.endsOn,
}

function meetingOf(row: { term: number | null; session: number | null }) {
	return row.term !== null && row.session !== null ? meetingLabel({ term: row.term, session: row.session }) : undefined
}

// Deliberation: members give opinions and vote; the responding agency answers the letter; the
// office closes the vote, sends the letter and checks the handling report.
export const deliberationTodos: TodoProvider = async (db, user, today) => {
	if (user.role === 'member') {
		const wroteOpinion = db
			.select({ one: sql`1` })
			.from(deliberationOpinions)
			.where(and(eq(deliberationOpinions.deliberationId, deliberations.id), eq(deliberationOpinions.memberId, user.id)))
		const voted = db
			.select({ one: sql`1` })
			.from(ballotParticipation)
			.where(and(eq(ballotParticipation.deliberationId, deliberations.id), eq(ballotParticipation.memberId, user.id)))
		const rows = await db
			.select({
				...deliberationColumns,
				wroteOpinion: sql<boolean>`exists (${wroteOpinion})`,
				voted: sql<boolean>`exists (${voted})`,
				tallyEntered: sql<boolean>`${deliberations.tally} is not null`,
			})
			.from(deliberations)
			.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
			.where(eq(deliberations.state, 'open'))
			.orderBy(asc(deliberations.id))
		return rows.flatMap((row) => {
			const base = { kind: 'deliberation', title: row.title, href: deliberationHref(row.id), due: null, actionable: true, detail: meetingOf(row) }
			const items: Array<TodoItem> = []
			if (!row.wroteOpinion) items.push(todoItem({ ...base, action: 'opinion' }, today))
			if (!row.voted && !row.tallyEntered) items.push(todoItem({ ...base, action: 'vote' }, today))
			return items
		})
	}
	if (user.role === 'agency') {
		if (!user.agencyId) return []
		const rows = await db
			.select(deliberationColumns)
			.from(deliberations)
			.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
			.where(and(eq(deliberations.respondingAgencyId, user.agencyId), eq(deliberations.state, 'letter_sent')))
			.orderBy(asc(deliberations.handlingDueOn), asc(deliberations.id))
		return rows.map((row) =>
			todoItem(
				{
					kind: 'deliberation',
					action: row.handlingReturnReason ? 'resubmit' : 'answer',
					title: row.title,
					href: deliberationHref(row.id),
					due: row.handlingDueOn,
					actionable: true,
					detail: row.handlingReturnReason ?? meetingOf(row),
				},
				today,
			),
		)
	}
	if (user.role !== 'secretariat') return []
	const rows = await db
		.select({ ...deliberationColumns, respondingName: agencies.shortName })
		.from(deliberations)
		.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
		.innerJoin(agencies, eq(agencies.id, deliberations.respondingAgencyId))
		.where(
			or(
				and(eq(deliberations.state, 'open'), lt(meetings.endsOn, today)),
				inArray(deliberations.state, ['vote_closed', 'handling_submitted']),
			),
		)
		.orderBy(asc(deliberations.id))
	return rows.map((row) => {
		const base = { kind: 'deliberation', title: row.title, href: deliberationHref(row.id), due: null, actionable: true }
		if (row.state === 'open') return todoItem({ ...base, action: 'close', detail: meetingOf(row) }, today)
		if (row.state === 'vote_closed') return todoItem({ ...base, action: 'send', detail: row.respondingName }, today)
		return todoItem({ ...base, action: 'check', detail: row.respondingName }, today)
	})
}

// Meetings: a member keeps the coming sessions in view (unless on leave for one).
export const meetingTodos: TodoProvider = async (db, user, today, settings) => {
	if (user.role !== 'member') return []
	const excused = db
		.select({ one: sql`1` })
		.from(meetingAttendance)
		.where(
			and(
				eq(meetingAttendance.meetingId, meetings.id),
				eq(meetingAttendance.userId, user.id),
				inArray(meetingAttendance.status, ['leave', 'absent']),
			),
		)
	const rows = await db
		.select()
		.from(meetings)
		.where(and(gte(meetings.endsOn, today), lte(meetings.startsOn, addDays(today, settings.todoHorizonDays)), notExists(excused)))
		.orderBy(asc(meetings.startsOn), asc(meetings.id))
	return rows.map((row) => {
		const dates =
			row.startsOn === row.endsOn
				? formatChineseDate(row.startsOn)
				: `${formatChineseDate(row.startsOn)}—${formatChineseDate(row.endsOn)}`
		return todoItem(
			{
				kind: 'meeting',
				action: 'attend',
				title: meetingLabel(row),
				href: meetingHref(row.id),
				// A session already under way is kept in view until its last day, not shown as late.
				due: row.startsOn < today ? today : row.startsOn,
				actionable: false,
				detail: row.place ? `${dates} · ${row.place}` : dates,
			},
			today,
		)
	})
}

export const todoProviders: Array<TodoProvider> = [reportTodos, deliberationTodos, meetingTodos, findingTodos]

export async function loadTodo(
	db: Database,
	user: TodoUser,
	today: IsoDate,
	settings: Settings,
	providers: ReadonlyArray<TodoProvider> = todoProviders,
): Promise<TodoLists> {
	const lists = await Promise.all(providers.map((provide) => provide(db, user, today, settings)))
	return splitTodo(lists.flat(), today, settings.todoHorizonDays)
}

// The agency page's open items: the agency's reports to draft or revise and its handling
// reports due, each only where the viewer may read the record (another agency's liaison sees
// none; a member sees no undistributed report). Overdue first.
export async function listAgencyOpenItems(
	db: Database,
	viewer: TodoUser,
	agencyId: number,
	today: IsoDate,
	settings: Settings,
): Promise<Array<TodoItem>> {
	const reportRows = await db
		.select({ ...reportColumns, organId: reports.organId, preparingAgencyId: reports.preparingAgencyId })
		.from(reports)
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.innerJoin(agencies, eq(agencies.id, reports.preparingAgencyId))
		.where(
			and(
				eq(reports.preparingAgencyId, agencyId),
				inArray(reports.state, ['scheduled', 'opinions_sent'] satisfies Array<ReportState>),
				reportsReadableBy(viewer),
			),
		)
	const reportItems = reportRows
		.filter((row) => mayReadReport(viewer, row))
		.map((row) => {
			const due = reportDeadlines(row.startsOn, settings)
			const scheduled = row.state === 'scheduled'
			return todoItem(
				{
					kind: 'report',
					action: scheduled ? 'draft' : 'revise',
					title: reportTitle(row),
					href: reportHref(row.id),
					due: scheduled ? due.draft : due.revised,
					actionable: true,
					detail: meetingLabel(row),
				},
				today,
			)
		})
	const mayAnswerScope = viewer.role !== 'agency' || viewer.agencyId === agencyId
	const letterRows = mayAnswerScope
		? await db
				.select({ ...deliberationColumns, organId: deliberations.organId, respondingAgencyId: deliberations.respondingAgencyId })
				.from(deliberations)
				.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
				.where(and(eq(deliberations.respondingAgencyId, agencyId), eq(deliberations.state, 'letter_sent')))
		: []
	const letterItems = letterRows
		.filter((row) => mayReadDeliberation(viewer, row))
		.map((row) =>
			todoItem(
				{
					kind: 'deliberation',
					action: row.handlingReturnReason ? 'resubmit' : 'answer',
					title: row.title,
					href: deliberationHref(row.id),
					due: row.handlingDueOn,
					actionable: true,
					detail: row.handlingReturnReason ?? meetingOf(row),
				},
				today,
			),
		)
	return [...reportItems, ...letterItems].sort(compareTodo)
}
