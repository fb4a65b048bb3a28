import ICAL from 'ical.js'
import { beforeAll, expect, test } from 'vitest'
import { addDays, shanghaiDate } from '~/domain/dates'
import { runLoader } from '#test/helpers'
import { calendarFixture, type CalendarFixture } from '#test/fixtures/calendar'
import { loader } from './route'

// The feed window is relative to today: the fixture starts in three days.
const base = addDays(shanghaiDate(new Date()), 3)
let fixture: CalendarFixture

beforeAll(async () => {
	fixture = await calendarFixture(base, 72)
})

function parse(text: string) {
	const component = new ICAL.Component(ICAL.parse(text))
	const zone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone')!)
	ICAL.TimezoneService.register(zone)
	return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
}

function get(as: string | null) {
	return runLoader(loader, { path: '/calendar.ics', as })
}

test('without a session /calendar.ics redirects to login', async () => {
	const outcome = await get(null)
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe('/login?redirectTo=%2Fcalendar.ics')
})

test('a member downloads their calendar: text/calendar, inline calendar.ics, a 09:30 visit at 01:30Z and the all-day meeting', async () => {
	const outcome = await get('weiyuan1')
	expect(outcome.status).toBe(200)
	expect(outcome.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
	expect(outcome.headers.get('Content-Disposition')).toBe('inline; filename="calendar.ics"')
	const events = parse(outcome.data as string)
	const visit = events.find((e) => e.uid === `visit-${fixture.open}@oversight`)
	expect(visit?.summary).toBe(`执法检查：${fixture.title}`)
	expect(visit?.location).toBe('江岸区，市公安局反诈中心')
	expect(visit?.startDate.toJSDate().toISOString()).toBe(`${fixture.days.open}T01:30:00.000Z`)
	expect(visit?.endDate.toJSDate().toISOString()).toBe(`${fixture.days.open}T03:45:00.000Z`)
	const meeting = events.find((e) => e.uid === `meeting-${fixture.meeting}@oversight`)
	expect(meeting?.summary).toBe('第九十九届人大常委会第七十二次会议')
	expect(meeting?.startDate.isDate).toBe(true)
	expect(meeting?.startDate.toString()).toBe(fixture.days.meetingStart)
	expect(meeting?.endDate.toString()).toBe(addDays(fixture.days.meetingEnd, 1))
	// Not theirs: the 暗访 and the visit to edu.
	expect(events.some((e) => e.uid === `visit-${fixture.secret}@oversight`)).toBe(false)
	expect(events.some((e) => e.uid === `visit-${fixture.edu}@oversight`)).toBe(false)
})

test('the agency liaison of psb never finds the unannounced visit in their file, nor any meeting', async () => {
	const outcome = await get('gongan')
	const text = outcome.data as string
	const uids = parse(text).map((e) => e.uid)
	expect(uids).toContain(`visit-${fixture.open}@oversight`)
	expect(uids).not.toContain(`visit-${fixture.secret}@oversight`)
	expect(uids.some((uid) => uid.startsWith('meeting-'))).toBe(false)
	expect(text).not.toContain('某派出所')
})

test('the file carries title, time and place only: no participants, organisers or descriptions', async () => {
	const text = (await get('mishu')).data as string
	expect(parse(text).map((e) => e.uid)).toEqual(expect.arrayContaining([`visit-${fixture.secret}@oversight`, `meeting-${fixture.meeting}@oversight`]))
	expect(text).not.toMatch(/^(ATTENDEE|ORGANIZER|DESCRIPTION|CONTACT)/m)
})
