import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { addDays, daysOverdue, type IsoDate } from './dates'
import { allowed, broken, type Verdict } from './refusal'
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
	return { report: `/reports/${id}`, inspection: `/inspections/${id}`, inquiry: `/inquiries/${id}` }[type]
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

export function mayVote(state: DeliberationState, tallyEntered: boolean): Verdict {
	if (state !== 'open') return broken('deliberation.voteClosed')
	if (tallyEntered) return broken('deliberation.tallyEntered')
	return allowed
}

export function handlingReportDue(letterSentOn: IsoDate, settings: Settings, dueOn?: IsoDate | null): IsoDate {
	return dueOn ?? addDays(letterSentOn, settings.handlingReportDueDays)
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

type Reader = { role: 'admin' | 'secretariat' | 'member' | 'deputy' | 'agency'; agencyId: number | null }
type ReadScope = { state: DeliberationState; respondingAgencyId: number; organId: number }

// secretariat, admin and members always; the responding agency's liaisons and deputies once the
// letter is sent; anyone else: not found.
export function mayReadDeliberation(user: Reader, d: ReadScope): boolean {
	if (user.role === 'admin' || user.role === 'secretariat' || user.role === 'member') return true
	if (!letterIsSent(d.state)) return false
	if (user.role === 'deputy') return true
	return user.role === 'agency' && user.agencyId !== null && user.agencyId === d.respondingAgencyId
}

// Individual opinions are the committee's internal record: members, secretariat and admin.
// The organ and deputies get them consolidated, in the letter.
export function mayReadOpinions(role: Reader['role']): boolean {
	return role === 'admin' || role === 'secretariat' || role === 'member'
}

// The responding agency reads its own handling report throughout; members, secretariat and
// admin read it once submitted; deputies once the secretariat accepted it (it is then reported
// to the deputies, Art. 17 para. 3).
export function mayReadHandlingReport(user: Reader, d: ReadScope): boolean {
	if (!mayReadDeliberation(user, d)) return false
	if (user.role === 'agency') return true
	if (user.role === 'deputy') return d.state === 'closed'
	return d.state === 'handling_submitted' || d.state === 'closed'
}

// The responding agency's liaisons, and only they, answer the letter.
export function isRespondingLiaison(user: Reader, d: { respondingAgencyId: number }): boolean {
	return user.role === 'agency' && user.agencyId !== null && user.agencyId === d.respondingAgencyId
}

// ── Opinions ────────────────────────────────────────────────────────────────────────────────

// Opinions are taken until the letter that consolidates them goes out.
export function mayWriteOpinion(state: DeliberationState): Verdict {
	if (state === 'open' || state === 'vote_closed') return allowed
	return broken('deliberation.letterSent')
}

// A member edits the opinions recorded in their name; the secretariat edits those it entered on
// a member's behalf from group deliberation (to correct the record).
export function mayEditOpinion(
	user: { id: number; role: Reader['role'] },
	opinion: { memberId: number; enteredBy: number | null },
): boolean {
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
export function letterTitle(subjectTitle: string): string {
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
export function mayCloseVote(state: DeliberationState, ballotsCast: number): Verdict {
	if (state !== 'open') return broken('deliberation.voteClosed')
	if (ballotsCast === 0) return broken('deliberation.noBallots')
	return allowed
}

// A tally from the meeting's voting system settles the vote. Ballots already cast in the app
// are not discarded silently: the secretariat must confirm that the meeting's result replaces
// them.
export function mayEnterTally(state: DeliberationState, ballotsCast: number, replace: boolean): Verdict {
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

export function mayComposeLetter(state: DeliberationState): Verdict {
	if (state === 'open') return broken('deliberation.voteStillOpen')
	if (state !== 'vote_closed') return broken('deliberation.letterAlreadySent')
	return allowed
}

export function maySendLetter(
	state: DeliberationState,
	letter: { number: string; to: string; body: string; dueOn: IsoDate | null },
	today: IsoDate,
): Verdict {
	if (state === 'open') return broken('deliberation.voteStillOpen')
	if (state !== 'vote_closed') return broken('deliberation.letterAlreadySent')
	if (!letter.number.trim() || !letter.to.trim() || !letter.body.trim()) return broken('deliberation.letterIncomplete')
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
