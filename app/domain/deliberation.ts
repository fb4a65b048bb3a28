import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { addDays, daysOverdue, type IsoDate } from './dates'
import { allowed, broken, firstRefusal, forbiddenVerdict, type Verdict } from './refusal'
import { isOffice, type PolicyUser, type Role } from './roles'
import type { Settings } from './settings'

// Deliberation (审议): one mechanism for whatever the standing committee deliberates — a
// special work report, an inspection report, a 专题询问. Opinions, a satisfaction vote by secret
// ballot (or a tally from the meeting's voting system), the consolidated opinion letter and
// the organ's written handling report (Supervision Law Art. 17, 37).

export const deliberationStates = [
	'open', // opinions and votes are taken
	'vote_closed', // the secretariat closed the vote; the result stands
	'letter_sent', // the opinion letter went to the organ; its handling report is due
	'handling_submitted', // the organ submitted its handling report
	'closed', // the secretariat accepted the handling report
] as const
export type DeliberationState = (typeof deliberationStates)[number]

// What can be deliberated; each kind's page lives at its own path.
export const deliberationSubjectTypes = ['report', 'inspection', 'inquiry'] as const
export type DeliberationSubjectType = (typeof deliberationSubjectTypes)[number]

export function subjectPath(type: DeliberationSubjectType, id: number): string {
	// An inquiry's deliberation is about one responding agency of the session (its row's id).
	return { report: `/reports/${id}`, inspection: `/inspections/${id}`, inquiry: `/inquiries/respondents/${id}` }[type]
}

export const choices = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type Choice = (typeof choices)[number]
export type Tally = Record<Choice, number>

export const choiceLabels: Record<Choice, string> = {
	satisfied: '满意',
	basically_satisfied: '基本满意',
	unsatisfied: '不满意',
}

// DESIGN §3: 满意 when 满意 votes exceed half of the votes cast; otherwise 基本满意 when 满意 +
// 基本满意 exceed half; otherwise 不满意. "Half" is a setting (a committee may require more).
export function satisfactionResult(tally: Tally, thresholdPercent: number): Choice | null {
	const cast = tally.satisfied + tally.basically_satisfied + tally.unsatisfied
	if (cast === 0) return null
	const exceeds = (votes: number) => votes * 100 > cast * thresholdPercent
	if (exceeds(tally.satisfied)) return 'satisfied'
	if (exceeds(tally.satisfied + tally.basically_satisfied)) return 'basically_satisfied'
	return 'unsatisfied'
}

export function emptyTally(): Tally {
	return { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 }
}

export function tallyOf(votes: ReadonlyArray<Choice>): Tally {
	const tally = emptyTally()
	for (const vote of votes) tally[vote]++
	return tally
}

// Members vote, and the secretariat ends the vote, only while it is open — and only in a
// deliberation that has a vote at all: a 专题询问 may be deliberated without a satisfaction vote
// (chosen when it is scheduled), its opinions going straight into the letter.
export function voteIsOpen(state: DeliberationState, withVote = true): Verdict {
	if (!withVote) return broken('deliberation.noVote')
	return state === 'open' ? allowed : broken('deliberation.voteClosed')
}

export function mayVote(state: DeliberationState, tallyEntered: boolean, withVote = true): Verdict {
	if (!withVote || state !== 'open') return voteIsOpen(state, withVote)
	if (tallyEntered) return broken('deliberation.tallyEntered')
	return allowed
}

// The default time for the written handling report: Art. 17 / 37 for a report or an inspection
// report, Art. 50 for the opinions of a 专题询问 — each its own setting.
export function handlingDueDays(subjectType: DeliberationSubjectType, settings: Settings): number {
	return subjectType === 'inquiry' ? settings.inquiryHandlingDueDays : settings.handlingReportDueDays
}

export function handlingReportDue(
	letterSentOn: IsoDate,
	settings: Settings,
	dueOn?: IsoDate | null,
	subjectType: DeliberationSubjectType = 'report',
): IsoDate {
	return dueOn ?? addDays(letterSentOn, handlingDueDays(subjectType, settings))
}

// Overdue is computed from today, never stored.
export function handlingOverdueDays(
	state: DeliberationState,
	dueOn: IsoDate | null,
	today: IsoDate,
): number {
	if (state !== 'letter_sent' || dueOn === null) return 0
	return daysOverdue(dueOn, today)
}

// ── Who may read a deliberation ──────────────────────────────────────────────────────────────

// The opinion letter goes out with the state letter_sent; from then on the deliberation's
// result and letter are published (Art. 17 para. 3) and the responding agency answers it.
export function letterIsSent(state: DeliberationState): boolean {
	return state === 'letter_sent' || state === 'handling_submitted' || state === 'closed'
}

// ── Who may read a deliberation ─────────────────────────────────────────────────────────────
//
// One rule for the page, the print view, the list, its counts, the to-do and open items and the
// handling report's downloads. Written as a scope (which deliberations a user may read at all)
// so that lists apply it in their SQL WHERE clause (deliberationsReadableBy in
// app/models/deliberation/queries.server.ts); mayReadDeliberation() decides one record from it.

export type DeliberationReader = Pick<PolicyUser, 'role' | 'agencyId'>
export type ReadableDeliberation = { state: DeliberationState; respondingAgencyId: number; organId: number }

// The states in which the letter is out, the deliberation published.
export const sentStates: ReadonlyArray<DeliberationState> = deliberationStates.filter(letterIsSent)

export type DeliberationReadScope =
	// The secretariat, admin and members: every deliberation in every state.
	| { kind: 'all' }
	// Deputies: every deliberation in these states.
	| { kind: 'states'; states: ReadonlyArray<DeliberationState> }
	// A liaison: the deliberations their agency answers, in these states.
	| { kind: 'agency'; agencyId: number; states: ReadonlyArray<DeliberationState> }
	| { kind: 'none' }

// Secretariat, admin and members always; deputies and the responding agency's liaisons once the
// letter is sent; anyone else: not found.
export function deliberationReadScope(user: DeliberationReader): DeliberationReadScope {
	switch (user.role) {
		case 'admin':
		case 'secretariat':
		case 'member':
			return { kind: 'all' }
		case 'deputy':
			return { kind: 'states', states: sentStates }
		case 'agency':
			return user.agencyId === null ? { kind: 'none' } : { kind: 'agency', agencyId: user.agencyId, states: sentStates }
	}
}

export function mayReadDeliberation(user: DeliberationReader, d: ReadableDeliberation): boolean {
	const scope = deliberationReadScope(user)
	switch (scope.kind) {
		case 'all':
			return true
		case 'states':
			return scope.states.includes(d.state)
		case 'agency':
			return scope.states.includes(d.state) && d.respondingAgencyId === scope.agencyId
		case 'none':
			return false
	}
}

// Individual opinions are the committee's internal record: members, secretariat and admin.
// The organ and deputies get them consolidated, in the letter.
export function mayReadOpinions(role: Role): boolean {
	return role === 'admin' || role === 'secretariat' || role === 'member'
}

// The responding agency reads its own handling report throughout; members, secretariat and
// admin read it once submitted; deputies once the secretariat accepted it (it is then reported
// to the deputies, Art. 17 para. 3).
export function mayReadHandlingReport(user: DeliberationReader, d: ReadableDeliberation): boolean {
	if (!mayReadDeliberation(user, d)) return false
	if (user.role === 'agency') return true
	if (user.role === 'deputy') return d.state === 'closed'
	return d.state === 'handling_submitted' || d.state === 'closed'
}

// The responding agency's liaisons, and only they, answer the letter.
export function isRespondingLiaison(user: DeliberationReader, d: { respondingAgencyId: number }): boolean {
	return user.role === 'agency' && user.agencyId !== null && user.agencyId === d.respondingAgencyId
}

// ── Opinions ────────────────────────────────────────────────────────────────────────────────

// Opinions are taken until the letter that consolidates them goes out.
export function mayWriteOpinion(state: DeliberationState): Verdict {
	if (state === 'open' || state === 'vote_closed') return allowed
	return broken('deliberation.letterSent')
}

export type OpinionAuthor = { memberId: number; enteredBy: number | null }

// A member edits the opinions recorded in their name; the secretariat edits those it entered on
// a member's behalf from group deliberation (to correct the record).
export function mayEditOpinion(user: Pick<PolicyUser, 'id' | 'role'>, opinion: OpinionAuthor): boolean {
	if (user.role === 'member') return opinion.memberId === user.id
	if (user.role === 'secretariat') return opinion.enteredBy !== null
	return false
}

export type OpinionForLetter = { clauseLabel: string | null; clauseOrdinal: number | null; text: string }

// The letter's body, prefilled from the opinions: general opinions first, then clause by clause
// in the decision's order, each opinion its own paragraph. The secretariat edits it from there.
export function composeLetterBody(opinions: ReadonlyArray<OpinionForLetter>): string {
	const general = opinions.filter((o) => o.clauseLabel === null)
	const byClause = new Map<string, { ordinal: number; texts: Array<string> }>()
	for (const o of opinions) {
		if (o.clauseLabel === null) continue
		const group = byClause.get(o.clauseLabel) ?? { ordinal: o.clauseOrdinal ?? 0, texts: [] }
		group.texts.push(o.text.trim())
		byClause.set(o.clauseLabel, group)
	}
	const paragraphs: Array<string> = []
	if (general.length) {
		paragraphs.push('一、总体意见')
		paragraphs.push(...general.map((o) => o.text.trim()))
	}
	const clauses = [...byClause.entries()].sort((a, b) => a[1].ordinal - b[1].ordinal)
	clauses.forEach(([label, group], index) => {
		paragraphs.push(`${sectionNumber(index + (general.length ? 2 : 1))}、关于决定第${label}项`)
		paragraphs.push(...group.texts)
	})
	return paragraphs.filter(Boolean).join('\n\n')
}

const sectionNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
function sectionNumber(n: number): string {
	if (n <= 10) return sectionNumerals[n - 1]
	if (n < 20) return `十${sectionNumerals[n - 11]}`
	const tens = Math.floor(n / 10)
	const ones = n % 10
	return `${sectionNumerals[tens - 1]}十${ones ? sectionNumerals[ones - 1] : ''}`
}

// The body's paragraphs as the print view sets them (blank lines separate paragraphs; single
// line breaks too: an official letter has no soft breaks).
export function letterParagraphs(body: string): Array<string> {
	return body
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
}

// 关于《市人民政府关于……的报告》的审议意见. A title already in book-title marks keeps one pair.
export function letterTitle(subjectTitle: string, subjectType: DeliberationSubjectType = 'report'): string {
	// A 专题询问 is no document: its opinions are named after the inquiry, without title marks
	// (关于涉诈资金查控工作专题询问的审议意见).
	if (subjectType === 'inquiry') return `关于${subjectTitle.trim()}的审议意见`
	const bare = subjectTitle.trim().replace(/^《(.*)》$/, '$1')
	// Title marks inside title marks become single ones: 《关于检查〈决定〉实施情况的报告》.
	return `关于《${bare.replace(/《/g, '〈').replace(/》/g, '〉')}》的审议意见`
}

// The same title quoted inside running text or a list: 《关于〈…〉的审议意见》.
export function letterTitleQuoted(subjectTitle: string): string {
	const bare = subjectTitle.trim().replace(/^《(.*)》$/, '$1')
	return `《关于〈${bare}〉的审议意见》`
}

// The office that issues the letter on the standing committee's behalf (落款).
export const letterIssuer = '武汉市人大常委会办公厅'

// The closing request of the letter, from the due date of the handling report (Art. 17).
export function handlingRequestSentence(dueOn: IsoDate): string {
	const [y, m, d] = dueOn.split('-').map(Number)
	return `请于${y}年${m}月${d}日前将研究处理情况书面报告市人大常委会。`
}

// 主送 defaults to the organ, 抄送 to the responding agency when it is another body (the
// department that prepared a government report).
export function letterDefaults(organ: { id: number; name: string }, responding: { id: number; name: string }) {
	return { to: organ.name, cc: responding.id === organ.id ? '' : responding.name }
}

// ── The vote ────────────────────────────────────────────────────────────────────────────────

// The secretariat closes the vote on the app's ballots; with none cast there is nothing to
// count (a vote held on the meeting's system is entered as a tally instead).
export function mayCloseVote(state: DeliberationState, ballotsCast: number, withVote = true): Verdict {
	if (!withVote || state !== 'open') return voteIsOpen(state, withVote)
	if (ballotsCast === 0) return broken('deliberation.noBallots')
	return allowed
}

// A tally from the meeting's voting system settles the vote. Ballots already cast in the app
// are not discarded silently: the secretariat must confirm that the meeting's result replaces
// them.
export function mayEnterTally(state: DeliberationState, ballotsCast: number, replace: boolean, withVote = true): Verdict {
	if (!withVote) return voteIsOpen(state, withVote)
	if (state !== 'open') return broken('deliberation.tallyAfterClose')
	if (ballotsCast > 0 && !replace) return broken('deliberation.ballotsExist', { count: ballotsCast })
	return allowed
}

// A ballot's key while the vote is open: the same member always gets the same key (so a changed
// vote replaces the earlier one), and without the salt — deleted when the vote closes — no one
// can compute which key is whose.
export function voterKey(ballotSalt: string, memberId: number): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`${ballotSalt}:${memberId}`)))
}

export function tallyTotal(tally: Tally): number {
	return tally.satisfied + tally.basically_satisfied + tally.unsatisfied
}

// Counts and shares (whole percent, rounded; they may not add up to exactly 100).
export function distribution(tally: Tally): Array<{ choice: Choice; count: number; percent: number }> {
	const total = tallyTotal(tally)
	return choices.map((choice) => ({
		choice,
		count: tally[choice],
		percent: total === 0 ? 0 : Math.round((tally[choice] * 1000) / total) / 10,
	}))
}

export function isChoice(value: unknown): value is Choice {
	return typeof value === 'string' && (choices as ReadonlyArray<string>).includes(value)
}

// The tabs of the deliberation list: a state, everything, or the handling reports overdue today.
export const listFilters = ['all', 'open', 'vote_closed', 'letter_sent', 'handling_submitted', 'closed', 'overdue'] as const
export type ListFilter = (typeof listFilters)[number]

// ── The letter and the handling report ──────────────────────────────────────────────────────

// Without a vote the letter is written while the opinions are taken: opinions → letter.
export function mayComposeLetter(state: DeliberationState, withVote = true): Verdict {
	if (state === 'open') return withVote ? broken('deliberation.voteStillOpen') : allowed
	if (state !== 'vote_closed') return broken('deliberation.letterAlreadySent')
	return allowed
}

export type Letter = { number: string; to: string; body: string; dueOn: IsoDate | null }
type LetterFields = { letterNumber: string; letterTo: string; letterBody: string; handlingDueOn: IsoDate | null }

// The letter as a deliberation stores it; before it is sent, handlingDueOn holds at most a date
// the secretariat proposed.
export function letterOf(d: LetterFields): Letter {
	return { number: d.letterNumber, to: d.letterTo, body: d.letterBody, dueOn: d.handlingDueOn }
}

// Saved with its number, addressee and body: ready to be checked in print and sent.
export function letterIsComplete(letter: Omit<Letter, 'dueOn'>): boolean {
	return Boolean(letter.number.trim() && letter.to.trim() && letter.body.trim())
}

export function maySendLetter(
	state: DeliberationState,
	letter: Letter,
	today: IsoDate,
	withVote = true,
): Verdict {
	const composing = mayComposeLetter(state, withVote)
	if (!composing.ok) return composing
	if (!letterIsComplete(letter)) return broken('deliberation.letterIncomplete')
	if (letter.dueOn !== null && letter.dueOn <= today) return broken('deliberation.dueNotAfterSend')
	return allowed
}

export function maySubmitHandling(state: DeliberationState): Verdict {
	if (state === 'letter_sent') return allowed
	if (state === 'handling_submitted') return broken('deliberation.handlingAlreadySubmitted')
	if (state === 'closed') return broken('deliberation.handlingClosed')
	return broken('deliberation.letterNotSent')
}

export function mayReviewHandling(state: DeliberationState): Verdict {
	if (state === 'handling_submitted') return allowed
	if (state === 'closed') return broken('deliberation.handlingAccepted')
	return broken('deliberation.nothingToReview')
}

// ── The deliberation's policy: what a user may do with one deliberation ──────────────────────
//
// One rule for the page's forms, the print view, the actions (inside their transaction) and,
// through deliberationReadScope, every list. Who takes a step is fixed by role: members write
// opinions and vote in their own name; the secretariat enters opinions from group deliberation,
// ends the vote, writes and sends the letter and reviews the handling report; the responding
// agency's liaisons answer the letter. Anyone else is forbidden (403). When a step may be taken
// is the state rule above (409 with its reason).

export const deliberationSteps = [
	'writeOpinion',
	'proxyOpinion',
	'vote',
	'closeVote',
	'enterTally',
	'composeLetter',
	'sendLetter',
	'answer',
	'reviewHandling',
] as const
export type DeliberationStep = (typeof deliberationSteps)[number]

const stepTakers: Record<DeliberationStep, (user: DeliberationReader, d: ReadableDeliberation) => boolean> = {
	writeOpinion: (user) => user.role === 'member',
	proxyOpinion: (user) => user.role === 'secretariat',
	vote: (user) => user.role === 'member',
	closeVote: (user) => user.role === 'secretariat',
	enterTally: (user) => user.role === 'secretariat',
	composeLetter: (user) => user.role === 'secretariat',
	sendLetter: (user) => user.role === 'secretariat',
	answer: isRespondingLiaison,
	reviewHandling: (user) => user.role === 'secretariat',
}

// A step: forbidden to a user who never takes it, otherwise as the state rule (`rule`) says.
export function mayTakeStep(user: DeliberationReader, d: ReadableDeliberation, step: DeliberationStep, rule: Verdict): Verdict {
	return stepTakers[step](user, d) ? rule : forbiddenVerdict
}

// An opinion is changed (edited, deleted) by whom mayEditOpinion names, until the letter is sent.
export function mayChangeOpinion(user: Pick<PolicyUser, 'id' | 'role'>, d: { state: DeliberationState }, opinion: OpinionAuthor): Verdict {
	return mayEditOpinion(user, opinion) ? mayWriteOpinion(d.state) : forbiddenVerdict
}

// What the policy looks at: who may read it, and what its forms depend on. `withVote` false: a
// deliberation without a satisfaction vote (absent means with one, as every report has).
export type PolicyDeliberation = ReadableDeliberation &
	LetterFields & {
		tallySource: 'ballots' | 'meeting_system' | null
		withVote?: boolean
	}

// Each step: whether the user can take it now. Ending the vote is offered while it is open
// (whether there are ballots to count is checked when it is ended, and the refusal says what to
// do instead); a complete letter is offered for sending (its due date is checked on sending).
export type DeliberationPolicy = Record<DeliberationStep, boolean> & {
	read: boolean
	// The members' opinions one by one, who voted (a count), a returned report's reason.
	readOpinions: boolean
	readHandlingReport: boolean
	// The letter: the secretariat's working paper until sent (admin reads it too), then published.
	readLetter: boolean
	// A member is told whether (and when) they voted, also after the close — never how.
	readOwnVote: boolean
}

export function deliberationPolicy(user: DeliberationReader, d: PolicyDeliberation): DeliberationPolicy {
	const read = mayReadDeliberation(user, d)
	const withVote = d.withVote ?? true
	const rules: Record<DeliberationStep, Verdict> = {
		writeOpinion: mayWriteOpinion(d.state),
		proxyOpinion: mayWriteOpinion(d.state),
		vote: mayVote(d.state, d.tallySource === 'meeting_system', withVote),
		closeVote: voteIsOpen(d.state, withVote),
		enterTally: voteIsOpen(d.state, withVote),
		composeLetter: mayComposeLetter(d.state, withVote),
		sendLetter: firstRefusal(mayComposeLetter(d.state, withVote), letterIsComplete(letterOf(d)) ? allowed : broken('deliberation.letterIncomplete')),
		answer: maySubmitHandling(d.state),
		reviewHandling: mayReviewHandling(d.state),
	}
	const steps = Object.fromEntries(deliberationSteps.map((step) => [step, read && mayTakeStep(user, d, step, rules[step]).ok]))
	return {
		...(steps as Record<DeliberationStep, boolean>),
		read,
		readOpinions: read && mayReadOpinions(user.role),
		readHandlingReport: read && mayReadHandlingReport(user, d),
		readLetter: read && (letterIsSent(d.state) || isOffice(user.role)),
		readOwnVote: read && withVote && stepTakers.vote(user, d),
	}
}

// ── Where a deliberated record stands ─────────────────────────────────────────────────────────
//
// Once a report or an inspection report is heard, users ask where it stands, not what the
// deliberation's last step was: opinions and the vote are being taken, the letter is being drawn
// up, the organ is handling the opinions, its handling report awaits review, or it is concluded.
export const afterHearingStatuses = ['deliberating', 'assessed', 'opinions_delivered', 'handling_reported', 'concluded'] as const
export type AfterHearingStatus = (typeof afterHearingStatuses)[number]

const afterHearing: Record<DeliberationState, AfterHearingStatus> = {
	open: 'deliberating',
	vote_closed: 'assessed',
	letter_sent: 'opinions_delivered',
	handling_submitted: 'handling_reported',
	closed: 'concluded',
}

export function statusAfterHearing(state: DeliberationState | null): AfterHearingStatus {
	return state ? afterHearing[state] : 'deliberating'
}
