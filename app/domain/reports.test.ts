import { expect, test } from 'vitest'
import { settingDefaults } from './settings'
import {
	draftGaps,
	isLate,
	isReportingOrgan,
	mayPrepareFor,
	mayReadReport,
	mayTakeStep,
	reportPolicy,
	reportStatus,
	memberMayRead,
	parseReportListQuery,
	reportCsvHeaders,
	reportCsvRecord,
	reportDeadlines,
	reportListSearch,
	reportReadScope,
	reportStanding,
	reportStates,
	standingFlag,
	standingText,
	type ReportReader,
} from './reports'

test('Art. 15: the draft is due 20 days, the revision 10 days, distribution 7 days before the meeting', () => {
	expect(reportDeadlines('2026-12-22', settingDefaults)).toEqual({
		draft: '2026-12-02',
		revised: '2026-12-12',
		distribution: '2026-12-15',
	})
})

test('a deadline across a month boundary counts calendar days', () => {
	expect(reportDeadlines('2027-03-05', settingDefaults).draft).toBe('2027-02-13')
})

test('a report submitted on its due date is on time; a day later is late', () => {
	const onTime = reportStanding('2026-12-22', { draftSubmittedOn: '2026-12-02', revisedSubmittedOn: null, distributedOn: null }, settingDefaults, '2026-12-05')
	expect(onTime.draft).toEqual({ kind: 'done', on: '2026-12-02', daysLate: 0 })
	expect(onTime.revised).toEqual({ kind: 'pending', due: '2026-12-12', daysLeft: 7 })
	expect(isLate(onTime)).toBe(false)
	const late = reportStanding('2026-12-22', { draftSubmittedOn: '2026-12-03', revisedSubmittedOn: null, distributedOn: null }, settingDefaults, '2026-12-05')
	expect(late.draft).toMatchObject({ kind: 'done', daysLate: 1 })
	expect(isLate(late)).toBe(true)
})

test('a milestone not met after its date is overdue', () => {
	const standing = reportStanding('2026-12-22', { draftSubmittedOn: null, revisedSubmittedOn: null, distributedOn: null }, settingDefaults, '2026-12-04')
	expect(standing.draft).toEqual({ kind: 'overdue', due: '2026-12-02', daysOverdue: 2 })
})

test('members read a report only once it is distributed', () => {
	expect(memberMayRead('scheduled')).toBe(false)
	expect(memberMayRead('draft_submitted')).toBe(false)
	expect(memberMayRead('revised_submitted')).toBe(false)
	expect(memberMayRead('distributed')).toBe(true)
})

const psb = 11
const edu = 12
const gov = 3
const secretariat: ReportReader = { role: 'secretariat', agencyId: null }
const admin: ReportReader = { role: 'admin', agencyId: null }
const member: ReportReader = { role: 'member', agencyId: null }
const deputy: ReportReader = { role: 'deputy', agencyId: null }
const gongan: ReportReader = { role: 'agency', agencyId: psb }
const jiaoyu: ReportReader = { role: 'agency', agencyId: edu }
const govOffice: ReportReader = { role: 'agency', agencyId: gov }
const psbReport = (state: (typeof reportStates)[number]) => ({ state, preparingAgencyId: psb, organId: gov })

test('the secretariat and admin read every report in every state', () => {
	for (const state of reportStates) {
		expect(mayReadReport(secretariat, psbReport(state))).toBe(true)
		expect(mayReadReport(admin, psbReport(state))).toBe(true)
	}
})

test('a member reads a report only once distributed; a deputy only once deliberated', () => {
	const memberReads = reportStates.filter((s) => mayReadReport(member, psbReport(s)))
	expect(memberReads).toEqual(['distributed', 'deliberation'])
	expect(reportStates.filter((s) => mayReadReport(deputy, psbReport(s)))).toEqual(['deliberation'])
})

test("the preparing agency reads its report in every state; another agency never does", () => {
	for (const state of reportStates) {
		expect(mayReadReport(gongan, psbReport(state))).toBe(true)
		expect(mayReadReport(jiaoyu, psbReport(state))).toBe(false)
	}
	expect(mayReadReport({ role: 'agency', agencyId: null }, psbReport('deliberation'))).toBe(false)
})

test("the organ's own liaison reads the report its department prepares, but does not draft it", () => {
	expect(mayReadReport(govOffice, psbReport('scheduled'))).toBe(true)
	expect(reportPolicy(govOffice, psbReport('scheduled')).editDraft).toBe(false)
	expect(reportPolicy(gongan, psbReport('scheduled')).editDraft).toBe(true)
	expect(reportPolicy(secretariat, psbReport('scheduled')).editDraft).toBe(false)
	// Signed off: the preparing department still opens its draft page, which says it is closed.
	expect(reportPolicy(gongan, psbReport('revised_submitted'))).toMatchObject({ editDraft: false, openDraft: true })
})

test('the read scope is the same rule as mayReadReport', () => {
	expect(reportReadScope(secretariat)).toEqual({ kind: 'all' })
	expect(reportReadScope(member)).toEqual({ kind: 'states', states: ['distributed', 'deliberation'] })
	expect(reportReadScope(gongan)).toEqual({ kind: 'agency', agencyId: psb })
	expect(reportReadScope({ role: 'agency', agencyId: null })).toEqual({ kind: 'none' })
})

const steps = (user: ReportReader, report: ReturnType<typeof psbReport>) => reportPolicy(user, report).steps

test('the lifecycle: agency, office, agency, office, office — each step from its own state', () => {
	expect(steps(gongan, psbReport('scheduled'))).toEqual(['submit_draft'])
	expect(steps(secretariat, psbReport('draft_submitted'))).toEqual(['send_opinions'])
	expect(steps(gongan, psbReport('opinions_sent'))).toEqual(['submit_revised'])
	expect(steps(secretariat, psbReport('revised_submitted'))).toEqual(['distribute'])
	expect(steps(secretariat, psbReport('distributed'))).toEqual(['open_deliberation'])
	expect(steps(secretariat, psbReport('deliberation'))).toEqual([])
	expect(steps(member, psbReport('distributed'))).toEqual([])
	expect(steps(admin, psbReport('distributed'))).toEqual([])
})

test('a step by the wrong role, by another agency, or from the wrong state is refused with its reason', () => {
	const office = { ok: false, refusal: { kind: 'forbidden', code: 'reports.secretariatStep' } }
	const agency = { ok: false, refusal: { kind: 'forbidden', code: 'reports.agencyStep' } }
	expect(mayTakeStep(member, psbReport('revised_submitted'), 'distribute')).toEqual(office)
	expect(mayTakeStep(gongan, psbReport('revised_submitted'), 'distribute')).toEqual(office)
	expect(mayTakeStep(secretariat, psbReport('scheduled'), 'submit_draft')).toEqual(agency)
	expect(mayTakeStep(jiaoyu, psbReport('scheduled'), 'submit_draft')).toEqual(agency)
	expect(mayTakeStep(secretariat, psbReport('opinions_sent'), 'distribute')).toMatchObject({ ok: false, refusal: { kind: 'rule', code: 'reports.state' } })
	expect(mayTakeStep(gongan, psbReport('revised_submitted'), 'submit_revised')).toMatchObject({ ok: false, refusal: { kind: 'rule', code: 'reports.state' } })
})

test('a draft goes for comments only with title, period, text and every task assessed', () => {
	const full = { title: '关于……的报告', period: '2025年1月至2026年10月', body: '正文' }
	expect(draftGaps(full, [1, 2], [{ taskId: 1, selfAssessment: 'done' }, { taskId: 2, selfAssessment: 'in_progress' }])).toEqual([])
	expect(draftGaps({ title: ' ', period: '', body: '' }, [1], [{ taskId: 1, selfAssessment: null }])).toEqual([
		'title',
		'period',
		'body',
		'assessment',
	])
	expect(draftGaps(full, [1, 2], [{ taskId: 1, selfAssessment: 'done' }])).toEqual(['assessment'])
	expect(draftGaps(full, [], [])).toEqual([])
})

test('the reporting organs are the city government, the supervisory commission, the court and the procuratorate', () => {
	expect(isReportingOrgan({ id: 3, kind: 'government', level: '市' })).toBe(true)
	expect(isReportingOrgan({ id: 40, kind: 'government', level: '区' })).toBe(false)
	expect(isReportingOrgan({ id: 20, kind: 'court', level: '市' })).toBe(true)
	expect(isReportingOrgan({ id: 11, kind: 'department', level: '市' })).toBe(false)
	expect(isReportingOrgan({ id: 50, kind: 'vertical', level: '市' })).toBe(false)
	// Art. 11: the organs of the committee's own level only — never a district's.
	expect(isReportingOrgan({ id: 60, kind: 'court', level: '区' })).toBe(false)
	expect(isReportingOrgan({ id: 61, kind: 'procuratorate', level: '区' })).toBe(false)
	expect(isReportingOrgan({ id: 62, kind: 'supervisory_commission', level: '区' })).toBe(false)
})

test("a government report is prepared by one of its departments; the other organs prepare their own", () => {
	const government = { id: 3, kind: 'government', level: '市' }
	const court = { id: 20, kind: 'court', level: '市' }
	expect(mayPrepareFor(government, { id: psb, kind: 'department', level: '市' })).toBe(true)
	expect(mayPrepareFor(government, government)).toBe(false)
	expect(mayPrepareFor(government, { id: 50, kind: 'vertical', level: '市' })).toBe(false)
	expect(mayPrepareFor(court, court)).toBe(true)
	expect(mayPrepareFor(court, { id: psb, kind: 'department', level: '市' })).toBe(false)
})

test('the standing flag: overdue now, late before, or on time', () => {
	const none = { draftSubmittedOn: null, revisedSubmittedOn: null, distributedOn: null }
	expect(standingFlag(reportStanding('2026-12-22', none, settingDefaults, '2026-11-20'))).toBe('on_time')
	expect(standingFlag(reportStanding('2026-12-22', none, settingDefaults, '2026-12-03'))).toBe('overdue')
	const lateDraft = { ...none, draftSubmittedOn: '2026-12-04' }
	expect(standingFlag(reportStanding('2026-12-22', lateDraft, settingDefaults, '2026-12-05'))).toBe('late')
	expect(standingText(reportStanding('2026-12-22', lateDraft, settingDefaults, '2026-12-14'))).toBe('征求意见稿迟2天；修改稿逾期2天')
	expect(standingText(reportStanding('2026-12-22', none, settingDefaults, '2026-11-20'))).toBe('按时')
})

test('list filters are read from the URL; anything malformed is dropped', () => {
	const query = parseReportListQuery(new URLSearchParams('organ=3&department=x&meeting=7&state=distributed&clause=-1&page=2'))
	expect(query).toEqual({ organId: 3, meetingId: 7, state: 'distributed', page: 2 })
	expect(parseReportListQuery(new URLSearchParams('state=hacked&page=0'))).toEqual({ page: 1 })
	expect(reportListSearch(query)).toBe('?organ=3&meeting=7&state=distributed&page=2')
	expect(reportListSearch({ ...query, page: 1 })).toBe('?organ=3&meeting=7&state=distributed')
})

test('a CSV row holds the columns the issue names, in Chinese', () => {
	expect(reportCsvHeaders.slice(0, 5)).toEqual(['标题', '议题', '报告机关', '承办部门', '会议'])
	expect(reportCsvHeaders).toContain('满意度测评结果')
	expect(reportCsvHeaders).toContain('研究处理情况报告期限')
	const none = { draftSubmittedOn: null, revisedSubmittedOn: null, distributedOn: null }
	const record = reportCsvRecord({
		title: '',
		topic: '打击治理电信网络诈骗工作情况',
		organName: '武汉市人民政府',
		preparingName: '武汉市公安局',
		meetingLabel: '第十五届人大常委会第三十次会议',
		meetingStartsOn: '2026-12-22',
		clauseLabels: ['（七）', '（八）'],
		status: 'scheduled',
		standing: reportStanding('2026-12-22', none, settingDefaults, '2026-11-20'),
		signedOffBy: null,
		satisfaction: null,
		handlingDueOn: null,
	})
	expect(record).toHaveLength(reportCsvHeaders.length)
	expect(record[0]).toBe('打击治理电信网络诈骗工作情况')
	expect(record[6]).toBe('（七）、（八）')
	expect(record[7]).toBe('已安排，待报送征求意见稿')
})

test("a report's status follows its deliberation once heard", () => {
	expect(reportStatus('distributed', null)).toBe('distributed')
	expect(reportStatus('deliberation', 'open')).toBe('deliberating')
	expect(reportStatus('deliberation', 'vote_closed')).toBe('assessed')
	expect(reportStatus('deliberation', 'letter_sent')).toBe('opinions_delivered')
	expect(reportStatus('deliberation', 'handling_submitted')).toBe('handling_reported')
	expect(reportStatus('deliberation', 'closed')).toBe('concluded')
})
