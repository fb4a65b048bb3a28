import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { deliberations, reports, users } from '#db/schema'
import { addDays } from '~/domain/dates'
import { mayReadReport } from '~/domain/reports'
import { runLoader } from '#test/helpers'
import { loader } from './route'
import { agencyId, clauseIds, createMeetingOn, forceState, scheduleFor, today } from '#test/fixtures/reports'

const db = () => getDb()

type ListData = Awaited<ReturnType<typeof loader>>

async function list(search: string, as: string) {
	const outcome = await runLoader(loader, { path: `/reports${search}`, as })
	return { outcome, data: outcome.data as ListData }
}

async function readerOf(username: string) {
	const [user] = await db().select({ role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
	return user
}

test('each role lists exactly the reports it may read', async () => {
	const { id: psbDraft } = await scheduleFor('psb')
	const { id: eduDraft } = await scheduleFor('edu')
	const { id: distributed } = await scheduleFor('edu')
	await forceState(distributed, 'distributed')
	const all = await db().select({ id: reports.id, state: reports.state, preparingAgencyId: reports.preparingAgencyId, organId: reports.organId }).from(reports)
	for (const as of ['mishu', 'admin', 'weiyuan1', 'daibiao1', 'gongan', 'jiaoyu']) {
		const reader = await readerOf(as)
		const expected = all.filter((r) => mayReadReport(reader, r)).map((r) => r.id).sort((a, b) => a - b)
		const { data } = await list('', as)
		expect(data.total, as).toBe(expected.length)
		const shown = data.rows.map((r) => r.id)
		expect(shown.every((id) => expected.includes(id)), as).toBe(true)
	}
	const ids = async (as: string) => (await list('', as)).data.rows.map((r) => r.id)
	expect(await ids('gongan')).toContain(psbDraft)
	expect(await ids('gongan')).not.toContain(eduDraft)
	expect(await ids('gongan')).not.toContain(distributed)
	expect(await ids('weiyuan1')).not.toContain(psbDraft)
})

test('the filters narrow the list and live in a short URL', async () => {
	const meetingId = await createMeetingOn(addDays(today(), 50))
	const { id: a } = await scheduleFor('psb', { meetingId, clauses: ['（七）'] })
	const { id: b } = await scheduleFor('edu', { meetingId, clauses: ['（十七）'] })
	const { id: c } = await scheduleFor('psb', { meetingId, clauses: ['（十七）'] })
	await forceState(c, 'distributed')
	const byMeeting = await list(`?meeting=${meetingId}`, 'mishu')
	expect(byMeeting.data.rows.map((r) => r.id).sort()).toEqual([a, b, c].sort())
	expect(byMeeting.data.filtered).toBe(true)
	const psb = await agencyId('psb')
	expect((await list(`?meeting=${meetingId}&department=${psb}`, 'mishu')).data.rows.map((r) => r.id).sort()).toEqual([a, c].sort())
	expect((await list(`?meeting=${meetingId}&state=distributed`, 'mishu')).data.rows.map((r) => r.id)).toEqual([c])
	const [clause17] = await clauseIds(['（十七）'])
	expect((await list(`?meeting=${meetingId}&clause=${clause17}`, 'mishu')).data.rows.map((r) => r.id).sort()).toEqual([b, c].sort())
	const gov = await agencyId('gov')
	expect((await list(`?meeting=${meetingId}&organ=${gov}&state=scheduled`, 'mishu')).data.rows.map((r) => r.id).sort()).toEqual([a, b].sort())
	const row = byMeeting.data.rows.find((r) => r.id === c)
	expect(row).toMatchObject({ state: 'distributed', organName: '武汉市人民政府', preparingName: '武汉市公安局', standingFlag: 'on_time' })
	// The form's empty fields are dropped from the URL.
	const long = await list(`?organ=&department=&meeting=${meetingId}&state=&clause=`, 'mishu')
	expect(long.outcome.status).toBe(302)
	expect(long.outcome.location).toBe(`/reports?meeting=${meetingId}`)
})

test('the list is paginated by 20', async () => {
	const meetingId = await createMeetingOn(addDays(today(), 60))
	for (let i = 0; i < 21; i++) await scheduleFor('psb', { meetingId, topic: `第${i + 1}项议题（示例）` })
	const first = await list(`?meeting=${meetingId}`, 'mishu')
	expect(first.data).toMatchObject({ total: 21, page: 1, pages: 2 })
	expect(first.data.rows).toHaveLength(20)
	const second = await list(`?meeting=${meetingId}&page=2`, 'mishu')
	expect(second.data.rows).toHaveLength(1)
	expect(new Set([...first.data.rows, ...second.data.rows].map((r) => r.id)).size).toBe(21)
})

test('a report late against Art. 15 is flagged; the satisfaction result and handling due date come from its deliberation', async () => {
	const meetingId = await createMeetingOn(addDays(today(), 12))
	const { id: late } = await scheduleFor('psb', { meetingId })
	const { id: voted } = await scheduleFor('edu', { meetingId })
	await forceState(voted, 'deliberation')
	const [deliberation] = await db()
		.insert(deliberations)
		.values({
			subjectType: 'report',
			subjectId: voted,
			title: '示例',
			meetingId,
			organId: await agencyId('gov'),
			respondingAgencyId: await agencyId('edu'),
			state: 'open',
			tally: { satisfied: 3, basically_satisfied: 4, unsatisfied: 20 },
		})
		.returning({ id: deliberations.id })
	const rows = async () => (await list(`?meeting=${meetingId}`, 'mishu')).data.rows
	expect((await rows()).find((r) => r.id === late)?.standingFlag).toBe('overdue')
	// While the vote is open, no result is shown.
	expect((await rows()).find((r) => r.id === voted)).toMatchObject({ satisfaction: null, handlingDueOn: null })
	const due = addDays(today(), 60)
	await db().update(deliberations).set({ state: 'letter_sent', handlingDueOn: due }).where(eq(deliberations.id, deliberation.id))
	expect((await rows()).find((r) => r.id === voted)).toMatchObject({ satisfaction: 'unsatisfied', handlingDueOn: due, handlingOverdueDays: 0 })
	// The handling report's lateness is computed from today.
	await db().update(deliberations).set({ handlingDueOn: addDays(today(), -3) }).where(eq(deliberations.id, deliberation.id))
	expect((await rows()).find((r) => r.id === voted)).toMatchObject({ handlingOverdueDays: 3 })
})

test('an empty filtered list says so; the secretariat may schedule from the list', async () => {
	const meetingId = await createMeetingOn(addDays(today(), 70))
	const { data } = await list(`?meeting=${meetingId}`, 'mishu')
	expect(data.rows).toEqual([])
	expect(data.filtered).toBe(true)
	expect(data.canSchedule).toBe(true)
	expect((await list('', 'gongan')).data.canSchedule).toBe(false)
})
