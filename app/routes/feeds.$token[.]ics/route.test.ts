import ICAL from 'ical.js'
import { beforeAll, expect, test } from 'vitest'
import { eq, like, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, calendarFeeds, users } from '#db/schema'
import { addDays, shanghaiDate } from '~/domain/dates'
import { feedTokenHash } from '~/models/calendar-feeds.server'
import { runAction, runLoader, userId } from '#test/helpers'
import { action as calendarAction } from '../calendar/route'
import { calendarFixture, type CalendarFixture } from '#test/fixtures/calendar'
import { loader } from './route'

const base = addDays(shanghaiDate(new Date()), 3)
let fixture: CalendarFixture

beforeAll(async () => {
	fixture = await calendarFixture(base, 73)
})

function uids(text: string) {
	return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')))
}

// The user generates their address on /calendar; the answer holds it, this once.
async function generate(as: string) {
	const outcome = await runAction(calendarAction, { path: '/calendar', as, form: { intent: 'generate' } })
	expect(outcome.status).toBe(200)
	const url = new URL((outcome.data as { feedUrl: string }).feedUrl)
	const match = /^\/feeds\/([a-z2-7]{52})\.ics$/.exec(url.pathname)
	expect(match).not.toBeNull()
	return match![1]
}

function fetchFeed(token: string, as: string | null = null) {
	return runLoader(loader, { path: `/feeds/${token}.ics`, params: { token }, as })
}

test('a valid token answers 200 without a session, with that user\'s events and no caching', async () => {
	const token = await generate('weiyuan1')
	const outcome = await fetchFeed(token)
	expect(outcome.status).toBe(200)
	expect(outcome.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
	expect(outcome.headers.get('Cache-Control')).toBe('no-store')
	const found = uids(outcome.data as string)
	expect(found).toContain(`visit-${fixture.open}@oversight`)
	expect(found).toContain(`meeting-${fixture.meeting}@oversight`)
	expect(found).not.toContain(`visit-${fixture.secret}@oversight`)
})

test('only the SHA-256 of the token is stored, and the audit log never holds the token', async () => {
	const token = await generate('weiyuan2')
	const [row] = await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, await userId('weiyuan2')))
	expect(row.tokenHash).toBe(feedTokenHash(token))
	expect(row.tokenHash).not.toContain(token)
	const events = await getDb()
		.select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
		.from(auditEvents)
		.where(like(auditEvents.action, 'calendar.feed.%'))
	expect(events.some((e) => e.action === 'calendar.feed.generate')).toBe(true)
	const leaked = await getDb()
		.select({ id: auditEvents.id })
		.from(auditEvents)
		.where(sql`coalesce(${auditEvents.before}::text, '') || coalesce(${auditEvents.after}::text, '') like ${`%${token}%`}`)
	expect(leaked).toEqual([])
})

test('regenerating makes the old address 404 and the new one work', async () => {
	const first = await generate('daibiao1')
	expect((await fetchFeed(first)).status).toBe(200)
	const second = await generate('daibiao1')
	expect(second).not.toBe(first)
	const old = await fetchFeed(first)
	expect(old.status).toBe(404)
	expect(old.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
	const fresh = await fetchFeed(second)
	expect(fresh.status).toBe(200)
	const mine = uids(fresh.data as string)
	expect(mine).toContain(`visit-${fixture.open}@oversight`)
	expect(mine.filter((uid) => uid.startsWith('meeting-'))).toEqual([])
})

test('turning the feed off makes its address 404, audited', async () => {
	const token = await generate('daibiao2')
	const outcome = await runAction(calendarAction, { path: '/calendar', as: 'daibiao2', form: { intent: 'revoke' } })
	expect(outcome.status).toBe(200)
	expect((await fetchFeed(token)).status).toBe(404)
	const [event] = await getDb()
		.select({ actorId: auditEvents.actorId, entityId: auditEvents.entityId })
		.from(auditEvents)
		.where(eq(auditEvents.action, 'calendar.feed.revoke'))
	expect(event).toEqual({ actorId: await userId('daibiao2'), entityId: String(await userId('daibiao2')) })
})

test('a disabled user\'s feed answers 404', async () => {
	const token = await generate('weiyuan3')
	expect((await fetchFeed(token)).status).toBe(200)
	await getDb().update(users).set({ disabled: true }).where(eq(users.username, 'weiyuan3'))
	expect((await fetchFeed(token)).status).toBe(404)
	await getDb().update(users).set({ disabled: false }).where(eq(users.username, 'weiyuan3'))
})

test('the agency liaison\'s feed never holds the unannounced visit to their agency', async () => {
	const token = await generate('gongan')
	const text = (await fetchFeed(token)).data as string
	expect(uids(text)).toContain(`visit-${fixture.open}@oversight`)
	expect(uids(text)).not.toContain(`visit-${fixture.secret}@oversight`)
	expect(text).not.toContain('某派出所')
})

test('unknown and malformed tokens answer a bare 404, whoever asks', async () => {
	for (const token of ['a'.repeat(52), 'not-a-token', '']) {
		for (const as of [null, 'mishu']) {
			const outcome = await fetchFeed(token, as)
			expect(outcome.status).toBe(404)
			expect(outcome.data).toBe('Not found\n')
		}
	}
})
