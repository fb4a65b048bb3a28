import { expect, test } from 'vitest'
import { runLoader } from '#test/helpers'
import { agencyIdOf, clauseIdOf, makeFinding, makeInspection } from '#test/fixtures/findings'
import { loader } from './route'

type Listed = { total: number; pages: number; rows: Array<{ id: number; agencyName: string; overdueDays: number }>; options: { agencies: Array<unknown>; inspections: Array<{ id: number }> } }

function list(as: string, search = '') {
	return runLoader(loader, { path: `/findings${search}`, as })
}

test('each reader sees only what they may: an agency its own findings, a deputy their inspections’, members all', async () => {
	const mine = await makeInspection()
	const notMine = await makeInspection({ title: '另一次执法检查（测试）', group: [['weiyuan2', 'leader']] })
	const psb = await makeFinding(mine, { agency: 'psb' })
	const edu = await makeFinding(mine, { agency: 'edu', clause: '（十一）' })
	const other = await makeFinding(notMine, { agency: 'psb' })
	const ids = async (as: string) => ((await list(as)).data as Listed).rows.map((r) => r.id).sort()
	expect(await ids('mishu')).toEqual(expect.arrayContaining([psb, edu, other]))
	expect(await ids('weiyuan1')).toEqual(expect.arrayContaining([psb, edu, other]))
	const gongan = (await list('gongan')).data as Listed
	expect(gongan.rows.every((r) => r.agencyName === '武汉市公安局')).toBe(true)
	expect(gongan.rows.map((r) => r.id)).toEqual(expect.arrayContaining([psb, other]))
	expect(gongan.rows.map((r) => r.id)).not.toContain(edu)
	// A liaison has no agency filter and its inspection choices are those with findings about it.
	expect(gongan.options.agencies).toEqual([])
	expect(gongan.options.inspections.map((i) => i.id)).toEqual(expect.arrayContaining([mine, notMine]))
	const jiaoyu = (await list('jiaoyu')).data as Listed
	expect(jiaoyu.options.inspections.map((i) => i.id)).toContain(mine)
	expect(jiaoyu.options.inspections.map((i) => i.id)).not.toContain(notMine)
	const daibiao1 = await ids('daibiao1')
	expect(daibiao1).toEqual(expect.arrayContaining([psb, edu]))
	expect(daibiao1).not.toContain(other)
	expect(await ids('daibiao2')).not.toEqual(expect.arrayContaining([psb]))
})

test('filters: inspection, clause, agency, severity, state and overdue only', async () => {
	const inspection = await makeInspection()
	const overdue = await makeFinding(inspection, { dueOn: '2020-03-01', severity: 'severe' })
	const reopened = await makeFinding(inspection, { state: 'reopened', clause: '（十一）', agency: 'edu' })
	const acceptedLate = await makeFinding(inspection, { state: 'accepted', dueOn: '2020-03-01' })
	const rows = async (search: string) => ((await list('mishu', search)).data as Listed).rows.map((r) => r.id)
	const base = `?inspection=${inspection}`
	expect((await rows(base)).sort()).toEqual([overdue, reopened, acceptedLate].sort())
	expect(await rows(`${base}&overdue=1`)).toEqual([overdue])
	expect(await rows(`${base}&severity=severe`)).toEqual([overdue])
	expect(await rows(`${base}&state=reopened`)).toEqual([reopened])
	expect(await rows(`${base}&clause=${await clauseIdOf('（十一）')}`)).toEqual([reopened])
	expect(await rows(`${base}&agency=${await agencyIdOf('edu')}`)).toEqual([reopened])
	const listed = (await list('mishu', `${base}&overdue=1`)).data as Listed
	expect(listed.rows[0].overdueDays).toBeGreaterThan(300)
})

test('a submitted filter form with empty fields redirects to the short address', async () => {
	const outcome = await list('mishu', '?inspection=&clause=&severity=severe&state=')
	expect(outcome).toMatchObject({ status: 302, location: '/findings?severity=severe' })
})

test('the list is paginated by 20', async () => {
	const inspection = await makeInspection()
	for (let i = 0; i < 21; i++) await makeFinding(inspection, { description: `问题 ${i}（测试）` })
	const first = (await list('mishu', `?inspection=${inspection}`)).data as Listed
	expect(first).toMatchObject({ total: 21, pages: 2 })
	expect(first.rows).toHaveLength(20)
	const second = (await list('mishu', `?inspection=${inspection}&page=2`)).data as Listed
	expect(second.rows).toHaveLength(1)
})
