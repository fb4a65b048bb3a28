import { expect, test } from 'vitest'
import {
	calendarHref,
	calendarNavigation,
	eventsByDay,
	feedRange,
	isoWeekday,
	mondayOf,
	monthGrid,
	parseCalendarQuery,
	viewRange,
	weekDates,
	withinRange,
} from './calendar'

test('weekdays run from Monday (1) to Sunday (7)', () => {
	expect(isoWeekday('2026-06-01')).toBe(1) // a Monday
	expect(isoWeekday('2026-06-07')).toBe(7)
	expect(mondayOf('2026-06-07')).toBe('2026-06-01')
	expect(mondayOf('2026-06-01')).toBe('2026-06-01')
	expect(weekDates('2026-06-03')).toEqual(['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06', '2026-06-07'])
})

test('a month grid is whole Monday-first weeks covering the month', () => {
	// June 2026 starts on a Monday and ends on a Tuesday: five weeks, the last spilling into July.
	const weeks = monthGrid('2026-06-15')
	expect(weeks).toHaveLength(5)
	expect(weeks[0][0]).toEqual({ date: '2026-06-01', inMonth: true })
	expect(weeks[4][6]).toEqual({ date: '2026-07-05', inMonth: false })
	for (const week of weeks) {
		expect(week).toHaveLength(7)
		expect(isoWeekday(week[0].date)).toBe(1)
	}
	expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(30)
})

test('a month starting on a Sunday opens with six days of the month before and needs six weeks', () => {
	// March 2026 begins on a Sunday and has 31 days.
	const weeks = monthGrid('2026-03-01')
	expect(weeks[0].map((d) => d.inMonth)).toEqual([false, false, false, false, false, false, true])
	expect(weeks[0][0].date).toBe('2026-02-23')
	expect(weeks[0][6].date).toBe('2026-03-01')
	expect(weeks).toHaveLength(6)
	expect(weeks[5][1]).toEqual({ date: '2026-03-31', inMonth: true })
})

test('a leap February has 29 days in the grid, a common one 28', () => {
	expect(monthGrid('2028-02-10').flat().filter((d) => d.inMonth).map((d) => d.date).at(-1)).toBe('2028-02-29')
	expect(monthGrid('2027-02-10').flat().filter((d) => d.inMonth)).toHaveLength(28)
	// February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
	expect(monthGrid('2027-02-10')).toHaveLength(4)
})

test('the view range covers the grid, or the Monday-to-Sunday week', () => {
	expect(viewRange('month', '2026-03-18')).toEqual({ from: '2026-02-23', to: '2026-04-05' })
	expect(viewRange('week', '2026-12-31')).toEqual({ from: '2026-12-28', to: '2027-01-03' })
})

test('the query falls back to today and the month view when missing or malformed', () => {
	const today = '2026-05-20'
	expect(parseCalendarQuery(new URLSearchParams(''), today)).toEqual({ view: 'month', date: today })
	expect(parseCalendarQuery(new URLSearchParams('view=week&date=2026-02-30'), today)).toEqual({ view: 'week', date: today })
	expect(parseCalendarQuery(new URLSearchParams('view=year&date=2026-07-04'), today)).toEqual({ view: 'month', date: '2026-07-04' })
	expect(parseCalendarQuery(new URLSearchParams('date=1850-01-01'), today).date).toBe(today)
})

test('navigation moves by a month (end of January to February) or by a week', () => {
	expect(calendarNavigation('month', '2026-01-31', '2026-05-20')).toEqual({ previous: '2025-12-01', next: '2026-02-01', current: '2026-05-01' })
	expect(calendarNavigation('week', '2026-05-20', '2026-05-20')).toEqual({ previous: '2026-05-11', next: '2026-05-25', current: '2026-05-18' })
	expect(calendarHref('week', '2026-05-18')).toBe('/calendar?view=week&date=2026-05-18')
	expect(calendarHref('month', '2026-05-01')).toBe('/calendar?date=2026-05-01')
})

test('a meeting over three days appears on each of its days; timed events follow all-day ones', () => {
	const meeting = { id: 'm', startsOn: '2026-06-29', endsOn: '2026-07-01', startTime: null, endTime: null }
	const visit = { id: 'v', startsOn: '2026-06-30', endsOn: '2026-06-30', startTime: '09:30', endTime: '11:00' }
	const early = { id: 'e', startsOn: '2026-06-30', endsOn: '2026-06-30', startTime: '08:00', endTime: '09:00' }
	const days = ['2026-06-28', '2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02']
	const byDay = eventsByDay(days, [visit, meeting, early])
	expect(byDay.get('2026-06-28')).toEqual([])
	expect(byDay.get('2026-06-29')?.map((e) => e.id)).toEqual(['m'])
	expect(byDay.get('2026-06-30')?.map((e) => e.id)).toEqual(['m', 'e', 'v'])
	expect(byDay.get('2026-07-01')?.map((e) => e.id)).toEqual(['m'])
	expect(byDay.get('2026-07-02')).toEqual([])
})

test('range overlap and the feed window (60 days back, a year ahead)', () => {
	expect(withinRange({ startsOn: '2026-05-30', endsOn: '2026-06-01' }, { from: '2026-06-01', to: '2026-06-30' })).toBe(true)
	expect(withinRange({ startsOn: '2026-05-30', endsOn: '2026-05-31' }, { from: '2026-06-01', to: '2026-06-30' })).toBe(false)
	expect(feedRange('2026-05-20')).toEqual({ from: '2026-03-21', to: '2027-05-20' })
})
