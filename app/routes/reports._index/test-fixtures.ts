import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, clauses, meetings, reports, users } from '#db/schema'
import { addDays, shanghaiDate, type IsoDate } from '~/domain/dates'
import { hearingAgendaTitle, type ReportState } from '~/domain/reports'
import { scheduleReport } from '~/models/reports.server'

// Records the reports tests build on: meetings and scheduled reports, made through the same
// model functions the pages use, and reports moved to a later state directly (for tests that
// are about what comes after, not about the steps themselves).

const db = () => getDb()

export const today = () => shanghaiDate(new Date())

let session = 100

export async function createMeetingOn(startsOn: IsoDate) {
	session++
	const [row] = await db()
		.insert(meetings)
		.values({ term: 15, session, startsOn, endsOn: addDays(startsOn, 2), place: '市人大常委会机关会议厅' })
		.returning({ id: meetings.id })
	return row.id
}

export async function agencyId(key: string) {
	const [row] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

export async function clauseIds(labels: Array<string>) {
	const rows = await db().select({ id: clauses.id, label: clauses.label }).from(clauses).where(inArray(clauses.label, labels)).orderBy(asc(clauses.ordinal))
	return rows.map((r) => r.id)
}

export async function actorOf(username: string) {
	const [user] = await db()
		.select({ id: users.id, role: users.role, agencyId: users.agencyId })
		.from(users)
		.where(eq(sql`lower(${users.username})`, username))
	return { user, actor: { userId: user.id, address: '127.0.0.1' } }
}

// A report of the city government prepared by `department`, at a meeting `daysAhead` days away.
export async function scheduleFor(
	department: string,
	options: { meetingId?: number; daysAhead?: number; clauses?: Array<string>; topic?: string } = {},
) {
	const meetingId = options.meetingId ?? (await createMeetingOn(addDays(today(), options.daysAhead ?? 30)))
	const { actor } = await actorOf('mishu')
	const organId = await agencyId('gov')
	const topic = options.topic ?? `${department}打击治理电信网络诈骗工作情况（示例）`
	const id = await scheduleReport(db(), actor, {
		organId,
		preparingAgencyId: await agencyId(department),
		topic,
		clauseIds: await clauseIds(options.clauses ?? ['（七）']),
		meetingId,
		planItemId: null,
		agendaTitle: hearingAgendaTitle('武汉市人民政府', topic),
	})
	return { id, meetingId }
}

// Moves a report straight into a state, with the dates the steps before it would have set.
export async function forceState(reportId: number, state: ReportState, on: IsoDate = today()) {
	const order: Array<ReportState> = ['scheduled', 'draft_submitted', 'opinions_sent', 'revised_submitted', 'distributed', 'deliberation']
	const reached = (s: ReportState) => order.indexOf(state) >= order.indexOf(s)
	await db()
		.update(reports)
		.set({
			state,
			title: '关于全市打击治理电信网络诈骗工作情况的报告（示例）',
			period: '2025年1月至2026年10月',
			body: '示例正文。',
			draftSubmittedOn: reached('draft_submitted') ? on : null,
			opinionsSentOn: reached('opinions_sent') ? on : null,
			collectedOpinions: reached('opinions_sent') ? '示例意见。' : '',
			revisedSubmittedOn: reached('revised_submitted') ? on : null,
			signedOffBy: reached('revised_submitted') ? '王某某（副市长）' : null,
			signedOffOn: reached('revised_submitted') ? on : null,
			distributedOn: reached('distributed') ? on : null,
		})
		.where(and(eq(reports.id, reportId)))
}

export async function reportRow(reportId: number) {
	const [row] = await db().select().from(reports).where(eq(reports.id, reportId))
	return row
}
