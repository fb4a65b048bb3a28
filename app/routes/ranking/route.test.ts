import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { agencies } from '#db/schema'
import { buildRequest, runLoader } from '#test/helpers'
import { loader as csvLoader } from '../ranking.export[.]csv/route'
import { loader } from './route'

type Ranked = { id: number; name: string; rank: number; score: number; card: { colour: string } | null; deductions: Array<{ points: number }> }
type Data = { groups: Array<{ group: string; agencies: Array<Ranked> }>; ownOnly: boolean }

test('the notice ranks two groups, never the committee, and agrees with its CSV', async () => {
	const outcome = await runLoader(loader, { path: '/ranking', as: 'weiyuan1' })
	expect(outcome.status).toBe(200)
	const data = outcome.data as Data
	expect(data.groups.map((g) => g.group)).toEqual(['city', 'district'])
	const congress = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.kind, 'congress'))
	const ranked = data.groups.flatMap((g) => g.agencies)
	expect(ranked.some((a) => congress.some((c) => c.id === a.id))).toBe(false)
	for (const agency of ranked) expect(agency.score).toBe(Math.max(0, 100 - agency.deductions.reduce((s, d) => s + d.points, 0)))
	for (const group of data.groups) {
		const scores = group.agencies.map((a) => a.score)
		expect(scores).toEqual([...scores].sort((a, b) => b - a))
	}
	// The demo earns at least one yellow and one red card.
	expect(ranked.some((a) => a.card?.colour === 'yellow')).toBe(true)
	expect(ranked.some((a) => a.card?.colour === 'red')).toBe(true)
	const request = await buildRequest({ path: '/ranking/export.csv', as: 'mishu' })
	const response = (await csvLoader({ request, params: {}, context: { clientAddress: '127.0.0.1' } })) as Response
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
	expect(text.startsWith('\uFEFF排名,单位,得分,警示,原因')).toBe(true)
	const lines = text.trim().split('\r\n').slice(1)
	expect(lines).toHaveLength(ranked.length)
	const red = ranked.find((a) => a.card?.colour === 'red')
	expect(lines.some((line) => line.includes(`,${red?.name},${red?.score},红牌,`))).toBe(true)
})

test("a liaison sees its own agency's line only", async () => {
	const outcome = await runLoader(loader, { path: '/ranking', as: 'gongan' })
	const data = outcome.data as Data
	expect(data.ownOnly).toBe(true)
	expect(data.groups.flatMap((g) => g.agencies).map((a) => a.name)).toEqual(['武汉市公安局'])
})
