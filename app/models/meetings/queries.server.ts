import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agendaItems, meetingAttendance, meetings, users } from '#db/schema'
import { meetingLabel } from '~/domain/meetings'
import type { IsoDate } from '~/domain/dates'

// Standing committee meetings, read: the meetings themselves, their ordered agenda and who is
// expected to attend.

export type Meeting = typeof meetings.$inferSelect

export async function getMeeting(db: Database, id: number): Promise<Meeting | null> {
	const [meeting] = await db.select().from(meetings).where(eq(meetings.id, id))
	return meeting ?? null
}

// For selects: newest first, named 第N届人大常委会第N次会议.
export async function listMeetingOptions(
	db: Database,
): Promise<Array<{ id: number; label: string; startsOn: string; endsOn: string }>> {
	const rows = await db
		.select({ id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn })
		.from(meetings)
		.orderBy(desc(meetings.startsOn), desc(meetings.term), desc(meetings.session), desc(meetings.id))
	return rows.map((m) => ({ id: m.id, label: meetingLabel(m), startsOn: m.startsOn, endsOn: m.endsOn }))
}

// Meetings not yet over on `today` (in session included), the soonest first: for the to-do list
// and the meetings page.
export async function listUpcomingMeetings(db: Database, today: IsoDate, limit?: number) {
	const query = db
		.select()
		.from(meetings)
		.where(gte(meetings.endsOn, today))
		.orderBy(asc(meetings.startsOn), asc(meetings.term), asc(meetings.session), asc(meetings.id))
	const rows = limit ? await query.limit(limit) : await query
	return rows.map((m) => ({ ...m, label: meetingLabel(m) }))
}

export async function listPastMeetings(db: Database, today: IsoDate) {
	const rows = await db
		.select()
		.from(meetings)
		.where(lt(meetings.endsOn, today))
		.orderBy(desc(meetings.startsOn), desc(meetings.term), desc(meetings.session), desc(meetings.id))
	return rows.map((m) => ({ ...m, label: meetingLabel(m) }))
}

// How many agenda items each meeting has, counted in SQL.
export async function countAgendaItems(db: Database, meetingIds: Array<number>) {
	if (meetingIds.length === 0) return new Map<number, number>()
	const rows = await db
		.select({ meetingId: agendaItems.meetingId, count: sql<number>`count(*)`.mapWith(Number) })
		.from(agendaItems)
		.where(inArray(agendaItems.meetingId, meetingIds))
		.groupBy(agendaItems.meetingId)
	return new Map(rows.map((r) => [r.meetingId, r.count]))
}

export type AgendaItem = typeof agendaItems.$inferSelect

export function listAgenda(db: Database, meetingId: number): Promise<Array<AgendaItem>> {
	return db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position), asc(agendaItems.id))
}

// 第N届 + 第N次会议 are unique together (a unique index); forms check first to answer with a
// field error, and the index settles a race.
export async function isMeetingTaken(db: Database, term: number, session: number, exceptId?: number) {
	const rows = await db
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(eq(meetings.term, term), eq(meetings.session, session)))
	return rows.some((row) => row.id !== exceptId)
}

// Who is expected: the active members, and anyone recorded before (a member who has since left
// keeps their record).
export async function loadAttendance(db: Database, meetingId: number) {
	const recorded = await db
		.select({ userId: meetingAttendance.userId, status: meetingAttendance.status })
		.from(meetingAttendance)
		.where(eq(meetingAttendance.meetingId, meetingId))
	const statusOf = new Map(recorded.map((r) => [r.userId, r.status]))
	const people = await db
		.select({ id: users.id, realName: users.realName, position: users.position, disabled: users.disabled, role: users.role })
		.from(users)
		.where(
			recorded.length
				? sql`(${users.role} = 'member' and ${users.disabled} = false) or ${inArray(users.id, [...statusOf.keys()])}`
				: and(eq(users.role, 'member'), eq(users.disabled, false)),
		)
		.orderBy(asc(users.id))
	return people.map((p) => ({ userId: p.id, realName: p.realName, position: p.position, status: statusOf.get(p.id) ?? null }))
}
