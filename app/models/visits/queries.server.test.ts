import { beforeAll, expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, clauses, findings, users, visitAgencies, visitParticipants, visits } from '#db/schema'
import { actorFor, buildRequest, runLoader, userId } from '#test/helpers'
import { loader as csvLoader } from '../../routes/inspections.export[.]csv/route'
import { loader as overviewLoader } from '../../routes/inspections.$inspectionId._index/route'
import { loader as listLoader } from '../../routes/inspections._index/route'
import { createInspection } from '../inspections/mutations.server'
import { isGroupMember, mayReadInspectionById, type InspectionReader } from '../inspections/queries.server'
import { listVisitsForCalendar } from './queries.server'

// 暗访 (unannounced visits) are hidden from the visited agency everywhere: the inspection page,
// the calendar's query, the list and the CSV counts. The filter is in the SQL.

const db = () => getDb()
const range = { from: '2031-09-01', to: '2031-09-30' }
let psb = 0
let gov = 0
let edu = 0
let clauseId = 0
let openAndHidden = 0 // an open visit and a 暗访 to psb
let hiddenOnly = 0 // only a 暗访 to psb
let hiddenVisitId = 0
let openVisitId = 0

async function reader(username: string): Promise<InspectionReader> {
	const [row] = await db().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
	return row
}

async function newInspection(title: string) {
	const leaderId = await userId('weiyuan3')
	return createInspection(db(), await actorFor('mishu'), {
		planItemId: null,
		title,
		year: 2031,
		clauseIds: [clauseId],
		forms: ['field', 'spot_check'],
		startsOn: '2031-09-01',
		endsOn: '2031-09-30',
		organId: gov,
		leaderId,
		memberIds: [],
		deputyIds: [],
	})
}

async function addVisit(inspectionId: number, on: string, agencyIds: Array<number>, unannounced: boolean, participantIds: Array<number>) {
	const [visit] = await db()
		.insert(visits)
		.values({ inspectionId, on, startTime: '09:00', endTime: '11:00', place: unannounced ? '暗访地点' : '公开地点', district: '江岸区', unannounced })
		.returning({ id: visits.id })
	if (agencyIds.length) await db().insert(visitAgencies).values(agencyIds.map((agencyId) => ({ visitId: visit.id, agencyId })))
	if (participantIds.length) await db().insert(visitParticipants).values(participantIds.map((userId) => ({ visitId: visit.id, userId })))
	return visit.id
}

beforeAll(async () => {
	const key = async (k: string) => (await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, k)))[0].id
	psb = await key('psb')
	gov = await key('gov')
	edu = await key('edu')
	clauseId = (await db().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（七）')))[0].id
	const leader = await userId('weiyuan1')
	const member = await userId('weiyuan2')
	const deputy = await userId('daibiao1')
	const make = async (title: string) =>
		createInspection(db(), await actorFor('mishu'), {
			planItemId: null,
			title,
			year: 2031,
			clauseIds: [clauseId],
			forms: ['field', 'spot_check'],
			startsOn: '2031-09-01',
			endsOn: '2031-09-30',
			organId: gov,
			leaderId: leader,
			memberIds: [member],
			deputyIds: [deputy],
		})
	openAndHidden = await make('暗访测试检查（公开加暗访）')
	hiddenOnly = await make('暗访测试检查（仅暗访）')
	openVisitId = await addVisit(openAndHidden, '2031-09-03', [psb, edu], false, [leader])
	hiddenVisitId = await addVisit(openAndHidden, '2031-09-04', [psb], true, [leader, deputy])
	await addVisit(hiddenOnly, '2031-09-05', [psb], true, [member])
})

test('gongan does not see the 暗访 to psb on the inspection page; mishu and the group see it, marked', async () => {
	const params = { inspectionId: String(openAndHidden) }
	const asAgency = await runLoader(overviewLoader, { path: `/inspections/${openAndHidden}`, params, as: 'gongan' })
	expect(asAgency.status).toBe(200)
	const agencyVisits = (asAgency.data as { visits: Array<{ id: number; unannounced: boolean }> }).visits
	expect(agencyVisits.map((v) => v.id)).toEqual([openVisitId])
	for (const as of ['mishu', 'weiyuan9', 'daibiao1']) {
		const page = await runLoader(overviewLoader, { path: `/inspections/${openAndHidden}`, params, as })
		const shown = (page.data as { visits: Array<{ id: number; unannounced: boolean }> }).visits
		expect(shown.map((v) => [v.id, v.unannounced])).toEqual([
			[openVisitId, false],
			[hiddenVisitId, true],
		])
	}
})

test('an inspection whose only visit to psb is a 暗访 is not found by gongan, nor listed', async () => {
	const page = await runLoader(overviewLoader, { path: `/inspections/${hiddenOnly}`, params: { inspectionId: String(hiddenOnly) }, as: 'gongan' })
	expect(page.status).toBe(404)
	expect(await mayReadInspectionById(await reader('gongan'), hiddenOnly, db())).toBe(false)
	expect(await mayReadInspectionById(await reader('gongan'), openAndHidden, db())).toBe(true)
	const list = await runLoader(listLoader, { path: '/inspections?year=2031', as: 'gongan' })
	const titles = (list.data as { rows: Array<{ title: string }> }).rows.map((r) => r.title)
	expect(titles).toContain('暗访测试检查（公开加暗访）')
	expect(titles).not.toContain('暗访测试检查（仅暗访）')
	// jiaoyu (edu) was visited openly once, with psb.
	expect(await mayReadInspectionById(await reader('jiaoyu'), openAndHidden, db())).toBe(true)
	expect(await mayReadInspectionById(await reader('jiaoyu'), hiddenOnly, db())).toBe(false)
})

test('listVisitsForCalendar: the agency gets its open visits only; members and deputies their own; the secretariat all', async () => {
	const ids = async (username: string) => (await listVisitsForCalendar(db(), await reader(username), range)).map((v) => v.id)
	expect(await ids('gongan')).toEqual([openVisitId])
	expect(await ids('jiaoyu')).toEqual([openVisitId])
	expect(await ids('weiyuan1')).toEqual([openVisitId, hiddenVisitId])
	expect(await ids('daibiao1')).toEqual([hiddenVisitId])
	expect(await ids('weiyuan9')).toEqual([])
	expect(await ids('mishu')).toHaveLength(3)
	expect(await ids('admin')).toHaveLength(3)
	const [first] = await listVisitsForCalendar(db(), await reader('gongan'), range)
	expect(first).toEqual({
		id: openVisitId,
		inspectionId: openAndHidden,
		inspectionTitle: '暗访测试检查（公开加暗访）',
		on: '2031-09-03',
		startTime: '09:00',
		endTime: '11:00',
		place: '公开地点',
		district: '江岸区',
		unannounced: false,
	})
	expect(await listVisitsForCalendar(db(), await reader('gongan'), { from: '2031-10-01', to: '2031-10-31' })).toEqual([])
})

test('the CSV counts no 暗访 for the visited agency', async () => {
	const asAgency = await csv('gongan')
	expect(asAgency.status).toBe(200)
	expect(asAgency.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	expect(asAgency.headers.get('Content-Disposition')).toContain(encodeURIComponent('执法检查'))
	const text = asAgency.text
	expect(text.startsWith('\uFEFF检查名称,年度,检查形式,检查期间,检查组组长,状态,走访次数,问题数\r\n')).toBe(true)
	const row = text.split('\r\n').find((line) => line.startsWith('暗访测试检查（公开加暗访）'))
	expect(row?.split(',').slice(-2)).toEqual(['1', '0'])
	expect(text).not.toContain('仅暗访')
	const asSecretariat = (await csv('mishu')).text
	const full = asSecretariat.split('\r\n').find((line) => line.startsWith('暗访测试检查（公开加暗访）'))
	expect(full).toBe('暗访测试检查（公开加暗访）,2031,实地检查、抽查,2031年9月1日至2031年9月30日,' + (await realName('weiyuan1')) + ',计划中,2,0')
	expect(asSecretariat).toContain('暗访测试检查（仅暗访）')
})

test('a finding about an agency opens the inspection to it, and counts only its own findings', async () => {
	const withFinding = await newInspection('暗访测试检查（有问题）')
	await addVisit(withFinding, '2031-09-08', [psb], true, [])
	const recorder = await userId('mishu')
	await db().insert(findings).values([
		{ inspectionId: withFinding, clauseId, agencyId: psb, severity: 'general', description: '示例问题', recordedBy: recorder, rectificationDueOn: '2031-12-31' },
		{ inspectionId: withFinding, clauseId, agencyId: edu, severity: 'serious', description: '示例问题二', recordedBy: recorder, rectificationDueOn: '2031-12-31' },
	])
	expect(await mayReadInspectionById(await reader('gongan'), withFinding, db())).toBe(true)
	const page = await runLoader(overviewLoader, { path: `/inspections/${withFinding}`, params: { inspectionId: String(withFinding) }, as: 'gongan' })
	expect((page.data as { visits: Array<unknown> }).visits).toEqual([])
	const list = await runLoader(listLoader, { path: '/inspections?year=2031', as: 'gongan' })
	const row = (list.data as { rows: Array<{ title: string; visitCount: number; findingCount: number }> }).rows.find((r) => r.title === '暗访测试检查（有问题）')
	expect(row).toMatchObject({ visitCount: 0, findingCount: 1 })
})

test('isGroupMember knows the leader, members and invited deputies, and no one else', async () => {
	for (const username of ['weiyuan1', 'weiyuan2', 'daibiao1']) expect(await isGroupMember(db(), openAndHidden, await userId(username))).toBe(true)
	for (const username of ['weiyuan3', 'daibiao2', 'mishu', 'gongan']) expect(await isGroupMember(db(), openAndHidden, await userId(username))).toBe(false)
	expect(await mayReadInspectionById(await reader('daibiao2'), openAndHidden, db())).toBe(false)
	expect(await mayReadInspectionById(await reader('daibiao1'), openAndHidden, db())).toBe(true)
	const listed = async (as: string) =>
		((await runLoader(listLoader, { path: '/inspections?year=2031', as })).data as { rows: Array<{ id: number }> }).rows.map((r) => r.id)
	expect(await listed('daibiao1')).toEqual(expect.arrayContaining([openAndHidden, hiddenOnly]))
	expect(await listed('daibiao2')).not.toContain(openAndHidden)
})

async function csv(as: string) {
	const request = await buildRequest({ path: '/inspections/export.csv?year=2031', as })
	const response = (await csvLoader({ request, params: {}, context: { clientAddress: '127.0.0.1' } })) as Response
	// Decoded keeping the byte order mark, to see that it is there.
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
	return { status: response.status, headers: response.headers, text }
}

async function realName(username: string) {
	const [row] = await db().select({ realName: users.realName }).from(users).where(eq(users.username, username))
	return row.realName
}
