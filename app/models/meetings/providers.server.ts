import { and, asc, eq, gte, inArray, lte, notExists, sql } from 'drizzle-orm'
import { meetingAttendance, meetings } from '#db/schema'
import { addDays, formatChineseDate } from '~/domain/dates'
import { meetingHref } from '~/domain/links'
import { meetingLabel } from '~/domain/meetings'
import { todoItem } from '~/domain/todo'
import type { TodoProvider } from '../providers.server'

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

