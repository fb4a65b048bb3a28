import { numberToChinese } from './chinese-numerals'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import { memberMayRead, type ReportState } from './reports'
import { isOffice, type PolicyUser, type Role } from './roles'
import { formatChineseDate, isIsoDate, type IsoDate } from './dates'

// 第十五届 第二十三次会议 — how a standing committee meeting is named.
export function meetingLabel(meeting: { term: number; session: number }): string {
	return `第${numberToChinese(meeting.term)}届人大常委会第${numberToChinese(meeting.session)}次会议`
}

export function meetingLabelEn(meeting: { term: number; session: number }): string {
	return `Term ${meeting.term}, session ${meeting.session}`
}

// The kinds of business in the annual plan (Art. 63), on a meeting's agenda, and who attended.
// db/schema.ts stores these lists.
export const planItemKinds = ['report_hearing', 'inspection', 'inquiry'] as const
export type PlanItemKind = (typeof planItemKinds)[number]

// The agenda is general: each item names the kind of business and, where the app holds it, the
// record it concerns.
export const agendaItemKinds = ['report', 'inspection_report', 'inquiry', 'interpellation', 'resolution', 'other'] as const
export type AgendaItemKind = (typeof agendaItemKinds)[number]

export const attendanceStatuses = ['present', 'leave', 'absent'] as const
export type AttendanceStatus = (typeof attendanceStatuses)[number]

// ── Dates ──

export type DateProblem = 'required' | 'invalid' | 'outOfRange'

export function dateProblem(value: string | undefined): DateProblem | null {
	if (!value) return 'required'
	if (!isIsoDate(value)) return 'invalid'
	if (value < '2000-01-01' || value > '2099-12-31') return 'outOfRange'
	return null
}

// 2025年6月24日至26日 in Chinese; a one-day meeting is one date.
export function formatMeetingDates(meeting: { startsOn: IsoDate; endsOn: IsoDate }, lang: 'zh' | 'en'): string {
	const { startsOn, endsOn } = meeting
	if (lang === 'en') return startsOn === endsOn ? startsOn : `${startsOn} – ${endsOn}`
	if (startsOn === endsOn) return formatChineseDate(startsOn)
	const [sy, sm] = startsOn.split('-')
	const [ey, em, ed] = endsOn.split('-').map(Number)
	if (sy !== String(ey)) return `${formatChineseDate(startsOn)}至${formatChineseDate(endsOn)}`
	if (sm !== String(em).padStart(2, '0')) return `${formatChineseDate(startsOn)}至${em}月${ed}日`
	return `${formatChineseDate(startsOn)}至${ed}日`
}

// A meeting runs from its first to its last day; it cannot end before it starts.
export function meetingDatesProblem(startsOn: IsoDate, endsOn: IsoDate): 'endBeforeStart' | null {
	return endsOn < startsOn ? 'endBeforeStart' : null
}

export type MeetingPhase = 'upcoming' | 'in_session' | 'past'

export function meetingPhase(meeting: { startsOn: IsoDate; endsOn: IsoDate }, today: IsoDate): MeetingPhase {
	if (today < meeting.startsOn) return 'upcoming'
	if (today <= meeting.endsOn) return 'in_session'
	return 'past'
}

// ── The agenda ──

export type MoveDirection = 'up' | 'down'

// The order after moving one item a place up or down; at either end nothing moves.
export function moveInOrder(ids: ReadonlyArray<number>, id: number, direction: MoveDirection): Array<number> {
	const order = [...ids]
	const from = order.indexOf(id)
	if (from < 0) return order
	const to = direction === 'up' ? from - 1 : from + 1
	if (to < 0 || to >= order.length) return order
	order[from] = order[to]
	order[to] = id
	return order
}

// Where an agenda item's record is shown, for the kinds of record that have a page yet.
export function agendaSubjectPath(subjectType: string | null, subjectId: number | null): string | null {
	if (subjectType === null || subjectId === null) return null
	if (subjectType === 'report') return `/reports/${subjectId}`
	if (subjectType === 'inspection') return `/inspections/${subjectId}`
	if (subjectType === 'interpellation' || subjectType === 'resolution') return `/${subjectType}s/${subjectId}`
	if (subjectType === 'inquiry') return `/inquiries/${subjectId}`
	return null
}

// What a reader gets of one agenda item: a link to its paper, a note that the paper is not yet
// distributed, or the title alone. `paperReadable` says whether this reader may open the record
// now (for a report and a member: memberMayRead of its state).
export type AgendaEntryAccess = 'link' | 'not_distributed' | 'title'

// The secretariat and admin see every paper; members see the papers distributed to them;
// agency liaisons and deputies see the meeting and its agenda titles only.
export type AgendaView = 'full' | 'member' | 'titles'

export function agendaView(role: Role): AgendaView {
	if (role === 'secretariat' || role === 'admin') return 'full'
	if (role === 'member') return 'member'
	return 'titles'
}

export function agendaEntryAccess(
	view: AgendaView,
	item: { subjectType: string | null; subjectId: number | null },
	paperReadable: boolean,
): AgendaEntryAccess {
	if (view === 'titles') return 'title'
	if (agendaSubjectPath(item.subjectType, item.subjectId) === null) return 'title'
	if (view === 'full') return 'link'
	return paperReadable ? 'link' : 'not_distributed'
}

// Whether a reader may open the paper of an agenda item now. Members read every inspection and
// its report, every inquiry session, the interpellations answered at a meeting and the
// resolutions adopted, and a special work report once it is distributed to them (memberMayRead).
export function agendaPaperReadable(item: { subjectType: string | null }, reportState: ReportState | null): boolean {
	if (['inspection', 'inquiry', 'interpellation', 'resolution'].includes(item.subjectType ?? '')) return true
	return reportState !== null && memberMayRead(reportState)
}

// ── The meeting's policy: what a user may do with the meetings ──
//
// One rule for the loaders, the actions (inside the transaction) and the page's buttons.

export type MeetingReader = Pick<PolicyUser, 'role'>

export type MeetingPolicy = {
	// How much of the agenda the reader sees (agendaItemAccess per item).
	agenda: AgendaView
	// Attendance is the committee's own record: members, the office and admin read it.
	readAttendance: boolean
	// The secretariat keeps the meetings: creates and edits them, arranges the agenda and
	// records attendance. An administrator reads, as everyone does.
	manage: boolean
}

export function meetingPolicy(user: MeetingReader): MeetingPolicy {
	return {
		agenda: agendaView(user.role),
		readAttendance: isOffice(user.role) || user.role === 'member',
		manage: user.role === 'secretariat',
	}
}

export function mayManageMeetings(user: MeetingReader): Verdict {
	return meetingPolicy(user).manage ? allowed : forbiddenVerdict
}

// What this reader gets of one agenda item: its paper's link, 材料尚未分发, or its title.
export function agendaItemAccess(
	user: MeetingReader,
	item: { subjectType: string | null; subjectId: number | null },
	reportState: ReportState | null,
): AgendaEntryAccess {
	return agendaEntryAccess(agendaView(user.role), item, agendaPaperReadable(item, reportState))
}

// ── Attendance ──

// The form records the expected members only, each present, on leave, absent or not recorded:
// anything else is refused whole, so that a tampered form changes nothing.
export function attendanceEntriesRule(
	expectedIds: ReadonlyArray<number>,
	entries: ReadonlyArray<{ userId: number; status: string | null }>,
): Verdict {
	const valid = entries.every(
		(e) => expectedIds.includes(e.userId) && (e.status === null || (attendanceStatuses as ReadonlyArray<string>).includes(e.status)),
	)
	return valid ? allowed : broken('meetings.attendanceInvalid', undefined, 400)
}

export type AttendanceCounts = { present: number; leave: number; absent: number; unrecorded: number }

export function attendanceCounts(statuses: ReadonlyArray<'present' | 'leave' | 'absent' | null>): AttendanceCounts {
	const counts: AttendanceCounts = { present: 0, leave: 0, absent: 0, unrecorded: 0 }
	for (const status of statuses) counts[status ?? 'unrecorded']++
	return counts
}

// ── The annual oversight plan ──

// The secretariat draws up the plan; members, the office and admin read it.
export type PlanPolicy = { read: boolean; manage: boolean }

export function planPolicy(user: MeetingReader): PlanPolicy {
	return { read: isOffice(user.role) || user.role === 'member', manage: user.role === 'secretariat' }
}

export function mayManagePlan(user: MeetingReader): Verdict {
	return planPolicy(user).manage ? allowed : forbiddenVerdict
}

// An item a special work report or an inspection carries out stays in the plan: its history is
// part of theirs. A plan that changes is edited, or explained in the notes.
export function mayDeletePlanItem(references: number): Verdict {
	return references > 0 ? broken('plan.referenced', { count: references }) : allowed
}

export function currentYear(today: IsoDate): number {
	return Number(today.slice(0, 4))
}

// The years the plan's selector offers: those with items, and the year around today.
export function planYears(withItems: ReadonlyArray<number>, today: IsoDate): Array<number> {
	const year = currentYear(today)
	return [...new Set([...withItems, year - 1, year, year + 1])].sort((a, b) => b - a)
}
