import { beforeAll, expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { inquiries, inquiryRespondents, users } from '#db/schema'
import { addDays } from '~/domain/dates'
import { calendarFixture, type CalendarFixture } from '#test/fixtures/calendar'
import { calendarEventsFor, visitPlace } from './calendar.server'

// Far from the demo data's dates, so that only the fixture's events are in range.
const base = '2098-03-02'
const range = { from: base, to: addDays(base, 10) }
let fixture: CalendarFixture

beforeAll(async () => {
	fixture = await calendarFixture(base, 71)
})

async function eventsOf(username: string) {
	const [user] = await getDb().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
	const events = await calendarEventsFor(getDb(), user, range)
	return events.map((e) => `${e.kind}:${e.id}`)
}

test('the secretariat and admin get every meeting and every visit, 暗访 included', async () => {
	const all = [`visit:${fixture.open}`, `visit:${fixture.secret}`, `visit:${fixture.edu}`, `meeting:${fixture.meeting}`]
	expect(await eventsOf('mishu')).toEqual(all)
	expect(await eventsOf('admin')).toEqual(all)
})

test('a member gets every meeting and the visits they take part in', async () => {
	expect(await eventsOf('weiyuan1')).toEqual([`visit:${fixture.open}`, `meeting:${fixture.meeting}`])
	expect(await eventsOf('weiyuan2')).toEqual([`visit:${fixture.secret}`, `visit:${fixture.edu}`, `meeting:${fixture.meeting}`])
	expect(await eventsOf('weiyuan3')).toEqual([`meeting:${fixture.meeting}`])
})

test('a deputy gets only the visits they take part in, and no meetings', async () => {
	expect(await eventsOf('daibiao1')).toEqual([`visit:${fixture.open}`])
	expect(await eventsOf('daibiao2')).toEqual([`visit:${fixture.edu}`])
	expect(await eventsOf('daibiao3')).toEqual([])
})

test('gongan gets the open visit to psb but never the unannounced one, and no meetings', async () => {
	expect(await eventsOf('gongan')).toEqual([`visit:${fixture.open}`])
	expect(await eventsOf('jiaoyu')).toEqual([`visit:${fixture.edu}`])
})

test('events carry their link, Shanghai times and the feed title', async () => {
	const [user] = await getDb().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, 'mishu'))
	const events = await calendarEventsFor(getDb(), user, range)
	const open = events.find((e) => e.kind === 'visit' && e.id === fixture.open)
	expect(open).toMatchObject({
		title: `执法检查：${fixture.title}`,
		startsOn: fixture.days.open,
		endsOn: fixture.days.open,
		startTime: '09:30',
		endTime: '11:45',
		place: '江岸区，市公安局反诈中心',
		link: `/inspections/${fixture.inspectionId}`,
		unannounced: false,
	})
	const meeting = events.find((e) => e.kind === 'meeting')
	expect(meeting).toMatchObject({
		title: '第九十九届人大常委会第七十一次会议',
		startsOn: fixture.days.meetingStart,
		endsOn: fixture.days.meetingEnd,
		startTime: null,
		link: `/meetings/${fixture.meeting}`,
	})
	expect(events.find((e) => e.id === fixture.secret)?.unannounced).toBe(true)
})

test('a range touching only the last day of a meeting still holds it; visits outside the range are left out', async () => {
	const [user] = await getDb().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, 'mishu'))
	const events = await calendarEventsFor(getDb(), user, { from: fixture.days.meetingEnd, to: addDays(fixture.days.meetingEnd, 3) })
	expect(events.map((e) => `${e.kind}:${e.id}`)).toEqual([`meeting:${fixture.meeting}`])
})

test('a visit place names its district unless the place already does', () => {
	expect(visitPlace({ place: '市公安局', district: '江岸区' })).toBe('江岸区，市公安局')
	expect(visitPlace({ place: '江岸区政务中心', district: '江岸区' })).toBe('江岸区政务中心')
	expect(visitPlace({ place: '市教育局', district: null })).toBe('市教育局')
})

test('inquiry sessions are on the calendars of those who may read them: all for the office and members, an agency those it answers at, deputies the published ones', async () => {
	const db = getDb()
	const wide = { from: '2000-01-01', to: '2099-12-31' }
	const inquiryIds = async (username: string) => {
		const [user] = await db.select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
		return (await calendarEventsFor(db, user, wide)).filter((e) => e.kind === 'inquiry').map((e) => e.id).sort((a, b) => a - b)
	}
	const all = (await db.select({ id: inquiries.id, state: inquiries.state }).from(inquiries)).sort((a, b) => a.id - b.id)
	expect(all.length).toBeGreaterThan(0)
	const [psb] = await db.select({ agencyId: users.agencyId }).from(users).where(eq(users.username, 'gongan'))
	const answering = new Set(
		(await db.select({ inquiryId: inquiryRespondents.inquiryId }).from(inquiryRespondents).where(eq(inquiryRespondents.agencyId, psb.agencyId ?? -1))).map((r) => r.inquiryId),
	)
	expect(await inquiryIds('mishu')).toEqual(all.map((i) => i.id))
	expect(await inquiryIds('weiyuan1')).toEqual(all.map((i) => i.id))
	expect(await inquiryIds('gongan')).toEqual(all.filter((i) => answering.has(i.id)).map((i) => i.id))
	expect(await inquiryIds('daibiao1')).toEqual(all.filter((i) => i.state === 'published').map((i) => i.id))
})
