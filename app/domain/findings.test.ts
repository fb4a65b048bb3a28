import { expect, test } from 'vitest'
import { refusalMessage } from '~/i18n/refusals'
import { settingDefaults } from './settings'
import { zh } from '~/i18n/zh'
import { nextRectificationState, type RectificationAction, type RectificationState } from './rectification'
import {
	defaultRectificationDue,
	findingPolicy,
	findingCsvHeaders,
	findingCsvRecord,
	findingListSearch,
	findingReadScope,
	mayReadFinding,
	mayRecordFinding,
	mayRecordFindingOn,
	mayRespondToFinding,
	mayVerifyFinding,
	parseFindingListQuery,
	rectificationDueProblem,
} from './findings'

const psb = 11
const edu = 12

test('secretariat, admin and members read every finding; a deputy those of their group; an agency its own only', () => {
	const finding = { agencyId: psb, inGroup: false }
	expect(mayReadFinding({ id: 1, role: 'secretariat', agencyId: null }, finding)).toBe(true)
	expect(mayReadFinding({ id: 1, role: 'admin', agencyId: null }, finding)).toBe(true)
	expect(mayReadFinding({ id: 1, role: 'member', agencyId: null }, finding)).toBe(true)
	expect(mayReadFinding({ id: 1, role: 'deputy', agencyId: null }, finding)).toBe(false)
	expect(mayReadFinding({ id: 1, role: 'deputy', agencyId: null }, { ...finding, inGroup: true })).toBe(true)
	expect(mayReadFinding({ id: 1, role: 'agency', agencyId: psb }, finding)).toBe(true)
	expect(mayReadFinding({ id: 1, role: 'agency', agencyId: edu }, finding)).toBe(false)
	expect(mayReadFinding({ id: 1, role: 'agency', agencyId: null }, finding)).toBe(false)
	expect(findingReadScope({ id: 7, role: 'deputy', agencyId: null })).toEqual({ kind: 'group', userId: 7 })
})

test('the secretariat and the group record findings; nobody else', () => {
	expect(mayRecordFinding({ role: 'secretariat' }, false)).toBe(true)
	expect(mayRecordFinding({ role: 'member' }, true)).toBe(true)
	expect(mayRecordFinding({ role: 'deputy' }, true)).toBe(true)
	expect(mayRecordFinding({ role: 'member' }, false)).toBe(false)
	expect(mayRecordFinding({ role: 'deputy' }, false)).toBe(false)
	expect(mayRecordFinding({ role: 'admin' }, true)).toBe(false)
	expect(mayRecordFinding({ role: 'agency' }, true)).toBe(false)
})

test('only the finding’s own agency responds; only the secretariat verifies', () => {
	expect(mayRespondToFinding({ role: 'agency', agencyId: psb }, { agencyId: psb })).toBe(true)
	expect(mayRespondToFinding({ role: 'agency', agencyId: edu }, { agencyId: psb })).toBe(false)
	expect(mayRespondToFinding({ role: 'secretariat', agencyId: null }, { agencyId: psb })).toBe(false)
	expect(mayVerifyFinding({ role: 'secretariat' })).toBe(true)
	expect(mayVerifyFinding({ role: 'admin' })).toBe(false)
	expect(mayVerifyFinding({ role: 'member' })).toBe(false)
})

test('the due date defaults to 90 days ahead, is required and may not be before today', () => {
	expect(defaultRectificationDue('2026-11-27', settingDefaults)).toBe('2027-02-25')
	expect(defaultRectificationDue('2026-11-27', { ...settingDefaults, rectificationDueDays: 30 })).toBe('2026-12-27')
	expect(rectificationDueProblem(undefined, '2026-11-27')).toBe('required')
	expect(rectificationDueProblem('2026-02-30', '2026-11-27')).toBe('invalid')
	expect(rectificationDueProblem('2026-11-26', '2026-11-27')).toBe('past')
	expect(rectificationDueProblem('2026-11-27', '2026-11-27')).toBeNull()
})

test('list filters round-trip through the address; unknown values are ignored', () => {
	const query = parseFindingListQuery(new URLSearchParams('inspection=3&clause=5&agency=11&severity=severe&state=reopened&overdue=1&page=2'))
	expect(query).toEqual({ inspectionId: 3, clauseId: 5, agencyId: 11, severity: 'severe', state: 'reopened', overdue: true, page: 2 })
	expect(findingListSearch(query)).toBe('?inspection=3&clause=5&agency=11&severity=severe&state=reopened&overdue=1&page=2')
	expect(parseFindingListQuery(new URLSearchParams('severity=huge&state=lost&inspection=x&overdue=yes'))).toEqual({ page: 1 })
})

test('a CSV record carries the Chinese labels and the days overdue', () => {
	const record = findingCsvRecord(
		{
			inspectionTitle: '执法检查',
			clauseLabel: '（七）',
			taskLabel: null,
			agencyName: '武汉市公安局',
			severity: 'severe',
			description: '问题',
			recordedOn: '2026-08-01',
			rectificationDueOn: '2026-11-20',
			rectificationState: 'reopened',
			response: '已整改',
			respondedOn: '2026-11-01',
			verifiedOn: '2026-11-10',
			reopenReason: '不到位',
		},
		'2026-11-27',
	)
	expect(record).toHaveLength(findingCsvHeaders.length)
	const cell = (header: string) => record[findingCsvHeaders.indexOf(header)]
	expect(cell('严重程度')).toBe('严重')
	expect(cell('整改状态')).toBe('退回重新整改')
	expect(cell('逾期天数')).toBe('7')
	expect(cell('退回原因')).toBe('不到位')
})

test('the page refuses a step with the very reason the rule gives', () => {
	const refused: Array<[RectificationState, RectificationAction]> = [
		['responded', 'respond'],
		['open', 'accept'],
		['open', 'reopen'],
	]
	for (const [state, action] of refused) {
		const verdict = nextRectificationState(state, action)
		expect(verdict.ok ? null : refusalMessage(zh, verdict.refusal)).toBe(zh.findings.refusals[action])
	}
})

test('findings are recorded while the inspection is under way', () => {
	expect(mayRecordFindingOn({ role: 'deputy' }, { state: 'in_progress', inGroup: true }).ok).toBe(true)
	expect(mayRecordFindingOn({ role: 'secretariat' }, { state: 'reporting', inGroup: false }).ok).toBe(true)
	expect(mayRecordFindingOn({ role: 'secretariat' }, { state: 'planned', inGroup: false })).toMatchObject({ ok: false, refusal: { code: 'findings.notRecording' } })
	expect(mayRecordFindingOn({ role: 'member' }, { state: 'in_progress', inGroup: false })).toMatchObject({ ok: false, refusal: { kind: 'forbidden' } })
})

test('the finding’s policy: the agency answers an open finding, the secretariat verifies a response', () => {
	const open = { agencyId: psb, inGroup: false, rectificationState: 'open' as const }
	const liaison = { id: 4, role: 'agency' as const, agencyId: psb }
	const secretariat = { id: 1, role: 'secretariat' as const, agencyId: null }
	expect(findingPolicy(liaison, open)).toEqual({ read: true, responder: true, verifier: false, steps: ['respond'] })
	expect(findingPolicy(secretariat, open)).toEqual({ read: true, responder: false, verifier: true, steps: [] })
	expect(findingPolicy(secretariat, { ...open, rectificationState: 'responded' }).steps).toEqual(['accept', 'reopen'])
	expect(findingPolicy({ ...liaison, agencyId: edu }, open)).toEqual({ read: false, responder: false, verifier: false, steps: [] })
	expect(findingPolicy({ id: 2, role: 'member', agencyId: null }, open)).toEqual({ read: true, responder: false, verifier: false, steps: [] })
})
