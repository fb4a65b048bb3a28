import { isStateOrganKind } from './agencies'
import { formatChineseDate, type IsoDate } from './dates'
import { parseRecordId } from './ids'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import { isOffice, type PolicyUser } from './roles'

// Inquiries (询问 / 专题询问), Supervision Law Art. 46–50. At a meeting, while the committee
// deliberates a report or an inspection report, members put questions to the responsible officials
// (负责人) of the agencies concerned, who attend to answer (Art. 46: 询问); or the committee holds a
// 专题询问 on a matter of its own (Art. 47), whose opinions go to the agencies, each reporting its
// handling in time (Art. 50). The secretariat keeps the log live; answers may carry commitments
// (app/domain/commitments.ts).

export const inquiryKinds = [
	'inquiry', // 询问: put while a report or an inspection report is deliberated (Art. 46)
	'special', // 专题询问 (Art. 47)
] as const
export type InquiryKind = (typeof inquiryKinds)[number]

export const inquiryStates = [
	'scheduled', // scheduled; members register questions; the log is entered live and corrected
	'published', // the secretariat published the record: from then on it is the committee's record
] as const
export type InquiryState = (typeof inquiryStates)[number]

export function isInquiryKind(value: unknown): value is InquiryKind {
	return typeof value === 'string' && (inquiryKinds as ReadonlyArray<string>).includes(value)
}

// ── Who answers (Art. 46, 47) ───────────────────────────────────────────────────────────────

// The government of the committee's own level and its departments, the supervisory commission,
// the court and the procuratorate send their responsible officials — not a vertically managed
// unit, nor another level's organs, which answer to their own congress.
export function isAnsweringOrgan(agency: { kind: string; level: string }): boolean {
	if (agency.level !== '市') return false
	return agency.kind === 'department' || isStateOrganKind(agency.kind)
}

// ── Scheduling ──────────────────────────────────────────────────────────────────────────────

type MeetingDates = { startsOn: IsoDate; endsOn: IsoDate }

// A session is scheduled at a meeting not yet over, on one of the meeting's days.
export function mayScheduleAt(meeting: MeetingDates, heldOn: IsoDate, today: IsoDate): Verdict {
	if (meeting.endsOn < today) return broken('inquiries.meetingOver', undefined, 400)
	if (heldOn < meeting.startsOn || heldOn > meeting.endsOn) {
		return broken('inquiries.heldOutsideMeeting', { from: formatChineseDate(meeting.startsOn), to: formatChineseDate(meeting.endsOn) }, 400)
	}
	return allowed
}

// The agenda item a 专题询问 puts on its meeting; a 询问 rides on the hearing already there.
export function inquiryAgendaTitle(topic: string): string {
	return `就${topic}开展专题询问`
}

// What a 专题询问's deliberations are called (one per responding agency; the list shows the agency).
export function inquiryDeliberationTitle(topic: string): string {
	return `${topic}专题询问`
}

// ── Who may read what ───────────────────────────────────────────────────────────────────────
//
// One rule for the page, the print view, the list, its counts, the timeline and the commitments'
// context. Members, the secretariat and admin read everything; deputies read published records;
// an agency's liaison reads the sessions its agency answers in — before publication only the
// questions put to their own agency and the answers to them, then the whole record.

export type InquiryReader = Pick<PolicyUser, 'id' | 'role' | 'agencyId'>
export type ReadableInquiry = { state: InquiryState; respondentAgencyIds: ReadonlyArray<number> }

export type InquiryReadScope =
	| { kind: 'all' }
	| { kind: 'published' }
	| { kind: 'agency'; agencyId: number }
	| { kind: 'none' }

export function inquiryReadScope(user: Pick<PolicyUser, 'role' | 'agencyId'>): InquiryReadScope {
	switch (user.role) {
		case 'admin':
		case 'secretariat':
		case 'member':
			return { kind: 'all' }
		case 'deputy':
			return { kind: 'published' }
		case 'agency':
			return user.agencyId === null ? { kind: 'none' } : { kind: 'agency', agencyId: user.agencyId }
	}
}

export function mayReadInquiry(user: Pick<PolicyUser, 'role' | 'agencyId'>, inquiry: ReadableInquiry): boolean {
	const scope = inquiryReadScope(user)
	switch (scope.kind) {
		case 'all':
			return true
		case 'published':
			return inquiry.state === 'published'
		case 'agency':
			return inquiry.respondentAgencyIds.includes(scope.agencyId)
		case 'none':
			return false
	}
}

// Which part of the log a reader of the session sees: all of it, or (a liaison before
// publication) the questions put to their agency.
export type LogScope = { kind: 'all' } | { kind: 'agency'; agencyId: number }

export function logScope(user: Pick<PolicyUser, 'role' | 'agencyId'>, inquiry: { state: InquiryState }): LogScope {
	if (user.role === 'agency' && inquiry.state !== 'published') return { kind: 'agency', agencyId: user.agencyId ?? -1 }
	return { kind: 'all' }
}

export function mayReadExchange(scope: LogScope, exchange: { agencyId: number }): boolean {
	return scope.kind === 'all' || exchange.agencyId === scope.agencyId
}

// Registered questions are a member's working paper for the office: their author and the office
// read them.
export type RegistrationScope = { kind: 'all' } | { kind: 'own'; memberId: number } | { kind: 'none' }

export function registrationScope(user: InquiryReader): RegistrationScope {
	if (isOffice(user.role)) return { kind: 'all' }
	if (user.role === 'member' && user.id !== null) return { kind: 'own', memberId: user.id }
	return { kind: 'none' }
}

// ── The rules of the session ────────────────────────────────────────────────────────────────

export type SessionFacts = {
	kind: InquiryKind
	state: InquiryState
	heldOn: IsoDate
	// Questions in the log, and those (questions or follow-ups) still without an answer.
	logged: number
	unanswered: number
	deliberationOpened: boolean
}

// Members register questions before the session begins: until the day it is held, and only
// while the log is empty — once the first question is recorded, the session has begun.
export function registrationOpen(session: Pick<SessionFacts, 'state' | 'heldOn' | 'logged'>, today: IsoDate): Verdict {
	if (session.state === 'published' || session.logged > 0 || today > session.heldOn) return broken('inquiries.registrationClosed')
	return allowed
}

// The log is the secretariat's to keep, until the record is published; then it stands.
export function logOpen(session: Pick<SessionFacts, 'state'>): Verdict {
	return session.state === 'published' ? broken('inquiries.published') : allowed
}

// Published once the session is held, with at least one question, and every question and
// follow-up answered.
export function mayPublish(session: SessionFacts, today: IsoDate): Verdict {
	if (session.state === 'published') return broken('inquiries.published')
	if (today < session.heldOn) return broken('inquiries.notHeld', { date: formatChineseDate(session.heldOn) })
	if (session.logged === 0) return broken('inquiries.emptyLog')
	if (session.unanswered > 0) return broken('inquiries.unanswered', { count: session.unanswered })
	return allowed
}

// A 专题询问's opinions are deliberated, one deliberation per responding agency (Art. 50), once
// the session is held; a 询问 is part of the deliberation of the report it was put on.
export function mayOpenDeliberation(session: SessionFacts, today: IsoDate): Verdict {
	if (session.kind !== 'special') return broken('inquiries.notSpecial')
	if (session.deliberationOpened) return broken('inquiries.deliberationOpened')
	if (today < session.heldOn) return broken('inquiries.notHeld', { date: formatChineseDate(session.heldOn) })
	return allowed
}

export const inquirySteps = ['register', 'record', 'order', 'publish', 'openDeliberation'] as const
export type InquiryStep = (typeof inquirySteps)[number]

// Members register their own questions; the secretariat keeps the log, orders the registered
// questions, publishes the record and opens the deliberation.
const stepTakers: Record<InquiryStep, (user: InquiryReader) => boolean> = {
	register: (user) => user.role === 'member',
	record: (user) => user.role === 'secretariat',
	order: (user) => user.role === 'secretariat',
	publish: (user) => user.role === 'secretariat',
	openDeliberation: (user) => user.role === 'secretariat',
}

function stepRule(step: InquiryStep, session: SessionFacts, today: IsoDate): Verdict {
	switch (step) {
		case 'register':
			return registrationOpen(session, today)
		case 'record':
		case 'order':
			return logOpen(session)
		case 'publish':
			return mayPublish(session, today)
		case 'openDeliberation':
			return mayOpenDeliberation(session, today)
	}
}

// A step: forbidden to a user who never takes it, otherwise as the session's rule says.
export function mayTakeInquiryStep(user: InquiryReader, session: SessionFacts, step: InquiryStep, today: IsoDate): Verdict {
	return stepTakers[step](user) ? stepRule(step, session, today) : forbiddenVerdict
}

// A registered question is changed or withdrawn by its author while registration is open.
export function mayChangeRegistration(
	user: InquiryReader,
	registration: { memberId: number },
	session: SessionFacts,
	today: IsoDate,
): Verdict {
	if (user.role !== 'member' || user.id !== registration.memberId) return forbiddenVerdict
	return registrationOpen(session, today)
}

export type InquiryPolicy = Record<InquiryStep, boolean> & {
	read: boolean
	log: LogScope
	registrations: RegistrationScope
	// The printable record (询问纪要): the whole record, so not for a liaison before publication.
	print: boolean
}

export function inquiryPolicy(user: InquiryReader, session: SessionFacts & ReadableInquiry, today: IsoDate): InquiryPolicy {
	const read = mayReadInquiry(user, session)
	const log = logScope(user, session)
	const steps = Object.fromEntries(inquirySteps.map((step) => [step, read && mayTakeInquiryStep(user, session, step, today).ok]))
	return {
		...(steps as Record<InquiryStep, boolean>),
		read,
		log,
		registrations: read ? registrationScope(user) : { kind: 'none' },
		print: read && log.kind === 'all',
	}
}

// A commitment is made in the session: it falls due after the day the session is held.
export function commitmentDueProblem(dueOn: IsoDate, heldOn: IsoDate): 'notAfterSession' | null {
	return dueOn <= heldOn ? 'notAfterSession' : null
}

// ── The list's filters ──────────────────────────────────────────────────────────────────────

export const inquiryPageSize = 20

export type InquiryListQuery = {
	meetingId?: number
	kind?: InquiryKind
	agencyId?: number
	clauseId?: number
	year?: number
	page: number
}

// Values that are not ids, kinds or years are ignored rather than refused.
export function parseInquiryListQuery(params: URLSearchParams): InquiryListQuery {
	const query: InquiryListQuery = { page: Math.min(Math.max(1, Math.trunc(Number(params.get('page'))) || 1), 100_000) }
	const meetingId = parseRecordId(params.get('meeting'))
	const agencyId = parseRecordId(params.get('agency'))
	const clauseId = parseRecordId(params.get('clause'))
	const kind = params.get('kind')
	const year = Number(params.get('year'))
	if (meetingId) query.meetingId = meetingId
	if (agencyId) query.agencyId = agencyId
	if (clauseId) query.clauseId = clauseId
	if (isInquiryKind(kind)) query.kind = kind
	if (/^\d{4}$/.test(params.get('year') ?? '') && year >= 2000 && year <= 2099) query.year = year
	return query
}

export function inquiryListSearch(query: Omit<InquiryListQuery, 'page'> & { page?: number }): string {
	const params = new URLSearchParams()
	if (query.meetingId) params.set('meeting', String(query.meetingId))
	if (query.kind) params.set('kind', query.kind)
	if (query.agencyId) params.set('agency', String(query.agencyId))
	if (query.clauseId) params.set('clause', String(query.clauseId))
	if (query.year) params.set('year', String(query.year))
	if (query.page && query.page > 1) params.set('page', String(query.page))
	const search = params.toString()
	return search ? `?${search}` : ''
}

export function isInquiryListFiltered(query: InquiryListQuery): boolean {
	return Boolean(query.meetingId || query.kind || query.agencyId || query.clauseId || query.year)
}

// ── The record's words ──────────────────────────────────────────────────────────────────────

export const inquiryKindLabels: Record<InquiryKind, string> = { inquiry: '询问', special: '专题询问' }

// 询问纪要's title: 第十五届人大常委会第二十次会议专题询问纪要.
export function recordTitle(meetingLabel: string, kind: InquiryKind): string {
	return `${meetingLabel}${inquiryKindLabels[kind]}纪要`
}

// The office that keeps and issues the record (落款).
export const recordIssuer = '武汉市人大常委会办公厅'

// An official as the record names them: 市公安局副局长王某某.
export function officialLabel(agencyShortName: string, official: { name: string; title: string }): string {
	return `${agencyShortName}${official.title}${official.name}`
}
