import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { clauses } from '#db/schema'
import { runLoader } from '#test/helpers'
import { loader } from './route'

type ClausePage = {
	reports: Array<{ id: number; title: string; state: string }>
	timeline: Array<{ at: string; kind: string; href: string }>
}

async function page(label: string, as: string) {
	const [clause] = await getDb().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, label))
	const outcome = await runLoader(loader, { path: `/clauses/${clause.id}`, params: { clauseId: String(clause.id) }, as })
	expect(outcome.status).toBe(200)
	return outcome.data as ClausePage
}

test('the secretariat sees every report on the clause and their events', async () => {
	const data = await page('（十五）', 'mishu')
	expect(data.reports.map((r) => r.state).sort()).toEqual(['deliberation', 'deliberation', 'draft_submitted', 'revised_submitted'])
	expect(data.timeline.length).toBeGreaterThan(10)
})

test('a member sees only distributed reports on the clause, and only their events', async () => {
	const data = await page('（十五）', 'weiyuan1')
	expect(data.reports.map((r) => r.state)).toEqual(['deliberation', 'deliberation'])
	const readable = new Set(data.reports.map((r) => `/reports/${r.id}`))
	for (const event of data.timeline) {
		if (event.href.startsWith('/reports/')) expect(readable.has(event.href)).toBe(true)
	}
})

test("an agency liaison sees its own agency's reports on the clause, never another's", async () => {
	const jiaoyu = await page('（十五）', 'jiaoyu')
	expect(jiaoyu.reports).toHaveLength(2)
	expect(jiaoyu.reports.every((r) => r.title.includes('学校'))).toBe(true)
	const gongan = await page('（十五）', 'gongan')
	expect(gongan.reports).toEqual([])
	expect(gongan.timeline.filter((e) => !e.kind.startsWith('concern.'))).toEqual([])
})
