import { expect, test } from 'vitest'
import {
	clauseReference,
	draftReport,
	fillReport,
	groupFindingsByClause,
	inspectionReportPolicy,
	inspectionReportTitle,
	mayEditReport,
	maySubmitReport,
	readAmendment,
	reportMissingParts,
	writeAmendment,
	type ReportFinding,
	type ReportRecord,
} from './inspection-report'

const today = '2025-06-30'

function finding(overrides: Partial<ReportFinding>): ReportFinding {
	return {
		clauseId: 7,
		clauseLabel: '（七）',
		clauseOrder: 7,
		agencyId: 1,
		agencyName: '武汉市公安局',
		agencyOrder: 10,
		severity: 'general',
		description: '问题描述',
		rectificationDueOn: '2025-09-30',
		rectificationState: 'open',
		...overrides,
	}
}

const record: ReportRecord = {
	inspection: { year: 2025, startsOn: '2025-03-01', endsOn: '2025-05-31', forms: ['symposium'], organName: '武汉市人民政府' },
	instrumentTitle: '关于全面开展打击治理电信网络诈骗违法犯罪工作的决定',
	scope: ['（七）', '（十五）'],
	visits: [
		{ unannounced: false, form: 'field', agencies: [{ id: 1, name: '武汉市公安局' }] },
		{ unannounced: true, form: 'spot_check', agencies: [{ id: 1, name: '武汉市公安局' }] },
		{ unannounced: false, form: null, agencies: [{ id: 2, name: '武汉市教育局' }] },
	],
	findings: [
		finding({ clauseId: 15, clauseLabel: '（十五）', clauseOrder: 15, agencyId: 2, agencyName: '武汉市教育局', agencyOrder: 5, severity: 'severe', description: '教育不足' }),
		finding({ description: '止付不及时', rectificationDueOn: '2025-06-01' }),
		finding({ description: '台账不全。（示例）', rectificationState: 'accepted', severity: 'serious' }),
	],
}

test('the evaluation counts visits, unannounced visits, agencies and findings by severity and state', () => {
	const { evaluation } = draftReport(record, today)
	expect(evaluation).toContain('2025年3月1日至2025年5月31日对《关于全面开展打击治理电信网络诈骗违法犯罪工作的决定》')
	expect(evaluation).toContain('检查范围涉及（七）、（十五）')
	expect(evaluation).toContain('座谈会、实地检查、抽查等形式，共开展检查活动3次（其中暗访1次），检查了武汉市公安局、武汉市教育局等2个单位')
	expect(evaluation).toContain('检查共发现问题3个，其中严重1个、较重1个、一般1个')
	expect(evaluation).toContain('已整改并通过核实1个')
	expect(evaluation).toContain('逾期1个')
})

test('the problems are grouped by clause in the instrument’s order', () => {
	const { problems } = draftReport(record, today)
	const lines = problems.split('\n')
	expect(lines[0]).toBe('检查发现的问题按条款归类如下：')
	expect(lines[1]).toBe('第（七）项落实方面：')
	expect(lines[2]).toBe('1. 武汉市公安局（一般）：止付不及时。整改期限为2025年6月1日，尚未整改，已逾期29天。')
	expect(lines[3]).toContain('2. 武汉市公安局（较重）：台账不全。（示例）整改期限为')
	expect(lines[3]).toContain('已整改并通过核实')
	expect(lines[4]).toBe('第（十五）项落实方面：')
	expect(lines[5]).toContain('1. 武汉市教育局（严重）：教育不足。')
})

test('the enforcement suggestions have one line per agency with open findings, then one for the organ', () => {
	const { enforcementSuggestions, amendmentSuggestions } = draftReport(record, today)
	const lines = enforcementSuggestions.split('\n')
	expect(lines).toHaveLength(3)
	expect(lines[0]).toMatch(/^1\. 建议武汉市教育局针对检查发现的1个问题（涉及（十五））/)
	expect(lines[1]).toMatch(/^2\. 建议武汉市公安局针对检查发现的1个问题（涉及（七））逐项整改，其中1个已超过整改期限/)
	expect(lines[2]).toContain('建议武汉市人民政府加强统筹协调')
	expect(amendmentSuggestions).toBe('')
})

test('an inspection without findings says so, and leaves problems and suggestions empty', () => {
	const parts = draftReport({ ...record, findings: [] }, today)
	expect(parts.evaluation).toContain('检查未发现需要整改的问题')
	expect(parts.problems).toBe('')
	expect(parts.enforcementSuggestions).toBe('')
})

test('filling keeps what is written unless overwriting', () => {
	const current = { evaluation: '已写', problems: '', enforcementSuggestions: '', amendmentSuggestions: '' }
	const draft = { evaluation: '草稿一', problems: '草稿二', enforcementSuggestions: '', amendmentSuggestions: '' }
	expect(fillReport(current, draft, false)).toEqual({ parts: { ...current, problems: '草稿二' }, filled: ['problems'] })
	expect(fillReport(current, draft, true).parts.evaluation).toBe('草稿一')
})

test('groups keep the order of the clauses, not of the findings', () => {
	const groups = groupFindingsByClause([finding({ clauseId: 15, clauseLabel: '（十五）', clauseOrder: 15 }), finding({})], (f) => f.clauseOrder)
	expect(groups.map((g) => g.clauseLabel)).toEqual(['（七）', '（十五）'])
})

test('titles, clause references and the parts required before submission', () => {
	expect(inspectionReportTitle('关于X的决定', '执法检查（示例）')).toBe('关于检查《关于X的决定》实施情况的报告（示例）')
	expect(inspectionReportTitle(null, '关于物业管理条例实施的执法检查')).toBe('关于物业管理条例实施的执法检查情况的报告')
	expect(clauseReference('（十二）')).toBe('第（十二）项')
	expect(clauseReference('第十条')).toBe('第十条')
	expect(reportMissingParts({ evaluation: ' ', problems: 'x', enforcementSuggestions: '', amendmentSuggestions: '建议修改第十条' })).toEqual(['evaluation'])
})

test('the secretariat and the group’s leader write the report while it is editable; the secretariat alone submits it', () => {
	const group = [
		{ userId: 2, role: 'leader' as const },
		{ userId: 3, role: 'member' as const },
	]
	const reporting = { state: 'reporting' as const, group, meetingLabel: null }
	const parts = { evaluation: '评价', problems: '问题', enforcementSuggestions: '', amendmentSuggestions: '建议修改第十条' }
	const secretariat = { id: 1, role: 'secretariat' as const }
	const leader = { id: 2, role: 'member' as const }
	const member = { id: 3, role: 'member' as const }
	expect(inspectionReportPolicy(secretariat, reporting, null)).toEqual({ read: true, write: true, edit: true, submitter: true, submit: true })
	expect(inspectionReportPolicy(leader, reporting, null)).toEqual({ read: true, write: true, edit: true, submitter: false, submit: false })
	expect(inspectionReportPolicy(member, reporting, null).write).toBe(false)
	expect(mayEditReport(member, reporting)).toMatchObject({ ok: false, refusal: { kind: 'forbidden' } })
	expect(mayEditReport(leader, { ...reporting, state: 'planned' })).toMatchObject({ ok: false, refusal: { code: 'inspectionReport.notStarted' } })
	expect(mayEditReport(leader, { ...reporting, state: 'deliberation', meetingLabel: '第二十一次会议' })).toMatchObject({
		ok: false,
		refusal: { code: 'inspectionReport.locked', params: { meeting: '第二十一次会议' } },
	})
	expect(maySubmitReport(leader, reporting, parts).ok).toBe(false)
	expect(maySubmitReport(secretariat, reporting, parts).ok).toBe(true)
	expect(maySubmitReport(secretariat, reporting, { ...parts, problems: '' })).toMatchObject({ ok: false, refusal: { code: 'inspectionReport.missingParts', status: 400 } })
	// An agency reads it once the letter is sent (Art. 37).
	const agency = { id: 9, role: 'agency' as const }
	expect(inspectionReportPolicy(agency, reporting, null).read).toBe(false)
	expect(inspectionReportPolicy(agency, reporting, { state: 'vote_closed' }).read).toBe(false)
	expect(inspectionReportPolicy(agency, reporting, { state: 'letter_sent' }).read).toBe(true)
})

test('Art. 36: the amendment part is written, or declared none with a reason', () => {
	const parts = { evaluation: '评价', problems: '问题', enforcementSuggestions: '', amendmentSuggestions: '' }
	expect(reportMissingParts(parts)).toEqual(['amendmentSuggestions'])
	expect(reportMissingParts({ ...parts, amendmentSuggestions: '建议修改第十条' })).toEqual([])
	// A bare “无” says there are none, not why.
	expect(reportMissingParts({ ...parts, amendmentSuggestions: '无。' })).toEqual(['amendmentSuggestions'])
	const none = writeAmendment({ none: true, reason: '施行时间较短' })
	expect(none).toBe('本次检查未提出修改完善法规的建议。\n理由：施行时间较短')
	expect(readAmendment(none)).toEqual({ none: true, reason: '施行时间较短' })
	expect(readAmendment('建议修改第十条')).toEqual({ none: false, text: '建议修改第十条' })
	expect(reportMissingParts({ ...parts, amendmentSuggestions: none })).toEqual([])
	expect(reportMissingParts({ ...parts, amendmentSuggestions: writeAmendment({ none: true, reason: ' ' }) })).toEqual(['amendmentSuggestions'])
})
