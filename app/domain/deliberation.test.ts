import { expect, test } from 'vitest'
import { settingDefaults } from './settings'
import {
	composeLetterBody,
	deliberationPolicy,
	deliberationReadScope,
	deliberationStates,
	deliberationSteps,
	distribution,
	handlingOverdueDays,
	handlingReportDue,
	handlingRequestSentence,
	letterDefaults,
	letterParagraphs,
	letterTitle,
	letterTitleQuoted,
	mayChangeOpinion,
	mayCloseVote,
	mayComposeLetter,
	mayEditOpinion,
	mayEnterTally,
	mayReadDeliberation,
	mayReadHandlingReport,
	mayReadOpinions,
	mayReviewHandling,
	maySendLetter,
	maySubmitHandling,
	mayTakeStep,
	mayVote,
	mayWriteOpinion,
	satisfactionResult,
	tallyOf,
	voterKey,
	type DeliberationState,
} from './deliberation'

test('more than half 满意 is 满意; exactly half is not', () => {
	expect(satisfactionResult({ satisfied: 6, basically_satisfied: 3, unsatisfied: 2 }, 50)).toBe('satisfied')
	expect(satisfactionResult({ satisfied: 5, basically_satisfied: 3, unsatisfied: 2 }, 50)).toBe('basically_satisfied')
})

test('满意 and 基本满意 together over half is 基本满意, otherwise 不满意', () => {
	expect(satisfactionResult({ satisfied: 2, basically_satisfied: 4, unsatisfied: 5 }, 50)).toBe('basically_satisfied')
	expect(satisfactionResult({ satisfied: 2, basically_satisfied: 3, unsatisfied: 5 }, 50)).toBe('unsatisfied')
})

test('the threshold is a setting', () => {
	expect(satisfactionResult({ satisfied: 6, basically_satisfied: 4, unsatisfied: 0 }, 60)).toBe('basically_satisfied')
	expect(satisfactionResult({ satisfied: 7, basically_satisfied: 3, unsatisfied: 0 }, 60)).toBe('satisfied')
})

test('no votes cast gives no result', () => {
	expect(satisfactionResult(tallyOf([]), 50)).toBe(null)
})

test('a vote after the close is refused, and so is one where the tally came from the meeting', () => {
	expect(mayVote('open', false)).toEqual({ ok: true })
	expect(mayVote('vote_closed', false).ok).toBe(false)
	expect(mayVote('open', true).ok).toBe(false)
})

test('the handling report is due 60 days after the letter by default, or on the date set', () => {
	expect(handlingReportDue('2026-01-31', settingDefaults)).toBe('2026-04-01')
	expect(handlingReportDue('2026-01-31', settingDefaults, '2026-03-01')).toBe('2026-03-01')
})

test('a handling report is overdue only while it is awaited', () => {
	expect(handlingOverdueDays('letter_sent', '2026-11-01', '2026-11-27')).toBe(26)
	expect(handlingOverdueDays('handling_submitted', '2026-11-01', '2026-11-27')).toBe(0)
	expect(handlingOverdueDays('letter_sent', '2026-12-01', '2026-11-27')).toBe(0)
})

const psb = 5
const edu = 6
const gov = 1
const scope = (state: DeliberationState) => ({ state, respondingAgencyId: psb, organId: gov })

test('secretariat, admin and members read a deliberation in every state', () => {
	for (const state of ['open', 'vote_closed', 'letter_sent', 'handling_submitted', 'closed'] as const) {
		for (const role of ['secretariat', 'admin', 'member'] as const) {
			expect(mayReadDeliberation({ role, agencyId: null }, scope(state))).toBe(true)
		}
	}
})

test('deputies and the responding agency read it only once the letter is sent; other agencies never', () => {
	for (const state of ['open', 'vote_closed'] as const) {
		expect(mayReadDeliberation({ role: 'deputy', agencyId: null }, scope(state))).toBe(false)
		expect(mayReadDeliberation({ role: 'agency', agencyId: psb }, scope(state))).toBe(false)
	}
	for (const state of ['letter_sent', 'handling_submitted', 'closed'] as const) {
		expect(mayReadDeliberation({ role: 'deputy', agencyId: null }, scope(state))).toBe(true)
		expect(mayReadDeliberation({ role: 'agency', agencyId: psb }, scope(state))).toBe(true)
		expect(mayReadDeliberation({ role: 'agency', agencyId: edu }, scope(state))).toBe(false)
		expect(mayReadDeliberation({ role: 'agency', agencyId: null }, scope(state))).toBe(false)
	}
	// The organ itself (when another department answers) does not answer the letter.
	expect(mayReadDeliberation({ role: 'agency', agencyId: gov }, scope('letter_sent'))).toBe(false)
})

test('individual opinions are read by members, secretariat and admin only', () => {
	expect(['admin', 'secretariat', 'member', 'deputy', 'agency'].filter((role) => mayReadOpinions(role as never))).toEqual([
		'admin',
		'secretariat',
		'member',
	])
})

test('a handling report is read by its agency throughout, by members once submitted, by deputies once accepted', () => {
	const agency = { role: 'agency' as const, agencyId: psb }
	const deputy = { role: 'deputy' as const, agencyId: null }
	const member = { role: 'member' as const, agencyId: null }
	expect(mayReadHandlingReport(agency, scope('letter_sent'))).toBe(true)
	expect(mayReadHandlingReport(member, scope('letter_sent'))).toBe(false)
	expect(mayReadHandlingReport(member, scope('handling_submitted'))).toBe(true)
	expect(mayReadHandlingReport(deputy, scope('handling_submitted'))).toBe(false)
	expect(mayReadHandlingReport(deputy, scope('closed'))).toBe(true)
	expect(mayReadHandlingReport({ role: 'agency', agencyId: edu }, scope('closed'))).toBe(false)
})

test('opinions are taken until the letter is sent', () => {
	expect(mayWriteOpinion('open').ok).toBe(true)
	expect(mayWriteOpinion('vote_closed').ok).toBe(true)
	for (const state of ['letter_sent', 'handling_submitted', 'closed'] as const) {
		expect(mayWriteOpinion(state)).toMatchObject({ ok: false, refusal: { code: 'deliberation.letterSent' } })
	}
})

test('a member edits their own opinions; the secretariat those it entered on a member\'s behalf', () => {
	expect(mayEditOpinion({ id: 7, role: 'member' }, { memberId: 7, enteredBy: null })).toBe(true)
	expect(mayEditOpinion({ id: 7, role: 'member' }, { memberId: 7, enteredBy: 2 })).toBe(true)
	expect(mayEditOpinion({ id: 8, role: 'member' }, { memberId: 7, enteredBy: null })).toBe(false)
	expect(mayEditOpinion({ id: 2, role: 'secretariat' }, { memberId: 7, enteredBy: 2 })).toBe(true)
	expect(mayEditOpinion({ id: 2, role: 'secretariat' }, { memberId: 7, enteredBy: null })).toBe(false)
	expect(mayEditOpinion({ id: 1, role: 'admin' }, { memberId: 7, enteredBy: 2 })).toBe(false)
})

test('the letter body groups the opinions: general ones first, then clause by clause in the decision\'s order', () => {
	const body = composeLetterBody([
		{ clauseLabel: '（十）', clauseOrdinal: 10, text: '建议加大涉诈资金查控力度。' },
		{ clauseLabel: null, clauseOrdinal: null, text: '报告总体客观。' },
		{ clauseLabel: '（三）', clauseOrdinal: 3, text: '宣传要进社区。' },
		{ clauseLabel: '（十）', clauseOrdinal: 10, text: '  提高返还比例。 ' },
	])
	expect(letterParagraphs(body)).toEqual([
		'一、总体意见',
		'报告总体客观。',
		'二、关于决定第（三）项',
		'宣传要进社区。',
		'三、关于决定第（十）项',
		'建议加大涉诈资金查控力度。',
		'提高返还比例。',
	])
	expect(letterParagraphs(composeLetterBody([{ clauseLabel: '（一）', clauseOrdinal: 1, text: '甲' }]))[0]).toBe('一、关于决定第（一）项')
	expect(composeLetterBody([])).toBe('')
})

test('the letter title quotes the deliberated document once', () => {
	expect(letterTitle('市人民政府关于反诈工作情况的报告')).toBe('关于《市人民政府关于反诈工作情况的报告》的审议意见')
	expect(letterTitle('《市人民政府关于反诈工作情况的报告》')).toBe('关于《市人民政府关于反诈工作情况的报告》的审议意见')
	expect(letterTitleQuoted('市人民政府关于反诈工作情况的报告')).toBe('《关于〈市人民政府关于反诈工作情况的报告〉的审议意见》')
})

test('主送 is the organ; 抄送 the responding agency only when it is another body', () => {
	expect(letterDefaults({ id: gov, name: '武汉市人民政府' }, { id: psb, name: '武汉市公安局' })).toEqual({ to: '武汉市人民政府', cc: '武汉市公安局' })
	expect(letterDefaults({ id: 9, name: '武汉市中级人民法院' }, { id: 9, name: '武汉市中级人民法院' })).toEqual({ to: '武汉市中级人民法院', cc: '' })
})

test('the letter asks for the handling report by its due date', () => {
	expect(handlingRequestSentence('2027-01-26')).toBe('请于2027年1月26日前将研究处理情况书面报告市人大常委会。')
})

test('a ballot key is the same for one member and salt, different across members and salts, and hides both', () => {
	const salt = 'a'.repeat(64)
	expect(voterKey(salt, 12)).toBe(voterKey(salt, 12))
	expect(voterKey(salt, 12)).toMatch(/^[0-9a-f]{64}$/)
	expect(voterKey(salt, 12)).not.toBe(voterKey(salt, 13))
	expect(voterKey(salt, 12)).not.toBe(voterKey('b'.repeat(64), 12))
	expect(voterKey(salt, 12)).not.toContain('12')
})

test('the distribution gives counts and shares of the votes cast', () => {
	expect(distribution({ satisfied: 6, basically_satisfied: 2, unsatisfied: 1 })).toEqual([
		{ choice: 'satisfied', count: 6, percent: 66.7 },
		{ choice: 'basically_satisfied', count: 2, percent: 22.2 },
		{ choice: 'unsatisfied', count: 1, percent: 11.1 },
	])
	expect(distribution(tallyOf([])).map((d) => d.percent)).toEqual([0, 0, 0])
})

test('closing the vote needs an open vote with ballots; a tally over existing ballots needs the confirmation', () => {
	expect(mayCloseVote('open', 3)).toEqual({ ok: true })
	expect(mayCloseVote('open', 0)).toMatchObject({ ok: false, refusal: { code: 'deliberation.noBallots' } })
	expect(mayCloseVote('vote_closed', 3)).toMatchObject({ ok: false, refusal: { code: 'deliberation.voteClosed' } })
	expect(mayEnterTally('open', 0, false)).toEqual({ ok: true })
	expect(mayEnterTally('open', 4, false)).toMatchObject({ ok: false, refusal: { code: 'deliberation.ballotsExist', params: { count: 4 } } })
	expect(mayEnterTally('open', 4, true)).toEqual({ ok: true })
	expect(mayEnterTally('vote_closed', 0, true)).toMatchObject({ ok: false, refusal: { code: 'deliberation.tallyAfterClose' } })
})

test('the letter is composed after the vote closes and sent once complete, with a due date after the sending day', () => {
	const letter = { number: '武人常办〔2026〕12号', to: '武汉市人民政府', body: '意见', dueOn: null }
	expect(mayComposeLetter('open')).toMatchObject({ ok: false, refusal: { code: 'deliberation.voteStillOpen' } })
	expect(mayComposeLetter('vote_closed')).toEqual({ ok: true })
	expect(mayComposeLetter('letter_sent')).toMatchObject({ ok: false, refusal: { code: 'deliberation.letterAlreadySent' } })
	expect(maySendLetter('open', letter, '2026-11-27')).toMatchObject({ ok: false, refusal: { code: 'deliberation.voteStillOpen' } })
	expect(maySendLetter('vote_closed', letter, '2026-11-27')).toEqual({ ok: true })
	expect(maySendLetter('vote_closed', { ...letter, number: ' ' }, '2026-11-27')).toMatchObject({ ok: false, refusal: { code: 'deliberation.letterIncomplete' } })
	expect(maySendLetter('vote_closed', { ...letter, dueOn: '2026-11-27' }, '2026-11-27')).toMatchObject({ ok: false, refusal: { code: 'deliberation.dueNotAfterSend' } })
	expect(maySendLetter('vote_closed', { ...letter, dueOn: '2026-11-28' }, '2026-11-27')).toEqual({ ok: true })
	expect(maySendLetter('letter_sent', letter, '2026-11-27')).toMatchObject({ ok: false, refusal: { code: 'deliberation.letterAlreadySent' } })
})

test('a handling report is submitted only while awaited, and checked only once submitted', () => {
	expect(maySubmitHandling('vote_closed')).toMatchObject({ ok: false, refusal: { code: 'deliberation.letterNotSent' } })
	expect(maySubmitHandling('letter_sent')).toEqual({ ok: true })
	expect(maySubmitHandling('handling_submitted')).toMatchObject({ ok: false, refusal: { code: 'deliberation.handlingAlreadySubmitted' } })
	expect(maySubmitHandling('closed')).toMatchObject({ ok: false, refusal: { code: 'deliberation.handlingClosed' } })
	expect(mayReviewHandling('letter_sent')).toMatchObject({ ok: false, refusal: { code: 'deliberation.nothingToReview' } })
	expect(mayReviewHandling('handling_submitted')).toEqual({ ok: true })
	expect(mayReviewHandling('closed')).toMatchObject({ ok: false, refusal: { code: 'deliberation.handlingAccepted' } })
})

test('a returned handling report is overdue again from the same due date', () => {
	// Returned: the state is letter_sent again and the due date stays.
	expect(handlingOverdueDays('letter_sent', '2026-11-01', '2026-11-02')).toBe(1)
	expect(handlingOverdueDays('letter_sent', '2026-11-01', '2026-11-01')).toBe(0)
	expect(handlingOverdueDays('closed', '2026-11-01', '2026-12-01')).toBe(0)
	expect(handlingOverdueDays('letter_sent', null, '2026-12-01')).toBe(0)
})

test('a letter about a title that quotes another keeps the nesting of title marks right', async () => {
	const { letterTitle } = await import('./deliberation')
	expect(letterTitle('关于检查《武汉市…决定》实施情况的报告')).toBe('关于《关于检查〈武汉市…决定〉实施情况的报告》的审议意见')
	expect(letterTitle('武汉市人民政府关于打击治理电信网络诈骗工作情况的报告')).toBe('关于《武汉市人民政府关于打击治理电信网络诈骗工作情况的报告》的审议意见')
})

// ── The policy ──────────────────────────────────────────────────────────────────────────────

const deliberationIn = (state: DeliberationState, letter = { letterNumber: '', letterTo: '', letterBody: '' }) => ({
	...scope(state),
	tallySource: null,
	handlingDueOn: null,
	...letter,
})
const savedLetter = { letterNumber: '武人常办〔2026〕1号', letterTo: '武汉市人民政府', letterBody: '意见。' }
const stepsOf = (policy: ReturnType<typeof deliberationPolicy>) => deliberationSteps.filter((step) => policy[step])

test('the read scope: all for the committee and its office, the sent ones for deputies, its own sent letters for a liaison', () => {
	for (const role of ['admin', 'secretariat', 'member'] as const) expect(deliberationReadScope({ role, agencyId: null })).toEqual({ kind: 'all' })
	const sent = ['letter_sent', 'handling_submitted', 'closed']
	expect(deliberationReadScope({ role: 'deputy', agencyId: null })).toEqual({ kind: 'states', states: sent })
	expect(deliberationReadScope({ role: 'agency', agencyId: psb })).toEqual({ kind: 'agency', agencyId: psb, states: sent })
	expect(deliberationReadScope({ role: 'agency', agencyId: null })).toEqual({ kind: 'none' })
})

test('while the vote is open: members write opinions and vote, the secretariat enters opinions and ends the vote', () => {
	expect(stepsOf(deliberationPolicy({ role: 'member', agencyId: null }, deliberationIn('open')))).toEqual(['writeOpinion', 'vote'])
	expect(stepsOf(deliberationPolicy({ role: 'secretariat', agencyId: null }, deliberationIn('open')))).toEqual(['proxyOpinion', 'closeVote', 'enterTally'])
	for (const role of ['admin', 'deputy', 'agency'] as const) {
		expect(stepsOf(deliberationPolicy({ role, agencyId: role === 'agency' ? psb : null }, deliberationIn('open'))), role).toEqual([])
	}
	// The vote tallied from the meeting's system takes no ballots.
	expect(deliberationPolicy({ role: 'member', agencyId: null }, { ...deliberationIn('open'), tallySource: 'meeting_system' }).vote).toBe(false)
})

test('after the vote: the secretariat composes the letter and sends it once it is complete; opinions are still taken', () => {
	const secretariat = { role: 'secretariat' as const, agencyId: null }
	expect(stepsOf(deliberationPolicy(secretariat, deliberationIn('vote_closed')))).toEqual(['proxyOpinion', 'composeLetter'])
	expect(stepsOf(deliberationPolicy(secretariat, deliberationIn('vote_closed', savedLetter)))).toEqual(['proxyOpinion', 'composeLetter', 'sendLetter'])
	expect(stepsOf(deliberationPolicy({ role: 'member', agencyId: null }, deliberationIn('vote_closed')))).toEqual(['writeOpinion'])
})

test('once the letter is sent: only the responding agency answers, and only the secretariat reviews the answer', () => {
	expect(stepsOf(deliberationPolicy({ role: 'agency', agencyId: psb }, deliberationIn('letter_sent')))).toEqual(['answer'])
	expect(deliberationPolicy({ role: 'agency', agencyId: edu }, deliberationIn('letter_sent'))).toMatchObject({ read: false, answer: false })
	expect(deliberationPolicy({ role: 'agency', agencyId: gov }, deliberationIn('letter_sent')).answer).toBe(false)
	for (const role of ['secretariat', 'member', 'deputy', 'admin'] as const) {
		expect(stepsOf(deliberationPolicy({ role, agencyId: null }, deliberationIn('letter_sent'))), role).toEqual([])
	}
	expect(stepsOf(deliberationPolicy({ role: 'secretariat', agencyId: null }, deliberationIn('handling_submitted')))).toEqual(['reviewHandling'])
	expect(stepsOf(deliberationPolicy({ role: 'agency', agencyId: psb }, deliberationIn('handling_submitted')))).toEqual([])
	for (const role of ['secretariat', 'member', 'admin'] as const) {
		expect(stepsOf(deliberationPolicy({ role, agencyId: null }, deliberationIn('closed'))), role).toEqual([])
	}
})

test('the draft letter is read by the office only; the sent one by every reader; a member is told whether they voted', () => {
	expect(deliberationPolicy({ role: 'secretariat', agencyId: null }, deliberationIn('vote_closed')).readLetter).toBe(true)
	expect(deliberationPolicy({ role: 'admin', agencyId: null }, deliberationIn('vote_closed')).readLetter).toBe(true)
	expect(deliberationPolicy({ role: 'member', agencyId: null }, deliberationIn('vote_closed')).readLetter).toBe(false)
	for (const user of [{ role: 'member' as const, agencyId: null }, { role: 'deputy' as const, agencyId: null }, { role: 'agency' as const, agencyId: psb }]) {
		expect(deliberationPolicy(user, deliberationIn('letter_sent')).readLetter, user.role).toBe(true)
	}
	expect(deliberationPolicy({ role: 'member', agencyId: null }, deliberationIn('closed')).readOwnVote).toBe(true)
	expect(deliberationPolicy({ role: 'secretariat', agencyId: null }, deliberationIn('open')).readOwnVote).toBe(false)
	expect(deliberationPolicy({ role: 'deputy', agencyId: null }, deliberationIn('closed'))).toMatchObject({ readOpinions: false, readOwnVote: false })
})

test('a step by someone who never takes it is forbidden; by its taker out of turn it is refused with the rule', () => {
	expect(mayTakeStep({ role: 'admin', agencyId: null }, scope('open'), 'closeVote', mayCloseVote('open', 3))).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	expect(mayTakeStep({ role: 'secretariat', agencyId: null }, scope('open'), 'closeVote', mayCloseVote('open', 0))).toMatchObject({
		ok: false,
		refusal: { kind: 'rule', code: 'deliberation.noBallots' },
	})
	expect(mayTakeStep({ role: 'agency', agencyId: edu }, scope('letter_sent'), 'answer', maySubmitHandling('letter_sent')).ok).toBe(false)
	expect(mayTakeStep({ role: 'agency', agencyId: psb }, scope('letter_sent'), 'answer', maySubmitHandling('letter_sent')).ok).toBe(true)
})

test('an opinion is changed by its author (or the secretariat that entered it) until the letter is sent', () => {
	const own = { memberId: 7, enteredBy: null }
	expect(mayChangeOpinion({ id: 7, role: 'member' }, { state: 'vote_closed' }, own).ok).toBe(true)
	expect(mayChangeOpinion({ id: 7, role: 'member' }, { state: 'letter_sent' }, own)).toMatchObject({ ok: false, refusal: { code: 'deliberation.letterSent' } })
	expect(mayChangeOpinion({ id: 8, role: 'member' }, { state: 'open' }, own)).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
})

// ── A deliberation without a satisfaction vote (a 专题询问 scheduled without one) ──────────────

const withoutVote = (state: DeliberationState, letter = { letterNumber: '', letterTo: '', letterBody: '' }) => ({ ...deliberationIn(state, letter), withVote: false })

test('without a vote, nobody votes, ends a vote or enters a tally, in any state', () => {
	for (const state of deliberationStates) {
		expect(mayVote(state, false, false)).toMatchObject({ ok: false, refusal: { kind: 'rule', code: 'deliberation.noVote' } })
		expect(mayCloseVote(state, 3, false)).toMatchObject({ ok: false, refusal: { code: 'deliberation.noVote' } })
		expect(mayEnterTally(state, 0, true, false)).toMatchObject({ ok: false, refusal: { code: 'deliberation.noVote' } })
	}
	expect(stepsOf(deliberationPolicy({ role: 'member', agencyId: null }, withoutVote('open')))).toEqual(['writeOpinion'])
	expect(deliberationPolicy({ role: 'member', agencyId: null }, withoutVote('closed')).readOwnVote).toBe(false)
})

test('without a vote, the letter is composed while opinions are taken and sent straight from there', () => {
	const secretariat = { role: 'secretariat' as const, agencyId: null }
	expect(stepsOf(deliberationPolicy(secretariat, withoutVote('open')))).toEqual(['proxyOpinion', 'composeLetter'])
	expect(stepsOf(deliberationPolicy(secretariat, withoutVote('open', savedLetter)))).toEqual(['proxyOpinion', 'composeLetter', 'sendLetter'])
	expect(mayComposeLetter('open', false)).toEqual({ ok: true })
	const letter = { number: '武人常办〔2026〕1号', to: '武汉市公安局', body: '意见。', dueOn: null }
	expect(maySendLetter('open', letter, '2026-06-01', false)).toEqual({ ok: true })
	expect(maySendLetter('letter_sent', letter, '2026-06-01', false)).toMatchObject({ ok: false, refusal: { code: 'deliberation.letterAlreadySent' } })
	// With a vote (the default), the letter still waits for it.
	expect(maySendLetter('open', letter, '2026-06-01')).toMatchObject({ ok: false, refusal: { code: 'deliberation.voteStillOpen' } })
	expect(mayComposeLetter('open')).toMatchObject({ ok: false, refusal: { code: 'deliberation.voteStillOpen' } })
})

test("a 专题询问's handling report is due by its own setting; a report's by the report setting", () => {
	const settings = { ...settingDefaults, handlingReportDueDays: 60, inquiryHandlingDueDays: 30 }
	expect(handlingReportDue('2026-06-01', settings, null, 'inquiry')).toBe('2026-07-01')
	expect(handlingReportDue('2026-06-01', settings, null, 'report')).toBe('2026-07-31')
	expect(handlingReportDue('2026-06-01', settings)).toBe('2026-07-31')
	expect(handlingReportDue('2026-06-01', settings, '2026-06-20', 'inquiry')).toBe('2026-06-20')
})

test("an inquiry's letter is named after the inquiry, without title marks", () => {
	expect(letterTitle('涉诈资金查控和返还工作专题询问', 'inquiry')).toBe('关于涉诈资金查控和返还工作专题询问的审议意见')
	expect(letterTitle('武汉市人民政府关于反诈工作情况的报告')).toBe('关于《武汉市人民政府关于反诈工作情况的报告》的审议意见')
})
