import { formatChineseDate, type IsoDate } from './dates'
import { letterIsSent, type DeliberationState } from './deliberation'
import { severityLabels } from './findings'
import { groupRoleOf, isUnderway, type GroupRole, type InspectionForm, type InspectionState, type Severity } from './inspections'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import type { PolicyUser } from './roles'
import { rectificationOverdueDays, type RectificationState } from './rectification'

// The inspection report (执法检查报告, Supervision Law Art. 36): its four parts, drafted from
// the record — the evaluation of implementation, the problems found (the findings grouped by
// clause), suggestions for improving enforcement, suggestions for amending the instrument. The
// draft is a starting point the secretariat (or the group's leader) edits; nothing here is
// stored until they save.

export const reportParts = ['evaluation', 'problems', 'enforcementSuggestions', 'amendmentSuggestions'] as const
export type ReportPart = (typeof reportParts)[number]
export type ReportParts = Record<ReportPart, string>

// The headings of the four parts, as the printed report carries them.
export const reportPartHeadings: Record<ReportPart, string> = {
	evaluation: '一、法律法规实施的总体评价',
	problems: '二、存在的主要问题',
	enforcementSuggestions: '三、改进执法工作的建议',
	amendmentSuggestions: '四、修改完善法规的建议',
}

export const maxReportPartLength = 20_000

export const reportIssuer = '武汉市人大常委会执法检查组'

export const formNamesZh: Record<InspectionForm, string> = {
	symposium: '座谈会',
	field: '实地检查',
	third_party: '第三方评估',
	survey: '问卷调查',
	spot_check: '抽查',
}

// The report can be written once the inspection has started, until it goes to deliberation.
export function reportEditable(state: InspectionState): boolean {
	return isUnderway(state)
}

export function emptyReport(): ReportParts {
	return { evaluation: '', problems: '', enforcementSuggestions: '', amendmentSuggestions: '' }
}

export function reportIsEmpty(parts: ReportParts): boolean {
	return reportParts.every((part) => parts[part].trim() === '')
}

// ── Part four: suggestions for amending the law (Art. 36) ───────────────────────────────────
//
// The report must say what the group suggests about amending the instrument. When it suggests
// nothing, it says so, and why (「本次检查未提出修改建议」 with a reason): the part then holds
// that statement and the reason, which the printed report carries as they stand.

export const noAmendmentStatement = '本次检查未提出修改完善法规的建议。'
const reasonLabel = '理由：'

export type Amendment = { none: false; text: string } | { none: true; reason: string }

export function writeAmendment(amendment: Amendment): string {
	return amendment.none ? `${noAmendmentStatement}\n${reasonLabel}${amendment.reason.trim()}` : amendment.text
}

export function readAmendment(stored: string): Amendment {
	const text = stored.trim()
	if (!text.startsWith(noAmendmentStatement)) return { none: false, text: stored }
	const rest = text.slice(noAmendmentStatement.length).trim()
	return { none: true, reason: rest.startsWith(reasonLabel) ? rest.slice(reasonLabel.length).trim() : rest }
}

// A bare "无" says that there are no suggestions but not why: the statement with its reason does.
const bareNone = new Set(['无', '暂无', '没有', '无建议', '暂无建议', 'none', 'n/a'])

function amendmentWritten(stored: string): boolean {
	const amendment = readAmendment(stored)
	if (amendment.none) return amendment.reason !== ''
	const text = amendment.text.trim()
	return text !== '' && !bareNone.has(text.replace(/[。．.；;！!]+$/, '').toLowerCase())
}

// The report's parts as its form holds them: the amendment part as its text, or the box
// 「本次检查未提出修改建议」 ticked with the reason.
export type ReportFormValues = ReportParts & { amendmentNone: boolean; amendmentNoneReason: string }

export function reportFormValues(parts: ReportParts): ReportFormValues {
	const amendment = readAmendment(parts.amendmentSuggestions)
	return {
		...parts,
		amendmentSuggestions: amendment.none ? '' : amendment.text,
		amendmentNone: amendment.none,
		amendmentNoneReason: amendment.none ? amendment.reason : '',
	}
}

export function reportFromForm(values: ReportFormValues): ReportParts {
	const { amendmentNone, amendmentNoneReason, ...parts } = values
	return {
		...parts,
		amendmentSuggestions: amendmentNone ? writeAmendment({ none: true, reason: amendmentNoneReason }) : values.amendmentSuggestions,
	}
}

// What must be written before the report goes to a meeting: the evaluation, the problems and
// the suggestions for amending the law, or the statement that there are none, with its reason
// (the suggestions for enforcement may honestly be none).
export function reportMissingParts(parts: ReportParts): Array<ReportPart> {
	const missing: Array<ReportPart> = (['evaluation', 'problems'] as const).filter((part) => parts[part].trim() === '')
	if (!amendmentWritten(parts.amendmentSuggestions)) missing.push('amendmentSuggestions')
	return missing
}

// ── Who writes, submits and reads the report ────────────────────────────────────────────────

export type ReportInspection = {
	state: InspectionState
	group: ReadonlyArray<{ userId: number; role: GroupRole }>
	// The meeting it went to, once submitted (for the reason a change is refused).
	meetingLabel: string | null
}

// The secretariat writes the report, and so may the group's leader (Art. 36: the inspection
// group reports); the secretariat alone puts it to a meeting.
function writes(user: Pick<PolicyUser, 'id' | 'role'>, inspection: Pick<ReportInspection, 'group'>): boolean {
	return user.role === 'secretariat' || (user.role === 'member' && groupRoleOf(user, inspection) === 'leader')
}

function submits(user: Pick<PolicyUser, 'role'>): boolean {
	return user.role === 'secretariat'
}

function editableVerdict(inspection: Pick<ReportInspection, 'state' | 'meetingLabel'>): Verdict {
	if (reportEditable(inspection.state)) return allowed
	if (inspection.state === 'planned') return broken('inspectionReport.notStarted')
	return inspection.meetingLabel ? broken('inspectionReport.locked', { meeting: inspection.meetingLabel }) : broken('inspectionReport.lockedNoMeeting')
}

export function mayEditReport(user: Pick<PolicyUser, 'id' | 'role'>, inspection: ReportInspection): Verdict {
	return writes(user, inspection) ? editableVerdict(inspection) : forbiddenVerdict
}

// What the report needs before it goes to a meeting: its parts written (reportMissingParts).
export function maySubmitReport(user: Pick<PolicyUser, 'role'>, inspection: ReportInspection, parts: ReportParts): Verdict {
	if (!submits(user)) return forbiddenVerdict
	const locked = editableVerdict(inspection)
	if (!locked.ok) return locked
	const missing = reportMissingParts(parts)
	if (missing.length === 1 && missing[0] === 'amendmentSuggestions') return broken('inspectionReport.missingAmendment', undefined, 400)
	if (missing.length) return broken('inspectionReport.missingParts', { parts: { labels: missing.map((part) => `inspectionReport.parts.${part}`) } }, 400)
	return allowed
}

// Who reads the report: whoever reads the inspection, an agency liaison only once the report and
// its opinions are published with the letter (Art. 37 para. 3) — before that the report, which
// names other agencies' findings, is the committee's working paper.
export function mayReadReport(user: Pick<PolicyUser, 'role'>, deliberation: { state: DeliberationState } | null): boolean {
	if (user.role === 'agency') return deliberation !== null && letterIsSent(deliberation.state)
	return true
}

export type InspectionReportPolicy = {
	read: boolean
	// The editor opens (read-only once the report is locked).
	write: boolean
	edit: boolean
	// The one who puts it to a meeting, and whether it can go now.
	submitter: boolean
	submit: boolean
}

// For a user who reads the inspection.
export function inspectionReportPolicy(
	user: Pick<PolicyUser, 'id' | 'role'>,
	inspection: ReportInspection,
	deliberation: { state: DeliberationState } | null,
): InspectionReportPolicy {
	const write = writes(user, inspection)
	return {
		read: mayReadReport(user, deliberation),
		write,
		edit: write && reportEditable(inspection.state),
		submitter: submits(user),
		submit: submits(user) && reportEditable(inspection.state),
	}
}

// 关于检查《…》实施情况的报告; without an instrument, from the inspection's own title. A demo
// inspection's 示例 mark is carried over.
export function inspectionReportTitle(instrumentTitle: string | null, inspectionTitle: string): string {
	const sample = /（示例）\s*$/.test(inspectionTitle) ? '（示例）' : ''
	if (instrumentTitle) return `关于检查《${instrumentTitle.trim()}》实施情况的报告${sample}`
	const bare = inspectionTitle.replace(/（示例）\s*$/, '').trim()
	return `关于${bare.replace(/^关于/, '')}情况的报告${sample}`
}

// 审议市人大常委会执法检查组关于检查《…》实施情况的报告
export function inspectionAgendaTitle(reportTitle: string): string {
	return `审议市人大常委会执法检查组${reportTitle}`
}

// （七） → 决定第（七）项; 第十条 stays; anything else as it is.
export function clauseReference(label: string): string {
	if (/^（[一二三四五六七八九十百]+）$/.test(label)) return `第${label}项`
	return label
}

export type ReportFinding = {
	clauseId: number
	clauseLabel: string
	clauseOrder: number
	agencyId: number
	agencyName: string
	agencyOrder: number
	severity: Severity
	description: string
	rectificationDueOn: IsoDate
	rectificationState: RectificationState
}

export type ClauseGroup<T> = { clauseId: number; clauseLabel: string; findings: Array<T> }

// Findings grouped by clause, the clauses in their order in the instrument; inside a clause the
// order given (the caller's).
export function groupFindingsByClause<T extends { clauseId: number; clauseLabel: string }>(
	findings: ReadonlyArray<T>,
	clauseOrder: (finding: T) => number,
): Array<ClauseGroup<T>> {
	const groups = new Map<number, ClauseGroup<T> & { order: number }>()
	for (const finding of findings) {
		const group = groups.get(finding.clauseId)
		if (group) group.findings.push(finding)
		else groups.set(finding.clauseId, { clauseId: finding.clauseId, clauseLabel: finding.clauseLabel, findings: [finding], order: clauseOrder(finding) })
	}
	return [...groups.values()].sort((a, b) => a.order - b.order || a.clauseId - b.clauseId).map(({ order: _order, ...group }) => group)
}

export type ReportRecord = {
	inspection: { year: number; startsOn: IsoDate; endsOn: IsoDate; forms: ReadonlyArray<InspectionForm>; organName: string | null }
	instrumentTitle: string | null
	scope: ReadonlyArray<string> // clause labels
	visits: ReadonlyArray<{ unannounced: boolean; form: InspectionForm | null; agencies: ReadonlyArray<{ id: number; name: string }> }>
	findings: ReadonlyArray<ReportFinding>
}

function rectificationPhrase(finding: ReportFinding, today: IsoDate): string {
	const overdue = rectificationOverdueDays(finding, today)
	switch (finding.rectificationState) {
		case 'open':
			return overdue > 0 ? `尚未整改，已逾期${overdue}天` : '正在整改'
		case 'responded':
			return '已报送整改情况，待核实'
		case 'reopened':
			return overdue > 0 ? `整改未通过核实，已退回重新整改，已逾期${overdue}天` : '整改未通过核实，已退回重新整改'
		case 'accepted':
			return '已整改并通过核实'
	}
}

function sentence(text: string): string {
	const trimmed = text.trim()
	// "……不完整。（示例）" ends its sentence before the mark; "……不及时（示例）" does not.
	const bare = trimmed.replace(/[（(][^（）()]*[）)]$/, '')
	return /[。！？；.!?]$/.test(bare) ? trimmed : `${trimmed}。`
}

// The four parts drafted from the record, as of `today`.
export function draftReport(record: ReportRecord, today: IsoDate): ReportParts {
	const { inspection, findings } = record
	const instrument = record.instrumentTitle ? `《${record.instrumentTitle}》` : '有关法规'
	const forms = [...new Set([...inspection.forms, ...record.visits.flatMap((v) => (v.form ? [v.form] : []))])]
	const visited = new Map<number, string>()
	for (const visit of record.visits) for (const agency of visit.agencies) visited.set(agency.id, agency.name)
	const unannounced = record.visits.filter((v) => v.unannounced).length
	const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length
	const inState = (state: RectificationState) => findings.filter((f) => f.rectificationState === state).length
	const overdue = findings.filter((f) => rectificationOverdueDays(f, today) > 0).length

	const evaluation = [
		`根据市人大常委会${inspection.year}年度监督工作计划，执法检查组于${formatChineseDate(inspection.startsOn)}至${formatChineseDate(inspection.endsOn)}对${instrument}的实施情况进行了执法检查${
			record.scope.length ? `，检查范围涉及${record.scope.join('、')}` : ''
		}。`,
		`检查采取${forms.length ? forms.map((f) => formNamesZh[f]).join('、') : '多种'}等形式，共开展检查活动${record.visits.length}次${
			unannounced ? `（其中暗访${unannounced}次）` : ''
		}${visited.size ? `，检查了${[...visited.values()].join('、')}等${visited.size}个单位` : ''}。`,
		findings.length
			? `检查共发现问题${findings.length}个，其中严重${count('severe')}个、较重${count('serious')}个、一般${count('general')}个；截至${formatChineseDate(today)}，已整改并通过核实${inState('accepted')}个，已报送整改情况待核实${inState('responded')}个，正在整改${inState('open') + inState('reopened')}个（其中退回重新整改${inState('reopened')}个、逾期${overdue}个）。`
			: '检查未发现需要整改的问题。',
		'总体来看，……（请执法检查组根据检查情况补充对实施情况的总体评价。）',
	].join('\n')

	const groups = groupFindingsByClause(
		[...findings].sort((a, b) => a.agencyOrder - b.agencyOrder || a.agencyId - b.agencyId),
		(f) => f.clauseOrder,
	)
	const problems = groups.length
		? [
				'检查发现的问题按条款归类如下：',
				...groups.flatMap((group) => [
					`${clauseReference(group.clauseLabel)}落实方面：`,
					...group.findings.map(
						(f, index) =>
							`${index + 1}. ${f.agencyName}（${severityLabels[f.severity]}）：${sentence(f.description)}整改期限为${formatChineseDate(f.rectificationDueOn)}，${rectificationPhrase(f, today)}。`,
					),
				]),
			].join('\n')
		: ''

	// One line per agency with findings still to put right, in the agencies' official order.
	const open = findings.filter((f) => f.rectificationState !== 'accepted')
	const byAgency = new Map<number, Array<ReportFinding>>()
	for (const f of [...open].sort((a, b) => a.agencyOrder - b.agencyOrder || a.agencyId - b.agencyId)) {
		byAgency.set(f.agencyId, [...(byAgency.get(f.agencyId) ?? []), f])
	}
	const agencyLines = [...byAgency.values()].map((list, index) => {
		const clausesOf = [...new Set(list.map((f) => f.clauseLabel))].join('、')
		const earliest = list.map((f) => f.rectificationDueOn).sort()[0]
		const late = list.filter((f) => rectificationOverdueDays(f, today) > 0).length
		return `${index + 1}. 建议${list[0].agencyName}针对检查发现的${list.length}个问题（涉及${clausesOf}）逐项整改${
			late ? `，其中${late}个已超过整改期限，应当立即整改到位` : `，于${formatChineseDate(earliest)}前报送整改情况`
		}。`
	})
	const enforcementSuggestions = agencyLines.length
		? [
				...agencyLines,
				`${agencyLines.length + 1}. 建议${inspection.organName ?? '有关机关'}加强统筹协调，建立问题整改跟踪督办机制，将整改情况纳入年度考核，并向市人大常委会报告整改进展。`,
			].join('\n')
		: findings.length
			? `检查发现的问题均已整改并通过核实。建议${inspection.organName ?? '有关机关'}巩固整改成果，建立长效机制。`
			: ''

	return { evaluation, problems, enforcementSuggestions, amendmentSuggestions: '' }
}

// The draft into the parts the user has: only the empty ones, or every one when overwriting.
export function fillReport(current: ReportParts, draft: ReportParts, overwrite: boolean): { parts: ReportParts; filled: Array<ReportPart> } {
	const parts = { ...current }
	const filled: Array<ReportPart> = []
	for (const part of reportParts) {
		if (!draft[part]) continue
		if (overwrite || current[part].trim() === '') {
			if (parts[part] !== draft[part]) filled.push(part)
			parts[part] = draft[part]
		}
	}
	return { parts, filled }
}

// Paragraphs of a part for the printed report.
export function reportParagraphs(text: string): Array<string> {
	return text
		.split(/\n+/)
		.map((line) => line.trim())
		.filter(Boolean)
}
