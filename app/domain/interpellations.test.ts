import { expect, test } from 'vitest'
import {
	answerOverdueDays,
	arrangedDueOn,
	arrangementRule,
	concludesRound,
	countSigners,
	interpellationPolicy,
	isInterpellationTarget,
	mayReadInterpellation,
	mayRequestReanswer,
	maySign,
	maySubmit,
	mayTakeInterpellationStep,
	noParticipation,
	parseInterpellationListQuery,
	tallyVerdicts,
	type InterpellationReader,
	type PolicyInterpellation,
	type Signature,
	type StepContext,
} from './interpellations'
import type { Role } from './roles'

const settings = { interpellationMinSigners: 5 }
const draft = { state: 'draft' as const, targetKind: 'department', targetLevel: '市' }
const signed = (n: number, withdrawn: Array<number> = []): Array<Signature> =>
	Array.from({ length: n }, (_, i) => ({ memberId: i + 1, withdrawn: withdrawn.includes(i + 1) }))

test('Art. 51: four signers are refused, five accepted', () => {
	expect(maySubmit(draft, signed(4), settings)).toMatchObject({ ok: false, refusal: { code: 'interpellations.signers', params: { signers: 4, needed: 5 } } })
	expect(maySubmit(draft, signed(5), settings)).toEqual({ ok: true })
})

test('a withdrawn signature stops counting, and a member counts once', () => {
	expect(countSigners(signed(5, [3]))).toBe(4)
	expect(maySubmit(draft, signed(5, [3]), settings).ok).toBe(false)
	expect(countSigners([...signed(4), { memberId: 1, withdrawn: false }])).toBe(4)
})

test('the threshold is a setting: 3 for a county, 10 nationally', () => {
	expect(maySubmit(draft, signed(3), { interpellationMinSigners: 3 }).ok).toBe(true)
	expect(maySubmit(draft, signed(9), { interpellationMinSigners: 10 }).ok).toBe(false)
})

test('the target: the government of the same level and its departments, the commission, the court, the procuratorate', () => {
	for (const kind of ['government', 'department', 'supervisory_commission', 'court', 'procuratorate']) {
		expect(isInterpellationTarget({ kind, level: '市' })).toBe(true)
	}
	// A vertically managed unit (a regulator's branch, the communications administration), a
	// party body, another level's organs: never.
	for (const kind of ['vertical', 'party_body', 'congress', 'other']) expect(isInterpellationTarget({ kind, level: '市' })).toBe(false)
	expect(isInterpellationTarget({ kind: 'government', level: '区' })).toBe(false)
	expect(maySubmit({ ...draft, targetKind: 'vertical' }, signed(6), settings)).toMatchObject({ ok: false, refusal: { code: 'interpellations.target' } })
})

test('only members sign, and only while the draft is open', () => {
	expect(maySign({ role: 'member' }, 'draft').ok).toBe(true)
	expect(maySign({ role: 'member' }, 'submitted')).toMatchObject({ ok: false, refusal: { code: 'interpellations.signingClosed' } })
	for (const role of ['secretariat', 'deputy', 'agency', 'admin'] as const) expect(maySign({ role }, 'draft')).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
})

test('Art. 53: a re-answer needs more than half of ALL signers unsatisfied — exactly half is not enough', () => {
	expect(mayRequestReanswer({ satisfied: 3, unsatisfied: 3, signers: 6 })).toBe(false)
	expect(mayRequestReanswer({ satisfied: 2, unsatisfied: 4, signers: 6 })).toBe(true)
	// Those who gave no verdict still count among the signers.
	expect(mayRequestReanswer({ satisfied: 0, unsatisfied: 3, signers: 7 })).toBe(false)
	expect(mayRequestReanswer({ satisfied: 0, unsatisfied: 4, signers: 7 })).toBe(true)
})

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

const psb = 11
const reader = (role: Role, id = 7, agencyId: number | null = null): InterpellationReader => ({ id, role, agencyId })

test('a draft is seen by its signers, the members asked to co-sign and the office — no one else', () => {
	const draft = { state: 'draft' as const, targetAgencyId: psb, involved: false }
	expect(mayReadInterpellation(reader('member'), draft)).toBe(false)
	expect(mayReadInterpellation(reader('member'), { ...draft, involved: true })).toBe(true)
	expect(mayReadInterpellation(reader('secretariat'), draft)).toBe(true)
	expect(mayReadInterpellation(reader('admin'), draft)).toBe(true)
	expect(mayReadInterpellation(reader('agency', 9, psb), draft)).toBe(false)
	expect(mayReadInterpellation(reader('deputy'), draft)).toBe(false)
})

test('members read every interpellation handed in; deputies and the target agency only once referred', () => {
	for (const state of ['submitted', 'not_referred'] as const) {
		const record = { state, targetAgencyId: psb, involved: false }
		expect(mayReadInterpellation(reader('member'), record)).toBe(true)
		expect(mayReadInterpellation(reader('agency', 9, psb), record)).toBe(false)
		expect(mayReadInterpellation(reader('deputy'), record)).toBe(false)
	}
	for (const state of ['referred', 'answered', 'reanswer_requested', 'closed'] as const) {
		const record = { state, targetAgencyId: psb, involved: false }
		expect(mayReadInterpellation(reader('agency', 9, psb), record)).toBe(true)
		expect(mayReadInterpellation(reader('agency', 9, psb + 1), record)).toBe(false)
		expect(mayReadInterpellation(reader('deputy'), record)).toBe(true)
	}
	// A withdrawn draft stays with those who were part of it.
	expect(mayReadInterpellation(reader('member'), { state: 'withdrawn', targetAgencyId: psb, involved: false })).toBe(false)
	expect(mayReadInterpellation(reader('member'), { state: 'withdrawn', targetAgencyId: psb, involved: true })).toBe(true)
})

// ── Steps ────────────────────────────────────────────────────────────────────────────────────

const drafterId = 7
const record = (overrides: Partial<PolicyInterpellation> = {}): PolicyInterpellation => ({
	state: 'draft',
	targetAgencyId: psb,
	involved: true,
	source: 'app',
	drafterId,
	targetKind: 'department',
	targetLevel: '市',
	mode: null,
	answerDueOn: null,
	...overrides,
})
const context = (overrides: Partial<StepContext> = {}): StepContext => ({
	today: '2026-05-10',
	me: noParticipation,
	verdicts: { satisfied: 0, unsatisfied: 0, signers: 5 },
	...overrides,
})
const step = (user: InterpellationReader, i: PolicyInterpellation, s: Parameters<typeof mayTakeInterpellationStep>[2], c = context()) =>
	mayTakeInterpellationStep(user, i, s, c)

test('co-signing: an invited member signs once; a second signature is refused; only the draft can be signed', () => {
	const invited = reader('member', 8)
	expect(step(invited, record(), 'sign', context({ me: { invited: true, signed: false, verdict: null } })).ok).toBe(true)
	expect(step(invited, record(), 'sign', context({ me: { invited: true, signed: true, verdict: null } }))).toMatchObject({ ok: false, refusal: { code: 'interpellations.alreadySigned' } })
	expect(step(invited, record({ state: 'submitted' }), 'sign', context({ me: { invited: true, signed: false, verdict: null } }))).toMatchObject({ ok: false, refusal: { code: 'interpellations.signingClosed' } })
	// Not asked to co-sign: the draft is not theirs to see, let alone sign.
	expect(step(reader('member', 9), record(), 'sign')).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	// Others do not sign in the app; a paper interpellation's signers are recorded by the office.
	expect(step(reader('secretariat'), record(), 'sign').ok).toBe(false)
	expect(step(invited, record({ source: 'paper', drafterId: null }), 'sign', context({ me: { invited: true, signed: false, verdict: null } })).ok).toBe(false)
	expect(step(reader('secretariat'), record({ source: 'paper', drafterId: null }), 'recordSignature').ok).toBe(true)
	expect(step(reader('secretariat'), record(), 'recordSignature').ok).toBe(false)
})

test('a co-signer withdraws their signature until submission; the drafter withdraws the whole draft instead', () => {
	const signer = context({ me: { invited: true, signed: true, verdict: null } })
	expect(step(reader('member', 8), record(), 'withdrawSignature', signer).ok).toBe(true)
	expect(step(reader('member', 8), record({ state: 'submitted' }), 'withdrawSignature', signer)).toMatchObject({ ok: false, refusal: { code: 'interpellations.signingClosed' } })
	expect(step(reader('member', drafterId), record(), 'withdrawSignature', signer)).toMatchObject({ ok: false, refusal: { code: 'interpellations.drafterSigns' } })
	expect(step(reader('member', drafterId), record(), 'withdraw').ok).toBe(true)
	expect(step(reader('member', 8), record(), 'withdraw').ok).toBe(false)
	expect(step(reader('member', drafterId), record(), 'submit').ok).toBe(true)
	expect(step(reader('member', drafterId), record({ state: 'submitted' }), 'submit')).toMatchObject({ ok: false, refusal: { code: 'interpellations.notDraft' } })
	// A paper one is the office's to hand in.
	expect(step(reader('secretariat'), record({ source: 'paper', drafterId: null }), 'submit').ok).toBe(true)
	expect(step(reader('secretariat'), record(), 'submit').ok).toBe(false)
})

test('the council decision is the office’s, once it is handed in', () => {
	expect(step(reader('secretariat'), record({ state: 'submitted' }), 'refer').ok).toBe(true)
	expect(step(reader('secretariat'), record({ state: 'draft' }), 'refer')).toMatchObject({ ok: false, refusal: { code: 'interpellations.notSubmitted' } })
	for (const role of ['admin', 'member', 'deputy', 'agency'] as const) expect(step(reader(role, 7, psb), record({ state: 'submitted' }), 'refer').ok).toBe(false)
})

test('Art. 54: the agency enters a written answer (or the office for it); an oral one is the office’s, from its meeting day', () => {
	const written = record({ state: 'referred', mode: 'written', answerDueOn: '2026-06-01' })
	expect(step(reader('agency', 9, psb), written, 'answer').ok).toBe(true)
	expect(step(reader('agency', 9, psb + 1), written, 'answer').ok).toBe(false)
	expect(step(reader('secretariat'), written, 'answer').ok).toBe(true)
	const oral = record({ state: 'referred', mode: 'oral', answerDueOn: '2026-05-11' })
	expect(step(reader('agency', 9, psb), oral, 'answer')).toMatchObject({ ok: false, refusal: { kind: 'forbidden', code: 'interpellations.oralRecordedByOffice' } })
	expect(step(reader('secretariat'), oral, 'answer', context({ today: '2026-05-10' }))).toMatchObject({ ok: false, refusal: { code: 'interpellations.oralBeforeMeeting' } })
	expect(step(reader('secretariat'), oral, 'answer', context({ today: '2026-05-11' })).ok).toBe(true)
	expect(step(reader('secretariat'), record({ state: 'answered', mode: 'written' }), 'answer')).toMatchObject({ ok: false, refusal: { code: 'interpellations.notAwaitingAnswer' } })
})

test('Art. 53 at its edge: of six signers, three unsatisfied cannot ask for a re-answer, four can — and only an unsatisfied signer asks', () => {
	const answered = record({ state: 'answered', mode: 'written' })
	const unsatisfied = { invited: true, signed: true, verdict: 'unsatisfied' as const }
	expect(step(reader('member', 8), answered, 'requestReanswer', context({ me: unsatisfied, verdicts: { satisfied: 3, unsatisfied: 3, signers: 6 } }))).toMatchObject({
		ok: false,
		refusal: { code: 'interpellations.reanswerThreshold', params: { unsatisfied: 3, signers: 6 } },
	})
	expect(step(reader('member', 8), answered, 'requestReanswer', context({ me: unsatisfied, verdicts: { satisfied: 2, unsatisfied: 4, signers: 6 } })).ok).toBe(true)
	expect(
		step(reader('member', 8), answered, 'requestReanswer', context({ me: { ...unsatisfied, verdict: 'satisfied' }, verdicts: { satisfied: 1, unsatisfied: 4, signers: 6 } })),
	).toMatchObject({ ok: false, refusal: { code: 'interpellations.requesterSatisfied' } })
	// Not a signer: not theirs to ask.
	expect(step(reader('member', 9), answered, 'requestReanswer', context({ verdicts: { satisfied: 0, unsatisfied: 6, signers: 6 } })).ok).toBe(false)
	expect(step(reader('secretariat'), record({ state: 'reanswer_requested' }), 'decideReanswer').ok).toBe(true)
	expect(step(reader('secretariat'), answered, 'decideReanswer')).toMatchObject({ ok: false, refusal: { code: 'interpellations.noReanswerRequest' } })
})

test('verdicts: only signers give one, on an answered round', () => {
	const signer = context({ me: { invited: true, signed: true, verdict: null } })
	expect(step(reader('member', 8), record({ state: 'answered' }), 'judge', signer).ok).toBe(true)
	expect(step(reader('member', 8), record({ state: 'referred' }), 'judge', signer)).toMatchObject({ ok: false, refusal: { code: 'interpellations.notAnswered' } })
	expect(step(reader('member', 9), record({ state: 'answered' }), 'judge').ok).toBe(false)
})

test('a round concludes when every signer has judged and no re-answer can be asked for', () => {
	expect(concludesRound(tallyVerdicts(['satisfied', 'satisfied', 'unsatisfied', 'satisfied', 'satisfied'], 5))).toBe(true)
	// Four of five in: not yet.
	expect(concludesRound(tallyVerdicts(['satisfied', 'satisfied', 'satisfied', 'satisfied'], 5))).toBe(false)
	// All in, three of five unsatisfied: the signers may still ask for a re-answer.
	expect(concludesRound(tallyVerdicts(['unsatisfied', 'unsatisfied', 'unsatisfied', 'satisfied', 'satisfied'], 5))).toBe(false)
	// Exactly half unsatisfied is not enough for a re-answer: the round concludes.
	expect(concludesRound(tallyVerdicts(['unsatisfied', 'unsatisfied', 'unsatisfied', 'satisfied', 'satisfied', 'satisfied'], 6))).toBe(true)
})

test('the policy offers exactly the steps a user can take now', () => {
	const policy = interpellationPolicy(reader('member', drafterId), record(), context({ me: { invited: false, signed: true, verdict: null } }))
	expect(policy.steps).toEqual(['invite', 'submit', 'withdraw'])
	expect(interpellationPolicy(reader('agency', 9, psb), record(), context()).read).toBe(false)
	expect(interpellationPolicy(reader('agency', 9, psb), record({ state: 'referred', mode: 'written' }), context())).toMatchObject({
		read: true,
		steps: ['answer'],
		readVerdictsByName: false,
	})
})

// ── The council's arrangement (Art. 52) ─────────────────────────────────────────────────────

test('the arrangement: a written answer is due after today; an oral one at a meeting not yet over', () => {
	const today = '2026-05-10'
	expect(arrangementRule({ mode: 'written', dueOn: today }, today, null)).toMatchObject({ ok: false, refusal: { code: 'interpellations.dueNotAfterToday' } })
	expect(arrangementRule({ mode: 'written', dueOn: '2026-05-11' }, today, null).ok).toBe(true)
	const meeting = { startsOn: '2026-05-08', endsOn: '2026-05-10' }
	expect(arrangementRule({ mode: 'oral', forum: 'standing_committee', meetingId: 1 }, today, meeting).ok).toBe(true)
	expect(arrangementRule({ mode: 'oral', forum: 'standing_committee', meetingId: 1 }, '2026-05-11', meeting)).toMatchObject({ ok: false, refusal: { code: 'interpellations.meetingOver' } })
	expect(arrangementRule({ mode: 'oral', forum: 'standing_committee', meetingId: 1 }, today, null)).toMatchObject({ ok: false, refusal: { code: 'interpellations.unknownMeeting' } })
	expect(arrangementRule({ mode: 'oral', forum: 'special_committee', specialMeeting: '监察和司法委员会第五次全体会议', meetingOn: today }, today, null).ok).toBe(true)
	expect(arrangedDueOn({ mode: 'oral', forum: 'standing_committee', meetingId: 1 }, meeting)).toBe('2026-05-08')
	expect(arrangedDueOn({ mode: 'written', dueOn: '2026-06-30' }, null)).toBe('2026-06-30')
})

test('an answer is overdue the day after it is due, while it is awaited', () => {
	expect(answerOverdueDays('referred', '2026-05-10', '2026-05-10')).toBe(0)
	expect(answerOverdueDays('referred', '2026-05-10', '2026-05-11')).toBe(1)
	expect(answerOverdueDays('answered', '2026-05-10', '2026-05-20')).toBe(0)
})

test('the list’s filters: known states, ids and years only', () => {
	expect(parseInterpellationListQuery(new URLSearchParams('state=referred&target=3&year=2026&page=2'))).toEqual({ state: 'referred', targetId: 3, year: 2026, page: 2 })
	expect(parseInterpellationListQuery(new URLSearchParams('state=bogus&target=99999999999&year=1900'))).toEqual({ page: 1 })
})
