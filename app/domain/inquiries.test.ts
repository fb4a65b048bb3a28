import { expect, test } from 'vitest'
import {
	commitmentDueProblem,
	inquiryListSearch,
	inquiryPolicy,
	inquiryReadScope,
	inquirySteps,
	isAnsweringOrgan,
	logScope,
	mayChangeRegistration,
	mayOpenDeliberation,
	mayPublish,
	mayReadExchange,
	mayReadInquiry,
	mayScheduleAt,
	mayTakeInquiryStep,
	officialLabel,
	parseInquiryListQuery,
	recordTitle,
	registrationOpen,
	registrationScope,
	type InquiryReader,
	type SessionFacts,
} from './inquiries'

const psb = 7
const edu = 8

const session = (facts: Partial<SessionFacts> = {}): SessionFacts => ({
	kind: 'special',
	state: 'scheduled',
	heldOn: '2026-06-24',
	logged: 0,
	unanswered: 0,
	deliberationOpened: false,
	...facts,
})

const secretariat = { id: 1, role: 'secretariat' as const, agencyId: null }
const member = { id: 2, role: 'member' as const, agencyId: null }
const deputy = { id: 3, role: 'deputy' as const, agencyId: null }
const gongan = { id: 4, role: 'agency' as const, agencyId: psb }
const admin = { id: 5, role: 'admin' as const, agencyId: null }

test("the city's government and departments, supervisory commission, court and procuratorate answer; vertical units and districts do not", () => {
	expect(isAnsweringOrgan({ kind: 'department', level: '市' })).toBe(true)
	expect(isAnsweringOrgan({ kind: 'government', level: '市' })).toBe(true)
	expect(isAnsweringOrgan({ kind: 'court', level: '市' })).toBe(true)
	expect(isAnsweringOrgan({ kind: 'vertical', level: '市' })).toBe(false)
	expect(isAnsweringOrgan({ kind: 'department', level: '区' })).toBe(false)
	expect(isAnsweringOrgan({ kind: 'party_body', level: '市' })).toBe(false)
})

test('a session is scheduled at a meeting not yet over, on one of its days', () => {
	const meeting = { startsOn: '2026-06-24', endsOn: '2026-06-26' }
	expect(mayScheduleAt(meeting, '2026-06-24', '2026-06-26')).toEqual({ ok: true })
	expect(mayScheduleAt(meeting, '2026-06-26', '2026-06-01')).toEqual({ ok: true })
	expect(mayScheduleAt(meeting, '2026-06-25', '2026-06-27')).toMatchObject({ ok: false, refusal: { code: 'inquiries.meetingOver', status: 400 } })
	expect(mayScheduleAt(meeting, '2026-06-23', '2026-06-01')).toMatchObject({ ok: false, refusal: { code: 'inquiries.heldOutsideMeeting' } })
	expect(mayScheduleAt(meeting, '2026-06-27', '2026-06-01')).toMatchObject({ ok: false, refusal: { code: 'inquiries.heldOutsideMeeting' } })
})

test('members register questions until the day of the session, and only while the log is empty', () => {
	expect(registrationOpen(session(), '2026-06-24')).toEqual({ ok: true })
	expect(registrationOpen(session(), '2026-06-25')).toMatchObject({ ok: false, refusal: { code: 'inquiries.registrationClosed' } })
	expect(registrationOpen(session({ logged: 1 }), '2026-06-20')).toMatchObject({ ok: false, refusal: { code: 'inquiries.registrationClosed' } })
	expect(registrationOpen(session({ state: 'published' }), '2026-06-20').ok).toBe(false)
})

test('the record is published once held, with every question and follow-up answered', () => {
	const complete = session({ logged: 8, unanswered: 0 })
	expect(mayPublish(complete, '2026-06-24')).toEqual({ ok: true })
	expect(mayPublish(complete, '2026-06-23')).toMatchObject({ ok: false, refusal: { code: 'inquiries.notHeld' } })
	expect(mayPublish(session({ logged: 0 }), '2026-06-30')).toMatchObject({ ok: false, refusal: { code: 'inquiries.emptyLog' } })
	expect(mayPublish(session({ logged: 8, unanswered: 1 }), '2026-06-30')).toMatchObject({ ok: false, refusal: { code: 'inquiries.unanswered', params: { count: 1 } } })
	expect(mayPublish(session({ logged: 8, state: 'published' }), '2026-06-30')).toMatchObject({ ok: false, refusal: { code: 'inquiries.published' } })
})

test("a 专题询问's deliberation is opened once, from the day it is held; a 询问 has none of its own", () => {
	expect(mayOpenDeliberation(session(), '2026-06-24')).toEqual({ ok: true })
	expect(mayOpenDeliberation(session(), '2026-06-23')).toMatchObject({ ok: false, refusal: { code: 'inquiries.notHeld' } })
	expect(mayOpenDeliberation(session({ deliberationOpened: true }), '2026-06-30')).toMatchObject({ ok: false, refusal: { code: 'inquiries.deliberationOpened' } })
	expect(mayOpenDeliberation(session({ kind: 'inquiry' }), '2026-06-30')).toMatchObject({ ok: false, refusal: { code: 'inquiries.notSpecial' } })
})

test('the steps: members register, the secretariat keeps the log, orders, publishes and opens the deliberation; no one else', () => {
	const steps = (user: InquiryReader, facts: SessionFacts, today: string) => inquirySteps.filter((step) => mayTakeInquiryStep(user, facts, step, today).ok)
	expect(steps(member, session(), '2026-06-20')).toEqual(['register'])
	expect(steps(secretariat, session(), '2026-06-20')).toEqual(['record', 'order'])
	expect(steps(secretariat, session({ logged: 3 }), '2026-06-24')).toEqual(['record', 'order', 'publish', 'openDeliberation'])
	expect(steps(secretariat, session({ logged: 3, state: 'published' }), '2026-06-24')).toEqual(['openDeliberation'])
	for (const user of [deputy, gongan, admin]) expect(steps(user, session({ logged: 3 }), '2026-06-24'), user.role).toEqual([])
	expect(mayTakeInquiryStep(admin, session(), 'record', '2026-06-20')).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	expect(mayTakeInquiryStep(secretariat, session({ state: 'published' }), 'record', '2026-06-20')).toMatchObject({ ok: false, refusal: { code: 'inquiries.published' } })
})

test('a registered question is changed or withdrawn by its author only, while registration is open', () => {
	expect(mayChangeRegistration(member, { memberId: 2 }, session(), '2026-06-24')).toEqual({ ok: true })
	expect(mayChangeRegistration(member, { memberId: 9 }, session(), '2026-06-24')).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	expect(mayChangeRegistration(secretariat, { memberId: 1 }, session(), '2026-06-24').ok).toBe(false)
	expect(mayChangeRegistration(member, { memberId: 2 }, session({ logged: 1 }), '2026-06-24')).toMatchObject({ ok: false, refusal: { code: 'inquiries.registrationClosed' } })
})

test('members and the office read every session; deputies the published ones; a liaison the sessions their agency answers in', () => {
	for (const user of [secretariat, member, admin]) expect(inquiryReadScope(user)).toEqual({ kind: 'all' })
	expect(inquiryReadScope(deputy)).toEqual({ kind: 'published' })
	expect(inquiryReadScope(gongan)).toEqual({ kind: 'agency', agencyId: psb })
	expect(inquiryReadScope({ role: 'agency', agencyId: null })).toEqual({ kind: 'none' })
	expect(mayReadInquiry(deputy, { state: 'scheduled', respondentAgencyIds: [psb] })).toBe(false)
	expect(mayReadInquiry(deputy, { state: 'published', respondentAgencyIds: [psb] })).toBe(true)
	expect(mayReadInquiry(gongan, { state: 'scheduled', respondentAgencyIds: [psb, edu] })).toBe(true)
	expect(mayReadInquiry(gongan, { state: 'published', respondentAgencyIds: [edu] })).toBe(false)
})

test("before publication a liaison reads only the questions put to their agency; after, the whole log", () => {
	const before = logScope(gongan, { state: 'scheduled' })
	expect(before).toEqual({ kind: 'agency', agencyId: psb })
	expect(mayReadExchange(before, { agencyId: psb })).toBe(true)
	expect(mayReadExchange(before, { agencyId: edu })).toBe(false)
	expect(logScope(gongan, { state: 'published' })).toEqual({ kind: 'all' })
	expect(logScope(member, { state: 'scheduled' })).toEqual({ kind: 'all' })
	// A liaison account without an agency reads no question.
	expect(mayReadExchange(logScope({ role: 'agency', agencyId: null }, { state: 'scheduled' }), { agencyId: psb })).toBe(false)
})

test('registered questions are read by their author and the office only', () => {
	expect(registrationScope(secretariat)).toEqual({ kind: 'all' })
	expect(registrationScope(admin)).toEqual({ kind: 'all' })
	expect(registrationScope(member)).toEqual({ kind: 'own', memberId: 2 })
	expect(registrationScope(deputy)).toEqual({ kind: 'none' })
	expect(registrationScope(gongan)).toEqual({ kind: 'none' })
})

test("the policy: a liaison prints the record only once published, and reads nothing of a session their agency is not in", () => {
	const facts = { ...session({ logged: 2 }), respondentAgencyIds: [psb] }
	expect(inquiryPolicy(gongan, facts, '2026-06-24')).toMatchObject({ read: true, print: false, log: { kind: 'agency', agencyId: psb } })
	expect(inquiryPolicy(gongan, { ...facts, state: 'published' }, '2026-06-24')).toMatchObject({ read: true, print: true })
	expect(inquiryPolicy({ ...gongan, agencyId: edu }, facts, '2026-06-24')).toMatchObject({ read: false, print: false, record: false, registrations: { kind: 'none' } })
	expect(inquiryPolicy(member, facts, '2026-06-24')).toMatchObject({ read: true, print: true, register: false })
})

test('a commitment falls due after the day of the session, not on it', () => {
	expect(commitmentDueProblem('2026-06-24', '2026-06-24')).toBe('notAfterSession')
	expect(commitmentDueProblem('2026-06-23', '2026-06-24')).toBe('notAfterSession')
	expect(commitmentDueProblem('2026-06-25', '2026-06-24')).toBe(null)
})

test('list filters are read from the URL; anything else is ignored', () => {
	const params = new URLSearchParams('meeting=3&kind=special&agency=7&clause=12&year=2026&page=2&bogus=1')
	const query = parseInquiryListQuery(params)
	expect(query).toEqual({ meetingId: 3, kind: 'special', agencyId: 7, clauseId: 12, year: 2026, page: 2 })
	expect(inquiryListSearch(query)).toBe('?meeting=3&kind=special&agency=7&clause=12&year=2026&page=2')
	expect(parseInquiryListQuery(new URLSearchParams('kind=other&year=99999&meeting=-1&agency=99999999999'))).toEqual({ page: 1 })
})

test('the record is titled by its meeting and form; officials are named as the record names them', () => {
	expect(recordTitle('第十五届人大常委会第二十次会议', 'special')).toBe('第十五届人大常委会第二十次会议专题询问纪要')
	expect(recordTitle('第十五届人大常委会第二十次会议', 'inquiry')).toBe('第十五届人大常委会第二十次会议询问纪要')
	expect(officialLabel('市公安局', { name: '林建国', title: '副局长' })).toBe('市公安局副局长林建国')
})
