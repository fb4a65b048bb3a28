import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { commitments, deliberationOpinions, inquiryExchanges, reports, users } from '#db/schema'
import { startApp } from '#test/fuzz/app-server'
import { actorFor } from '#test/helpers'
import { parsePeriod } from '~/domain/dashboard'
import { shanghaiDate } from '~/domain/dates'
import { publish, withdrawPublication } from '~/models/publications/mutations.server'
import { listPublications, listPublishable } from '~/models/publications/queries.server'
import { loadSettings } from '~/models/settings.server'

// The public page, as a stranger's browser gets it, and every page it links to: it must never
// show a person (name or phone), a draft, a vote or what members said.

let app: { base: string; close: () => Promise<void> }
beforeAll(async () => {
	app = await startApp()
}, 60_000)
afterAll(async () => {
	await app?.close()
})

async function crawl(start: string): Promise<Map<string, string>> {
	const pages = new Map<string, string>()
	const queue = [start]
	while (queue.length && pages.size < 30) {
		const path = queue.shift() as string
		if (pages.has(path)) continue
		const response = await fetch(new URL(path, app.base), { redirect: 'manual' })
		// Anything beyond the public page asks for a login, and shows nothing.
		if (response.status !== 200) {
			expect([302, 303]).toContain(response.status)
			expect(response.headers.get('location') ?? '').toMatch(/^\/login/)
			pages.set(path, '')
			continue
		}
		const html = await response.text()
		pages.set(path, html)
		for (const match of html.matchAll(/href="(\/[^"#]*)"/g)) {
			const href = match[1]
			if (!href.startsWith('/assets/') && !href.endsWith('.css') && !href.endsWith('.svg')) queue.push(href)
		}
	}
	return pages
}

test('the public page shows status per clause and per agency, and no person, phone, draft, vote or opinion', async () => {
	const pages = await crawl('/public')
	const html = pages.get('/public') ?? ''
	expect(html).toContain('各条款落实情况')
	expect(html).toContain('各责任单位落实情况')
	const forbidden = await forbiddenTexts()
	for (const [path, page] of pages) {
		for (const text of forbidden) expect({ path, shows: page.includes(text) ? text : null }).toEqual({ path, shows: null })
	}
	// Demo-only marker and a session's menu are absent too: no one is signed in.
	expect(html).not.toContain('main-nav__list')
})

// What the public must never read: people, drafts, members' opinions, what was asked and
// promised in an inquiry, the words of a ballot.
async function forbiddenTexts() {
	const db = getDb()
	const people = await db.select({ realName: users.realName, phone: users.phone }).from(users)
	const drafts = await db.select({ topic: reports.topic, body: reports.body }).from(reports).where(inArray(reports.state, ['scheduled', 'draft_submitted', 'opinions_sent']))
	const opinions = await db.select({ text: deliberationOpinions.text }).from(deliberationOpinions)
	const answers = await db.select({ text: inquiryExchanges.question }).from(inquiryExchanges)
	const promised = await db.select({ text: commitments.text }).from(commitments)
	return [
		...people.flatMap((p) => [p.realName, p.phone]),
		...drafts.flatMap((d) => [d.topic, d.body]),
		...opinions.map((o) => o.text),
		...answers.map((a) => a.text),
		...promised.map((c) => c.text),
		'满意票',
		'投票',
		'ballot',
	].filter((text) => text && text.length >= 2)
}

test('what the office publishes appears on the public page as published, and leaves it when withdrawn', async () => {
	const db = getDb()
	const mishu = await actorFor('mishu')
	const settings = await loadSettings(db)
	const on = shanghaiDate(new Date())
	const { results, reports } = await listPublishable(db, settings)
	expect(results.length && reports.length).toBeTruthy()
	const resultId = await publish(db, mishu, { kind: 'satisfaction', deliberationId: results[0].id }, on, settings)
	await publish(db, mishu, { kind: 'inspection_report', inspectionId: reports[0].id }, on, settings)
	await publish(db, mishu, { kind: 'ranking', period: parsePeriod(new URLSearchParams(), on) }, on, settings)
	const html = await (await fetch(new URL('/public', app.base))).text()
	expect(html).toContain('满意度测评结果')
	expect(html).toContain(results[0].title)
	expect(html).toContain('执法检查报告')
	expect(html).toContain('排名通报')
	const forbidden = await forbiddenTexts()
	for (const text of forbidden) expect({ shows: html.includes(text) ? text : null }).toEqual({ shows: null })
	const [row] = (await listPublications(db)).filter((p) => p.id === resultId)
	await withdrawPublication(db, mishu, { id: resultId, version: row.version, reason: '更正（测试）' }, on)
	const after = await (await fetch(new URL('/public', app.base))).text()
	// The only result published is gone, and its section with it.
	expect(html).toContain('id="public-results"')
	expect(after).not.toContain('id="public-results"')
	expect(after).toContain('排名通报')
})
