import { eq, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { agencies, findings } from '#db/schema'
import { parsePeriod } from '~/domain/dashboard'
import { addDays } from '~/domain/dates'
import { findingHref } from '~/domain/links'
import { agencyIdOf, makeFinding, makeInspection, today } from '#test/fixtures/findings'
import { rowsOf } from '../sql.server'
import { loadSettings } from '../settings.server'
import { loadCardHistory } from './card-history.server'
import { loadRanking } from './ranking.server'

const db = () => getDb()

test('a finding 40 days overdue earns its agency a yellow card on its 31st day overdue; accepting it lifts the card that day', async () => {
	// An agency of its own, so that nothing from the seed stands behind its cards.
	await db().insert(agencies).values({ key: 'card-test', name: '市警示测试局', shortName: '警示测试局', kind: 'department', level: '市', displayOrder: 999 })
	const agencyId = await agencyIdOf('card-test')
	const settings = await loadSettings(db())
	const period = parsePeriod(new URLSearchParams(), today())
	expect(await loadCardHistory(db(), agencyId, period, settings)).toEqual([])

	const dueOn = addDays(today(), -40)
	const findingId = await makeFinding(await makeInspection(), { agency: 'card-test', dueOn })
	const held = await loadCardHistory(db(), agencyId, period, settings)
	expect(held).toEqual([
		{
			colour: 'yellow',
			earnedOn: addDays(dueOn, 31),
			liftedOn: null,
			reasons: [{ reason: 'overdueLong', since: addDays(dueOn, 31), items: [{ title: expect.any(String), href: findingHref(findingId) }] }],
		},
	])

	const acceptedOn = addDays(today(), -2)
	await db()
		.update(findings)
		.set({ rectificationState: 'accepted', response: '已整改（测试）', respondedOn: addDays(today(), -3), verifiedOn: acceptedOn })
		.where(eq(findings.id, findingId))
	const lifted = await loadCardHistory(db(), agencyId, period, settings)
	expect(lifted.map((s) => [s.colour, s.earnedOn, s.liftedOn])).toEqual([['yellow', addDays(dueOn, 31), acceptedOn]])
})

test('the committee itself has no card history', async () => {
	const [congress] = rowsOf<{ id: number }>(await db().execute(sql`select id from agencies where kind = 'congress' order by id limit 1`))
	expect(congress).toBeDefined()
	const settings = await loadSettings(db())
	expect(await loadCardHistory(db(), Number(congress.id), parsePeriod(new URLSearchParams(), today()), settings)).toEqual([])
})

test("the spell still held today is the card on today's ranking notice, for every ranked agency", async () => {
	const settings = await loadSettings(db())
	const period = parsePeriod(new URLSearchParams(), today())
	let carded = 0
	for (const group of await loadRanking(db(), period, today(), settings)) {
		for (const agency of group.agencies) {
			const spells = await loadCardHistory(db(), agency.id, period, settings)
			const held = spells.at(-1)?.liftedOn === null ? spells.at(-1) : undefined
			expect({ agency: agency.name, colour: held?.colour ?? null }).toEqual({ agency: agency.name, colour: agency.card?.colour ?? null })
			if (agency.card) carded++
		}
	}
	expect(carded).toBeGreaterThan(0)
})
