import { eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, inspections, meetings, users, visitAgencies, visitParticipants, visits } from '#db/schema'
import { addDays, type IsoDate } from '~/domain/dates'

// A small schedule for the calendar tests, from `base` on: one inspection with three visits and
// a three-day meeting.
// - open:   base+1, 09:30–11:45, to psb (武汉市公安局), weiyuan1 and daibiao1 take part;
// - secret: base+2, 14:00–16:00, 暗访 to psb, weiyuan2 takes part;
// - edu:    base+3, 08:30–10:00, to edu, weiyuan2 and daibiao2 take part;
// - meeting base+5 … base+7 (all day).
export type CalendarFixture = {
	inspectionId: number
	title: string
	open: number
	secret: number
	edu: number
	meeting: number
	days: { open: IsoDate; secret: IsoDate; edu: IsoDate; meetingStart: IsoDate; meetingEnd: IsoDate }
}

async function idsOf(usernames: Array<string>) {
	const rows = await getDb().select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, usernames))
	return Object.fromEntries(rows.map((r) => [r.username, r.id])) as Record<string, number>
}

async function agencyId(key: string) {
	const [row] = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

export async function calendarFixture(base: IsoDate, session: number): Promise<CalendarFixture> {
	const db = getDb()
	const people = await idsOf(['weiyuan1', 'weiyuan2', 'daibiao1', 'daibiao2'])
	const psb = await agencyId('psb')
	const edu = await agencyId('edu')
	const title = `日历测试执法检查${session}`
	const [inspection] = await db
		.insert(inspections)
		.values({ title, year: Number(base.slice(0, 4)), startsOn: base, endsOn: addDays(base, 30) })
		.returning({ id: inspections.id })
	async function visit(on: IsoDate, startTime: string, endTime: string, place: string, district: string | null, unannounced: boolean, agencyIds: Array<number>, participantIds: Array<number>) {
		const [row] = await db.insert(visits).values({ inspectionId: inspection.id, on, startTime, endTime, place, district, unannounced }).returning({ id: visits.id })
		await db.insert(visitAgencies).values(agencyIds.map((agency) => ({ visitId: row.id, agencyId: agency })))
		await db.insert(visitParticipants).values(participantIds.map((userId) => ({ visitId: row.id, userId })))
		return row.id
	}
	const days = {
		open: addDays(base, 1),
		secret: addDays(base, 2),
		edu: addDays(base, 3),
		meetingStart: addDays(base, 5),
		meetingEnd: addDays(base, 7),
	}
	const open = await visit(days.open, '09:30', '11:45', '市公安局反诈中心', '江岸区', false, [psb], [people.weiyuan1, people.daibiao1])
	const secret = await visit(days.secret, '14:00', '16:00', '某派出所', '江汉区', true, [psb], [people.weiyuan2])
	const eduVisit = await visit(days.edu, '08:30', '10:00', '市教育局', null, false, [edu], [people.weiyuan2, people.daibiao2])
	const [meeting] = await db
		.insert(meetings)
		.values({ term: 99, session, startsOn: days.meetingStart, endsOn: days.meetingEnd, place: '市人大常委会机关会议厅' })
		.returning({ id: meetings.id })
	return { inspectionId: inspection.id, title, open, secret, edu: eduVisit, meeting: meeting.id, days }
}
