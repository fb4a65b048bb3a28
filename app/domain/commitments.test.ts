import { expect, test } from 'vitest'
import {
	commitmentCsvHeaders,
	commitmentCsvRecord,
	commitmentListSearch,
	commitmentOverdueDays,
	commitmentPolicy,
	commitmentReadScope,
	commitmentSource,
	mayReadCommitment,
	mayTakeCommitmentStep,
	parseCommitmentListQuery,
} from './commitments'

const psb = 7
const edu = 8
const gongan = { role: 'agency' as const, agencyId: psb }
const secretariat = { role: 'secretariat' as const, agencyId: null }

test('members and the office read every commitment; deputies those of published records; a liaison their own agency’s', () => {
	for (const role of ['admin', 'secretariat', 'member'] as const) expect(commitmentReadScope({ role, agencyId: null })).toEqual({ kind: 'all' })
	expect(commitmentReadScope({ role: 'deputy', agencyId: null })).toEqual({ kind: 'published' })
	expect(commitmentReadScope(gongan)).toEqual({ kind: 'agency', agencyId: psb })
	expect(commitmentReadScope({ role: 'agency', agencyId: null })).toEqual({ kind: 'none' })
	expect(mayReadCommitment({ role: 'deputy', agencyId: null }, { agencyId: psb, published: false })).toBe(false)
	expect(mayReadCommitment({ role: 'deputy', agencyId: null }, { agencyId: psb, published: true })).toBe(true)
	// The agency reports from the day the commitment is made, published or not.
	expect(mayReadCommitment(gongan, { agencyId: psb, published: false })).toBe(true)
	expect(mayReadCommitment(gongan, { agencyId: edu, published: true })).toBe(false)
})

test("the agency's own liaison reports; the secretariat accepts or reopens; out of turn the rule says why", () => {
	expect(mayTakeCommitmentStep(gongan, { agencyId: psb, state: 'open' }, 'respond')).toEqual({ ok: true })
	expect(mayTakeCommitmentStep(gongan, { agencyId: psb, state: 'reopened' }, 'respond')).toEqual({ ok: true })
	expect(mayTakeCommitmentStep(gongan, { agencyId: edu, state: 'open' }, 'respond')).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	expect(mayTakeCommitmentStep(secretariat, { agencyId: psb, state: 'open' }, 'respond')).toMatchObject({ ok: false, refusal: { kind: 'forbidden', code: 'commitments.agencyReports' } })
	expect(mayTakeCommitmentStep(gongan, { agencyId: psb, state: 'responded' }, 'respond')).toMatchObject({ ok: false, refusal: { kind: 'rule', code: 'commitments.respondState' } })
	expect(mayTakeCommitmentStep(secretariat, { agencyId: psb, state: 'responded' }, 'accept')).toEqual({ ok: true })
	expect(mayTakeCommitmentStep(secretariat, { agencyId: psb, state: 'open' }, 'accept')).toMatchObject({ ok: false, refusal: { code: 'commitments.acceptState' } })
	expect(mayTakeCommitmentStep(secretariat, { agencyId: psb, state: 'accepted' }, 'reopen')).toEqual({ ok: true })
	expect(mayTakeCommitmentStep(gongan, { agencyId: psb, state: 'responded' }, 'accept')).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
	expect(commitmentPolicy(gongan, { agencyId: psb, published: false, state: 'open' })).toEqual({ read: true, respond: true, accept: false, reopen: false })
	expect(commitmentPolicy(secretariat, { agencyId: psb, published: false, state: 'responded' })).toEqual({ read: true, respond: false, accept: true, reopen: true })
})

test('a commitment is overdue the day after its due date, and not once the agency has reported', () => {
	expect(commitmentOverdueDays({ state: 'open', dueOn: '2026-07-01' }, '2026-07-01')).toBe(0)
	expect(commitmentOverdueDays({ state: 'open', dueOn: '2026-07-01' }, '2026-07-02')).toBe(1)
	expect(commitmentOverdueDays({ state: 'responded', dueOn: '2026-07-01' }, '2026-08-01')).toBe(0)
	expect(commitmentOverdueDays({ state: 'reopened', dueOn: '2026-07-01' }, '2026-08-01')).toBe(31)
})

test('list filters are read from the URL; anything else is ignored', () => {
	const query = parseCommitmentListQuery(new URLSearchParams('agency=7&state=reopened&overdue=1&clause=3&inquiry=4&page=2'))
	expect(query).toEqual({ agencyId: 7, state: 'reopened', overdue: true, clauseId: 3, inquiryId: 4, page: 2 })
	expect(commitmentListSearch(query)).toBe('?agency=7&state=reopened&overdue=1&clause=3&inquiry=4&page=2')
	expect(parseCommitmentListQuery(new URLSearchParams('state=closed&overdue=yes'))).toEqual({ page: 1 })
})

test('the CSV names the agency, the commitment, where it was made, its due date and state in Chinese', () => {
	expect(commitmentCsvHeaders.slice(0, 3)).toEqual(['单位', '承诺事项', '来源'])
	expect(commitmentCsvHeaders).toEqual(expect.arrayContaining(['期限', '状态']))
	const record = commitmentCsvRecord({
		agencyName: '武汉市公安局',
		text: '三个月内建立机制',
		source: commitmentSource('专题询问', '涉诈资金查控', 3),
		meetingLabel: '第十五届人大常委会第二十次会议',
		clauseLabels: ['（七）', '（十一）'],
		dueOn: '2026-07-01',
		state: 'reopened',
		overdueDays: 5,
		response: '已起草。',
		respondedOn: '2026-06-20',
		verifiedOn: '2026-06-25',
		reopenReason: '仅有草案。',
	})
	expect(record).toEqual([
		'武汉市公安局',
		'三个月内建立机制',
		'专题询问“涉诈资金查控”第3问',
		'第十五届人大常委会第二十次会议',
		'（七）、（十一）',
		'2026-07-01',
		'退回，重新落实',
		'5',
		'已起草。',
		'2026-06-20',
		'2026-06-25',
		'仅有草案。',
	])
	expect(record).toHaveLength(commitmentCsvHeaders.length)
})
