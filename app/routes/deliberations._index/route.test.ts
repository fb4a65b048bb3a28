import { expect, test } from 'vitest'
import { runLoader } from '#test/helpers'
import { openTestDeliberation, post } from '#test/fixtures/deliberation'
import { loader } from './route'

type ListData = { filter: string; counts: Record<string, number>; rows: Array<{ id: number; state: string; voted: number | null; result: string | null }> }

async function list(as: string, query = '') {
	const outcome = await runLoader(loader, { path: `/deliberations${query}`, as })
	expect(outcome.status).toBe(200)
	return outcome.data as ListData
}

async function sentTo(responding: string) {
	const id = await openTestDeliberation({ responding })
	expect((await post(id, 'weiyuan1', { intent: 'vote', choice: 'satisfied' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'saveLetter', version: 'current', number: '武人常办〔2026〕5号', to: '武汉市人民政府', body: '意见。' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })).status).toBe(302)
	return id
}

test('the list is scoped in the query: an agency sees only letters sent to it, a deputy only sent ones', async () => {
	const open = await openTestDeliberation({ responding: 'psb' })
	const toPsb = await sentTo('psb')
	const toEdu = await sentTo('edu')
	const ids = (data: ListData) => data.rows.map((r) => r.id)
	for (const as of ['admin', 'mishu', 'weiyuan1']) {
		expect(ids(await list(as)), as).toEqual(expect.arrayContaining([open, toPsb, toEdu]))
	}
	const gongan = ids(await list('gongan'))
	expect(gongan).toContain(toPsb)
	expect(gongan).not.toContain(open)
	expect(gongan).not.toContain(toEdu)
	const jiaoyu = ids(await list('jiaoyu'))
	expect(jiaoyu).toContain(toEdu)
	expect(jiaoyu).not.toContain(toPsb)
	const deputy = ids(await list('daibiao1'))
	expect(deputy).toEqual(expect.arrayContaining([toPsb, toEdu]))
	expect(deputy).not.toContain(open)
	// The counts follow the same scope.
	const counts = (await list('gongan')).counts
	expect(counts.all).toBe(gongan.length)
	expect(counts.open).toBe(0)
})

test('the tabs filter by state; an unknown filter shows everything', async () => {
	const open = await openTestDeliberation()
	expect((await post(open, 'weiyuan2', { intent: 'vote', choice: 'unsatisfied' })).status).toBe(302)
	const openList = await list('mishu', '?state=open')
	expect(openList.filter).toBe('open')
	expect(openList.rows.every((r) => r.state === 'open')).toBe(true)
	const row = openList.rows.find((r) => r.id === open)
	// While the vote is open: how many voted, never a result.
	expect(row).toMatchObject({ voted: 1, result: null })
	expect((await list('mishu', '?state=bogus')).filter).toBe('all')
	expect((await list('mishu', '?state=letter_sent')).rows.some((r) => r.id === open)).toBe(false)
})

test('without a session the list redirects to the login', async () => {
	const outcome = await runLoader(loader, { path: '/deliberations', as: null })
	expect(outcome.status).toBe(302)
	expect(outcome.location).toMatch(/^\/login/)
})
