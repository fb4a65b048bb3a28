import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { addDays, shanghaiDate } from '~/domain/dates'
import { settingDefaults } from '~/domain/settings'
import { openDeliberation } from '~/models/deliberation/mutations.server'
import { write } from '~/models/write.server'
import { agencyIdOf, deliberationRow, pageJson, post } from '#test/fixtures/deliberation'
import { userId } from '#test/helpers'

// A deliberation without a satisfaction vote (a 专题询问 scheduled without one): opinions, then
// the letter straight away. The vote's forms are not offered and its steps are refused with the
// reason; the letter is written and sent while the opinions are still open.

let nextSubject = 800_000

async function openWithoutVote() {
	const psb = await agencyIdOf('psb')
	const actor = { id: await userId('mishu'), address: '127.0.0.1' }
	return write(getDb(), actor, (tx, audit) =>
		openDeliberation(tx, audit, { subjectType: 'inquiry', subjectId: nextSubject++, title: '测试专题询问', meetingId: null, organId: psb, respondingAgencyId: psb, withVote: false }),
	)
}

test('without a vote the page offers opinions but no ballot, and the vote steps are refused with the reason', async () => {
	const id = await openWithoutVote()
	expect(await deliberationRow(id)).toMatchObject({ withVote: false, ballotSalt: null, state: 'open' })
	const member = await pageJson(id, 'weiyuan1')
	expect(member.vote).toMatchObject({ open: false, mayVote: false, myVoteAt: null })
	expect(member.can).toMatchObject({ writeOpinion: true })
	const vote = await post(id, 'weiyuan1', { intent: 'vote', choice: 'satisfied' })
	expect(vote.status).toBe(409)
	expect(JSON.stringify(vote.data)).toContain('本项审议不进行满意度测评。')
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(409)
	const office = await pageJson(id, 'mishu')
	expect(office.can).toMatchObject({ closeVote: false, enterTally: false, proxyOpinion: true })
	expect(office.draft).not.toBe(null)
})

test("without a vote the office writes and sends the letter while opinions are open; it is due by the inquiry setting", async () => {
	const id = await openWithoutVote()
	expect((await post(id, 'weiyuan2', { intent: 'opinion', clauseId: '', text: '建议建立涉诈资金返还绿色通道。' })).status).toBe(302)
	const saved = await post(id, 'mishu', { intent: 'saveLetter', version: 'current', number: '武人常办〔2099〕7号', to: '武汉市公安局', body: '建议建立涉诈资金返还绿色通道。' })
	expect(saved.status).toBe(302)
	expect((await pageJson(id, 'mishu')).can.sendLetter).toBe(true)
	expect((await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })).status).toBe(302)
	const today = shanghaiDate(new Date())
	expect(await deliberationRow(id)).toMatchObject({ state: 'letter_sent', letterSentOn: today, handlingDueOn: addDays(today, settingDefaults.inquiryHandlingDueDays), tally: null })
	// Published now, as any sent letter: the agency answers it.
	expect((await pageJson(id, 'gongan')).can.submitHandling).toBe(true)
})
