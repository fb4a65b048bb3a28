import { expect, test } from 'vitest'
import { clauses, deliberations, reports } from '#db/schema'
import { settingDefaults } from '~/domain/settings'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencyId, actorOf, forceState, scheduleFor, today } from '#test/fixtures/reports'
import { getReport, listReports, listReportsForAgency, listReportsForClause } from './queries.server'

const db = () => getDb()

async function clauseId(label: string) {
	const [row] = await db().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, label))
	return row.id
}

test('the clause page lists the reports covering the clause that the user may read', async () => {
	const { id: draft } = await scheduleFor('edu', { clauses: ['（十九）'], topic: '教育局草稿（示例）' })
	const { id: distributed } = await scheduleFor('psb', { clauses: ['（十九）', '（七）'], topic: '公安局报告（示例）' })
	await forceState(distributed, 'distributed')
	const clause = await clauseId('（十九）')
	const mishu = (await actorOf('mishu')).user
	const weiyuan = (await actorOf('weiyuan1')).user
	const gongan = (await actorOf('gongan')).user
	const forMishu = await listReportsForClause(db(), clause, mishu)
	expect(forMishu.map((r) => r.id)).toEqual(expect.arrayContaining([draft, distributed]))
	const link = forMishu.find((r) => r.id === distributed)
	expect(link).toMatchObject({ title: '关于全市打击治理电信网络诈骗工作情况的报告（示例）', state: 'distributed', href: `/reports/${distributed}` })
	expect(link?.meetingLabel).toMatch(/^第十五届人大常委会第.+次会议$/)
	const forMember = (await listReportsForClause(db(), clause, weiyuan)).map((r) => r.id)
	expect(forMember).toContain(distributed)
	expect(forMember).not.toContain(draft)
	const forGongan = (await listReportsForClause(db(), clause, gongan)).map((r) => r.id)
	expect(forGongan).toContain(distributed)
	expect(forGongan).not.toContain(draft)
})

test('the agency page lists the reports the agency prepares, scoped by the reader', async () => {
	const { id } = await scheduleFor('edu', { topic: '教育局草稿（示例）' })
	const edu = await agencyId('edu')
	const mishu = (await actorOf('mishu')).user
	const jiaoyu = (await actorOf('jiaoyu')).user
	const gongan = (await actorOf('gongan')).user
	const weiyuan = (await actorOf('weiyuan1')).user
	expect((await listReportsForAgency(db(), edu, mishu)).map((r) => r.id)).toContain(id)
	expect((await listReportsForAgency(db(), edu, jiaoyu)).map((r) => r.id)).toContain(id)
	expect(await listReportsForAgency(db(), edu, gongan)).toEqual([])
	expect((await listReportsForAgency(db(), edu, weiyuan)).map((r) => r.id)).not.toContain(id)
	// The government's own page lists the reports made in its name.
	expect((await listReportsForAgency(db(), await agencyId('gov'), mishu)).map((r) => r.id)).toContain(id)
})

test('after the hearing a report says where its deliberation stands, not "under deliberation" forever', async () => {
	const { id } = await scheduleFor('psb', { topic: '已办结的报告（示例）' })
	await forceState(id, 'deliberation')
	const [report] = await db().select().from(reports).where(eq(reports.id, id))
	const [deliberation] = await db()
		.insert(deliberations)
		.values({ subjectType: 'report', subjectId: id, title: '审议（示例）', organId: report.organId, respondingAgencyId: report.preparingAgencyId, state: 'open' })
		.returning({ id: deliberations.id })
	const mishu = (await actorOf('mishu')).user
	const statusNow = async () => ({
		page: (await getReport(db(), id))?.status,
		list: (await listReports(db(), mishu, { page: 1 }, { settings: settingDefaults, today: today() })).rows.find((r) => r.id === id)?.status,
		link: (await listReportsForAgency(db(), report.preparingAgencyId, mishu)).find((r) => r.id === id)?.status,
	})
	expect(await statusNow()).toEqual({ page: 'deliberating', list: 'deliberating', link: 'deliberating' })
	for (const [state, status] of [
		['letter_sent', 'opinions_delivered'],
		['closed', 'concluded'],
	] as const) {
		await db().update(deliberations).set({ state }).where(eq(deliberations.id, deliberation.id))
		expect(await statusNow()).toEqual({ page: status, list: status, link: status })
	}
})
