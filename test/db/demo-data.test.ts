import { expect, test } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, agendaItems, appMeta, attachments, auditEvents, ballotParticipation, ballots, deliberationOpinions, deliberations, meetings, planItems, reports, reportTaskProgress } from '#db/schema'
import { addDays } from '~/domain/dates'
import { deliberationStates, satisfactionResult, voterKey } from '~/domain/deliberation'
import { reportStates } from '~/domain/reports'
import { settingDefaults } from '~/domain/settings'

const db = () => getDb()

async function seededOn(): Promise<string> {
	const [row] = await db().select().from(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	return row.value as string
}

test('the demo holds a report in every report state and a deliberation in every deliberation state', async () => {
	const reportRows = await db().selectDistinct({ state: reports.state }).from(reports)
	expect(reportRows.map((r) => r.state).sort()).toEqual([...reportStates].sort())
	const deliberationRows = await db().selectDistinct({ state: deliberations.state }).from(deliberations)
	expect(deliberationRows.map((r) => r.state).sort()).toEqual([...deliberationStates].sort())
})

test('the reports are prepared by at least three different departments, and all are marked 示例', async () => {
	const rows = await db()
		.selectDistinct({ key: agencies.key })
		.from(reports)
		.innerJoin(agencies, eq(agencies.id, reports.preparingAgencyId))
	expect(rows.length).toBeGreaterThanOrEqual(3)
	expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(['psb', 'edu', 'court', 'procuratorate']))
	const titles = await db().select({ title: reports.title }).from(reports)
	expect(titles.every((r) => r.title.endsWith('（示例）'))).toBe(true)
	const progress = await db().select({ narrative: reportTaskProgress.narrative, assessment: reportTaskProgress.selfAssessment }).from(reportTaskProgress)
	expect(progress.length).toBeGreaterThan(10)
	expect(progress.every((p) => p.narrative.includes('示例') && p.assessment !== null)).toBe(true)
})

test('one handling report is overdue, one was returned with a reason, and one vote came out 不满意 by the meeting system', async () => {
	const today = await seededOn()
	const rows = await db().select().from(deliberations)
	const overdue = rows.filter((d) => d.state === 'letter_sent' && d.handlingDueOn !== null && d.handlingDueOn < today)
	expect(overdue).toHaveLength(1)
	expect(overdue[0].handlingDueOn).toBe(addDays(today, -30))
	expect(rows.filter((d) => d.state === 'letter_sent' && d.handlingReturnReason)).toHaveLength(1)
	const unsatisfied = rows.filter((d) => d.tally && satisfactionResult(d.tally, settingDefaults.satisfactionThresholdPercent) === 'unsatisfied')
	expect(unsatisfied).toHaveLength(1)
	expect(unsatisfied[0].tallySource).toBe('meeting_system')
	expect(unsatisfied[0].id).toBe(overdue[0].id)
})

test('the ballots follow the secrecy design: only the open vote has a salt, and its ballots are keyed by it', async () => {
	const rows = await db().select().from(deliberations)
	for (const row of rows) expect(row.ballotSalt !== null).toBe(row.state === 'open')
	const open = rows.find((d) => d.state === 'open')!
	const voters = await db().select({ memberId: ballotParticipation.memberId }).from(ballotParticipation).where(eq(ballotParticipation.deliberationId, open.id))
	const keys = await db().select({ voterKey: ballots.voterKey }).from(ballots).where(eq(ballots.deliberationId, open.id))
	expect(voters.length).toBeGreaterThan(0)
	expect(keys.map((k) => k.voterKey).sort()).toEqual(voters.map((v) => voterKey(open.ballotSalt!, v.memberId)).sort())
	// No audit entry of a vote says how anyone voted.
	const voteEvents = await db().select({ after: auditEvents.after }).from(auditEvents).where(eq(auditEvents.action, 'deliberation.vote'))
	expect(voteEvents.length).toBeGreaterThan(0)
	for (const event of voteEvents) expect(JSON.stringify(event.after)).not.toMatch(/satisfied/)
})

test('three meetings around the seeding day carry agendas and attendance; the plan covers this year', async () => {
	const today = await seededOn()
	const rows = await db().select().from(meetings).orderBy(meetings.startsOn)
	expect(rows.map((m) => [m.term, m.session, m.startsOn])).toEqual([
		[15, 20, addDays(today, -100)],
		[15, 21, addDays(today, -10)],
		[15, 22, addDays(today, 24)],
	])
	const agenda = await db()
		.select({ meetingId: agendaItems.meetingId, n: sql<number>`count(*)::int` })
		.from(agendaItems)
		.groupBy(agendaItems.meetingId)
	expect(agenda).toHaveLength(3)
	expect(agenda.every((a) => a.n >= 2)).toBe(true)
	const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(planItems).where(eq(planItems.year, Number(today.slice(0, 4))))
	expect(n).toBeGreaterThanOrEqual(2)
	const opinions = await db().select({ enteredBy: deliberationOpinions.enteredBy }).from(deliberationOpinions)
	expect(opinions.some((o) => o.enteredBy !== null)).toBe(true)
	const files = await db().select({ ownerType: attachments.ownerType, fileName: attachments.fileName }).from(attachments)
	expect(files.map((f) => f.ownerType).sort()).toEqual(['handling_report', 'report', 'report'])
})

test('the demo holds a 专题询问 with eight or more answered questions, and commitments in every state, one overdue', async () => {
	const { commitments, inquiries, inquiryExchanges, inquiryRegistrations } = await import('#db/schema')
	const { agencyItemOverdueDays, agencyItemStates } = await import('~/domain/agency-items')
	const today = await seededOn()
	const sessions = await db().select().from(inquiries)
	const published = sessions.find((s) => s.kind === 'special' && s.state === 'published')!
	const log = await db().select().from(inquiryExchanges).where(eq(inquiryExchanges.inquiryId, published.id))
	expect(log.length).toBeGreaterThanOrEqual(8)
	expect(log.every((e) => e.answer.trim() !== '')).toBe(true)
	const rows = await db().select().from(commitments)
	expect(new Set(rows.map((r) => r.state))).toEqual(new Set(agencyItemStates))
	expect(rows.filter((r) => agencyItemOverdueDays(r, today) > 0).length).toBeGreaterThanOrEqual(1)
	// Its opinions went out without a vote, one letter per answering agency; a session is in
	// progress (not published) and one to come has registered questions.
	const inquiryDeliberations = await db().select().from(deliberations).where(eq(deliberations.subjectType, 'inquiry'))
	expect(inquiryDeliberations.length).toBeGreaterThanOrEqual(3)
	expect(inquiryDeliberations.every((d) => !d.withVote && d.tally === null)).toBe(true)
	expect(sessions.some((s) => s.state === 'scheduled' && s.heldOn < today)).toBe(true)
	const coming = sessions.find((s) => s.heldOn > today)!
	expect(await db().select().from(inquiryRegistrations).where(eq(inquiryRegistrations.inquiryId, coming.id))).not.toHaveLength(0)
	expect(coming.withVote).toBe(true)
})
