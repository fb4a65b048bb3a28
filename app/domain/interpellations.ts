import { isStateOrganKind } from './agencies'
import { daysOverdue, type IsoDate } from './dates'
import { parseRecordId } from './ids'
import { allowed, broken, forbiddenBecause, forbiddenVerdict, type Verdict } from './refusal'
import type { PolicyUser } from './roles'
import type { Settings } from './settings'

// Interpellations (质询案), Supervision Law Art. 51–54: proposed in writing by standing committee
// members, referred by the chairpersons' council (主任会议), answered by a responsible official of
// the target agency, judged by the signers; a re-answer when more than half are unsatisfied.

export const interpellationStates = [
	'draft', // being drafted and co-signed; only its signers and the secretariat see it
	'submitted', // handed in with enough signers, waiting for the chairpersons' council
	'not_referred', // the council decided not to refer it
	'referred', // referred to the target agency, to answer orally at a meeting or in writing
	'answered', // the current round's answer is in; the signers give their verdict
	'reanswer_requested', // more than half of the signers asked for a re-answer (Art. 53)
	'closed', // concluded: the signers' verdict stands, or the council refused a re-answer
	'withdrawn', // the drafter withdrew it before submission
] as const
export type InterpellationState = (typeof interpellationStates)[number]

export const answerModes = ['oral', 'written'] as const
export type AnswerMode = (typeof answerModes)[number]

// Art. 52: an oral answer is given at a standing committee meeting or at a special committee's.
export const answerForums = ['standing_committee', 'special_committee'] as const
export type AnswerForum = (typeof answerForums)[number]

// ── Who may be questioned (Art. 51) ───────────────────────────────────────────────────────────

type TargetCandidate = { kind: string; level: string }

// The government of the committee's own level and its departments, the supervisory commission,
// the court and the procuratorate — never a vertically managed unit (a financial regulator's
// branch, the communications administration), and never another level's organs.
export function isInterpellationTarget(agency: TargetCandidate): boolean {
	if (agency.level !== '市') return false
	return agency.kind === 'department' || isStateOrganKind(agency.kind)
}

// ── Signers (Art. 51) ─────────────────────────────────────────────────────────────────────────

export type Signature = { memberId: number; withdrawn: boolean }

// Distinct standing committee members whose signature stands.
export function countSigners(signatures: ReadonlyArray<Signature>): number {
	return new Set(signatures.filter((s) => !s.withdrawn).map((s) => s.memberId)).size
}

export function maySubmit(
	interpellation: { state: InterpellationState; targetKind: string; targetLevel: string },
	signatures: ReadonlyArray<Signature>,
	settings: Pick<Settings, 'interpellationMinSigners'>,
): Verdict {
	if (interpellation.state !== 'draft') return broken('interpellations.notDraft')
	if (!isInterpellationTarget({ kind: interpellation.targetKind, level: interpellation.targetLevel })) {
		return broken('interpellations.target', undefined, 400)
	}
	const signers = countSigners(signatures)
	const needed = settings.interpellationMinSigners
	if (signers < needed) return broken('interpellations.signers', { signers, needed }, 400)
	return allowed
}

// A member signs for themself, and withdraws their own signature, while the draft is open.
export function maySign(user: Pick<PolicyUser, 'role'>, state: InterpellationState): Verdict {
	if (user.role !== 'member') return forbiddenVerdict
	return state === 'draft' ? allowed : broken('interpellations.signingClosed')
}

// ── The signers' verdict and the re-answer (Art. 53) ─────────────────────────────────────────

export type Verdicts = { satisfied: number; unsatisfied: number; signers: number }

// More than half of ALL the signers — not of those who gave a verdict — must be unsatisfied:
// exactly half is not enough.
export function mayRequestReanswer(verdicts: Verdicts): boolean {
	return verdicts.unsatisfied * 2 > verdicts.signers
}

// ── More lists of values ─────────────────────────────────────────────────────────────────────

// A member drafts one in the app and asks others to co-sign there; or the office enters one its
// signers signed on paper, recording each of them.
export const interpellationSources = ['app', 'paper'] as const
export type InterpellationSource = (typeof interpellationSources)[number]

// Each signer's verdict on a round's answer (Art. 53).
export const signerVerdicts = ['satisfied', 'unsatisfied'] as const
export type SignerVerdict = (typeof signerVerdicts)[number]

// The chairpersons' council on the interpellation (Art. 52) and on a request to answer again
// (Art. 53).
export const referralDecisions = ['referred', 'not_referred'] as const
export type ReferralDecision = (typeof referralDecisions)[number]
export const reanswerDecisions = ['granted', 'refused'] as const
export type ReanswerDecision = (typeof reanswerDecisions)[number]

// Handed in to the committee: every state but a draft and a withdrawn draft.
export const submittedStates: ReadonlyArray<InterpellationState> = ['submitted', 'not_referred', 'referred', 'answered', 'reanswer_requested', 'closed']

// Referred to the target agency, now or earlier: from here on the agency answers it.
export const referredStates: ReadonlyArray<InterpellationState> = ['referred', 'answered', 'reanswer_requested', 'closed']

export function isInterpellationState(value: unknown): value is InterpellationState {
	return typeof value === 'string' && (interpellationStates as ReadonlyArray<string>).includes(value)
}

// ── Who may read an interpellation ──────────────────────────────────────────────────────────
//
// One rule for the page, the list, its CSV, the to-do, the agency page and the clause timeline,
// written as a scope that the model turns into SQL (interpellationsReadableBy).

export type InterpellationReader = Pick<PolicyUser, 'id' | 'role' | 'agencyId'>

// `involved`: the reader drafted it, signs or signed it, or was asked to co-sign it.
export type ReadableInterpellation = { state: InterpellationState; targetAgencyId: number; involved: boolean }

export type InterpellationReadScope =
	// The secretariat runs the procedure; admin reads what it reads.
	| { kind: 'all' }
	// Members: every interpellation handed in, and the drafts they are part of.
	| { kind: 'member'; memberId: number; states: ReadonlyArray<InterpellationState> }
	// Deputies: the referred ones.
	| { kind: 'states'; states: ReadonlyArray<InterpellationState> }
	// A liaison: their agency's, once referred to it — never before the council decided.
	| { kind: 'agency'; agencyId: number; states: ReadonlyArray<InterpellationState> }
	| { kind: 'none' }

// A draft is the working paper of its signers: only they, the members asked to co-sign and the
// office see it. The target agency learns of an interpellation when the council refers it.
export function interpellationReadScope(user: InterpellationReader): InterpellationReadScope {
	switch (user.role) {
		case 'admin':
		case 'secretariat':
			return { kind: 'all' }
		case 'member':
			return user.id === null ? { kind: 'none' } : { kind: 'member', memberId: user.id, states: submittedStates }
		case 'deputy':
			return { kind: 'states', states: referredStates }
		case 'agency':
			return user.agencyId === null ? { kind: 'none' } : { kind: 'agency', agencyId: user.agencyId, states: referredStates }
	}
}

export function mayReadInterpellation(user: InterpellationReader, record: ReadableInterpellation): boolean {
	const scope = interpellationReadScope(user)
	switch (scope.kind) {
		case 'all':
			return true
		case 'member':
			return scope.states.includes(record.state) || record.involved
		case 'states':
			return scope.states.includes(record.state)
		case 'agency':
			return scope.states.includes(record.state) && record.targetAgencyId === scope.agencyId
		case 'none':
			return false
	}
}

// ── The steps and who takes them ─────────────────────────────────────────────────────────────

export type PolicyInterpellation = ReadableInterpellation & {
	source: InterpellationSource
	drafterId: number | null
	targetKind: string
	targetLevel: string
	// The current round's arrangement: written or oral, and the day the answer is due (for an oral
	// answer, its meeting's day).
	mode: AnswerMode | null
	answerDueOn: IsoDate | null
}

// The reader's own part in it.
export type Participation = { invited: boolean; signed: boolean; verdict: SignerVerdict | null }
export const noParticipation: Participation = { invited: false, signed: false, verdict: null }

export const interpellationSteps = [
	'invite', // the drafter asks members to co-sign
	'sign', // a member co-signs, for themself
	'withdrawSignature', // a co-signer withdraws their signature
	'recordSignature', // the office records a paper signer
	'strikeSignature', // the office strikes a paper signer recorded by mistake
	'submit', // hand it in (Art. 51)
	'withdraw', // withdraw the whole draft
	'refer', // record the council's decision: referred or not, oral or written (Art. 52)
	'answer', // enter the answer and the responsible official who gave or signed it (Art. 54)
	'judge', // a signer: satisfied or unsatisfied with this round's answer (Art. 53)
	'requestReanswer', // the signers ask for a re-answer (Art. 53)
	'decideReanswer', // record the council's decision on it
	'close', // conclude the round as it stands
] as const
export type InterpellationStep = (typeof interpellationSteps)[number]

export type StepContext = {
	today: IsoDate
	me: Participation
	verdicts: Verdicts
}

function isDrafter(user: InterpellationReader, i: Pick<PolicyInterpellation, 'source' | 'drafterId'>): boolean {
	return user.role === 'member' && i.source === 'app' && user.id !== null && i.drafterId === user.id
}

function isTargetLiaison(user: InterpellationReader, i: Pick<PolicyInterpellation, 'targetAgencyId'>): boolean {
	return user.role === 'agency' && user.agencyId !== null && user.agencyId === i.targetAgencyId
}

// A draft made in the app is its drafter's to hand in or withdraw; one signed on paper is the
// office's, which entered it.
function managesDraft(user: InterpellationReader, i: PolicyInterpellation): boolean {
	return i.source === 'app' ? isDrafter(user, i) : user.role === 'secretariat'
}

function takes(user: InterpellationReader, i: PolicyInterpellation, step: InterpellationStep, me: Participation): Verdict {
	switch (step) {
		case 'invite':
			return isDrafter(user, i) ? allowed : forbiddenVerdict
		case 'sign':
			// Members sign for themselves, in the app, a draft they were asked to co-sign.
			if (user.role !== 'member' || i.source !== 'app') return forbiddenVerdict
			return me.invited || me.signed ? allowed : forbiddenVerdict
		case 'withdrawSignature':
			return user.role === 'member' && i.source === 'app' && me.signed ? allowed : forbiddenVerdict
		case 'recordSignature':
		case 'strikeSignature':
			return user.role === 'secretariat' && i.source === 'paper' ? allowed : forbiddenVerdict
		case 'submit':
		case 'withdraw':
			return managesDraft(user, i) ? allowed : forbiddenVerdict
		case 'refer':
		case 'decideReanswer':
		case 'close':
			return user.role === 'secretariat' ? allowed : forbiddenVerdict
		case 'answer':
			// A written answer is the agency's to enter (or the office's on its behalf); an oral one,
			// given at the meeting, is recorded by the office.
			if (user.role === 'secretariat') return allowed
			if (!isTargetLiaison(user, i)) return forbiddenVerdict
			return i.mode === 'written' ? allowed : forbiddenBecause('interpellations.oralRecordedByOffice')
		case 'judge':
		case 'requestReanswer':
			return user.role === 'member' && me.signed ? allowed : forbiddenVerdict
	}
}

function draftOnly(state: InterpellationState): Verdict {
	return state === 'draft' ? allowed : broken('interpellations.notDraft')
}

// When each step may be taken. Handing in also needs the signers and the target (maySubmit),
// checked when it is taken: the page offers the step and says what is missing.
function stateRule(user: InterpellationReader, i: PolicyInterpellation, step: InterpellationStep, context: StepContext): Verdict {
	switch (step) {
		case 'invite':
		case 'recordSignature':
		case 'strikeSignature':
		case 'submit':
		case 'withdraw':
			return draftOnly(i.state)
		case 'sign': {
			const open = maySign(user, i.state)
			if (!open.ok) return open
			return context.me.signed ? broken('interpellations.alreadySigned') : allowed
		}
		case 'withdrawSignature':
			if (i.state !== 'draft') return broken('interpellations.signingClosed')
			return isDrafter(user, i) ? broken('interpellations.drafterSigns') : allowed
		case 'refer':
			return i.state === 'submitted' ? allowed : broken('interpellations.notSubmitted')
		case 'answer':
			if (i.state !== 'referred') return broken('interpellations.notAwaitingAnswer')
			// An oral answer is given at its meeting: it is recorded from that day on.
			if (i.mode === 'oral' && i.answerDueOn && context.today < i.answerDueOn) {
				return broken('interpellations.oralBeforeMeeting', { date: i.answerDueOn })
			}
			return allowed
		case 'judge':
		case 'close':
			return i.state === 'answered' ? allowed : broken('interpellations.notAnswered')
		case 'requestReanswer':
			if (i.state !== 'answered') return broken('interpellations.notAnswered')
			if (context.me.verdict !== 'unsatisfied') return broken('interpellations.requesterSatisfied')
			if (!mayRequestReanswer(context.verdicts)) {
				return broken('interpellations.reanswerThreshold', { unsatisfied: context.verdicts.unsatisfied, signers: context.verdicts.signers })
			}
			return allowed
		case 'decideReanswer':
			return i.state === 'reanswer_requested' ? allowed : broken('interpellations.noReanswerRequest')
	}
}

// A step: forbidden to a user who never takes it, otherwise as its rule says.
export function mayTakeInterpellationStep(
	user: InterpellationReader,
	i: PolicyInterpellation,
	step: InterpellationStep,
	context: StepContext,
): Verdict {
	const taker = takes(user, i, step, context.me)
	return taker.ok ? stateRule(user, i, step, context) : taker
}

export type InterpellationPolicy = {
	read: boolean
	// The steps the user can take now.
	steps: Array<InterpellationStep>
	// Each signer's verdict by name: the committee's own record (the office, admin, members).
	// The agency and deputies see the counts.
	readVerdictsByName: boolean
}

export function interpellationPolicy(user: InterpellationReader, i: PolicyInterpellation, context: StepContext): InterpellationPolicy {
	const read = mayReadInterpellation(user, i)
	return {
		read,
		steps: read ? interpellationSteps.filter((step) => mayTakeInterpellationStep(user, i, step, context).ok) : [],
		readVerdictsByName: read && user.role !== 'agency' && user.role !== 'deputy',
	}
}

// ── Rounds: the answer and the verdicts ───────────────────────────────────────────────────────

export function tallyVerdicts(verdicts: ReadonlyArray<SignerVerdict>, signers: number): Verdicts {
	return {
		satisfied: verdicts.filter((v) => v === 'satisfied').length,
		unsatisfied: verdicts.filter((v) => v === 'unsatisfied').length,
		signers,
	}
}

// Once every signer has given a verdict and a re-answer can no longer be asked for, the round's
// verdict stands: the interpellation is concluded.
export function concludesRound(verdicts: Verdicts): boolean {
	return verdicts.satisfied + verdicts.unsatisfied >= verdicts.signers && !mayRequestReanswer(verdicts)
}

// How the council arranged the answer (Art. 52): in writing by a date, or orally at a standing
// committee meeting or at a special committee's meeting (named in words, with its day).
export type Arrangement =
	| { mode: 'written'; dueOn: IsoDate }
	| { mode: 'oral'; forum: 'standing_committee'; meetingId: number }
	| { mode: 'oral'; forum: 'special_committee'; specialMeeting: string; meetingOn: IsoDate }

type MeetingDays = { startsOn: IsoDate; endsOn: IsoDate }

export function arrangementRule(arrangement: Arrangement, today: IsoDate, meeting: MeetingDays | null): Verdict {
	if (arrangement.mode === 'written') {
		return arrangement.dueOn > today ? allowed : broken('interpellations.dueNotAfterToday', undefined, 400)
	}
	if (arrangement.forum === 'standing_committee') {
		if (!meeting) return broken('interpellations.unknownMeeting', undefined, 400)
		return meeting.endsOn >= today ? allowed : broken('interpellations.meetingOver', undefined, 400)
	}
	return arrangement.meetingOn >= today ? allowed : broken('interpellations.meetingOver', undefined, 400)
}

// The day the answer is due: the written answer's date, or the first day of the oral answer's
// meeting.
export function arrangedDueOn(arrangement: Arrangement, meeting: MeetingDays | null): IsoDate | null {
	if (arrangement.mode === 'written') return arrangement.dueOn
	if (arrangement.forum === 'standing_committee') return meeting?.startsOn ?? null
	return arrangement.meetingOn
}

// Overdue is computed from today, never stored: an answer not in after its day.
export function answerOverdueDays(state: InterpellationState, dueOn: IsoDate | null, today: IsoDate): number {
	return state === 'referred' ? daysOverdue(dueOn, today) : 0
}

// The agenda item of an oral answer at a standing committee meeting.
export function oralAnswerAgendaTitle(agencyName: string, matter: string): string {
	return `听取${agencyName}负责人关于“${matter}”质询案的答复`
}

// ── Filters of the list and its CSV ─────────────────────────────────────────────────────────

export type InterpellationListQuery = {
	state?: InterpellationState
	targetId?: number
	year?: number
	page: number
}

export function parseInterpellationListQuery(params: URLSearchParams): InterpellationListQuery {
	const query: InterpellationListQuery = { page: Math.min(Math.max(1, Math.trunc(Number(params.get('page'))) || 1), 100_000) }
	const state = params.get('state')
	if (isInterpellationState(state)) query.state = state
	const targetId = parseRecordId(params.get('target'))
	if (targetId) query.targetId = targetId
	const year = Number(params.get('year'))
	if (Number.isInteger(year) && year >= 2000 && year <= 2099) query.year = year
	return query
}

export function interpellationListSearch(query: Omit<InterpellationListQuery, 'page'> & { page?: number }): string {
	const params = new URLSearchParams()
	if (query.state) params.set('state', query.state)
	if (query.targetId) params.set('target', String(query.targetId))
	if (query.year) params.set('year', String(query.year))
	if (query.page && query.page > 1) params.set('page', String(query.page))
	const search = params.toString()
	return search ? `?${search}` : ''
}

export function isInterpellationListFiltered(query: InterpellationListQuery): boolean {
	return Boolean(query.state || query.targetId || query.year)
}

// Chinese whatever the interface language: the CSV's columns and values.
export const interpellationStateLabels: Record<InterpellationState, string> = {
	draft: '起草联名中',
	submitted: '已提出，待主任会议决定',
	not_referred: '主任会议决定不交付答复',
	referred: '已交受质询机关答复',
	answered: '已答复，待联名人表态',
	reanswer_requested: '联名人要求再作答复',
	closed: '已办结',
	withdrawn: '已撤回',
}

export const interpellationCsvHeaders = [
	'质询的问题',
	'质询对象',
	'提出方式',
	'领衔人',
	'联名人数',
	'联名人',
	'状态',
	'提出日期',
	'主任会议决定日期',
	'答复方式',
	'答复期限',
	'答复轮次',
	'本轮满意人数',
	'本轮不满意人数',
]

export type InterpellationCsvRow = {
	matter: string
	targetName: string
	source: InterpellationSource
	drafterName: string | null
	signerNames: ReadonlyArray<string>
	state: InterpellationState
	submittedOn: IsoDate | null
	referralDecidedOn: IsoDate | null
	mode: AnswerMode | null
	forum: AnswerForum | null
	answerDueOn: IsoDate | null
	round: number
	verdicts: Verdicts
}

const modeLabel = (mode: AnswerMode | null, forum: AnswerForum | null) =>
	mode === 'written' ? '书面答复' : mode === 'oral' ? (forum === 'special_committee' ? '专门委员会会议口头答复' : '常委会会议口头答复') : ''

export function interpellationCsvRecord(row: InterpellationCsvRow): Array<string> {
	const answered = row.state === 'answered' || row.state === 'reanswer_requested' || row.state === 'closed'
	return [
		row.matter,
		row.targetName,
		row.source === 'paper' ? '书面联名（办公厅录入）' : '系统内联名',
		row.drafterName ?? '',
		String(row.signerNames.length),
		row.signerNames.join('、'),
		interpellationStateLabels[row.state],
		row.submittedOn ?? '',
		row.referralDecidedOn ?? '',
		modeLabel(row.mode, row.forum),
		row.answerDueOn ?? '',
		row.mode ? String(row.round) : '',
		answered ? String(row.verdicts.satisfied) : '',
		answered ? String(row.verdicts.unsatisfied) : '',
	]
}
