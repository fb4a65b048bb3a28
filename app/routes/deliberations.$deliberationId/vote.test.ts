import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, ballotParticipation, ballots } from '#db/schema'
import { deliberationRow, members, openTestDeliberation, pageJson, post } from '#test/fixtures/deliberation'

// The satisfaction vote through the whole path: members vote on the page, the secretariat
// closes the vote, the page shows the result by DESIGN §3 (threshold 50% by default).

async function voteAll(id: number, votes: Array<'satisfied' | 'basically_satisfied' | 'unsatisfied'>) {
	for (const [index, choice] of votes.entries()) {
		const outcome = await post(id, members[index], { intent: 'vote', choice })
		expect(outcome.status, `${members[index]} votes`).toBe(302)
	}
}

async function closeAndRead(id: number) {
	const closed = await post(id, 'mishu', { intent: 'closeVote', version: 'current' })
	expect(closed.status).toBe(302)
	return (await pageJson(id, 'weiyuan1')).result
}

test('five 满意 of nine votes is 满意 (more than half)', async () => {
	const id = await openTestDeliberation()
	await voteAll(id, ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied', 'unsatisfied', 'unsatisfied'])
	const result = await closeAndRead(id)
	expect(result).toMatchObject({ result: 'satisfied', total: 9, source: 'ballots' })
	expect(result?.distribution).toEqual([
		{ choice: 'satisfied', count: 5, percent: 55.6 },
		{ choice: 'basically_satisfied', count: 1, percent: 11.1 },
		{ choice: 'unsatisfied', count: 3, percent: 33.3 },
	])
})

test('exactly half 满意 is not 满意: four of eight with four 基本满意 is 基本满意', async () => {
	const id = await openTestDeliberation()
	await voteAll(id, ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'basically_satisfied', 'basically_satisfied'])
	expect((await closeAndRead(id))?.result).toBe('basically_satisfied')
})

test('满意 and 基本满意 at exactly half is 不满意', async () => {
	const id = await openTestDeliberation()
	await voteAll(id, ['satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'unsatisfied', 'unsatisfied', 'unsatisfied', 'unsatisfied'])
	expect((await closeAndRead(id))?.result).toBe('unsatisfied')
})

test('a member changes their vote before the close; it counts once and the participants stay the same', async () => {
	const id = await openTestDeliberation()
	expect((await post(id, 'weiyuan1', { intent: 'vote', choice: 'unsatisfied' })).status).toBe(302)
	expect((await post(id, 'weiyuan2', { intent: 'vote', choice: 'satisfied' })).status).toBe(302)
	const before = await pageJson(id, 'weiyuan1')
	expect(before.vote.participation).toEqual({ voted: 2, members: 9 })
	expect(before.vote.myVoteAt).not.toBe(null)
	expect((await post(id, 'weiyuan1', { intent: 'vote', choice: 'satisfied' })).status).toBe(302)
	const after = await pageJson(id, 'weiyuan3')
	expect(after.vote.participation).toEqual({ voted: 2, members: 9 })
	expect(after.vote.myVoteAt).toBe(null)
	expect(await getDb().select().from(ballots).where(eq(ballots.deliberationId, id))).toHaveLength(2)
	const result = await closeAndRead(id)
	expect(result).toMatchObject({ result: 'satisfied', total: 2 })
	expect(result?.distribution.map((d) => d.count)).toEqual([2, 0, 0])
})

test('a vote after the close is refused on the server: 表决已结束', async () => {
	const id = await openTestDeliberation()
	await voteAll(id, ['satisfied'])
	await closeAndRead(id)
	const late = await post(id, 'weiyuan2', { intent: 'vote', choice: 'unsatisfied' })
	expect(late.status).toBe(409)
	expect(JSON.stringify(late.data)).toContain('表决已结束')
	const change = await post(id, 'weiyuan1', { intent: 'vote', choice: 'unsatisfied' })
	expect(change.status).toBe(409)
	const participants = await getDb().select().from(ballotParticipation).where(eq(ballotParticipation.deliberationId, id))
	expect(participants).toHaveLength(1)
	expect((await pageJson(id, 'mishu')).result?.distribution.map((d) => d.count)).toEqual([1, 0, 0])
	expect((await pageJson(id, 'weiyuan2')).vote.mayVote).toBe(false)
})

test('only members vote: the secretariat and admin get 403; a deputy or agency cannot even see an open vote (404)', async () => {
	const id = await openTestDeliberation()
	for (const as of ['mishu', 'admin']) {
		expect((await post(id, as, { intent: 'vote', choice: 'satisfied' })).status, as).toBe(403)
	}
	for (const as of ['daibiao1', 'gongan']) {
		expect((await post(id, as, { intent: 'vote', choice: 'satisfied' })).status, as).toBe(404)
	}
	expect(await getDb().select().from(ballots).where(eq(ballots.deliberationId, id))).toHaveLength(0)
	const invalid = await post(id, 'weiyuan1', { intent: 'vote', choice: 'very_satisfied' })
	expect(invalid.status).toBe(400)
})

test('closing a vote nobody cast is refused, with a pointer to entering the meeting tally', async () => {
	const id = await openTestDeliberation()
	const outcome = await post(id, 'mishu', { intent: 'closeVote', version: 'current' })
	expect(outcome.status).toBe(409)
	expect(JSON.stringify(outcome.data)).toContain('尚无委员在本系统投票')
	expect((await deliberationRow(id)).state).toBe('open')
})

test('the meeting system tally settles the vote; members can no longer vote in the app', async () => {
	const id = await openTestDeliberation()
	const entered = await post(id, 'mishu', { intent: 'tally', version: 'current', satisfied: '20', basically_satisfied: '15', unsatisfied: '10' })
	expect(entered.status).toBe(302)
	const row = await deliberationRow(id)
	expect(row).toMatchObject({ state: 'vote_closed', tallySource: 'meeting_system', ballotSalt: null })
	expect(row.tally).toEqual({ satisfied: 20, basically_satisfied: 15, unsatisfied: 10 })
	const view = await pageJson(id, 'weiyuan1')
	expect(view.result).toMatchObject({ result: 'basically_satisfied', total: 45, source: 'meeting_system' })
	expect(view.vote.mayVote).toBe(false)
	// The app's own count of voters means nothing here, and is not shown.
	expect(view.vote.participation).toBe(null)
	const vote = await post(id, 'weiyuan1', { intent: 'vote', choice: 'satisfied' })
	expect(vote.status).toBe(409)
	expect(JSON.stringify(vote.data)).toContain('表决已结束')
})

test('a tally over ballots already cast is refused unless the secretariat confirms it replaces them', async () => {
	const id = await openTestDeliberation()
	await voteAll(id, ['unsatisfied', 'unsatisfied'])
	const tally = { intent: 'tally', version: 'current', satisfied: '30', basically_satisfied: '5', unsatisfied: '2' }
	const refused = await post(id, 'mishu', tally)
	expect(refused.status).toBe(409)
	const message = JSON.stringify(refused.data)
	expect(message).toContain('已有 2 名委员在本系统投票')
	expect(message).toContain('作废本系统选票')
	// The input is kept for the second try.
	expect(message).toContain('"30"')
	expect((await deliberationRow(id)).state).toBe('open')
	expect(await getDb().select().from(ballots).where(eq(ballots.deliberationId, id))).toHaveLength(2)

	const replaced = await post(id, 'mishu', { ...tally, replace: 'on' })
	expect(replaced.status).toBe(302)
	expect(await getDb().select().from(ballots).where(eq(ballots.deliberationId, id))).toHaveLength(0)
	expect(await getDb().select().from(ballotParticipation).where(eq(ballotParticipation.deliberationId, id))).toHaveLength(0)
	expect((await pageJson(id, 'weiyuan1')).result).toMatchObject({ result: 'satisfied', total: 37 })
	const [event] = await getDb()
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'deliberation.tally'), eq(auditEvents.entityId, String(id))))
	expect(event.after).toMatchObject({ tallySource: 'meeting_system', discardedBallots: 2, result: 'satisfied' })
})

test('a tally with no votes at all, or a negative count, is refused as invalid input', async () => {
	const id = await openTestDeliberation()
	const zero = await post(id, 'mishu', { intent: 'tally', version: 'current', satisfied: '0', basically_satisfied: '0', unsatisfied: '0' })
	expect(zero.status).toBe(400)
	expect(JSON.stringify(zero.data)).toContain('三项票数不能都为 0')
	const negative = await post(id, 'mishu', { intent: 'tally', version: 'current', satisfied: '-1', basically_satisfied: '3', unsatisfied: '0' })
	expect(negative.status).toBe(400)
	expect((await deliberationRow(id)).state).toBe('open')
})

test('closing the vote twice is refused: the second close says 表决已结束', async () => {
	const id = await openTestDeliberation()
	await voteAll(id, ['satisfied'])
	const version = String((await deliberationRow(id)).version)
	expect((await post(id, 'mishu', { intent: 'closeVote', version })).status).toBe(302)
	const again = await post(id, 'mishu', { intent: 'closeVote', version })
	expect(again.status).toBe(409)
	expect(JSON.stringify(again.data)).toContain('表决已结束')
})
