import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agendaItems, auditEvents, deliberations, inquiryExchanges, inquiryRespondents, users } from '#db/schema'
import { logScope } from '~/domain/inquiries'
import { settingDefaults } from '~/domain/settings'
import { saveLetter, sendLetter } from '../deliberation/mutations.server'
import { isRefused, type Actor } from '../write.server'
import {
	addCommitment,
	appendFollowUp,
	appendQuestion,
	askRegistered,
	moveRegistration,
	openInquiryDeliberation,
	publishRecord,
	registerQuestion,
	saveAnswer,
	scheduleInquiry,
	withdrawRegistration,
} from './mutations.server'
import { listInquiries, loadLog, loadRegistrations, sessionFacts, getInquiry } from './queries.server'
import { actor, agencyIdOf, clauseIdOf, comingMeeting, dayAfter, exchangesOf, putQuestion, scheduleSession, seededOn, userIdOf } from '#test/fixtures/inquiries'

const db = () => getDb()

async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (isRefused(error)) return error.refusal
		throw error
	}
	throw new Error('Expected a refusal')
}

// A second clerk of the office, so that two people type at once.
async function secondClerk(): Promise<Actor> {
	const [existing] = await db().select({ id: users.id }).from(users).where(eq(users.username, 'mishu2'))
	const id =
		existing?.id ??
		(await db().insert(users).values({ username: 'mishu2', passwordHash: 'x', realName: '第二书记员（示例）', role: 'secretariat' }).returning({ id: users.id }))[0].id
	return { id, role: 'secretariat', agencyId: null, address: '127.0.0.2' }
}

test('two clerks appending questions at once both keep theirs, each at its own next position', async () => {
	const { id, heldOn } = await scheduleSession()
	const clerks = [await actor('mishu'), await secondClerk()]
	const asker = await userIdOf('weiyuan1')
	const psb = await agencyIdOf('psb')
	const append = (clerk: Actor, n: number) =>
		appendQuestion(db(), clerk, { inquiryId: id, askerId: asker, agencyId: psb, officialName: '', officialTitle: '', question: `并发提问 ${n}`, registrationId: null, today: heldOn })
	// Ten rounds of two at once: on PostgreSQL the second waits for the session row's lock.
	for (let round = 0; round < 10; round++) await Promise.all([append(clerks[0], round * 2), append(clerks[1], round * 2 + 1)])
	const rows = await exchangesOf(id)
	expect(rows.map((r) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
	expect(new Set(rows.map((r) => r.question)).size).toBe(20)
	expect(new Set(rows.map((r) => r.enteredBy))).toEqual(new Set(clerks.map((c) => c.id)))
	// Each question is written to the audit log by the clerk who entered it.
	const audited = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'inquiry.question'), eq(auditEvents.actorId, clerks[1].id as number)))
	expect(audited.length).toBeGreaterThanOrEqual(10)
})

test('a position is never taken twice, whatever writes it', async () => {
	const { id } = await scheduleSession()
	await putQuestion(id, 'psb', '第一问')
	const [first] = await exchangesOf(id)
	const duplicate = db().insert(inquiryExchanges).values({ ...first, id: undefined, question: '同一位置的第二问' })
	await expect(duplicate).rejects.toThrow()
})

test("answers are saved on the version the clerk saw: a second clerk's save is refused as stale, not overwritten", async () => {
	const { id, heldOn } = await scheduleSession()
	const exchangeId = await putQuestion(id, 'psb', '止付冻结用时多少？')
	const mishu = await actor('mishu')
	const other = await secondClerk()
	expect(await saveAnswer(db(), mishu, { inquiryId: id, exchangeId, version: 1, answer: '四十分钟。', today: heldOn })).toBe(2)
	expect(await refusal(saveAnswer(db(), other, { inquiryId: id, exchangeId, version: 1, answer: '三十分钟。', today: heldOn }))).toEqual({ kind: 'stale' })
	const [row] = await exchangesOf(id)
	expect(row).toMatchObject({ answer: '四十分钟。', version: 2 })
	// Corrected on the newer version, the change goes through.
	expect(await saveAnswer(db(), other, { inquiryId: id, exchangeId, version: 2, answer: '约四十分钟。', today: heldOn })).toBe(3)
})

test("an answer, follow-up or commitment of another session's question is not found", async () => {
	const a = await scheduleSession()
	const b = await scheduleSession()
	const exchangeId = await putQuestion(a.id, 'psb', '甲场的问题')
	const mishu = await actor('mishu')
	expect(await refusal(saveAnswer(db(), mishu, { inquiryId: b.id, exchangeId, version: 1, answer: '错场', today: b.heldOn }))).toEqual({ kind: 'notFound' })
	expect(await refusal(appendFollowUp(db(), mishu, { inquiryId: b.id, exchangeId, question: '错场', today: b.heldOn }))).toEqual({ kind: 'notFound' })
	expect(
		await refusal(addCommitment(db(), mishu, { inquiryId: b.id, exchangeId, agencyId: await agencyIdOf('psb'), text: '错场', dueOn: dayAfter(b.heldOn, 30), today: b.heldOn })),
	).toEqual({ kind: 'notFound' })
})

test('a question is put only to an answering agency of the session, by a member', async () => {
	const { id, heldOn } = await scheduleSession({ agencies: ['psb'] })
	const mishu = await actor('mishu')
	const put = (agencyKey: string, asker: string) =>
		Promise.all([agencyIdOf(agencyKey), userIdOf(asker)]).then(([agencyId, askerId]) =>
			appendQuestion(db(), mishu, { inquiryId: id, askerId, agencyId, officialName: '', officialTitle: '', question: '问', registrationId: null, today: heldOn }),
		)
	expect(await refusal(put('edu', 'weiyuan1'))).toMatchObject({ kind: 'rule', code: 'inquiries.respondent', status: 400 })
	expect(await refusal(put('psb', 'daibiao1'))).toMatchObject({ kind: 'rule', code: 'inquiries.asker' })
	// Name and title left blank: the agency's attending official.
	await put('psb', 'weiyuan2')
	expect((await exchangesOf(id))[0]).toMatchObject({ officialName: 'psb负责人（示例）', officialTitle: '副局长' })
})

test('members register questions until the first is recorded; the office orders them and puts them to the floor', async () => {
	const { id, heldOn, today } = await scheduleSession()
	const weiyuan1 = await actor('weiyuan1')
	const weiyuan2 = await actor('weiyuan2')
	const mishu = await actor('mishu')
	const first = await registerQuestion(db(), weiyuan1, { inquiryId: id, agencyId: await agencyIdOf('psb'), text: '第一个登记的问题', today })
	const second = await registerQuestion(db(), weiyuan2, { inquiryId: id, agencyId: null, text: '第二个登记的问题', today })
	// The office sees both in order; each member only their own.
	expect((await loadRegistrations(db(), id, { kind: 'all' })).map((r) => r.id)).toEqual([first, second])
	expect((await loadRegistrations(db(), id, { kind: 'own', memberId: weiyuan2.id as number })).map((r) => r.id)).toEqual([second])
	await moveRegistration(db(), mishu, { inquiryId: id, registrationId: second, direction: 'up', today })
	expect((await loadRegistrations(db(), id, { kind: 'all' })).map((r) => [r.id, r.position])).toEqual([
		[second, 1],
		[first, 2],
	])
	// Only the author withdraws; a member does not order.
	expect(await refusal(withdrawRegistration(db(), weiyuan1, { inquiryId: id, registrationId: second, version: 1, today }))).toEqual({ kind: 'forbidden' })
	expect(await refusal(moveRegistration(db(), weiyuan1, { inquiryId: id, registrationId: first, direction: 'up', today }))).toEqual({ kind: 'forbidden' })
	// Put to the floor as registered: the member asks, the agency named answers.
	const exchangeId = await askRegistered(db(), mishu, { inquiryId: id, registrationId: first, agencyId: null, today: heldOn })
	const [asked] = await exchangesOf(id)
	expect(asked).toMatchObject({ id: exchangeId, askerId: weiyuan1.id, agencyId: await agencyIdOf('psb'), question: '第一个登记的问题', registrationId: first })
	// One without an agency needs the clerk's choice.
	expect(await refusal(askRegistered(db(), mishu, { inquiryId: id, registrationId: second, agencyId: null, today: heldOn }))).toMatchObject({ code: 'inquiries.respondent' })
	// The session has begun: no more registering.
	expect(await refusal(registerQuestion(db(), weiyuan2, { inquiryId: id, agencyId: null, text: '迟到的问题', today }))).toMatchObject({ code: 'inquiries.registrationClosed' })
})

test('the record is published only when held and complete; then the log stands and deputies read it', async () => {
	const { id, heldOn } = await scheduleSession()
	const mishu = await actor('mishu')
	await putQuestion(id, 'psb', '有回答的问题', '回答。')
	const unanswered = await putQuestion(id, 'edu', '还没有回答的问题')
	expect(await refusal(publishRecord(db(), mishu, { inquiryId: id, version: 1, today: dayAfter(heldOn, -1) }))).toMatchObject({ code: 'inquiries.notHeld' })
	expect(await refusal(publishRecord(db(), mishu, { inquiryId: id, version: 1, today: heldOn }))).toMatchObject({ code: 'inquiries.unanswered', params: { count: 1 } })
	await saveAnswer(db(), mishu, { inquiryId: id, exchangeId: unanswered, version: 1, answer: '补记的回答。', today: heldOn })
	const followUp = await appendFollowUp(db(), mishu, { inquiryId: id, exchangeId: unanswered, question: '追问', today: heldOn })
	expect(await refusal(publishRecord(db(), mishu, { inquiryId: id, version: 1, today: heldOn }))).toMatchObject({ code: 'inquiries.unanswered', params: { count: 1 } })
	expect(followUp).toBeGreaterThan(0)
	const { saveFollowUp } = await import('./mutations.server')
	await saveFollowUp(db(), mishu, { inquiryId: id, followUpId: followUp, version: 1, answer: '追问的回答。', today: heldOn })
	expect(await refusal(publishRecord(db(), mishu, { inquiryId: id, version: 7, today: heldOn }))).toEqual({ kind: 'stale' })
	await publishRecord(db(), mishu, { inquiryId: id, version: 1, today: heldOn })
	expect(await getInquiry(db(), id)).toMatchObject({ state: 'published', publishedOn: heldOn })
	expect(await refusal(putQuestion(id, 'psb', '公布后的问题'))).toMatchObject({ code: 'inquiries.published' })
	const deputy = await actor('daibiao1')
	expect((await listInquiries(db(), deputy, { page: 1 }, heldOn)).rows.map((r) => r.id)).toContain(id)
})

test("before publication a liaison's log holds only the questions put to their agency, in SQL", async () => {
	const { id, heldOn } = await scheduleSession()
	await putQuestion(id, 'psb', '问公安局的问题', '公安局的回答')
	await putQuestion(id, 'edu', '问教育局的问题', '教育局的回答')
	await putQuestion(id, 'psb', '再问公安局', '再答')
	const gongan = await actor('gongan')
	const jiaoyu = await actor('jiaoyu')
	const unpublished = { state: 'scheduled' as const }
	const forGongan = await loadLog(db(), id, logScope(gongan, unpublished), heldOn)
	expect(forGongan.map((e) => e.question)).toEqual(['问公安局的问题', '再问公安局'])
	// Numbered as in the whole record: the education bureau's question is the second.
	expect(forGongan.map((e) => e.number)).toEqual([1, 3])
	expect(JSON.stringify(forGongan)).not.toContain('教育局的回答')
	expect((await loadLog(db(), id, logScope(jiaoyu, unpublished), heldOn)).map((e) => e.question)).toEqual(['问教育局的问题'])
	// The list counts for a liaison only what they may read.
	const listed = (await listInquiries(db(), gongan, { page: 1 }, heldOn)).rows.find((r) => r.id === id)
	expect(listed?.questions).toBe(2)
	// A liaison of an agency that does not answer in the session does not see it at all.
	const other = { id: 0, role: 'agency' as const, agencyId: await agencyIdOf('justice') }
	expect((await listInquiries(db(), other, { page: 1 }, heldOn)).rows.map((r) => r.id)).not.toContain(id)
})

test('a 专题询问 goes on the agenda; a 询问 takes the clauses of the report it is put on; a vertical unit cannot be made to answer', async () => {
	const { id, meeting } = await scheduleSession({ topic: '议程上的专题询问（示例）' })
	const agenda = await db().select().from(agendaItems).where(and(eq(agendaItems.subjectType, 'inquiry'), eq(agendaItems.subjectId, id)))
	expect(agenda).toMatchObject([{ meetingId: meeting.id, kind: 'inquiry', title: '就议程上的专题询问（示例）开展专题询问' }])
	const today = await seededOn()
	const mishu = await actor('mishu')
	const vertical = await agencyIdOf('pbc-hubei')
	const base = {
		kind: 'special' as const,
		meetingId: meeting.id,
		reportId: null,
		inspectionId: null,
		planItemId: null,
		topic: '测试',
		heldOn: meeting.startsOn,
		withVote: false,
		clauseIds: [await clauseIdOf('（八）')],
		askerIds: [],
		today,
	}
	expect(await refusal(scheduleInquiry(db(), mishu, { ...base, respondents: [{ agencyId: vertical, officialName: '某', officialTitle: '行长' }] }))).toMatchObject({
		code: 'inquiries.respondent',
	})
	const psb = { agencyId: await agencyIdOf('psb'), officialName: '某', officialTitle: '局长' }
	expect(await refusal(scheduleInquiry(db(), mishu, { ...base, heldOn: dayAfter(meeting.endsOn), respondents: [psb] }))).toMatchObject({ code: 'inquiries.heldOutsideMeeting' })
	expect(await refusal(scheduleInquiry(db(), await actor('weiyuan1'), { ...base, respondents: [psb] }))).toEqual({ kind: 'forbidden' })
	// The police's report at the coming meeting covers (八) and (九).
	const { reports, reportClauses } = await import('#db/schema')
	const [report] = await db().select({ id: reports.id }).from(reports).where(eq(reports.meetingId, meeting.id)).limit(1)
	const inquiryId = await scheduleInquiry(db(), mishu, { ...base, kind: 'inquiry', reportId: report.id, clauseIds: [], respondents: [psb] })
	const reportClauseIds = (await db().select().from(reportClauses).where(eq(reportClauses.reportId, report.id))).map((r) => r.clauseId).sort()
	expect((await getInquiry(db(), inquiryId))?.clauses.map((c) => c.id).sort()).toEqual(reportClauseIds)
	expect(await db().select().from(agendaItems).where(and(eq(agendaItems.subjectType, 'inquiry'), eq(agendaItems.subjectId, inquiryId)))).toEqual([])
})

test("a 专题询问 without a vote opens one deliberation per answering agency, whose letter goes out without a vote, due by the inquiry setting", async () => {
	const { id, heldOn } = await scheduleSession({ withVote: false })
	const mishu = await actor('mishu')
	expect(await refusal(openInquiryDeliberation(db(), mishu, { inquiryId: id, version: 1, today: dayAfter(heldOn, -1) }))).toMatchObject({ code: 'inquiries.notHeld' })
	await openInquiryDeliberation(db(), mishu, { inquiryId: id, version: 1, today: heldOn })
	expect(await refusal(openInquiryDeliberation(db(), mishu, { inquiryId: id, version: 2, today: heldOn }))).toMatchObject({ code: 'inquiries.deliberationOpened' })
	const rows = await db()
		.select({ deliberation: deliberations, agencyId: inquiryRespondents.agencyId })
		.from(deliberations)
		.innerJoin(inquiryRespondents, eq(inquiryRespondents.id, deliberations.subjectId))
		.where(and(eq(deliberations.subjectType, 'inquiry'), eq(inquiryRespondents.inquiryId, id)))
	expect(rows.map((r) => r.agencyId).sort()).toEqual([await agencyIdOf('psb'), await agencyIdOf('edu')].sort())
	for (const { deliberation, agencyId } of rows) {
		expect(deliberation).toMatchObject({ withVote: false, ballotSalt: null, state: 'open', organId: agencyId, respondingAgencyId: agencyId, title: expect.stringMatching(/专题询问$/) })
	}
	expect((await sessionFacts(db(), (await getInquiry(db(), id))!)).deliberationOpened).toBe(true)
	// Opinions → letter: composed and sent while open, without a vote.
	const d = rows[0].deliberation
	await saveLetter(db(), mishu, { deliberationId: d.id, version: d.version, number: '武人常办〔2099〕9号', to: '武汉市公安局', cc: '', body: '意见。', dueOn: null })
	const settings = { ...settingDefaults, inquiryHandlingDueDays: 45, handlingReportDueDays: 60 }
	await sendLetter(db(), mishu, { deliberationId: d.id, version: d.version + 1, today: heldOn, settings })
	const [sent] = await db().select().from(deliberations).where(eq(deliberations.id, d.id))
	expect(sent).toMatchObject({ state: 'letter_sent', handlingDueOn: dayAfter(heldOn, 45), tally: null })
})

test('a 询问 has no deliberation of its own; a 专题询问 with a vote opens deliberations with a secret ballot', async () => {
	const mishu = await actor('mishu')
	const withVote = await scheduleSession({ withVote: true })
	await openInquiryDeliberation(db(), mishu, { inquiryId: withVote.id, version: 1, today: withVote.heldOn })
	const rows = await db()
		.select({ withVote: deliberations.withVote, salt: deliberations.ballotSalt })
		.from(deliberations)
		.innerJoin(inquiryRespondents, eq(inquiryRespondents.id, deliberations.subjectId))
		.where(and(eq(deliberations.subjectType, 'inquiry'), eq(inquiryRespondents.inquiryId, withVote.id)))
	expect(rows).toHaveLength(2)
	expect(rows.every((r) => r.withVote && r.salt !== null)).toBe(true)
	const meeting = await comingMeeting()
	expect(meeting.startsOn).toBe(withVote.heldOn)
})

test('a commitment falls due after the session and is corrected only before the agency reports', async () => {
	const { id, heldOn } = await scheduleSession()
	const mishu = await actor('mishu')
	const exchangeId = await putQuestion(id, 'psb', '何时建立机制？', '三个月内。')
	const psb = await agencyIdOf('psb')
	expect(await refusal(addCommitment(db(), mishu, { inquiryId: id, exchangeId, agencyId: psb, text: '当天', dueOn: heldOn, today: heldOn }))).toMatchObject({
		code: 'inquiries.dueNotAfterSession',
	})
	const commitmentId = await addCommitment(db(), mishu, { inquiryId: id, exchangeId, agencyId: psb, text: '三个月内建立机制', dueOn: dayAfter(heldOn, 1), today: heldOn })
	const { respondToCommitment } = await import('../commitments/mutations.server')
	const { correctCommitment } = await import('./mutations.server')
	await respondToCommitment(db(), await actor('gongan'), { commitmentId, version: 1, response: '已建立。', today: heldOn })
	expect(await refusal(correctCommitment(db(), mishu, { inquiryId: id, commitmentId, version: 2, agencyId: psb, text: '改', dueOn: dayAfter(heldOn, 5), today: heldOn }))).toMatchObject({
		code: 'inquiries.commitmentUnderway',
	})
	const log = await loadLog(db(), id, { kind: 'all' }, heldOn)
	expect(log[0].commitments).toMatchObject([{ id: commitmentId, state: 'responded', overdueDays: 0 }])
})
