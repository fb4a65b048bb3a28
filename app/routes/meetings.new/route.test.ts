import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, meetings } from '#db/schema'
import { runAction, runLoader } from '#test/helpers'
import { action as editAction, loader as editLoader } from '../meetings.$meetingId_.edit/route'
import { action, loader } from './route'

const db = () => getDb()

function create(form: Record<string, string>, as = 'mishu') {
	return runAction(action, { path: '/meetings/new', as, form })
}

function edit(id: number, form: Record<string, string>, as = 'mishu') {
	return runAction(editAction, { path: `/meetings/${id}/edit`, params: { meetingId: String(id) }, as, form })
}

async function meetingBy(term: number, session: number) {
	const [row] = await db().select().from(meetings).where(and(eq(meetings.term, term), eq(meetings.session, session)))
	return row
}

test('the secretariat creates a meeting of several days, audited, and lands on its page', async () => {
	const outcome = await create({ term: '15', session: '31', startsOn: '2031-06-24', endsOn: '2031-06-26', place: '市人大常委会机关会议厅' })
	expect(outcome.status).toBe(302)
	const meeting = await meetingBy(15, 31)
	expect(meeting).toMatchObject({ startsOn: '2031-06-24', endsOn: '2031-06-26', place: '市人大常委会机关会议厅', version: 1 })
	expect(outcome.location).toBe(`/meetings/${meeting.id}?done=created`)
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'meeting.create'), eq(auditEvents.entityId, String(meeting.id))))
	expect(event.after).toMatchObject({ label: '第十五届人大常委会第三十一次会议', startsOn: '2031-06-24' })
})

test('a meeting that ends before it starts is refused with the error on the end date and the input kept', async () => {
	const outcome = await create({ term: '15', session: '32', startsOn: '2031-08-26', endsOn: '2031-08-25', place: '会议厅' })
	expect(outcome.status).toBe(400)
	const result = (outcome.data as { result: { error: Record<string, Array<string>>; initialValue: Record<string, string> } }).result
	expect(result.error.endsOn).toEqual(['结束日期不能早于开始日期。'])
	expect(result.initialValue).toMatchObject({ startsOn: '2031-08-26', endsOn: '2031-08-25', place: '会议厅' })
	expect(await meetingBy(15, 32)).toBeUndefined()
})

test('missing or impossible dates and numbers are refused field by field', async () => {
	const outcome = await create({ term: '0', session: 'abc', startsOn: '2031-02-30', endsOn: '' })
	expect(outcome.status).toBe(400)
	const error = (outcome.data as { result: { error: Record<string, Array<string>> } }).result.error
	expect(error.term).toEqual(['请填写 1 至 99 之间的整数。'])
	expect(error.session).toEqual(['请填写 1 至 999 之间的整数。'])
	expect(error.startsOn).toEqual(['请填写有效的日期（年-月-日）。'])
	expect(error.endsOn).toEqual(['请填写日期。'])
})

test('a second meeting with the same term and session is refused with a field error', async () => {
	expect((await create({ term: '15', session: '33', startsOn: '2031-10-28', endsOn: '2031-10-29' })).status).toBe(302)
	const outcome = await create({ term: '15', session: '33', startsOn: '2031-11-28', endsOn: '2031-11-29' })
	expect(outcome.status).toBe(400)
	const error = (outcome.data as { result: { error: Record<string, Array<string>> } }).result.error
	expect(error.session).toEqual(['第十五届人大常委会第三十三次会议已存在，请核对届次和会议次数。'])
	const rows = await db().select().from(meetings).where(and(eq(meetings.term, 15), eq(meetings.session, 33)))
	expect(rows).toHaveLength(1)
	expect(rows[0].startsOn).toBe('2031-10-28')
})

test('editing a meeting is versioned; a stale edit or a clash with another meeting is refused', async () => {
	await create({ term: '15', session: '34', startsOn: '2031-12-22', endsOn: '2031-12-24' })
	await create({ term: '15', session: '35', startsOn: '2032-02-22', endsOn: '2032-02-23' })
	const meeting = await meetingBy(15, 34)
	const saved = await edit(meeting.id, { version: '1', term: '15', session: '34', startsOn: '2031-12-23', endsOn: '2031-12-25', place: '东湖宾馆' })
	expect(saved.status).toBe(302)
	expect(saved.location).toBe(`/meetings/${meeting.id}?done=saved`)
	expect(await meetingBy(15, 34)).toMatchObject({ version: 2, startsOn: '2031-12-23', place: '东湖宾馆' })
	const stale = await edit(meeting.id, { version: '1', term: '15', session: '34', startsOn: '2031-12-20', endsOn: '2031-12-21', place: '旧版本' })
	expect(stale.status).toBe(409)
	expect(JSON.stringify(stale.data)).toContain('该记录已被他人修改')
	expect(JSON.stringify(stale.data)).toContain('旧版本')
	const clash = await edit(meeting.id, { version: '2', term: '15', session: '35', startsOn: '2031-12-23', endsOn: '2031-12-25' })
	expect(clash.status).toBe(400)
	expect(JSON.stringify(clash.data)).toContain('第十五届人大常委会第三十五次会议已存在')
	const backwards = await edit(meeting.id, { version: '2', term: '15', session: '34', startsOn: '2031-12-23', endsOn: '2031-12-22' })
	expect(backwards.status).toBe(400)
	expect(await meetingBy(15, 34)).toMatchObject({ version: 2, startsOn: '2031-12-23', endsOn: '2031-12-25' })
	const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'meeting.update'), eq(auditEvents.entityId, String(meeting.id))))
	expect(event.before).toMatchObject({ startsOn: '2031-12-22', place: '' })
	expect(event.after).toMatchObject({ startsOn: '2031-12-23', place: '东湖宾馆' })
})

test('only the secretariat creates and edits meetings', async () => {
	await create({ term: '15', session: '36', startsOn: '2032-04-22', endsOn: '2032-04-23' })
	const meeting = await meetingBy(15, 36)
	for (const as of ['admin', 'weiyuan1', 'daibiao1', 'gongan']) {
		expect((await runLoader(loader, { path: '/meetings/new', as })).status).toBe(403)
		expect((await create({ term: '15', session: '37', startsOn: '2032-06-22', endsOn: '2032-06-23' }, as)).status).toBe(403)
		expect((await runLoader(editLoader, { path: `/meetings/${meeting.id}/edit`, params: { meetingId: String(meeting.id) }, as })).status).toBe(403)
		expect((await edit(meeting.id, { version: '1', term: '15', session: '36', startsOn: '2032-04-22', endsOn: '2032-04-23', place: 'x' }, as)).status).toBe(403)
	}
	expect(await meetingBy(15, 37)).toBeUndefined()
	expect((await meetingBy(15, 36)).version).toBe(1)
})
