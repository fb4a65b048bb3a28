import { expect, test } from 'vitest'
import { runLoader } from '#test/helpers'
import { loader } from './route'

type Home = {
	todo: { awaiting: Array<{ kind: string; action: string; href: string; overdueDays: number }>; dueSoon: Array<{ kind: string; action: string }> }
	horizonDays: number
}

// Later kinds of record (inspection findings …) add items of their own; these are the reports', deliberations' and meetings'.
const ours = new Set(['report', 'deliberation', 'meeting'])

async function home(as: string) {
	const outcome = await runLoader(loader, { path: '/', as })
	expect(outcome.status).toBe(200)
	const data = outcome.data as Home
	data.todo.awaiting = data.todo.awaiting.filter((i) => ours.has(i.kind))
	data.todo.dueSoon = data.todo.dueSoon.filter((i) => ours.has(i.kind))
	return data
}

test("gongan's home page lists the police's report to draft and the returned handling report", async () => {
	const data = await home('gongan')
	expect(data.todo.awaiting.map((i) => i.action).sort()).toEqual(['draft', 'resubmit'])
	expect(data.horizonDays).toBe(14)
	// Both are due within 14 days: the 近 14 日到期 box beside the list does not say "nothing".
	expect(data.todo.dueSoon.map((i) => i.action).sort()).toEqual(['draft', 'resubmit'])
})

test("jiaoyu's home page shows the overdue handling report first, and the revision date due soon", async () => {
	const data = await home('jiaoyu')
	expect(data.todo.awaiting[0]).toMatchObject({ action: 'answer', overdueDays: 30 })
	expect(data.todo.dueSoon.map((i) => i.action)).toEqual(['answer', 'revise'])
})

test('weiyuan1 is asked for an opinion and a vote; mishu for a handling report to check', async () => {
	expect((await home('weiyuan1')).todo.awaiting.map((i) => i.action)).toEqual(['opinion', 'vote'])
	expect((await home('mishu')).todo.awaiting.map((i) => i.action)).toContain('check')
})

test('a deputy and the administrator get empty lists', async () => {
	for (const as of ['daibiao1', 'admin']) {
		const data = await home(as)
		expect(data.todo).toEqual({ awaiting: [], dueSoon: [] })
	}
})
