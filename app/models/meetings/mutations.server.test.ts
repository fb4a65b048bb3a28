import { expect, test } from 'vitest'
import { and, asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agendaItems, auditEvents, meetings } from '#db/schema'
import { actorFor, userId } from '#test/helpers'
import { write } from '../write.server'
import { addAgendaItem, createMeeting, removeAgendaItemsFor } from './mutations.server'
import { getMeeting, listAgenda, listMeetingOptions, listUpcomingMeetings } from './queries.server'

const db = () => getDb()

async function meeting(term: number, session: number, startsOn: string, endsOn = startsOn) {
	const [row] = await db().insert(meetings).values({ term, session, startsOn, endsOn }).returning({ id: meetings.id })
	return row.id
}

async function as(username: string) {
	return { id: await userId(username), address: '127.0.0.1' }
}

function positions(items: Array<{ position: number; title: string }>) {
	return items.map((i) => `${i.position}:${i.title}`)
}

test('addAgendaItem appends at the end of the agenda and audits agenda.add on the meeting', async () => {
	const id = await meeting(15, 41, '2032-06-24', '2032-06-26')
	const actor = await as('mishu')
	const first = await write(db(), actor, (tx, audit) => addAgendaItem(tx, audit, id, { kind: 'other', title: '审议人事任免事项' }))
	const second = await write(db(), actor, (tx, audit) =>
		addAgendaItem(tx, audit, id, { kind: 'report', title: '听取市人民政府关于反诈工作情况的报告', subjectType: 'report', subjectId: 9001 }),
	)
	expect(second).toBeGreaterThan(first)
	const agenda = await listAgenda(db(), id)
	expect(positions(agenda)).toEqual(['1:审议人事任免事项', '2:听取市人民政府关于反诈工作情况的报告'])
	expect(agenda[1]).toMatchObject({ kind: 'report', subjectType: 'report', subjectId: 9001 })
	const events = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'agenda.add'), eq(auditEvents.entityId, String(id))))
	expect(events).toHaveLength(2)
	expect(events.every((e) => e.entityType === 'meeting')).toBe(true)
	expect(events.map((e) => (e.after as { position: number }).position).sort()).toEqual([1, 2])
})

test('removeAgendaItemsFor takes a record off every agenda and closes the gaps', async () => {
	const a = await meeting(15, 42, '2032-08-24')
	const b = await meeting(15, 43, '2032-10-24')
	const actor = await as('mishu')
	await write(db(), actor, async (tx, audit) => {
		await addAgendaItem(tx, audit, a, { kind: 'other', title: '甲一' })
		await addAgendaItem(tx, audit, a, { kind: 'report', title: '报告', subjectType: 'report', subjectId: 9002 })
		await addAgendaItem(tx, audit, a, { kind: 'other', title: '甲三' })
		await addAgendaItem(tx, audit, b, { kind: 'report', title: '报告（续）', subjectType: 'report', subjectId: 9002 })
		await addAgendaItem(tx, audit, b, { kind: 'report', title: '另一报告', subjectType: 'report', subjectId: 9003 })
	})
	await write(db(), actor, (tx, audit) => removeAgendaItemsFor(tx, audit, 'report', 9002))
	expect(positions(await listAgenda(db(), a))).toEqual(['1:甲一', '2:甲三'])
	expect(positions(await listAgenda(db(), b))).toEqual(['1:另一报告'])
	const removals = await db().select().from(auditEvents).where(eq(auditEvents.action, 'agenda.remove')).orderBy(asc(auditEvents.id))
	expect(removals.map((e) => (e.before as { title: string }).title)).toEqual(['报告', '报告（续）'])
	// Nothing left to remove is not an error.
	await write(db(), actor, async (tx, audit) => {
		await removeAgendaItemsFor(tx, audit, 'report', 9002)
		await audit({ action: 'test.noop', entityType: 'meeting' })
	})
	expect(await db().select().from(agendaItems).where(eq(agendaItems.subjectId, 9002))).toEqual([])
})

test('meeting options are named and newest first; upcoming meetings include those in session', async () => {
	const old = await meeting(14, 44, '2020-04-28', '2020-04-29')
	const next = await meeting(15, 45, '2099-04-28', '2099-04-30')
	const options = await listMeetingOptions(db())
	const ids = options.map((o) => o.id)
	expect(ids.indexOf(next)).toBeLessThan(ids.indexOf(old))
	expect(options.find((o) => o.id === old)).toEqual({ id: old, label: '第十四届人大常委会第四十四次会议', startsOn: '2020-04-28', endsOn: '2020-04-29' })
	const upcoming = await listUpcomingMeetings(db(), '2099-04-30')
	expect(upcoming.map((m) => m.id)).toContain(next)
	expect(upcoming.map((m) => m.id)).not.toContain(old)
	expect((await listUpcomingMeetings(db(), '2099-05-01')).map((m) => m.id)).not.toContain(next)
	expect(await getMeeting(db(), next)).toMatchObject({ term: 15, session: 45 })
	expect(await getMeeting(db(), 999999)).toBeNull()
})

test('only the secretariat creates a meeting, and a term and session already taken is refused in the transaction', async () => {
	const input = { term: 15, session: 46, startsOn: '2032-12-20', endsOn: '2032-12-21', place: '' }
	await expect(createMeeting(db(), await actorFor('admin'), input)).rejects.toMatchObject({ refusal: { kind: 'forbidden' } })
	const id = await createMeeting(db(), await actorFor('mishu'), input)
	await expect(createMeeting(db(), await actorFor('mishu'), { ...input, startsOn: '2033-01-05', endsOn: '2033-01-05' })).rejects.toMatchObject({
		refusal: { kind: 'rule', code: 'meetings.duplicate', params: { label: '第十五届人大常委会第四十六次会议' }, status: 400 },
	})
	expect(await getMeeting(db(), id)).toMatchObject({ startsOn: '2032-12-20' })
	const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'meeting.create'))
	expect(events.filter((e) => e.entityId === String(id))).toHaveLength(1)
})
