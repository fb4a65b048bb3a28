import { expect, test } from 'vitest'
import { agencyIdOf, scheduleSession } from '#test/fixtures/inquiries'
import { runLoader } from '#test/helpers'
import { loader } from './route'

type List = { total: number; rows: Array<{ id: number; kind: string; topic: string; state: string; questions: number }> }

const list = (as: string, search = '') => runLoader(loader, { path: `/inquiries${search}`, as })

test('the list filters by form, agency and year, and keeps its URL short', async () => {
	const { id } = await scheduleSession({ agencies: ['justice'], topic: '只有司法局的专题询问（测试）' })
	const justice = await agencyIdOf('justice')
	const byAgency = (await list('mishu', `?agency=${justice}`)).data as List
	expect(byAgency.rows.map((r) => r.id)).toContain(id)
	expect(byAgency.rows.every((r) => r.topic !== '涉诈资金查控和返还工作（示例）')).toBe(true)
	const inquiriesOnly = (await list('mishu', '?kind=inquiry')).data as List
	expect(inquiriesOnly.rows.length).toBeGreaterThan(0)
	expect(inquiriesOnly.rows.every((r) => r.kind === 'inquiry')).toBe(true)
	expect(((await list('mishu', '?year=2001')).data as List).rows).toEqual([])
	const redirected = await list('mishu', '?kind=&agency=&meeting=')
	expect(redirected.status).toBe(302)
	expect(redirected.location).toBe('/inquiries')
})

test('deputies list published records only; a liaison the sessions their agency answers in', async () => {
	const deputy = (await list('daibiao1')).data as List
	expect(deputy.rows.length).toBeGreaterThan(0)
	expect(deputy.rows.every((r) => r.state === 'published')).toBe(true)
	const { id } = await scheduleSession({ agencies: ['justice'] })
	expect(((await list('gongan')).data as List).rows.map((r) => r.id)).not.toContain(id)
	expect(((await list('weiyuan1')).data as List).rows.map((r) => r.id)).toContain(id)
})
