import { expect, test } from 'vitest'
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, concernAgencies, concernClauses, concernCosigners, concernReplies, concerns } from '#db/schema'
import { actorFor } from '#test/helpers'
import {
	acceptedConcern,
	agencyIdOf,
	assignedConcern,
	auditEventsContaining,
	auditTexts,
	categoryId,
	clauseIdsOf,
	concernRow,
	disabledDeputyId,
	fileAs,
	freshConstituents,
	liaisonOf,
	refusal,
	repliedConcern,
	reply,
	retiredCategoryId,
	userIdsOf,
	versionOf,
} from '#test/fixtures/concerns'
import {
	acceptConcern,
	arrangeConcern,
	assignConcern,
	assignConcerns,
	closeUnrated,
	declineConcern,
	discardDraft,
	editDraft,
	exportIdentities,
	fileConcern,
	fulfilPromise,
	giveOpinion,
	mergeConcern,
	rateReply,
	returnConcern,
	showIdentity,
	submitConcern,
	type ConcernDraft,
} from './mutations.server'
import { constituentsFor, getReadableConcern, identityOf } from './queries.server'

// Deputies' concerns (代表建议) through their whole procedure, against the seeded test database:
// the deputy files, the office triages and hands over, the agencies answer, the deputy rates —
// and each refusal on the way. Dates are given as `today`, at month ends where it matters.

const db = () => getDb()

const noArrangement = { priority: false, difficult: false, shareable: false, assignmentText: '' }

async function repliesOf(id: number) {
	return db().select().from(concernReplies).where(eq(concernReplies.concernId, id)).orderBy(asc(concernReplies.round))
}

async function handoverOf(id: number) {
	return db().select().from(concernAgencies).where(eq(concernAgencies.concernId, id)).orderBy(asc(concernAgencies.role))
}

// ── Filing ────────────────────────────────────────────────────────────────────────────────

test('a deputy files a draft with constituents, co-signers and clauses, and submits it', async () => {
	const deputy = await actorFor('daibiao1')
	const constituents = freshConstituents(2)
	const clauseIds = await clauseIdsOf(['（七）', '（十一）'])
	const [daibiao2, daibiao3] = await userIdsOf(['daibiao2', 'daibiao3'])
	// The filer naming themselves as a co-signer is not one.
	const id = await fileAs({ today: '2027-01-04', constituents, clauseLabels: ['（七）', '（十一）'], cosigners: ['daibiao2', 'daibiao3', 'daibiao1'] })
	const draft = await concernRow(id)
	expect(draft).toMatchObject({ state: 'draft', filerId: deputy.id, submittedOn: null, year: 2027, round: 0 })
	const linked = await db().select({ clauseId: concernClauses.clauseId }).from(concernClauses).where(eq(concernClauses.concernId, id))
	expect(linked.map((r) => r.clauseId).sort()).toEqual([...clauseIds].sort())
	const cosigners = await db().select({ deputyId: concernCosigners.deputyId }).from(concernCosigners).where(eq(concernCosigners.concernId, id))
	expect(cosigners.map((r) => r.deputyId).sort()).toEqual([daibiao2, daibiao3].sort())
	expect(await constituentsFor(db(), id, 'full')).toEqual(constituents.map((c, i) => ({ position: i + 1, name: c.name, phone: c.phone })))

	// Only the filer submits it.
	expect(await refusal(submitConcern(db(), await actorFor('daibiao2'), { concernId: id, version: draft.version, today: '2027-01-31' }))).toMatchObject({ kind: 'notFound' })
	await submitConcern(db(), deputy, { concernId: id, version: draft.version, today: '2027-01-31' })
	expect(await concernRow(id)).toMatchObject({ state: 'submitted', submittedOn: '2027-01-31', year: 2027 })
	expect((await auditTexts({ concernId: id })).map((e) => e.action)).toEqual(['concern.draft', 'concern.file'])
	// Submitted once; not again.
	expect(await refusal(submitConcern(db(), deputy, { concernId: id, version: await versionOf(id), today: '2027-01-31' }))).toMatchObject({ kind: 'rule', code: 'concerns.state' })
})

test('a draft is the deputy’s to edit and to discard, nobody else’s', async () => {
	const deputy = await actorFor('daibiao1')
	const id = await fileAs({ today: '2027-01-04' })
	const input: ConcernDraft & { concernId: number; version: number; submit: boolean; today: string } = {
		concernId: id,
		version: await versionOf(id),
		title: '修改后的标题（测试）',
		description: '修改后的内容',
		district: '江岸区',
		community: '',
		categoryId: await categoryId(),
		clauseIds: [],
		constituents: freshConstituents(1),
		cosignerIds: [],
		files: [],
		submit: false,
		today: '2027-01-05',
	}
	expect(await refusal(editDraft(db(), await actorFor('mishu'), input))).toMatchObject({ kind: 'notFound' })
	await editDraft(db(), deputy, input)
	expect(await concernRow(id)).toMatchObject({ state: 'draft', title: '修改后的标题（测试）', district: '江岸区' })
	expect(await constituentsFor(db(), id, 'full')).toHaveLength(1)
	expect(await refusal(editDraft(db(), deputy, input))).toMatchObject({ kind: 'stale' })
	await discardDraft(db(), deputy, { concernId: id, version: await versionOf(id), today: '2027-01-06' })
	expect(await db().select().from(concerns).where(eq(concerns.id, id))).toHaveLength(0)
	expect((await auditTexts({ concernId: id })).map((e) => e.action)).toEqual(['concern.draft', 'concern.edit', 'concern.discard'])
})

test('only a deputy files; an unknown or retired category and a co-signer who is not a deputy are refused, and nothing is written', async () => {
	const base = async (title: string) => ({
		title,
		description: '测试',
		district: '武昌区' as const,
		community: '',
		categoryId: await categoryId(),
		clauseIds: [],
		constituents: freshConstituents(1),
		cosignerIds: [],
		files: [],
		submit: true,
		today: '2027-01-04',
	})
	for (const username of ['mishu', 'admin', 'weiyuan1', 'gongan']) {
		expect(await refusal(fileConcern(db(), await actorFor(username), await base(`非代表提出（测试 ${username}）`)))).toMatchObject({ kind: 'forbidden' })
	}
	const deputy = await actorFor('daibiao1')
	expect(await refusal(fileConcern(db(), deputy, { ...(await base('类别不存在（测试）')), categoryId: 99_999_999 }))).toMatchObject({
		kind: 'rule',
		code: 'concerns.unknownCategory',
		status: 400,
	})
	expect(await refusal(fileConcern(db(), deputy, { ...(await base('类别已停用（测试）')), categoryId: await retiredCategoryId() }))).toMatchObject({
		kind: 'rule',
		code: 'concerns.unknownCategory',
		status: 400,
	})
	for (const username of ['weiyuan1', 'mishu', 'gongan']) {
		expect(await refusal(fileConcern(db(), deputy, { ...(await base(`联名非代表（测试 ${username}）`)), cosignerIds: await userIdsOf(['daibiao2', username]) }))).toMatchObject({
			kind: 'rule',
			code: 'concerns.notDeputy',
			status: 400,
		})
	}
	expect(await refusal(fileConcern(db(), deputy, { ...(await base('停用代表联名（测试）')), cosignerIds: [await disabledDeputyId()] }))).toMatchObject({ code: 'concerns.notDeputy' })
	expect(await refusal(fileConcern(db(), deputy, { ...(await base('条款不存在（测试）')), clauseIds: [99_999_999] }))).toMatchObject({
		kind: 'rule',
		code: 'concerns.unknownClause',
		status: 400,
	})
	const tried = ['停用代表联名（测试）', '条款不存在（测试）', '非代表提出（测试 mishu）', '非代表提出（测试 admin）', '非代表提出（测试 weiyuan1）', '非代表提出（测试 gongan）', '类别不存在（测试）', '类别已停用（测试）', '联名非代表（测试 weiyuan1）', '联名非代表（测试 mishu）', '联名非代表（测试 gongan）']
	expect(await db().select({ id: concerns.id }).from(concerns).where(inArray(concerns.title, tried))).toHaveLength(0)
})

// ── The office ────────────────────────────────────────────────────────────────────────────

test('the office accepts, or declines with its reason, which the deputy reads', async () => {
	const mishu = await actorFor('mishu')
	const first = await fileAs({ submit: true, today: '2027-01-04' })
	// The deputy does not accept their own.
	expect(await refusal(acceptConcern(db(), await actorFor('daibiao1'), { concernId: first, version: await versionOf(first), today: '2027-01-05' }))).toMatchObject({ kind: 'forbidden' })
	expect(await refusal(acceptConcern(db(), await actorFor('admin'), { concernId: first, version: await versionOf(first), today: '2027-01-05' }))).toMatchObject({ kind: 'forbidden' })
	await acceptConcern(db(), mishu, { concernId: first, version: await versionOf(first), today: '2027-01-05' })
	expect(await concernRow(first)).toMatchObject({ state: 'accepted', acceptedOn: '2027-01-05' })

	const second = await fileAs({ submit: true, today: '2027-01-04' })
	const reason = '所反映问题属于个人纠纷，不属于建议范围（测试）'
	await declineConcern(db(), mishu, { concernId: second, version: await versionOf(second), reason, today: '2027-01-06' })
	expect(await concernRow(second)).toMatchObject({ state: 'declined', declineReason: reason, declinedOn: '2027-01-06', closedOn: '2027-01-06' })
	const seen = await getReadableConcern(db(), await actorFor('daibiao1'), second)
	expect(seen?.concern).toMatchObject({ state: 'declined', declineReason: reason })
	// Declined is final: neither accepted nor declined again.
	expect(await refusal(acceptConcern(db(), mishu, { concernId: second, version: await versionOf(second), today: '2027-01-07' }))).toMatchObject({ code: 'concerns.state' })
	expect(await refusal(declineConcern(db(), mishu, { concernId: second, version: await versionOf(second), reason, today: '2027-01-07' }))).toMatchObject({ code: 'concerns.state' })
})

test('a duplicate is merged into an open concern, whose handling its deputy then follows; the target must be open', async () => {
	const mishu = await actorFor('mishu')
	const main = await acceptedConcern({ today: '2027-01-04' })
	const duplicate = await fileAs({ by: 'daibiao3', cosigners: [], submit: true, today: '2027-01-05' })
	const declined = await fileAs({ submit: true, today: '2027-01-05' })
	await declineConcern(db(), mishu, { concernId: declined, version: await versionOf(declined), reason: '重复（测试）', today: '2027-01-06' })
	const draft = await fileAs({ today: '2027-01-05' })
	const merge = async (intoId: number) => mergeConcern(db(), mishu, { concernId: duplicate, version: await versionOf(duplicate), intoId, today: '2027-01-07' })
	for (const intoId of [declined, draft, duplicate, 99_999_999]) {
		expect(await refusal(merge(intoId))).toMatchObject({ kind: 'rule', code: 'concerns.mergeTarget', status: 400 })
	}
	expect(await concernRow(duplicate)).toMatchObject({ state: 'submitted', mergedIntoId: null })
	// The deputy of the duplicate does not read the main concern before the merge…
	const daibiao3 = await actorFor('daibiao3')
	expect(await getReadableConcern(db(), daibiao3, main)).toBeNull()
	await merge(main)
	expect(await concernRow(duplicate)).toMatchObject({ state: 'merged', mergedIntoId: main, closedOn: '2027-01-07' })
	// …and follows it after, without its constituents.
	const followed = await getReadableConcern(db(), daibiao3, main)
	expect(followed?.relation).toMatchObject({ follower: true, filer: false })
	expect(followed && identityOf(daibiao3, followed)).toBe('none')
	// A merged concern is no target either.
	const another = await fileAs({ submit: true, today: '2027-01-08' })
	expect(await refusal(mergeConcern(db(), mishu, { concernId: another, version: await versionOf(another), intoId: duplicate, today: '2027-01-08' }))).toMatchObject({
		code: 'concerns.mergeTarget',
	})
})

test('the hand-over: three months from today’s date at month end, six when difficult — also when marked difficult while the first answer is awaited', async () => {
	const mishu = await actorFor('mishu')
	const psb = await agencyIdOf('psb')
	const id = await acceptedConcern({ today: '2027-01-04' })
	await assignConcern(db(), mishu, { concernId: id, version: await versionOf(id), leadId: psb, coIds: [], today: '2027-01-31' })
	const assigned = await concernRow(id)
	expect(assigned).toMatchObject({ state: 'assigned', assignedOn: '2027-01-31', replyDueOn: '2027-04-30', assignmentText: assigned.title })
	expect(await handoverOf(id)).toMatchObject([{ agencyId: psb, role: 'lead' }])
	expect((await auditTexts({ concernId: id })).map((e) => e.action)).toContain('concern.assign')

	// Marked difficult in round 0: six months from the hand-over; unmarked: three again.
	await arrangeConcern(db(), mishu, { ...noArrangement, difficult: true, assignmentText: '请核查并答复（测试）', concernId: id, version: await versionOf(id), today: '2027-02-03' })
	expect(await concernRow(id)).toMatchObject({ difficult: true, replyDueOn: '2027-07-31', assignedOn: '2027-01-31', assignmentText: '请核查并答复（测试）' })
	await arrangeConcern(db(), mishu, { ...noArrangement, priority: true, concernId: id, version: await versionOf(id), today: '2027-02-04' })
	expect(await concernRow(id)).toMatchObject({ difficult: false, priority: true, replyDueOn: '2027-04-30' })

	// Marked difficult before the hand-over: six months from it (to a leap day).
	const difficult = await acceptedConcern({ today: '2027-08-02' })
	await arrangeConcern(db(), mishu, { ...noArrangement, difficult: true, concernId: difficult, version: await versionOf(difficult), today: '2027-08-30' })
	await assignConcern(db(), mishu, { concernId: difficult, version: await versionOf(difficult), leadId: psb, coIds: [await agencyIdOf('edu')], today: '2027-08-31' })
	expect(await concernRow(difficult)).toMatchObject({ state: 'assigned', replyDueOn: '2028-02-29' })

	// No lead among its co-agencies, and never the committee itself.
	const other = await acceptedConcern({ today: '2027-01-04' })
	expect(await refusal(assignConcern(db(), mishu, { concernId: other, version: await versionOf(other), leadId: psb, coIds: [psb], today: '2027-01-31' }))).toMatchObject({
		code: 'concerns.leadAgency',
	})
	expect(
		await refusal(assignConcern(db(), mishu, { concernId: other, version: await versionOf(other), leadId: await agencyIdOf('congress'), coIds: [], today: '2027-01-31' })),
	).toMatchObject({ code: 'concerns.leadAgency' })
	// Only the office hands over.
	expect(await refusal(assignConcern(db(), await actorFor('admin'), { concernId: other, version: await versionOf(other), leadId: psb, coIds: [], today: '2027-01-31' }))).toMatchObject({
		kind: 'forbidden',
	})
})

test('handing over many at once is all or nothing', async () => {
	const mishu = await actorFor('mishu')
	const psb = await agencyIdOf('psb')
	const a = await acceptedConcern({ today: '2027-01-04' })
	const b = await fileAs({ submit: true, today: '2027-01-04' })
	const declined = await fileAs({ submit: true, today: '2027-01-04' })
	await declineConcern(db(), mishu, { concernId: declined, version: await versionOf(declined), reason: '不予受理（测试）', today: '2027-01-05' })
	const draft = await fileAs({ today: '2027-01-04' })
	const batch = (concernIds: Array<number>) => assignConcerns(db(), mishu, { concernIds, leadId: psb, coIds: [], today: '2027-01-31' })

	expect(await refusal(batch([a, b, declined]))).toMatchObject({ code: 'concerns.state' })
	expect(await refusal(batch([a, b, draft]))).toMatchObject({ kind: 'notFound' })
	expect(await concernRow(a)).toMatchObject({ state: 'accepted', assignedOn: null, replyDueOn: null })
	expect(await concernRow(b)).toMatchObject({ state: 'submitted', assignedOn: null })
	expect(await handoverOf(a)).toHaveLength(0)
	expect(await handoverOf(b)).toHaveLength(0)

	expect(await batch([b, a, a])).toBe(2)
	for (const id of [a, b]) {
		expect(await concernRow(id)).toMatchObject({ state: 'assigned', assignedOn: '2027-01-31', replyDueOn: '2027-04-30' })
		expect(await handoverOf(id)).toMatchObject([{ agencyId: psb, role: 'lead' }])
	}
})

// ── The agencies ──────────────────────────────────────────────────────────────────────────

test('the lead returns a wrongly assigned concern within ten days; a co-agency may not, an agency not handed it cannot find it; reassigned, a new period runs', async () => {
	const id = await assignedConcern({ today: '2027-01-20', on: '2027-01-31', lead: 'psb', co: ['edu'] })
	const gongan = await actorFor('gongan')
	const back = async (by: Awaited<ReturnType<typeof actorFor>>, today: string) =>
		returnConcern(db(), by, { concernId: id, version: await versionOf(id), reason: '不属于本单位职责（测试）', today })
	expect(await refusal(back(await actorFor('jiaoyu'), '2027-02-01'))).toMatchObject({ kind: 'forbidden' })
	expect(await refusal(back(await liaisonOf('justice'), '2027-02-01'))).toMatchObject({ kind: 'notFound' })
	// The tenth day counts, the eleventh does not.
	expect(await refusal(back(gongan, '2027-02-11'))).toMatchObject({ kind: 'rule', code: 'concerns.returnTooLate', params: { date: '2027-02-10' } })
	await back(gongan, '2027-02-10')
	expect(await concernRow(id)).toMatchObject({ state: 'returned', returnedOn: '2027-02-10', returnReason: '不属于本单位职责（测试）' })

	// Reassigned to education alone: a new period from the new day, the police out of it.
	const mishu = await actorFor('mishu')
	const edu = await agencyIdOf('edu')
	await assignConcern(db(), mishu, { concernId: id, version: await versionOf(id), leadId: edu, coIds: [], today: '2027-02-28' })
	expect(await concernRow(id)).toMatchObject({ state: 'assigned', assignedOn: '2027-02-28', replyDueOn: '2027-05-28' })
	expect(await handoverOf(id)).toMatchObject([{ agencyId: edu, role: 'lead', opinionOn: null }])
	expect((await auditTexts({ concernId: id })).map((e) => e.action)).toContain('concern.reassign')
	expect(await getReadableConcern(db(), gongan, id)).toBeNull()
	expect((await getReadableConcern(db(), await actorFor('jiaoyu'), id))?.relation.agencyRole).toBe('lead')
	// Its own ten days run from the new day.
	const jiaoyu = await actorFor('jiaoyu')
	expect(await refusal(back(jiaoyu, '2027-03-11'))).toMatchObject({ code: 'concerns.returnTooLate', params: { date: '2027-03-10' } })
	await back(jiaoyu, '2027-03-10')

	// Reassigned as difficult: six months from the new day.
	await arrangeConcern(db(), mishu, { ...noArrangement, difficult: true, concernId: id, version: await versionOf(id), today: '2027-03-12' })
	await assignConcern(db(), mishu, { concernId: id, version: await versionOf(id), leadId: await agencyIdOf('psb'), coIds: [], today: '2027-03-31' })
	expect(await concernRow(id)).toMatchObject({ state: 'assigned', assignedOn: '2027-03-31', replyDueOn: '2027-09-30' })
})

test('the lead waits for its co-agency’s opinion until it is due; a B answer needs its reasons and its promised date', async () => {
	// Due 2027-04-30; the co-agency's opinion a month before, 2027-03-30.
	const id = await assignedConcern({ today: '2027-01-20', on: '2027-01-31', lead: 'psb', co: ['edu'] })
	const gongan = await actorFor('gongan')
	const jiaoyu = await actorFor('jiaoyu')
	expect(await refusal(reply(id, '2027-02-15'))).toMatchObject({ kind: 'rule', code: 'concerns.opinionsPending', params: { count: 1, date: '2027-03-30' } })
	expect(await refusal(reply(id, '2027-03-30'))).toMatchObject({ code: 'concerns.opinionsPending' })
	// The lead gives no opinion, the co-agency no answer.
	expect(await refusal(giveOpinion(db(), gongan, { concernId: id, opinion: '意见', today: '2027-02-16' }))).toMatchObject({ kind: 'forbidden' })
	expect(await refusal(reply(id, '2027-02-16', { by: jiaoyu }))).toMatchObject({ kind: 'forbidden' })

	await giveOpinion(db(), jiaoyu, { concernId: id, opinion: '建议加强校园反诈宣传（测试）', today: '2027-02-16' })
	expect(await handoverOf(id)).toMatchObject([
		{ role: 'co', opinion: '建议加强校园反诈宣传（测试）', opinionOn: '2027-02-16', opinionBy: jiaoyu.id },
		{ role: 'lead', opinion: null },
	])
	expect(await refusal(giveOpinion(db(), jiaoyu, { concernId: id, opinion: '再次', today: '2027-02-17' }))).toMatchObject({ code: 'concerns.opinionGiven' })

	// B and C give their reasons; B its promised date, not before today.
	expect(await refusal(reply(id, '2027-02-20', { input: { resultClass: 'C', reasons: ' ' } }))).toMatchObject({ kind: 'rule', code: 'concerns.reasonsRequired', status: 400 })
	expect(await refusal(reply(id, '2027-02-20', { input: { resultClass: 'B', reasons: '', promisedOn: '2027-06-30' } }))).toMatchObject({ code: 'concerns.reasonsRequired' })
	expect(await refusal(reply(id, '2027-02-20', { input: { resultClass: 'B', reasons: '列入年度计划', promisedOn: null } }))).toMatchObject({
		kind: 'rule',
		code: 'concerns.promiseRequired',
		status: 400,
	})
	expect(await refusal(reply(id, '2027-02-20', { input: { resultClass: 'B', reasons: '列入年度计划', promisedOn: '2027-02-19' } }))).toMatchObject({
		code: 'concerns.promiseRequired',
	})
	expect(await repliesOf(id)).toHaveLength(0)

	await reply(id, '2027-02-20', { input: { resultClass: 'B', reasons: '列入年度计划（测试）', promisedOn: '2027-06-30', signedBy: '张国栋' } })
	expect(await concernRow(id)).toMatchObject({ state: 'replied', round: 1, repliedOn: '2027-02-20' })
	expect(await repliesOf(id)).toMatchObject([{ round: 1, resultClass: 'B', promisedOn: '2027-06-30', fulfilledOn: null, repliedOn: '2027-02-20', repliedBy: gongan.id }])

	// The promise kept: the lead reports it, once; the co-agency does not.
	expect(await refusal(fulfilPromise(db(), jiaoyu, { concernId: id, note: '已完成', today: '2027-06-20' }))).toMatchObject({ kind: 'forbidden' })
	await fulfilPromise(db(), gongan, { concernId: id, note: '已完成宣传阵地建设（测试）', today: '2027-06-20' })
	expect(await repliesOf(id)).toMatchObject([{ fulfilledOn: '2027-06-20', fulfilmentNote: '已完成宣传阵地建设（测试）' }])
	expect(await refusal(fulfilPromise(db(), gongan, { concernId: id, note: '再次', today: '2027-06-21' }))).toMatchObject({ code: 'concerns.noPromise' })
})

test('after the opinions were due the lead answers without the missing one; an A answer promises nothing', async () => {
	const id = await assignedConcern({ today: '2027-01-20', on: '2027-01-31', lead: 'psb', co: ['edu'] })
	await reply(id, '2027-03-31')
	expect(await concernRow(id)).toMatchObject({ state: 'replied', round: 1 })
	// A co-agency's opinion comes too late once the answer is given.
	expect(await refusal(giveOpinion(db(), await actorFor('jiaoyu'), { concernId: id, opinion: '迟到的意见', today: '2027-04-01' }))).toMatchObject({ code: 'concerns.state' })
	expect(await refusal(fulfilPromise(db(), await actorFor('gongan'), { concernId: id, note: '无', today: '2027-04-01' }))).toMatchObject({ code: 'concerns.noPromise' })
})

// ── Rating and closing ────────────────────────────────────────────────────────────────────

test('rated unsatisfied the concern is handled again within a month; answered again and rated satisfied it closes; a co-signer does not rate', async () => {
	const id = await repliedConcern({ today: '2026-12-20', assignedOn: '2026-12-31', repliedOn: '2027-01-15' })
	const deputy = await actorFor('daibiao1')
	const rate = (by: Awaited<ReturnType<typeof actorFor>>, rating: 'satisfied' | 'unsatisfied', today: string) =>
		rateReply(db(), by, { concernId: id, rating, comment: '测试评价', today })
	expect(await refusal(rate(await actorFor('daibiao2'), 'satisfied', '2027-01-20'))).toMatchObject({ kind: 'forbidden' })
	expect(await refusal(rate(await actorFor('mishu'), 'satisfied', '2027-01-20'))).toMatchObject({ kind: 'forbidden' })
	expect(await refusal(rate(await actorFor('daibiao3'), 'satisfied', '2027-01-20'))).toMatchObject({ kind: 'notFound' })

	expect(await rate(deputy, 'unsatisfied', '2027-01-31')).toBe('rehandling')
	expect(await concernRow(id)).toMatchObject({ state: 'rehandling', round: 1, replyDueOn: '2027-02-28', closedOn: null })
	expect(await repliesOf(id)).toMatchObject([{ round: 1, rating: 'unsatisfied', ratedOn: '2027-01-31', ratingComment: '测试评价' }])
	expect(await refusal(rate(deputy, 'satisfied', '2027-02-01'))).toMatchObject({ code: 'concerns.state' })

	await reply(id, '2027-02-20', { input: { content: '再次办理后的答复（测试）' } })
	expect(await concernRow(id)).toMatchObject({ state: 'replied', round: 2, repliedOn: '2027-02-20' })
	expect(await rate(deputy, 'satisfied', '2027-02-25')).toBe('closed')
	expect(await concernRow(id)).toMatchObject({ state: 'closed', closedOn: '2027-02-25', closedUnrated: false })
	expect(await repliesOf(id)).toMatchObject([
		{ round: 1, rating: 'unsatisfied' },
		{ round: 2, rating: 'satisfied', ratedOn: '2027-02-25', content: '再次办理后的答复（测试）' },
	])
	// Closed: no more answers.
	expect(await refusal(reply(id, '2027-02-26'))).toMatchObject({ code: 'concerns.state' })
})

test('the office closes an answer left unrated from a month after it, not a day before', async () => {
	const id = await repliedConcern({ today: '2027-01-04', assignedOn: '2027-01-10', repliedOn: '2027-01-31' })
	const mishu = await actorFor('mishu')
	const close = async (by: Awaited<ReturnType<typeof actorFor>>, today: string) => closeUnrated(db(), by, { concernId: id, version: await versionOf(id), today })
	expect(await refusal(close(mishu, '2027-02-27'))).toMatchObject({ kind: 'rule', code: 'concerns.unratedTooEarly', params: { date: '2027-02-28' } })
	expect(await refusal(close(await actorFor('admin'), '2027-02-28'))).toMatchObject({ kind: 'forbidden' })
	await close(mishu, '2027-02-28')
	expect(await concernRow(id)).toMatchObject({ state: 'closed', closedUnrated: true, closedOn: '2027-02-28' })
	expect(await refusal(rateReply(db(), await actorFor('daibiao1'), { concernId: id, rating: 'satisfied', comment: '', today: '2027-03-01' }))).toMatchObject({
		code: 'concerns.state',
	})
})

test('a step on a version the user did not see is stale', async () => {
	const mishu = await actorFor('mishu')
	const id = await fileAs({ submit: true, today: '2027-01-04' })
	const seen = await versionOf(id)
	await arrangeConcern(db(), mishu, { ...noArrangement, priority: true, concernId: id, version: seen, today: '2027-01-05' })
	expect(await refusal(acceptConcern(db(), mishu, { concernId: id, version: seen, today: '2027-01-05' }))).toMatchObject({ kind: 'stale' })
	expect(await refusal(declineConcern(db(), mishu, { concernId: id, version: seen, reason: '测试', today: '2027-01-05' }))).toMatchObject({ kind: 'stale' })
	expect(await concernRow(id)).toMatchObject({ state: 'submitted' })
	await acceptConcern(db(), mishu, { concernId: id, version: seen + 1, today: '2027-01-05' })
	expect(await concernRow(id)).toMatchObject({ state: 'accepted' })
})

// ── Identity ──────────────────────────────────────────────────────────────────────────────

test('the office sees the constituents in full only through the audited show, whose record holds them masked; nobody else may', async () => {
	const constituents = [
		{ name: '欧阳测试明', phone: '13987654321' },
		{ name: '诸葛测试亮', phone: '027-87654321' },
	]
	const id = await fileAs({ submit: true, today: '2027-01-04', constituents })
	const mishu = await actorFor('mishu')
	const shown = await showIdentity(db(), mishu, { concernId: id, today: '2027-01-05' })
	expect(shown).toEqual([
		{ position: 1, name: '欧阳测试明', phone: '13987654321' },
		{ position: 2, name: '诸葛测试亮', phone: '027-87654321' },
	])
	const events = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'concern.identity_shown'), eq(auditEvents.entityId, String(id))))
	expect(events).toHaveLength(1)
	expect(events[0].actorId).toBe(mishu.id)
	const [text] = (await auditTexts({ concernId: id, action: 'concern.identity_shown' })).map((e) => e.text)
	for (const c of constituents) {
		expect(text).not.toContain(c.name)
		expect(text).not.toContain(c.phone)
		expect(text).not.toContain(c.name.slice(1))
	}
	expect(text).toContain('欧****')
	expect(text).toContain('139****4321')

	// The administrator reads what the office reads.
	await showIdentity(db(), await actorFor('admin'), { concernId: id, today: '2027-01-05' })
	// Nobody else: not a member, not the filer nor a co-signer (the step is the office's), not an agency.
	for (const username of ['weiyuan1', 'daibiao1', 'daibiao2']) {
		expect(await refusal(showIdentity(db(), await actorFor(username), { concernId: id, today: '2027-01-05' }))).toMatchObject({ kind: 'forbidden' })
	}
	expect(await refusal(showIdentity(db(), await actorFor('gongan'), { concernId: id, today: '2027-01-05' }))).toMatchObject({ kind: 'notFound' })
	await acceptConcern(db(), mishu, { concernId: id, version: await versionOf(id), today: '2027-01-06' })
	await assignConcern(db(), mishu, { concernId: id, version: await versionOf(id), leadId: await agencyIdOf('psb'), coIds: [], today: '2027-01-06' })
	expect(await refusal(showIdentity(db(), await actorFor('gongan'), { concernId: id, today: '2027-01-07' }))).toMatchObject({ kind: 'forbidden' })
	expect(await auditTexts({ concernId: id, action: 'concern.identity_shown' })).toHaveLength(2)

	// The office's lists read them masked; 'none' reads nothing at all.
	expect(await constituentsFor(db(), id, 'masked')).toEqual([
		{ position: 1, name: '欧****', phone: '139****4321' },
		{ position: 2, name: '诸****', phone: '027*****4321' },
	])
	expect(await constituentsFor(db(), id, 'none')).toEqual([])
})

test('no audit event of filing, editing and handling holds a constituent’s full name or phone', async () => {
	const deputy = await actorFor('daibiao1')
	const mishu = await actorFor('mishu')
	const first = freshConstituents(2)
	const second = freshConstituents(2)
	const id = await fileAs({ today: '2027-01-04', constituents: first })
	await editDraft(db(), deputy, {
		concernId: id,
		version: await versionOf(id),
		title: '编辑后（测试）',
		description: '测试',
		district: '洪山区',
		community: '',
		categoryId: await categoryId(),
		clauseIds: [],
		constituents: second,
		cosignerIds: [],
		files: [],
		submit: true,
		today: '2027-01-05',
	})
	expect(await concernRow(id)).toMatchObject({ state: 'submitted', submittedOn: '2027-01-05' })
	await fileAs({ today: '2027-01-04', constituents: first, submit: true })
	await showIdentity(db(), mishu, { concernId: id, today: '2027-01-06' })
	await exportIdentities(db(), mishu)
	const texts = await auditTexts({ concernId: id })
	expect(texts.map((e) => e.action)).toEqual(['concern.draft', 'concern.file', 'concern.identity_shown'])
	// The masked forms are recorded…
	expect(texts[0].text).toContain(first[0].name.slice(0, 1) + '*')
	// …never the full ones, in any audit event of any kind.
	for (const c of [...first, ...second]) {
		expect(await auditEventsContaining(c.name)).toBe(0)
		expect(await auditEventsContaining(c.phone)).toBe(0)
	}
})

test('the export with identity is the office’s alone, and is audited without the identities', async () => {
	const constituents = freshConstituents(2)
	const id = await fileAs({ submit: true, today: '2027-01-04', constituents })
	const hidden = freshConstituents(1)
	const draft = await fileAs({ today: '2027-01-04', constituents: hidden })
	const exports = async () => (await auditTexts({ action: 'concern.identity_export' })).length
	const before = await exports()
	for (const username of ['admin', 'weiyuan1', 'daibiao1', 'gongan']) {
		expect(await refusal(exportIdentities(db(), await actorFor(username)))).toMatchObject({ kind: 'forbidden' })
	}
	expect(await exports()).toBe(before)
	const mishu = await actorFor('mishu')
	const rows = await exportIdentities(db(), mishu)
	expect(await exports()).toBe(before + 1)
	expect(rows.filter((r) => Number(r.id) === id).map((r) => ({ name: r.name, phone: r.phone }))).toEqual(constituents)
	// A draft is the deputy's own: its constituents do not leave.
	expect(rows.some((r) => Number(r.id) === draft || r.name === hidden[0].name)).toBe(false)
	const [event] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'concern.identity_export')).orderBy(desc(auditEvents.id)).limit(1)
	expect(event).toMatchObject({ actorId: mishu.id, entityType: 'concern', entityId: null })
	expect((event.after as { concernIds: Array<number> }).concernIds).toContain(id)
	expect((event.after as { concernIds: Array<number> }).concernIds).not.toContain(draft)
	for (const c of constituents) expect(await auditEventsContaining(c.name)).toBe(0)
})

// ── Who reads what ────────────────────────────────────────────────────────────────────────

test('read scope: a draft only by its filer; handed in, by co-signers, members and the office; by an agency only once handed to it', async () => {
	const read = async (username: string, id: number) => {
		const user = await actorFor(username)
		const loaded = await getReadableConcern(db(), user, id)
		return loaded ? { relation: loaded.relation, identity: identityOf(user, loaded) } : null
	}
	const id = await fileAs({ today: '2027-01-04', cosigners: ['daibiao2'] })
	expect(await read('daibiao1', id)).toMatchObject({ relation: { filer: true }, identity: 'full' })
	for (const username of ['daibiao2', 'daibiao3', 'mishu', 'admin', 'weiyuan1', 'gongan', 'jiaoyu']) expect(await read(username, id)).toBeNull()

	await submitConcern(db(), await actorFor('daibiao1'), { concernId: id, version: await versionOf(id), today: '2027-01-05' })
	expect(await read('daibiao2', id)).toMatchObject({ relation: { filer: false, coSigner: true }, identity: 'none' })
	expect(await read('daibiao3', id)).toBeNull()
	expect(await read('weiyuan1', id)).toMatchObject({ identity: 'none' })
	expect(await read('mishu', id)).toMatchObject({ identity: 'masked' })
	expect(await read('admin', id)).toMatchObject({ identity: 'masked' })
	expect(await read('daibiao1', id)).toMatchObject({ identity: 'full' })
	expect(await read('gongan', id)).toBeNull()

	const mishu = await actorFor('mishu')
	await acceptConcern(db(), mishu, { concernId: id, version: await versionOf(id), today: '2027-01-06' })
	expect(await read('gongan', id)).toBeNull()
	await assignConcern(db(), mishu, { concernId: id, version: await versionOf(id), leadId: await agencyIdOf('psb'), coIds: [], today: '2027-01-07' })
	expect(await read('gongan', id)).toMatchObject({ relation: { agencyRole: 'lead' }, identity: 'none' })
	expect(await read('jiaoyu', id)).toBeNull()
	const outsider = await liaisonOf('justice')
	expect(await getReadableConcern(db(), outsider, id)).toBeNull()
	// Handed to education as co-agency as well: it reads too.
	await assignConcern(db(), mishu, { concernId: id, version: await versionOf(id), leadId: await agencyIdOf('psb'), coIds: [await agencyIdOf('edu')], today: '2027-01-08' })
	expect(await read('jiaoyu', id)).toMatchObject({ relation: { agencyRole: 'co' }, identity: 'none' })
	expect(await read('weiyuan1', id)).toMatchObject({ identity: 'none' })
})
