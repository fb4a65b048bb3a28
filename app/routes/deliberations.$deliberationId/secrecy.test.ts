import { expect, test } from 'vitest'
import { eq, gt, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, ballotParticipation, ballots } from '#db/schema'
import { voterKey } from '~/domain/deliberation'
import { runLoader, userId } from '#test/helpers'
import { loader as listLoader } from '../deliberations._index/route'
import { deliberationRow, members, openTestDeliberation, page, post } from '#test/fixtures/deliberation'

// BALLOT SECRECY: the app records THAT a member voted, never — in no page, loader data, action
// reply or audit event — HOW. After the close, no one can link a ballot to a member again.

// Every way a choice can be written: the stored values and the Chinese labels (满意 is part of
// 基本满意 and 不满意 as well).
const choiceWords = ['satisfied', 'basically_satisfied', 'unsatisfied', '满意']

function mentionsAChoice(value: unknown): Array<string> {
	const text = JSON.stringify(value)
	return choiceWords.filter((word) => text.includes(word))
}

// Titles and opinions in this test avoid the words on purpose, so that any hit is a leak.
const title = '市人民政府关于全市反诈宣传工作情况的报告（示例）'
const votes = ['satisfied', 'unsatisfied', 'basically_satisfied', 'satisfied', 'unsatisfied'] as const
const readers = ['admin', 'mishu', 'weiyuan1', 'weiyuan2', 'weiyuan6', 'daibiao1', 'gongan', 'jiaoyu']

async function votedDeliberation() {
	const id = await openTestDeliberation({ title })
	expect((await post(id, 'weiyuan9', { intent: 'opinion', text: '建议进一步加强基层宣传力量。' })).status).toBe(302)
	for (const [index, choice] of votes.entries()) {
		expect((await post(id, members[index], { intent: 'vote', choice })).status).toBe(302)
	}
	// weiyuan2 changes their mind before the close.
	expect((await post(id, 'weiyuan2', { intent: 'vote', choice: 'satisfied' })).status).toBe(302)
	return id
}

test('while the vote is open, no page data for any role mentions any choice', async () => {
	const id = await votedDeliberation()
	for (const as of readers) {
		const outcome = await page(id, as)
		if (outcome.status === 404) continue
		expect(outcome.status, as).toBe(200)
		expect(mentionsAChoice(outcome.data), `page data for ${as}`).toEqual([])
		const list = await runLoader(listLoader, { path: '/deliberations', as })
		const row = (list.data as { rows: Array<{ id: number }> }).rows.find((r) => r.id === id)
		expect(row, `list row for ${as}`).toBeTruthy()
		expect(mentionsAChoice(row), `list data for ${as}`).toEqual([])
	}
})

test('a member sees only that they voted, and the count of participants', async () => {
	const id = await votedDeliberation()
	const voter = (await page(id, 'weiyuan1')).data as { vote: Record<string, unknown> }
	expect(Object.keys(voter.vote).sort()).toEqual(['mayVote', 'myVoteAt', 'open', 'participation'])
	expect(voter.vote.myVoteAt).toEqual(expect.any(String))
	expect(voter.vote.participation).toEqual({ voted: 5, members: 9 })
	const nonVoter = (await page(id, 'weiyuan6')).data as { vote: Record<string, unknown> }
	expect(nonVoter.vote.myVoteAt).toBe(null)
})

test('after the close, the page data of two members who voted differently differ only in when they voted', async () => {
	const id = await votedDeliberation()
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	const strip = (data: unknown) => {
		const copy = JSON.parse(JSON.stringify(data)) as { vote: { myVoteAt: string | null } }
		copy.vote.myVoteAt = copy.vote.myVoteAt === null ? null : 'voted'
		return copy
	}
	const [satisfied, unsatisfied, basically, notVoted] = await Promise.all(
		['weiyuan1', 'weiyuan2', 'weiyuan3', 'weiyuan6'].map(async (as) => strip((await page(id, as)).data)),
	)
	expect(unsatisfied).toEqual(satisfied)
	expect(basically).toEqual(satisfied)
	expect({ ...notVoted, vote: { ...notVoted.vote, myVoteAt: 'voted' } }).toEqual(satisfied)
	// Outside the aggregate result, nothing in any role's page data mentions a choice.
	for (const as of readers) {
		const outcome = await page(id, as)
		if (outcome.status === 404) continue
		const { result, ...rest } = outcome.data as { result: unknown }
		expect(mentionsAChoice(rest), `page data for ${as}`).toEqual([])
		expect(result).toMatchObject({ total: 5, source: 'ballots' })
	}
})

test('after the close the salt is gone, and no ballot can be linked to a member', async () => {
	const id = await votedDeliberation()
	const { ballotSalt } = await deliberationRow(id)
	expect(ballotSalt).toMatch(/^[0-9a-f]{64}$/)
	// While the vote is open the salt is what lets a member's vote be replaced …
	const memberIds = await Promise.all(members.slice(0, 5).map(userId))
	const keys = (await getDb().select().from(ballots).where(eq(ballots.deliberationId, id))).map((b) => b.voterKey).sort()
	expect(memberIds.map((m) => voterKey(ballotSalt!, m)).sort()).toEqual(keys)

	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	const closed = await deliberationRow(id)
	// … and closing deletes it: nothing stored can recompute a key.
	expect(closed.ballotSalt).toBe(null)
	expect(closed.tally).toEqual({ satisfied: 3, basically_satisfied: 1, unsatisfied: 1 })
	const stored = await getDb().select().from(ballots).where(eq(ballots.deliberationId, id))
	expect(stored).toHaveLength(5)
	expect(Object.keys(stored[0]).sort()).toEqual(['choice', 'deliberationId', 'voterKey'])
	for (const memberId of memberIds) {
		for (const guess of ['', 'null', String(id), closed.title]) {
			expect(stored.map((b) => b.voterKey)).not.toContain(voterKey(guess, memberId))
		}
	}
	// Who voted is still known (5 members), how is not: the participation table has no choice.
	const participants = await getDb().select().from(ballotParticipation).where(eq(ballotParticipation.deliberationId, id))
	expect(participants).toHaveLength(5)
	expect(mentionsAChoice(participants)).toEqual([])
})

test('no audit event mentions a choice, except the aggregate tally on the close', async () => {
	const [{ last }] = await getDb().select({ last: sql<number>`coalesce(max(${auditEvents.id}), 0)`.mapWith(Number) }).from(auditEvents)
	const id = await votedDeliberation()
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	const events = await getDb().select().from(auditEvents).where(gt(auditEvents.id, last))
	const voteEvents = events.filter((e) => e.action === 'deliberation.vote' && e.entityId === String(id))
	// Six votes (one changed), each only "voted".
	expect(voteEvents).toHaveLength(6)
	for (const event of voteEvents) expect(event.after).toEqual({ voted: true })
	const leaking = events.filter((e) => mentionsAChoice(e).length > 0)
	expect(leaking.map((e) => e.action)).toEqual(['deliberation.vote.close'])
	expect(leaking[0].after).toMatchObject({ tally: { satisfied: 3, basically_satisfied: 1, unsatisfied: 1 }, participants: 5 })
	// The salt never reaches the audit log either.
	expect(JSON.stringify(events)).not.toMatch(/ballotSalt/)
})

test('a refused or invalid vote does not echo the choice back', async () => {
	const id = await votedDeliberation()
	const invalid = await post(id, 'weiyuan7', { intent: 'vote', choice: 'unsatisfied_typo' })
	expect(invalid.status).toBe(400)
	expect(JSON.stringify(invalid.data)).not.toContain('unsatisfied_typo')
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	const late = await post(id, 'weiyuan7', { intent: 'vote', choice: 'unsatisfied' })
	expect(late.status).toBe(409)
	expect(JSON.stringify(late.data)).toContain('表决已结束')
	expect(JSON.stringify(late.data)).not.toContain('"unsatisfied"')
	// The redirect after a vote says only "voted".
	const id2 = await openTestDeliberation({ title })
	const voted = await post(id2, 'weiyuan1', { intent: 'vote', choice: 'basically_satisfied' })
	expect(voted.location).toBe(`/deliberations/${id2}?done=voted`)
})
