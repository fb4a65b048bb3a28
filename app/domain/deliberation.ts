import { addDays, daysOverdue, type IsoDate } from './dates'
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

export type Refusal = { ok: false; reason: string }
export type Allowed = { ok: true }

export function mayVote(state: DeliberationState, tallyEntered: boolean): Allowed | Refusal {
	if (state !== 'open') return { ok: false, reason: '表决已结束，不能再投票或更改。' }
	if (tallyEntered) return { ok: false, reason: '本次测评以会议表决系统的结果为准，不在本系统投票。' }
	return { ok: true }
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
