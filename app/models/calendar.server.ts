import { and, asc, gte, lte } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { meetings } from '#db/schema'
import type { Role } from '~/domain/roles'
import { compareEvents, feedRange, meetingsOnCalendar } from '~/domain/calendar'
import { shanghaiDate, type IsoDate } from '~/domain/dates'
import { buildCalendar, type CalendarEvent } from '~/domain/icalendar'
import { meetingLabel } from '~/domain/meetings'
import type { InquiryKind } from '~/domain/inquiries'
import { listInquiriesForCalendar } from './inquiries/queries.server'
import { listVisitsForCalendar } from './visits/queries.server'

// Whose events are on whose calendar ("everyone sees their own"):
// - secretariat and admin: every meeting and every visit;
// - members: every meeting, and the visits they take part in;
// - deputies: the visits they take part in (they are not members of the standing committee);
// - agency liaisons: the visits to their own agency that are not unannounced (暗访 stay hidden
//   from the visited agency here as everywhere), and no meetings;
// - inquiry sessions (询问, 专题询问) as their read rule says: the office and members all, an
//   agency those it answers at, deputies the published ones.
// The rule is meetingsOnCalendar and calendarVisitScope (app/domain/calendar.ts), the visits'
// in the WHERE clause of listVisitsForCalendar. The page, /calendar.ics and the secret feed all
// read this one function.

export type CalendarUser = { id: number; role: Role; agencyId: number | null }
export type DateRange = { from: IsoDate; to: IsoDate }

export type CalendarItem = CalendarEvent & {
	kind: 'meeting' | 'visit' | 'inquiry'
	id: number
	link: string
	// What the page shows in the reader's language: the meeting's term and session, or the
	// inspection's title (CalendarEvent.title is the Chinese title the feeds carry).
	meeting: { term: number; session: number } | null
	inspectionTitle: string | null
	inquiry: { kind: InquiryKind; topic: string } | null
	unannounced: boolean
}

export function visitPlace(visit: { place: string; district: string | null }): string {
	if (!visit.district || visit.place.includes(visit.district)) return visit.place
	return visit.place ? `${visit.district}，${visit.place}` : visit.district
}

async function meetingItems(db: Database, range: DateRange): Promise<Array<CalendarItem>> {
	const rows = await db
		.select({ id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn, place: meetings.place })
		.from(meetings)
		.where(and(lte(meetings.startsOn, range.to), gte(meetings.endsOn, range.from)))
		.orderBy(asc(meetings.startsOn), asc(meetings.id))
	return rows.map((m) => ({
		kind: 'meeting',
		id: m.id,
		uid: `meeting-${m.id}@oversight`,
		title: meetingLabel(m),
		startsOn: m.startsOn,
		endsOn: m.endsOn,
		startTime: null,
		endTime: null,
		place: m.place,
		link: `/meetings/${m.id}`,
		meeting: { term: m.term, session: m.session },
		inspectionTitle: null,
		inquiry: null,
		unannounced: false,
	}))
}

async function visitItems(db: Database, user: CalendarUser, range: DateRange): Promise<Array<CalendarItem>> {
	const rows = await listVisitsForCalendar(db, user, range)
	return rows.map((v) => ({
		kind: 'visit',
		id: v.id,
		uid: `visit-${v.id}@oversight`,
		title: `执法检查：${v.inspectionTitle}`,
		startsOn: v.on,
		endsOn: v.on,
		startTime: v.startTime,
		endTime: v.endTime,
		place: visitPlace(v),
		link: `/inspections/${v.inspectionId}`,
		meeting: null,
		inspectionTitle: v.inspectionTitle,
		inquiry: null,
		unannounced: v.unannounced,
	}))
}

async function inquiryItems(db: Database, user: CalendarUser, range: DateRange): Promise<Array<CalendarItem>> {
	const rows = await listInquiriesForCalendar(db, user, range)
	return rows.map((i) => ({
		kind: 'inquiry',
		id: i.id,
		uid: `inquiry-${i.id}@oversight`,
		title: `${i.kind === 'special' ? '专题询问' : '询问'}：${i.topic}`,
		startsOn: i.heldOn,
		endsOn: i.heldOn,
		startTime: null,
		endTime: null,
		place: i.place,
		link: `/inquiries/${i.id}`,
		meeting: null,
		inspectionTitle: null,
		inquiry: { kind: i.kind, topic: i.topic },
		unannounced: false,
	}))
}

// On the same day and time: the meeting first, then what happens at or beside it.
const kindOrder = { meeting: 0, inquiry: 1, visit: 2 } as const

// The user's meetings, visits and inquiry sessions that touch [from, to], in date and time order.
export async function calendarEventsFor(db: Database, user: CalendarUser, range: DateRange): Promise<Array<CalendarItem>> {
	const items = [...(meetingsOnCalendar(user) ? await meetingItems(db, range) : []), ...(await visitItems(db, user, range)), ...(await inquiryItems(db, user, range))]
	return items.sort((a, b) => compareEvents(a, b) || kindOrder[a.kind] - kindOrder[b.kind] || a.id - b.id)
}

// The user's iCalendar text (/calendar.ics and the secret feed give the same): the recent past
// and the year ahead, title, time and place only.
export async function calendarFileFor(db: Database, user: CalendarUser, now: Date): Promise<string> {
	const events = await calendarEventsFor(db, user, feedRange(shanghaiDate(now)))
	const bare: Array<CalendarEvent> = events.map(({ uid, title, startsOn, endsOn, startTime, endTime, place }) => ({ uid, title, startsOn, endsOn, startTime, endTime, place }))
	return buildCalendar('监督追踪日程', bare, now)
}

export const calendarContentType = 'text/calendar; charset=utf-8'
