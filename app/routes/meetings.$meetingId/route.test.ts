import { expect, test } from 'vitest'
import { and, asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, agendaItems, auditEvents, meetingAttendance, meetings, reports } from '#db/schema'
import type { ReportState } from '~/domain/reports'
import { addAgendaItem } from '~/models/meetings/mutations.server'
import { write } from '~/models/write.server'
import { runAction, runLoader, userId } from '#test/helpers'
import { loader as listLoader } from '../meetings._index/route'
import { action, loader } from './route'

const db = () => getDb()

async function newMeeting(session: number, startsOn = '2099-06-24', endsOn = '2099-06-26') {
	const [row] = await db().insert(meetings).values({ term: 15, session, startsOn, endsOn, place: '市人大常委会机关会议厅' }).returning({ id: meetings.id })
	return row.id
}

function page(id: number, as: string) {
	return runLoader(loader, { path: `/meetings/${id}`, params: { meetingId: String(id) }, as })
}

function post(id: number, form: Record<string, string>, as = 'mishu') {
	return runAction(action, { path: `/meetings/${id}`, params: { meetingId: String(id) }, as, form })
}

async function agenda(id: number) {
	const rows = await db().select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(asc(agendaItems.position))
	return rows.map((r) => `${r.position}:${r.title}`)
}

async function itemId(meetingId: number, title: string) {
	const [row] = await db()
		.select({ id: agendaItems.id })
		.from(agendaItems)
		.where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.title, title)))
	return String(row.id)
}

async function report(meetingId: number, topic: string, state: ReportState) {
	const [gov] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'gov'))
	const [psb] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'psb'))
	const [row] = await db()
		.insert(reports)
		.values({ organId: gov.id, preparingAgencyId: psb.id, meetingId, topic, state })
		.returning({ id: reports.id })
	const actor = { id: await userId('mishu'), address: null }
	await write(db(), actor, (tx, audit) => addAgendaItem(tx, audit, meetingId, { kind: 'report', title: topic, subjectType: 'report', subjectId: row.id }))
	return row.id
}

type Entry = { title: string; access: string; path: string | null }

test('the secretariat adds, moves and removes agenda items; positions stay 1..n', async () => {
	const id = await newMeeting(51)
	for (const title of ['审议甲', '审议乙', '审议丙']) {
		const outcome = await post(id, { intent: 'addItem', title })
		expect(outcome.status).toBe(302)
		expect(outcome.location).toBe(`/meetings/${id}?done=itemAdded#agenda`)
	}
	expect(await agenda(id)).toEqual(['1:审议甲', '2:审议乙', '3:审议丙'])
	expect((await post(id, { intent: 'moveUp', itemId: await itemId(id, '审议丙') })).status).toBe(302)
	expect(await agenda(id)).toEqual(['1:审议甲', '2:审议丙', '3:审议乙'])
	expect((await post(id, { intent: 'moveDown', itemId: await itemId(id, '审议甲') })).status).toBe(302)
	expect(await agenda(id)).toEqual(['1:审议丙', '2:审议甲', '3:审议乙'])
	// At either end nothing moves, and nothing is written.
	await post(id, { intent: 'moveUp', itemId: await itemId(id, '审议丙') })
	await post(id, { intent: 'moveDown', itemId: await itemId(id, '审议乙') })
	expect(await agenda(id)).toEqual(['1:审议丙', '2:审议甲', '3:审议乙'])
	const removed = await itemId(id, '审议甲')
	expect((await post(id, { intent: 'remove', itemId: removed })).status).toBe(302)
	expect(await agenda(id)).toEqual(['1:审议丙', '2:审议乙'])
	// An item already gone (removed by someone else) is answered with the current agenda.
	const gone = await post(id, { intent: 'remove', itemId: removed })
	expect(gone.status).toBe(409)
	expect(JSON.stringify(gone.data)).toContain('该议题已不在议程中')
	const actions = await db()
		.select({ action: auditEvents.action })
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, 'meeting'), eq(auditEvents.entityId, String(id))))
	expect(actions.map((a) => a.action).sort()).toEqual(['agenda.add', 'agenda.add', 'agenda.add', 'agenda.move', 'agenda.move', 'agenda.remove'])
	const empty = await post(id, { intent: 'addItem', title: '  ' })
	expect(empty.status).toBe(400)
	expect(JSON.stringify(empty.data)).toContain('请填写议题')
})

test('an item of another meeting cannot be moved or removed from this one', async () => {
	const mine = await newMeeting(52)
	const other = await newMeeting(53)
	await post(other, { intent: 'addItem', title: '别的会议的议题' })
	const foreign = await itemId(other, '别的会议的议题')
	expect((await post(mine, { intent: 'remove', itemId: foreign })).status).toBe(409)
	expect(await agenda(other)).toEqual(['1:别的会议的议题'])
})

test('attendance is saved for each member, counted, listed and audited with names', async () => {
	const id = await newMeeting(54)
	const form: Record<string, string> = { intent: 'attendance' }
	form[`attendance-${await userId('weiyuan1')}`] = 'present'
	form[`attendance-${await userId('weiyuan2')}`] = 'present'
	form[`attendance-${await userId('weiyuan3')}`] = 'leave'
	form[`attendance-${await userId('weiyuan4')}`] = 'absent'
	const outcome = await post(id, form)
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe(`/meetings/${id}?done=attendanceSaved#attendance`)
	const view = (await page(id, 'weiyuan5')).data as {
		counts: { present: number; leave: number; absent: number; unrecorded: number }
		attendance: Array<{ realName: string; status: string | null }>
	}
	expect(view.counts).toEqual({ present: 2, leave: 1, absent: 1, unrecorded: view.attendance.length - 4 })
	expect(view.attendance.length).toBeGreaterThanOrEqual(9)
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'meeting.attendance'), eq(auditEvents.entityId, String(id))))
	expect(event.before).toEqual([])
	expect((event.after as Array<{ status: string }>).map((e) => e.status).sort()).toEqual(['absent', 'leave', 'present', 'present'])
	// Leaving a member blank clears their record; a tampered value changes nothing.
	const again: Record<string, string> = { intent: 'attendance' }
	again[`attendance-${await userId('weiyuan1')}`] = 'present'
	await post(id, again)
	expect(await db().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id))).toHaveLength(1)
	const tampered = await post(id, { intent: 'attendance', [`attendance-${await userId('weiyuan2')}`]: 'late' })
	expect(tampered.status).toBe(400)
	expect(await db().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id))).toHaveLength(1)
})

test('a member sees the link to a distributed report, and 材料尚未分发 for one not yet distributed', async () => {
	const id = await newMeeting(55)
	const distributed = await report(id, '关于全市打击治理电信网络诈骗工作情况的报告', 'distributed')
	const drafting = await report(id, '关于涉诈资金返还工作情况的报告', 'revised_submitted')
	await post(id, { intent: 'addItem', title: '其他事项' })
	const member = (await page(id, 'weiyuan1')).data as { agenda: Array<Entry> }
	expect(member.agenda.map((e) => [e.access, e.path])).toEqual([
		['link', `/reports/${distributed}`],
		['not_distributed', null],
		['title', null],
	])
	expect(JSON.stringify(member)).not.toContain(`/reports/${drafting}`)
	const staff = (await page(id, 'mishu')).data as { agenda: Array<Entry>; canManage: boolean }
	expect(staff.canManage).toBe(true)
	expect(staff.agenda.map((e) => e.path)).toEqual([`/reports/${distributed}`, `/reports/${drafting}`, null])
})

test('liaisons and deputies see the meeting and its agenda titles only, and no attendance', async () => {
	const id = await newMeeting(56)
	await report(id, '关于电信网络诈骗防范宣传工作情况的报告', 'distributed')
	await post(id, { intent: 'attendance', [`attendance-${await userId('weiyuan1')}`]: 'present' })
	for (const as of ['gongan', 'daibiao1']) {
		const outcome = await page(id, as)
		expect(outcome.status).toBe(200)
		const data = outcome.data as { meeting: { place: string; startsOn: string }; agenda: Array<Entry>; attendance: unknown; canManage: boolean }
		expect(data.meeting).toMatchObject({ place: '市人大常委会机关会议厅', startsOn: '2099-06-24' })
		expect(data.agenda.map((e) => [e.title, e.access, e.path])).toEqual([['关于电信网络诈骗防范宣传工作情况的报告', 'title', null]])
		expect(data.attendance).toBeNull()
		expect(data.canManage).toBe(false)
		expect(JSON.stringify(data)).not.toContain('/reports/')
	}
})

test('a liaison, a deputy, a member and admin get 403 from every action of the meeting page', async () => {
	const id = await newMeeting(57)
	await post(id, { intent: 'addItem', title: '原有议题' })
	const item = await itemId(id, '原有议题')
	for (const as of ['gongan', 'daibiao1', 'weiyuan1', 'admin']) {
		expect((await post(id, { intent: 'addItem', title: '不应添加' }, as)).status).toBe(403)
		expect((await post(id, { intent: 'remove', itemId: item }, as)).status).toBe(403)
		expect((await post(id, { intent: 'moveDown', itemId: item }, as)).status).toBe(403)
		expect((await post(id, { intent: 'attendance', [`attendance-${await userId('weiyuan1')}`]: 'absent' }, as)).status).toBe(403)
	}
	expect(await agenda(id)).toEqual(['1:原有议题'])
	expect(await db().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id))).toEqual([])
	expect((await page(999999, 'mishu')).status).toBe(404)
})

test('the meetings list shows upcoming meetings first, soonest first, then past ones, to every role', async () => {
	const later = await newMeeting(58, '2099-10-20', '2099-10-22')
	const sooner = await newMeeting(59, '2099-08-20', '2099-08-21')
	const past = await newMeeting(60, '2001-03-01', '2001-03-02')
	for (const as of ['weiyuan1', 'gongan', 'daibiao1', 'admin', 'mishu']) {
		const outcome = await runLoader(listLoader, { path: '/meetings', as })
		expect(outcome.status).toBe(200)
		const data = outcome.data as { upcoming: Array<{ id: number }>; past: Array<{ id: number }>; canManage: boolean }
		const upcoming = data.upcoming.map((m) => m.id)
		expect(upcoming.indexOf(sooner)).toBeLessThan(upcoming.indexOf(later))
		expect(upcoming).not.toContain(past)
		expect(data.past.map((m) => m.id)).toContain(past)
		expect(data.canManage).toBe(as === 'mishu')
	}
})
