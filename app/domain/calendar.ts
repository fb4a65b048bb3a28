import { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from './dates'
import { isOffice, type Role } from './roles'

// The calendar page's arithmetic: weeks run Monday to Sunday (as Chinese calendars print them),
// a month view shows whole weeks, events spanning several days (a meeting session) appear on
// each of their days. Every date is an Asia/Shanghai calendar date; `today` is an argument.

export type CalendarView = 'month' | 'week'

// 1 = Monday … 7 = Sunday.
export function isoWeekday(date: IsoDate): number {
	const [y, m, d] = date.split('-').map(Number)
	const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
	return day === 0 ? 7 : day
}

export function mondayOf(date: IsoDate): IsoDate {
	return addDays(date, 1 - isoWeekday(date))
}

export function firstOfMonth(date: IsoDate): IsoDate {
	return `${date.slice(0, 7)}-01`
}

export function lastOfMonth(date: IsoDate): IsoDate {
	return addDays(addMonths(firstOfMonth(date), 1), -1)
}

export function weekDates(date: IsoDate): Array<IsoDate> {
	const monday = mondayOf(date)
	return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

export type GridDay = { date: IsoDate; inMonth: boolean }

// The month as whole Monday-first weeks: from the Monday on or before the 1st to the Sunday on
// or after the last day (4 to 6 weeks).
export function monthGrid(date: IsoDate): Array<Array<GridDay>> {
	const first = firstOfMonth(date)
	const last = lastOfMonth(date)
	const month = first.slice(0, 7)
	const weeks: Array<Array<GridDay>> = []
	for (let monday = mondayOf(first); daysBetween(monday, last) >= 0; monday = addDays(monday, 7)) {
		weeks.push(weekDates(monday).map((day) => ({ date: day, inMonth: day.startsWith(month) })))
	}
	return weeks
}

// The dates a view shows, first and last included: what the page asks the database for.
export function viewRange(view: CalendarView, date: IsoDate): { from: IsoDate; to: IsoDate } {
	if (view === 'week') {
		const days = weekDates(date)
		return { from: days[0], to: days[6] }
	}
	const weeks = monthGrid(date)
	return { from: weeks[0][0].date, to: weeks[weeks.length - 1][6].date }
}

// ?view=week&date=YYYY-MM-DD; anything missing or malformed falls back to the month of today.
export function parseCalendarQuery(params: URLSearchParams, today: IsoDate): { view: CalendarView; date: IsoDate } {
	const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month'
	const asked = params.get('date') ?? ''
	const date = isIsoDate(asked) && asked >= '2000-01-01' && asked <= '2099-12-31' ? asked : today
	return { view, date }
}

export type CalendarNavigation = { previous: IsoDate; next: IsoDate; current: IsoDate }

// Where 上个月/下个月/本月 (上一周/下一周/本周) lead.
export function calendarNavigation(view: CalendarView, date: IsoDate, today: IsoDate): CalendarNavigation {
	if (view === 'week') {
		const monday = mondayOf(date)
		return { previous: addDays(monday, -7), next: addDays(monday, 7), current: mondayOf(today) }
	}
	const first = firstOfMonth(date)
	return { previous: addMonths(first, -1), next: addMonths(first, 1), current: firstOfMonth(today) }
}

export function calendarHref(view: CalendarView, date: IsoDate): string {
	return view === 'week' ? `/calendar?view=week&date=${date}` : `/calendar?date=${date}`
}

export type DatedEvent = {
	startsOn: IsoDate
	endsOn: IsoDate
	startTime: string | null
	endTime: string | null
}

// All-day events first, then by start time; stable otherwise.
export function compareEvents(a: DatedEvent, b: DatedEvent): number {
	if (a.startsOn !== b.startsOn) return a.startsOn < b.startsOn ? -1 : 1
	const aTime = a.startTime ?? ''
	const bTime = b.startTime ?? ''
	if (aTime !== bTime) return aTime < bTime ? -1 : 1
	return 0
}

// Each day of `days` with the events on it; an event over several days is on each of them.
export function eventsByDay<T extends DatedEvent>(days: ReadonlyArray<IsoDate>, events: ReadonlyArray<T>): Map<IsoDate, Array<T>> {
	const byDay = new Map<IsoDate, Array<T>>(days.map((day) => [day, []]))
	const sorted = [...events].sort(compareEvents)
	for (const event of sorted) {
		for (const day of days) {
			if (event.startsOn <= day && day <= event.endsOn) byDay.get(day)?.push(event)
		}
	}
	return byDay
}

// Whether [startsOn, endsOn] and [from, to] share a day.
export function withinRange(event: { startsOn: IsoDate; endsOn: IsoDate }, range: { from: IsoDate; to: IsoDate }): boolean {
	return event.startsOn <= range.to && event.endsOn >= range.from
}

// What the iCalendar download and the secret feed cover: the recent past and the year ahead.
export function feedRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
	return { from: addDays(today, -60), to: addMonths(today, 12) }
}

// ── Whose events are on whose calendar ("everyone sees their own") ──────────────────────────

type CalendarUser = { id: number | null; role: Role }

// Standing committee meetings: on the calendars of the secretariat, admin and members (deputies
// and agencies do not attend them).
export function meetingsOnCalendar(user: Pick<CalendarUser, 'role'>): boolean {
	return isOffice(user.role) || user.role === 'member'
}

// Visits: every one for the secretariat and admin; those they take part in for members and
// deputies; for an agency liaison, the visits they may read — the open ones to their own agency
// (a 暗访 stays hidden from the visited agency here as everywhere: inspectionReadScope).
export type CalendarVisitScope = { kind: 'all' } | { kind: 'participant'; userId: number } | { kind: 'readable' } | { kind: 'none' }

export function calendarVisitScope(user: CalendarUser): CalendarVisitScope {
	if (isOffice(user.role)) return { kind: 'all' }
	if (user.role === 'member' || user.role === 'deputy') return user.id === null ? { kind: 'none' } : { kind: 'participant', userId: user.id }
	return { kind: 'readable' }
}
