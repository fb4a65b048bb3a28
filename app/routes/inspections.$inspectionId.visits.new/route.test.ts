import { beforeAll, expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents, clauses, inspections, meetings, visits } from '#db/schema'
import { createInspection } from '~/models/inspections/mutations.server'
import { actorFor, runAction, runLoader, userId } from '#test/helpers'
import { action as editInspectionAction } from '../inspections.$inspectionId.edit/route'
import { action as editAction, loader as editLoader } from '../inspections.$inspectionId.visits.$visitId.edit/route'
import { loader as overviewLoader } from '../inspections.$inspectionId._index/route'
import { action, loader } from './route'

// The conflict rules, through the action: warnings that save nothing until a reason covers
// them; an end not after the start refused whatever the reason.

const db = () => getDb()
let inspectionId = 0
let agency: Record<'psb' | 'edu' | 'amr', number>
let people: Record<'weiyuan1' | 'weiyuan2' | 'weiyuan3' | 'daibiao1' | 'daibiao2', number>

type Answer = {
	result: { status?: string; error?: Record<string, Array<string>>; initialValue?: Record<string, unknown> }
	conflicts: Array<{ key: string; kind: string; name: string | null; withKind: string | null; withTitle: string | null }>
}

async function agencyId(key: string) {
	const [row] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

beforeAll(async () => {
	agency = { psb: await agencyId('psb'), edu: await agencyId('edu'), amr: await agencyId('amr') }
	people = {
		weiyuan1: await userId('weiyuan1'),
		weiyuan2: await userId('weiyuan2'),
		weiyuan3: await userId('weiyuan3'),
		daibiao1: await userId('daibiao1'),
		daibiao2: await userId('daibiao2'),
	}
	const [clause] = await db().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（七）'))
	const gov = await agencyId('gov')
	inspectionId = await createInspection(db(), await actorFor('mishu'), {
		planItemId: null,
		title: '行程冲突测试检查',
		year: 2031,
		clauseIds: [clause.id],
		forms: ['field'],
		startsOn: '2031-06-01',
		endsOn: '2031-06-30',
		organId: gov,
		leaderId: people.weiyuan1,
		memberIds: [people.weiyuan2, people.weiyuan3],
		deputyIds: [people.daibiao1],
	})
	await db().insert(meetings).values({ term: 15, session: 97, startsOn: '2031-06-20', endsOn: '2031-06-22', place: '市人大常委会会议室' })
})

function visitForm(overrides: Record<string, string | Array<string>> = {}): Record<string, string | Array<string>> {
	return {
		on: '2031-06-10',
		startTime: '09:00',
		endTime: '11:00',
		place: '市公安局反诈中心',
		district: '江岸区',
		form: 'field',
		agencyIds: [String(agency.psb)],
		participantIds: [String(people.weiyuan1), String(people.weiyuan2)],
		...overrides,
	}
}

function post(form: Record<string, string | Array<string>>, as = 'mishu') {
	return runAction(action, { path: `/inspections/${inspectionId}/visits/new`, params: { inspectionId: String(inspectionId) }, as, form })
}

async function visitCount() {
	return (await db().select({ id: visits.id }).from(visits).where(eq(visits.inspectionId, inspectionId))).length
}

async function savedVisit(place: string) {
	const [row] = await db().select().from(visits).where(and(eq(visits.inspectionId, inspectionId), eq(visits.place, place)))
	return row
}

// A visit that conflicts with nothing saves straight away.
async function firstVisit() {
	const existing = await savedVisit('市公安局反诈中心')
	if (existing) return existing
	const outcome = await post(visitForm())
	expect(outcome.status).toBe(302)
	return savedVisit('市公安局反诈中心')
}

test('a visit without conflicts is saved, with no reason, and the schedule shows it', async () => {
	const visit = await firstVisit()
	expect(visit).toMatchObject({ on: '2031-06-10', startTime: '09:00', endTime: '11:00', district: '江岸区', form: 'field', unannounced: false, conflictReason: null })
	const page = await runLoader(overviewLoader, { path: `/inspections/${inspectionId}`, params: { inspectionId: String(inspectionId) }, as: 'weiyuan9' })
	const data = page.data as { visits: Array<{ id: number; agencies: Array<{ name: string }>; participants: Array<{ id: number }> }> }
	expect(data.visits.map((v) => v.id)).toEqual([visit.id])
	expect(data.visits[0].agencies.map((a) => a.name)).toEqual(['武汉市公安局'])
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'visit.create'), eq(auditEvents.entityId, String(visit.id))))
	expect(event.after).toMatchObject({ place: '市公安局反诈中心', agencies: ['武汉市公安局'] })
})

test('a participant double-booked is warned about and nothing is saved; the same data with a reason is saved with it', async () => {
	await firstVisit()
	const before = await visitCount()
	const form = visitForm({ startTime: '10:30', endTime: '12:00', place: '市教育局', agencyIds: [String(agency.edu)], participantIds: [String(people.weiyuan2)] })
	const warned = await post(form)
	expect(warned.status).toBe(400)
	const answer = warned.data as Answer
	expect(answer.conflicts).toHaveLength(1)
	expect(answer.conflicts[0]).toMatchObject({ kind: 'participant', withKind: 'visit', withTitle: '行程冲突测试检查 · 市公安局反诈中心' })
	expect(answer.result.error?.conflictReason).toEqual(['请填写仍按此安排的理由。'])
	expect(answer.result.initialValue?.place).toBe('市教育局')
	expect(await visitCount()).toBe(before)

	// A reason alone, without having been shown the conflicts, does not save.
	const unseen = await post({ ...form, conflictReason: '委员二需先后参加' })
	expect(unseen.status).toBe(400)
	expect(await visitCount()).toBe(before)

	const saved = await post({ ...form, conflictReason: '委员二提前离开反诈中心', acknowledged: answer.conflicts.map((c) => c.key) })
	expect(saved.status).toBe(302)
	expect(await visitCount()).toBe(before + 1)
	const visit = await savedVisit('市教育局')
	expect(visit.conflictReason).toBe('委员二提前离开反诈中心')
	const page = await runLoader(overviewLoader, { path: `/inspections/${inspectionId}`, params: { inspectionId: String(inspectionId) }, as: 'mishu' })
	const shown = (page.data as { visits: Array<{ id: number; conflictReason: string | null }> }).visits.find((v) => v.id === visit.id)
	expect(shown?.conflictReason).toBe('委员二提前离开反诈中心')
})

test('the warning names the double-booked person', async () => {
	await firstVisit()
	const warned = await post(visitForm({ startTime: '10:00', endTime: '10:30', place: '另一地点', agencyIds: [], participantIds: [String(people.weiyuan1)] }))
	const [conflict] = (warned.data as Answer).conflicts
	expect(conflict.name).toBe((await db().query.users.findFirst({ where: (u, { eq: is }) => is(u.id, people.weiyuan1) }))?.realName)
})

test('an agency visited twice on one day is warned about', async () => {
	await firstVisit()
	const warned = await post(visitForm({ startTime: '14:00', endTime: '16:00', place: '市公安局指挥中心', participantIds: [String(people.weiyuan3)] }))
	expect(warned.status).toBe(400)
	expect((warned.data as Answer).conflicts.map((c) => [c.kind, c.name])).toEqual([['agencySameDay', '武汉市公安局']])
	expect(await savedVisit('市公安局指挥中心')).toBeUndefined()
})

test('a visit outside the inspection period is warned about', async () => {
	const warned = await post(visitForm({ on: '2031-07-05', place: '期外走访', participantIds: [String(people.weiyuan3)] }))
	expect(warned.status).toBe(400)
	expect((warned.data as Answer).conflicts.map((c) => c.kind)).toEqual(['outsidePeriod'])
	expect(await savedVisit('期外走访')).toBeUndefined()
})

test('a visit during a standing committee meeting conflicts for a member participant, not for a deputy', async () => {
	const withMember = await post(
		visitForm({ on: '2031-06-21', place: '会期走访', agencyIds: [String(agency.amr)], participantIds: [String(people.weiyuan3), String(people.daibiao1)] }),
	)
	expect(withMember.status).toBe(400)
	const conflicts = (withMember.data as Answer).conflicts
	expect(conflicts.map((c) => [c.kind, c.withKind, c.withTitle])).toEqual([['participant', 'meeting', '第十五届人大常委会第九十七次会议']])
	const deputyOnly = await post(visitForm({ on: '2031-06-21', place: '会期走访', agencyIds: [String(agency.amr)], participantIds: [String(people.daibiao1)] }))
	expect(deputyOnly.status).toBe(302)
})

test('an end not after the start is refused, also with a reason, and the input is kept', async () => {
	const before = await visitCount()
	for (const endTime of ['08:00', '09:00']) {
		const refused = await post(visitForm({ on: '2031-07-05', place: '时间倒置', startTime: '09:00', endTime, conflictReason: '有理由也不行', acknowledged: ['period:2031-06-01:2031-06-30'] }))
		expect(refused.status).toBe(400)
		const answer = refused.data as Answer
		expect(answer.result.error?.endTime).toEqual(['结束时间须晚于开始时间。'])
		expect(answer.result.initialValue).toMatchObject({ place: '时间倒置', endTime })
	}
	expect(await visitCount()).toBe(before)
})

test('participants come from the group and agencies from the list', async () => {
	const refused = await post(visitForm({ place: '组外人员', participantIds: [String(people.daibiao2)], agencyIds: ['999999'] }))
	expect(refused.status).toBe(400)
	const error = (refused.data as Answer).result.error
	expect(error?.participantIds).toEqual(['参加人员须为检查组成员。'])
	expect(error?.agencyIds).toEqual(['所选单位不可选。'])
	const page = await runLoader(loader, { path: `/inspections/${inspectionId}/visits/new`, params: { inspectionId: String(inspectionId) }, as: 'mishu' })
	const data = page.data as { group: Array<{ id: number; role: string }>; districts: Array<string> }
	expect(data.group.map((g) => g.role)).toEqual(['leader', 'member', 'member', 'deputy'])
	expect(data.districts).toHaveLength(17)
	expect(data.districts.slice(0, 2)).toEqual(['江岸区', '江汉区'])
	expect(data.districts).toContain('东湖高新区')
})

test('only the secretariat schedules visits', async () => {
	for (const as of ['weiyuan1', 'daibiao1', 'gongan', 'admin']) {
		expect((await runLoader(loader, { path: `/inspections/${inspectionId}/visits/new`, params: { inspectionId: String(inspectionId) }, as })).status).toBe(403)
		expect((await post(visitForm({ place: '不应保存' }), as)).status).toBe(403)
	}
	expect(await savedVisit('不应保存')).toBeUndefined()
})

// The visit to 市教育局 saved over a double-booking, with its reason.
async function conflictingVisit() {
	const existing = await savedVisit('市教育局')
	if (existing) return existing
	await firstVisit()
	const form = visitForm({ startTime: '10:30', endTime: '12:00', place: '市教育局', agencyIds: [String(agency.edu)], participantIds: [String(people.weiyuan2)] })
	const { conflicts } = (await post(form)).data as Answer
	expect((await post({ ...form, conflictReason: '委员二提前离开反诈中心', acknowledged: conflicts.map((c) => c.key) })).status).toBe(302)
	return savedVisit('市教育局')
}

test('editing a visit is versioned and audited; an unchanged visit saved over conflicts keeps its reason', async () => {
	const visit = await conflictingVisit()
	const params = { inspectionId: String(inspectionId), visitId: String(visit.id) }
	const path = `/inspections/${inspectionId}/visits/${visit.id}/edit`
	const page = await runLoader(editLoader, { path, params, as: 'mishu' })
	const data = page.data as { storedConflicts: Answer['conflicts']; visit: { version: number } }
	expect(data.storedConflicts.map((c) => c.kind)).toEqual(['participant'])
	const form = {
		...visitForm({ startTime: '10:30', endTime: '12:30', place: '市教育局', agencyIds: [String(agency.edu)], participantIds: [String(people.weiyuan2)] }),
		intent: 'update',
		version: String(data.visit.version),
		conflictReason: '委员二提前离开反诈中心',
		acknowledged: data.storedConflicts.map((c) => c.key),
	}
	const edited = await runAction(editAction, { path, params, as: 'mishu', form })
	expect(edited.status).toBe(302)
	const after = await savedVisit('市教育局')
	expect(after).toMatchObject({ endTime: '12:30', version: visit.version + 1, conflictReason: '委员二提前离开反诈中心' })
	const stale = await runAction(editAction, { path, params, as: 'mishu', form })
	expect(stale.status).toBe(409)
	// Moved away from the conflict, the reason is no longer stored.
	const moved = await runAction(editAction, { path, params, as: 'mishu', form: { ...form, startTime: '14:00', endTime: '15:00', version: String(after.version) } })
	expect(moved.status).toBe(302)
	expect((await savedVisit('市教育局')).conflictReason).toBeNull()
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'visit.update'), eq(auditEvents.entityId, String(visit.id))))
	expect(event.before).toMatchObject({ time: '10:30–12:00' })
})

test('a visit is deleted with its version, and the deletion is audited', async () => {
	await post(visitForm({ on: '2031-06-25', place: '待删除', participantIds: [String(people.weiyuan3)], agencyIds: [] }))
	const visit = await savedVisit('待删除')
	const params = { inspectionId: String(inspectionId), visitId: String(visit.id) }
	const path = `/inspections/${inspectionId}/visits/${visit.id}/edit`
	expect((await runAction(editAction, { path, params, as: 'weiyuan1', form: { intent: 'delete', version: '1' } })).status).toBe(403)
	expect((await runAction(editAction, { path, params, as: 'mishu', form: { intent: 'delete', version: '7' } })).status).toBe(409)
	const deleted = await runAction(editAction, { path, params, as: 'mishu', form: { intent: 'delete', version: '1' } })
	expect(deleted.status).toBe(302)
	expect(await savedVisit('待删除')).toBeUndefined()
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'visit.delete'), eq(auditEvents.entityId, String(visit.id))))
	expect(event.before).toMatchObject({ place: '待删除' })
	// A visit of another inspection is not found under this one.
	expect((await runLoader(editLoader, { path, params: { ...params, visitId: '999999' }, as: 'mishu' })).status).toBe(404)
})

test('a participant of a scheduled visit cannot be taken out of the group', async () => {
	await firstVisit()
	const [inspection] = await db().select().from(inspections).where(eq(inspections.id, inspectionId))
	const [clause] = await db().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（七）'))
	const form = {
		intent: 'update',
		version: String(inspection.version),
		title: inspection.title,
		year: '2031',
		clauseIds: [String(clause.id)],
		forms: ['field'],
		startsOn: '2031-06-01',
		endsOn: '2031-06-30',
		organId: String(await agencyId('gov')),
		leaderId: String(people.weiyuan1),
		memberIds: [String(people.weiyuan3)],
		deputyIds: [String(people.daibiao1)],
	}
	const params = { inspectionId: String(inspectionId) }
	const refused = await runAction(editInspectionAction, { path: `/inspections/${inspectionId}/edit`, params, as: 'mishu', form })
	expect(refused.status).toBe(400)
	const errors = (refused.data as Answer).result.error?.['']
	expect(errors?.[0]).toMatch(/已安排参加走访，不能移出检查组/)
	const [after] = await db().select().from(inspections).where(eq(inspections.id, inspectionId))
	expect(after.version).toBe(inspection.version)
})
