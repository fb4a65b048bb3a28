import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { clauses, interpellations } from '#db/schema'
import { addDays } from '~/domain/dates'
import { interpellationHref } from '~/domain/links'
import { loadClauseTimeline } from '~/models/registry.server'
import { actorFor } from '#test/helpers'
import { agencyIdOf, draftSignedBy, meetingOn, referredWritten, settings, today, versionOf } from '#test/fixtures/interpellations'
import { draftInterpellation, enterAnswer, recordReferral, submitInterpellation } from './mutations.server'
import { interpellationOpenItems, interpellationTimeline, interpellationTodos } from './providers.server'

const db = () => getDb()

async function viewerOf(username: string) {
	const actor = await actorFor(username)
	return { ...actor, id: actor.id as number }
}

const hrefs = (items: Array<{ href: string; action: string }>, id: number) => items.filter((i) => i.href === interpellationHref(id)).map((i) => i.action)

test('to-do: a member asked to co-sign is asked until they sign; a signer gives a verdict once answered', async () => {
	const id = await draftSignedBy(2, { invite: ['weiyuan2', 'weiyuan3'] })
	expect(hrefs(await interpellationTodos(db(), await viewerOf('weiyuan3'), today(), settings), id)).toEqual(['cosign'])
	// weiyuan2 signed: nothing more to do on a draft; weiyuan4 was never asked.
	expect(hrefs(await interpellationTodos(db(), await viewerOf('weiyuan2'), today(), settings), id)).toEqual([])
	expect(hrefs(await interpellationTodos(db(), await viewerOf('weiyuan4'), today(), settings), id)).toEqual([])
	const referred = await referredWritten(5)
	await enterAnswer(db(), await actorFor('gongan'), { interpellationId: referred, version: await versionOf(referred), today: today(), text: '答复', answererName: '张某', answererTitle: '局长' })
	expect(hrefs(await interpellationTodos(db(), await viewerOf('weiyuan2'), today(), settings), referred)).toEqual(['judge'])
	expect(hrefs(await interpellationTodos(db(), await viewerOf('weiyuan9'), today(), settings), referred)).toEqual([])
})

test('to-do: the office records the council’s decisions and oral answers; the agency answers only once referred', async () => {
	const id = await draftSignedBy(5)
	await submitInterpellation(db(), await actorFor('weiyuan1'), { interpellationId: id, version: await versionOf(id), today: today(), settings })
	expect(hrefs(await interpellationTodos(db(), await viewerOf('mishu'), today(), settings), id)).toEqual(['refer'])
	expect(hrefs(await interpellationTodos(db(), await viewerOf('gongan'), today(), settings), id)).toEqual([])
	const meetingId = await meetingOn(addDays(today(), 5))
	await recordReferral(db(), await actorFor('mishu'), {
		interpellationId: id,
		version: await versionOf(id),
		today: today(),
		decision: 'referred',
		arrangement: { mode: 'oral', forum: 'standing_committee', meetingId },
		note: '',
	})
	const office = (await interpellationTodos(db(), await viewerOf('mishu'), today(), settings)).filter((i) => i.href === interpellationHref(id))
	expect(office).toMatchObject([{ action: 'record_answer', due: addDays(today(), 5), actionable: false }])
	const agency = (await interpellationTodos(db(), await viewerOf('gongan'), today(), settings)).filter((i) => i.href === interpellationHref(id))
	expect(agency).toMatchObject([{ action: 'answer_orally', due: addDays(today(), 5) }])
	const written = await referredWritten(5)
	expect((await interpellationTodos(db(), await viewerOf('gongan'), today(), settings)).find((i) => i.href === interpellationHref(written))).toMatchObject({
		action: 'answer_interpellation',
		due: addDays(today(), 30),
		actionable: true,
	})
	expect(hrefs(await interpellationTodos(db(), await viewerOf('jiaoyu'), today(), settings), written)).toEqual([])
})

test('the agency page: the answers it owes, never an interpellation not yet referred', async () => {
	const psb = await agencyIdOf('psb')
	const draft = await draftSignedBy(5)
	const referred = await referredWritten(5)
	for (const viewer of ['mishu', 'weiyuan1', 'gongan', 'daibiao1']) {
		const items = await interpellationOpenItems(db(), await viewerOf(viewer), psb, today(), settings)
		expect(items.some((i) => i.href === interpellationHref(draft))).toBe(false)
		expect(items.some((i) => i.href === interpellationHref(referred))).toBe(true)
	}
	expect(await interpellationOpenItems(db(), await viewerOf('jiaoyu'), psb, today(), settings)).toEqual([])
})

test('the clause timeline shows an interpellation from its submission, to those who may read it', async () => {
	const [clause] = await db().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（十六）'))
	const drafter = await actorFor('weiyuan1')
	const id = await draftInterpellation(db(), drafter, {
		targetAgencyId: await agencyIdOf('psb'),
		matter: '条款时间线测试质询案',
		questions: '请说明。',
		clauseIds: [clause.id],
		inviteeIds: [],
		today: today(),
	})
	expect((await interpellationTimeline(db(), await viewerOf('mishu'), clause.id, settings)).filter((e) => e.href === interpellationHref(id))).toEqual([])
	await db().update(interpellations).set({ state: 'submitted', submittedOn: today() }).where(eq(interpellations.id, id))
	const events = await loadClauseTimeline(db(), await viewerOf('weiyuan5'), clause.id, settings, [interpellationTimeline])
	expect(events.filter((e) => e.href === interpellationHref(id)).map((e) => e.kind)).toEqual(['interpellation.submitted'])
	expect((await interpellationTimeline(db(), await viewerOf('gongan'), clause.id, settings)).filter((e) => e.href === interpellationHref(id))).toEqual([])
})
