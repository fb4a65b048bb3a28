import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agendaItems, auditEvents, interpellations, interpellationSigners } from '#db/schema'
import { addDays } from '~/domain/dates'
import { isRefused } from '~/models/write.server'
import { actorFor } from '#test/helpers'
import {
	agencyIdOf,
	draftSignedBy,
	meetingOn,
	members,
	referredWritten,
	settings,
	today,
	userIdsOf,
	versionOf,
} from '#test/fixtures/interpellations'
import {
	decideReanswer,
	draftInterpellation,
	enterAnswer,
	enterPaperInterpellation,
	recordReferral,
	recordVerdict,
	requestReanswer,
	signInterpellation,
	submitInterpellation,
	withdrawSignature,
} from './mutations.server'
import { getReadableInterpellation, loadSignatures } from './queries.server'

const db = () => getDb()

async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (isRefused(error)) return error.refusal
		throw error
	}
	throw new Error('expected a refusal')
}

async function submit(id: number, by = 'weiyuan1') {
	return submitInterpellation(db(), await actorFor(by), { interpellationId: id, version: await versionOf(id), today: today(), settings })
}

test('Art. 51: with four member signers the interpellation is refused, with five it is submitted', async () => {
	const four = await draftSignedBy(4)
	expect(await refusal(submit(four))).toMatchObject({ kind: 'rule', code: 'interpellations.signers', params: { signers: 4, needed: 5 } })
	const [still] = await db().select({ state: interpellations.state }).from(interpellations).where(eq(interpellations.id, four))
	expect(still.state).toBe('draft')
	const five = await draftSignedBy(5)
	await submit(five)
	const [row] = await db().select().from(interpellations).where(eq(interpellations.id, five))
	expect(row).toMatchObject({ state: 'submitted', submittedOn: today() })
})

test('a withdrawn signature stops counting: five signed, one withdrew, the interpellation is refused', async () => {
	const id = await draftSignedBy(5)
	await withdrawSignature(db(), await actorFor('weiyuan3'), { interpellationId: id, today: today() })
	expect(await refusal(submit(id))).toMatchObject({ code: 'interpellations.signers', params: { signers: 4 } })
	// Signing again restores it.
	await signInterpellation(db(), await actorFor('weiyuan3'), { interpellationId: id, today: today() })
	await submit(id)
})

test('a vertically managed unit cannot be questioned: the draft is refused', async () => {
	const drafter = await actorFor('weiyuan1')
	const draft = { matter: '测试', questions: '测试', clauseIds: [], inviteeIds: [], today: today() }
	expect(await refusal(draftInterpellation(db(), drafter, { ...draft, targetAgencyId: await agencyIdOf('pbc-hubei') }))).toMatchObject({ code: 'interpellations.target' })
	expect(await refusal(draftInterpellation(db(), drafter, { ...draft, targetAgencyId: await agencyIdOf('ca-hubei') }))).toMatchObject({ code: 'interpellations.target' })
	// The court of the city may be.
	await draftInterpellation(db(), drafter, { ...draft, targetAgencyId: await agencyIdOf('court') })
})

test('a signer cannot sign twice — also when two requests race', async () => {
	const id = await draftSignedBy(1)
	const signer = await actorFor('weiyuan2')
	const results = await Promise.allSettled([
		signInterpellation(db(), signer, { interpellationId: id, today: today() }),
		signInterpellation(db(), signer, { interpellationId: id, today: today() }),
	])
	expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
	expect(isRefused(rejected.reason) && rejected.reason.refusal).toMatchObject({ kind: 'rule', code: 'interpellations.alreadySigned' })
	const [weiyuan2] = await userIdsOf(['weiyuan2'])
	const rows = await db()
		.select()
		.from(interpellationSigners)
		.where(and(eq(interpellationSigners.interpellationId, id), eq(interpellationSigners.memberId, weiyuan2)))
	expect(rows).toHaveLength(1)
	expect((await loadSignatures(db(), id)).filter((s) => !s.withdrawn)).toHaveLength(2)
	// And one after the other.
	expect(await refusal(signInterpellation(db(), signer, { interpellationId: id, today: today() }))).toMatchObject({ code: 'interpellations.alreadySigned' })
	// A signing audited once.
	const events = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'interpellation.sign'), eq(auditEvents.entityId, String(id))))
	expect(events).toHaveLength(1)
})

test('a member not asked to co-sign cannot see the draft, let alone sign it', async () => {
	const id = await draftSignedBy(1, { invite: ['weiyuan2'] })
	const outsider = await actorFor('weiyuan5')
	expect(await getReadableInterpellation(db(), outsider, id)).toBeNull()
	expect(await refusal(signInterpellation(db(), outsider, { interpellationId: id, today: today() }))).toMatchObject({ kind: 'notFound' })
	expect(await getReadableInterpellation(db(), await actorFor('weiyuan2'), id)).not.toBeNull()
})

test('the office enters one signed on paper with its signers and submits it; a member may not', async () => {
	const clerk = await actorFor('mishu')
	const id = await enterPaperInterpellation(db(), clerk, {
		targetAgencyId: await agencyIdOf('edu'),
		matter: '校园反诈宣传流于形式问题（测试）',
		questions: '请说明。',
		clauseIds: [],
		signerIds: await userIdsOf(members.slice(0, 5)),
		today: today(),
	})
	expect(await refusal(submit(id, 'weiyuan1'))).toMatchObject({ kind: 'forbidden' })
	await submit(id, 'mishu')
	// A deputy is not a committee member: no paper signer either.
	expect(
		await refusal(
			enterPaperInterpellation(db(), clerk, { targetAgencyId: await agencyIdOf('edu'), matter: '测试', questions: '测试', clauseIds: [], signerIds: await userIdsOf(['daibiao1']), today: today() }),
		),
	).toMatchObject({ code: 'interpellations.notMember' })
})

test('the target’s liaison never sees an interpellation before the council refers it', async () => {
	const id = await draftSignedBy(5)
	const liaison = await actorFor('gongan')
	expect(await getReadableInterpellation(db(), liaison, id)).toBeNull()
	await submit(id)
	expect(await getReadableInterpellation(db(), liaison, id)).toBeNull()
	expect(await getReadableInterpellation(db(), await actorFor('daibiao1'), id)).toBeNull()
	await recordReferral(db(), await actorFor('mishu'), {
		interpellationId: id,
		version: await versionOf(id),
		today: today(),
		decision: 'referred',
		arrangement: { mode: 'written', dueOn: addDays(today(), 20) },
		note: '',
	})
	expect(await getReadableInterpellation(db(), liaison, id)).not.toBeNull()
	expect(await getReadableInterpellation(db(), await actorFor('jiaoyu'), id)).toBeNull()
})

test('an oral answer at a standing committee meeting goes on its agenda', async () => {
	const id = await draftSignedBy(5)
	await submit(id)
	const meetingId = await meetingOn(addDays(today(), 10))
	await recordReferral(db(), await actorFor('mishu'), {
		interpellationId: id,
		version: await versionOf(id),
		today: today(),
		decision: 'referred',
		arrangement: { mode: 'oral', forum: 'standing_committee', meetingId },
		note: '',
	})
	const items = await db().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId))
	expect(items).toMatchObject([{ kind: 'interpellation', subjectType: 'interpellation', subjectId: id }])
	// Before the meeting the oral answer cannot be recorded; the liaison never enters one.
	const answer = { interpellationId: id, version: await versionOf(id), today: today(), text: '答复', answererName: '张某', answererTitle: '局长' }
	expect(await refusal(enterAnswer(db(), await actorFor('mishu'), answer))).toMatchObject({ code: 'interpellations.oralBeforeMeeting' })
	expect(await refusal(enterAnswer(db(), await actorFor('gongan'), answer))).toMatchObject({ kind: 'forbidden', code: 'interpellations.oralRecordedByOffice' })
	await enterAnswer(db(), await actorFor('mishu'), { ...answer, today: addDays(today(), 10) })
})

test('Art. 53 at its edge: of six signers three unsatisfied cannot ask for a re-answer; a fourth can, and a granted re-answer is round two', async () => {
	const id = await referredWritten(6)
	await enterAnswer(db(), await actorFor('gongan'), { interpellationId: id, version: await versionOf(id), today: today(), text: '书面答复（测试）', answererName: '张国栋', answererTitle: '局长' })
	const verdict = async (username: string, v: 'satisfied' | 'unsatisfied') => recordVerdict(db(), await actorFor(username), { interpellationId: id, verdict: v, today: today() })
	await verdict('weiyuan1', 'unsatisfied')
	await verdict('weiyuan2', 'unsatisfied')
	await verdict('weiyuan3', 'unsatisfied')
	await verdict('weiyuan4', 'satisfied')
	expect(await refusal(requestReanswer(db(), await actorFor('weiyuan1'), { interpellationId: id, today: today() }))).toMatchObject({
		code: 'interpellations.reanswerThreshold',
		params: { unsatisfied: 3, signers: 6 },
	})
	await verdict('weiyuan5', 'unsatisfied')
	// A satisfied signer does not ask.
	expect(await refusal(requestReanswer(db(), await actorFor('weiyuan4'), { interpellationId: id, today: today() }))).toMatchObject({ code: 'interpellations.requesterSatisfied' })
	await requestReanswer(db(), await actorFor('weiyuan1'), { interpellationId: id, today: today() })
	await decideReanswer(db(), await actorFor('mishu'), {
		interpellationId: id,
		version: await versionOf(id),
		today: today(),
		decision: 'granted',
		arrangement: { mode: 'written', dueOn: addDays(today(), 15) },
		note: '',
	})
	const [row] = await db().select().from(interpellations).where(eq(interpellations.id, id))
	expect(row).toMatchObject({ state: 'referred', round: 2 })
	// Round two: answered, then every signer satisfied concludes it.
	await enterAnswer(db(), await actorFor('gongan'), { interpellationId: id, version: row.version, today: today(), text: '再次答复（测试）', answererName: '张国栋', answererTitle: '局长' })
	for (const username of members.slice(0, 5)) expect((await recordVerdict(db(), await actorFor(username), { interpellationId: id, verdict: 'satisfied', today: today() })).concluded).toBe(false)
	expect((await recordVerdict(db(), await actorFor('weiyuan6'), { interpellationId: id, verdict: 'satisfied', today: today() })).concluded).toBe(true)
	const [closed] = await db().select().from(interpellations).where(eq(interpellations.id, id))
	expect(closed).toMatchObject({ state: 'closed', closedOn: today() })
})

test('a refused re-answer concludes the interpellation', async () => {
	const id = await referredWritten(5)
	await enterAnswer(db(), await actorFor('mishu'), { interpellationId: id, version: await versionOf(id), today: today(), text: '代为录入（测试）', answererName: '张国栋', answererTitle: '局长' })
	for (const username of members.slice(0, 3)) await recordVerdict(db(), await actorFor(username), { interpellationId: id, verdict: 'unsatisfied', today: today() })
	await requestReanswer(db(), await actorFor('weiyuan2'), { interpellationId: id, today: today() })
	await decideReanswer(db(), await actorFor('mishu'), { interpellationId: id, version: await versionOf(id), today: today(), decision: 'refused', note: '已充分答复' })
	const [row] = await db().select().from(interpellations).where(eq(interpellations.id, id))
	expect(row.state).toBe('closed')
})

test('a step on a version the user did not see is stale; on a state it has left, refused with its reason', async () => {
	const id = await draftSignedBy(5)
	const version = await versionOf(id)
	await submit(id)
	expect(await refusal(submitInterpellation(db(), await actorFor('weiyuan1'), { interpellationId: id, version, today: today(), settings }))).toMatchObject({
		code: 'interpellations.notDraft',
	})
	const referral = { interpellationId: id, today: today(), decision: 'not_referred' as const, note: '' }
	expect(await refusal(recordReferral(db(), await actorFor('mishu'), { ...referral, version }))).toMatchObject({ kind: 'stale' })
	await recordReferral(db(), await actorFor('mishu'), { ...referral, version: version + 1 })
})
