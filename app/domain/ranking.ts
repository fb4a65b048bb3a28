import { addDays, type IsoDate } from './dates'
import type { Settings } from './settings'

// The committee's ranking notice (排名通报) and its yellow and red cards over its own oversight
// record (DESIGN §3). Everything here is computed from dated facts and today: a card is held
// while its condition holds and lifted when it no longer does; nothing is stored.

export const rankingGroups = ['city', 'district'] as const
export type RankingGroup = (typeof rankingGroups)[number]

// City bodies in one group; the districts with the functional zones in the other. The committee
// itself (kind congress) is never ranked or carded.
export function rankingGroupOf(agency: { kind: string; level: string }): RankingGroup | null {
	if (agency.kind === 'congress') return null
	return agency.level === '区' ? 'district' : 'city'
}

export type OverdueFact = { kind: string; id: number; title: string; href: string; dueOn: IsoDate; overdueDays: number }
export type ResultFact = { id: number; title: string; href: string; on: IsoDate; unsatisfied: boolean }

export type Deduction = { cause: 'overdue' | 'unsatisfied' | 'finding' | 'concern'; points: number; title: string; href: string }

// An answer to a deputy's concern the deputy rated 不满意, in the period.
export type ConcernRatingFact = { title: string; href: string }

export type RankingWeights = Pick<Settings, 'rankOverduePoints' | 'rankOverdueMonthPoints' | 'rankUnsatisfiedPoints' | 'rankFindingOverduePoints' | 'rankConcernUnsatisfiedPoints'>

// 100 minus: per overdue item its points and a point per full 30 days overdue; per 不满意
// result; per answer to a deputy's concern rated 不满意; and, besides, per inspection finding left
// unrectified past its due date. Never below 0.
export function deductions(
	overdue: ReadonlyArray<OverdueFact>,
	results: ReadonlyArray<ResultFact>,
	weights: RankingWeights,
	concernRatings: ReadonlyArray<ConcernRatingFact> = [],
): Array<Deduction> {
	const list: Array<Deduction> = []
	for (const item of overdue) {
		list.push({ cause: 'overdue', points: weights.rankOverduePoints + Math.floor(item.overdueDays / 30) * weights.rankOverdueMonthPoints, title: item.title, href: item.href })
		if (item.kind === 'finding') list.push({ cause: 'finding', points: weights.rankFindingOverduePoints, title: item.title, href: item.href })
	}
	for (const result of results) if (result.unsatisfied) list.push({ cause: 'unsatisfied', points: weights.rankUnsatisfiedPoints, title: result.title, href: result.href })
	for (const rating of concernRatings) list.push({ cause: 'concern', points: weights.rankConcernUnsatisfiedPoints, title: rating.title, href: rating.href })
	return list
}

export function score(list: ReadonlyArray<Deduction>): number {
	return Math.max(0, 100 - list.reduce((sum, d) => sum + d.points, 0))
}

export type CardColour = 'yellow' | 'red'
export type CardReason = 'overdueLong' | 'overdueMany' | 'overdueVeryLong' | 'unsatisfied' | 'unsatisfiedRepeated'
export type Card = { colour: CardColour; since: IsoDate; reasons: Array<{ reason: CardReason; since: IsoDate; items: Array<{ title: string; href: string }> }> }

type CardSettings = Pick<Settings, 'yellowCardOverdueDays' | 'redCardOverdueItems' | 'redCardOverdueDays' | 'redCardConsecutiveUnsatisfied'>

// The day an item became overdue by MORE than `days` days: due + days + 1.
function overdueBeyondSince(item: OverdueFact, days: number): IsoDate {
	return addDays(item.dueOn, days + 1)
}

// Yellow: an item overdue by more than 30 days, or a 不满意 result. Red: 3 or more items overdue
// by more than 30 days, any by more than 90, or 2 consecutive 不满意 results (in date order, of
// all the agency's results). The card's date is the day its earliest standing condition was met.
export function cardOf(overdue: ReadonlyArray<OverdueFact>, results: ReadonlyArray<ResultFact>, settings: CardSettings): Card | null {
	const red: Card['reasons'] = []
	const yellow: Card['reasons'] = []
	const link = (x: { title: string; href: string }) => ({ title: x.title, href: x.href })
	const long = overdue.filter((item) => item.overdueDays > settings.yellowCardOverdueDays)
	const longSince = long.map((item) => overdueBeyondSince(item, settings.yellowCardOverdueDays)).sort()
	if (long.length >= settings.redCardOverdueItems) {
		red.push({ reason: 'overdueMany', since: longSince[settings.redCardOverdueItems - 1], items: long.map(link) })
	}
	const veryLong = overdue.filter((item) => item.overdueDays > settings.redCardOverdueDays)
	if (veryLong.length) {
		red.push({ reason: 'overdueVeryLong', since: veryLong.map((item) => overdueBeyondSince(item, settings.redCardOverdueDays)).sort()[0], items: veryLong.map(link) })
	}
	const ordered = [...results].sort((a, b) => a.on.localeCompare(b.on) || a.id - b.id)
	let run: Array<ResultFact> = []
	let repeated: Array<ResultFact> | null = null
	for (const result of ordered) {
		run = result.unsatisfied ? [...run, result] : []
		if (run.length >= settings.redCardConsecutiveUnsatisfied && !repeated) repeated = run
	}
	if (repeated) red.push({ reason: 'unsatisfiedRepeated', since: repeated[repeated.length - 1].on, items: repeated.map(link) })
	if (long.length) yellow.push({ reason: 'overdueLong', since: longSince[0], items: long.map(link) })
	const unsatisfied = ordered.filter((result) => result.unsatisfied)
	if (unsatisfied.length) yellow.push({ reason: 'unsatisfied', since: unsatisfied[0].on, items: unsatisfied.map(link) })
	const reasons = red.length ? red : yellow
	if (!reasons.length) return null
	return { colour: red.length ? 'red' : 'yellow', since: reasons.map((r) => r.since).sort()[0], reasons }
}
