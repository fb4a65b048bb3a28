import { beforeAll, expect, test } from 'vitest'
import { and, eq, like } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, calendarFeeds } from '#db/schema'
import { runAction, runLoader, userId } from '#test/helpers'
import { action, loader } from './route'
import { calendarFixture, type CalendarFixture } from '#test/fixtures/calendar'

// Far from the demo data's dates: a month and a week with only the fixture's events.
const base = '2098-06-01' // a Sunday: the fixture's visits fall on Monday to Wednesday
let fixture: CalendarFixture

beforeAll(async () => {
	fixture = await calendarFixture(base, 74)
})

type Page = {
	view: string
	date: string
	today: string
	navigation: { previous: string; next: string; current: string }
	weeks: Array<Array<{ date: string; inMonth: boolean }>>
	days: Array<string>
	events: Array<{ kind: string; id: number; startsOn: string; endsOn: string; unannounced: boolean }>
	feedSince: string | null
}

async function page(query: string, as: string) {
	const outcome = await runLoader(loader, { path: `/calendar${query}`, as })
	expect(outcome.status).toBe(200)
	return outcome.data as Page
}

function keys(data: Page) {
	return data.events.map((e) => `${e.kind}:${e.id}`)
}

test('the month view is whole Monday-first weeks with the secretariat\'s meetings and visits', async () => {
	const data = await page('?date=2098-06-15', 'mishu')
	expect(data.view).toBe('month')
	expect(data.weeks[0][0].date).toBe('2098-05-26') // June 2098 starts on a Sunday
	expect(data.weeks[0][6]).toEqual({ date: '2098-06-01', inMonth: true })
	expect(data.navigation).toMatchObject({ previous: '2098-05-01', next: '2098-07-01' })
	expect(keys(data)).toEqual([`visit:${fixture.open}`, `visit:${fixture.secret}`, `visit:${fixture.edu}`, `meeting:${fixture.meeting}`])
	expect(data.events.find((e) => e.id === fixture.secret)?.unannounced).toBe(true)
})

test('the week view lists Monday to Sunday of the asked date, with only that week\'s events', async () => {
	const data = await page(`?view=week&date=${fixture.days.edu}`, 'weiyuan2')
	expect(data.view).toBe('week')
	expect(data.days).toEqual(['2098-06-02', '2098-06-03', '2098-06-04', '2098-06-05', '2098-06-06', '2098-06-07', '2098-06-08'])
	expect(data.navigation).toMatchObject({ previous: '2098-05-26', next: '2098-06-09' })
	expect(keys(data)).toEqual([`visit:${fixture.secret}`, `visit:${fixture.edu}`, `meeting:${fixture.meeting}`])
})

test('the psb liaison\'s month never shows the unannounced visit; a deputy sees their own visit only', async () => {
	expect(keys(await page('?date=2098-06-01', 'gongan'))).toEqual([`visit:${fixture.open}`])
	expect(keys(await page('?date=2098-06-01', 'daibiao1'))).toEqual([`visit:${fixture.open}`])
})

test('an empty month has no events; a malformed date falls back to today', async () => {
	expect((await page('?date=2097-01-10', 'weiyuan1')).events).toEqual([])
	const fallback = await page('?view=week&date=2098-02-30', 'weiyuan1')
	expect(fallback.date).toBe(fallback.today)
})

test('without a session the page redirects to login', async () => {
	const outcome = await runLoader(loader, { path: '/calendar' })
	expect(outcome.status).toBe(302)
	expect(outcome.location).toMatch(/^\/login/)
})

test('generating shows the address once; the page afterwards says only since when a feed is active', async () => {
	const before = await page('', 'jiaoyu')
	expect(before.feedSince).toBeNull()
	const outcome = await runAction(action, { path: '/calendar', as: 'jiaoyu', form: { intent: 'generate' } })
	expect(outcome.status).toBe(200)
	expect((outcome.data as { feedUrl: string }).feedUrl).toMatch(/^http:\/\/localhost\/feeds\/[a-z2-7]{52}\.ics$/)
	const after = await page('', 'jiaoyu')
	expect(after.feedSince).toBe(after.today)
	expect(JSON.stringify(after)).not.toContain('/feeds/')
	const [event] = await getDb()
		.select({ after: auditEvents.after, entityType: auditEvents.entityType })
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'calendar.feed.generate'), eq(auditEvents.entityId, String(await userId('jiaoyu')))))
	expect(event).toEqual({ after: { replaced: false }, entityType: 'calendar_feed' })
})

test('turning the feed off deletes it; with none, nothing is written', async () => {
	await runAction(action, { path: '/calendar', as: 'daibiao3', form: { intent: 'generate' } })
	const off = await runAction(action, { path: '/calendar', as: 'daibiao3', form: { intent: 'revoke' } })
	expect((off.data as { notice: string }).notice).toBe('订阅地址已停用，旧地址随即失效。')
	expect(await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, await userId('daibiao3')))).toEqual([])
	const revokes = () => getDb().select().from(auditEvents).where(like(auditEvents.action, 'calendar.feed.revoke'))
	const count = (await revokes()).length
	const again = await runAction(action, { path: '/calendar', as: 'daibiao3', form: { intent: 'revoke' } })
	expect((again.data as { notice: string }).notice).toBe('没有正在使用的订阅地址。')
	expect((await revokes()).length).toBe(count)
})

test('an unknown intent is refused with 400', async () => {
	const outcome = await runAction(action, { path: '/calendar', as: 'weiyuan1', form: { intent: 'steal' } })
	expect(outcome.status).toBe(400)
})
