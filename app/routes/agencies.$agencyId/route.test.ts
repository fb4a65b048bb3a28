import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies } from '#db/schema'
import { runLoader } from '#test/helpers'
import { loader } from './route'

type AgencyPage = {
	reports: Array<{ id: number; state: string }>
	openItems: Array<{ action: string; overdueDays: number }>
}

async function page(key: string, as: string) {
	const [agency] = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	const outcome = await runLoader(loader, { path: `/agencies/${agency.id}`, params: { agencyId: String(agency.id) }, as })
	expect(outcome.status).toBe(200)
	return outcome.data as AgencyPage
}

test("the education bureau's page lists its reports and its overdue handling report", async () => {
	for (const as of ['mishu', 'jiaoyu']) {
		const data = await page('edu', as)
		expect(data.reports).toHaveLength(2)
		expect(data.openItems.filter((i) => (i as { kind?: string }).kind !== 'concern').map((i) => [i.action, i.overdueDays])).toEqual([['answer', 30]])
	}
})

test("another agency's liaison sees the bureau's tasks but none of its reports or open items", async () => {
	const data = await page('edu', 'gongan')
	expect(data.reports).toEqual([])
	expect(data.openItems.filter((i) => (i as { kind?: string }).kind !== 'concern')).toEqual([])
})

test('the government, as reporting organ, lists the reports made in its name that the user may read', async () => {
	const asMishu = await page('gov', 'mishu')
	const asMember = await page('gov', 'weiyuan1')
	expect(asMishu.reports.length).toBeGreaterThan(asMember.reports.length)
	expect(asMember.reports.every((r) => r.state === 'distributed' || r.state === 'deliberation')).toBe(true)
	// The police's report to draft is an open item of the police, not of the government; the
	// government's own open item is its handling report on the demo inspection's report.
	expect(asMishu.openItems.map((i) => i.action)).toEqual(['answer'])
})

test("the police's page shows its report to draft to its liaison, not to a member", async () => {
	expect((await page('psb', 'gongan')).openItems.filter((i) => (i as { kind?: string }).kind !== 'concern').map((i) => i.action).sort()).toEqual(['draft', 'resubmit'])
	expect((await page('psb', 'weiyuan1')).openItems.filter((i) => (i as { kind?: string }).kind !== 'concern').map((i) => i.action)).toEqual(['resubmit'])
})

test("the 警示记录 shows to the committee's bodies and members and to the agency's own liaison, not to another agency's or a deputy", async () => {
	const shown = async (key: string, as: string) => ((await page(key, as)) as unknown as { cardHistory: { spells: Array<unknown>; lastYear: boolean } | null }).cardHistory
	for (const as of ['mishu', 'weiyuan1', 'gongan']) expect(await shown('psb', as)).toMatchObject({ lastYear: true, spells: expect.any(Array) })
	expect(await shown('psb', 'jiaoyu')).toBeNull()
	expect(await shown('psb', 'daibiao1')).toBeNull()
})
