import { monthStart } from './dashboard'
import { addDays, daysBetween, type IsoDate } from './dates'
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

// An item as the dated record has it: due on `dueOn`, closed (accepted, answered, kept) on
// `closedOn` or still open.
export type DatedItem = { kind: string; id: number; title: string; href: string; dueOn: IsoDate; closedOn: IsoDate | null }

// A spell during which the agency held a card of one colour: from the day it was earned to the
// day it was lifted or changed colour (null: still held on the last day looked at). Its reasons
// are every reason, and every item, that stood behind the card at some day of the spell.
export type CardSpell = { colour: CardColour; earnedOn: IsoDate; liftedOn: IsoDate | null; reasons: Card['reasons'] }

// An item is overdue on day D when it was due before D and not closed by D (closed on D: no
// longer overdue that day); it is then D − due days overdue.
function overdueOn(items: ReadonlyArray<DatedItem>, day: IsoDate): Array<OverdueFact> {
	return items
		.filter((item) => item.dueOn < day && (item.closedOn === null || item.closedOn > day))
		.map((item) => ({ kind: item.kind, id: item.id, title: item.title, href: item.href, dueOn: item.dueOn, overdueDays: daysBetween(item.dueOn, day) }))
}

function mergeReasons(into: Card['reasons'], from: Card['reasons']): Card['reasons'] {
	const merged = into.map((r) => ({ ...r, items: [...r.items] }))
	for (const reason of from) {
		const same = merged.find((r) => r.reason === reason.reason)
		if (!same) {
			merged.push({ ...reason, items: [...reason.items] })
			continue
		}
		if (reason.since < same.since) same.since = reason.since
		for (const item of reason.items) if (!same.items.some((i) => i.href === item.href)) same.items.push(item)
	}
	return merged
}

// A satisfaction result counts for a card as the ranking notice counts it by default: over the
// last twelve months (from the first day of the month eleven months back). On the first day of
// the twelfth month after its own, a result no longer stands.
const resultWindowMonths = 12

function resultsStanding(results: ReadonlyArray<ResultFact>, day: IsoDate): Array<ResultFact> {
	const since = monthStart(day, resultWindowMonths - 1)
	return results.filter((result) => result.on <= day && result.on >= since)
}

// The agency's card history between `from` and `to`, replayed from the dated record rather than
// stored: on each day the card is what cardOf gives for the items overdue that day and the
// results that stood by that day. It can only change on a day an item crosses a threshold (its
// due date + 31 or + 91 days), an item is closed, or a result stands, so only those days are
// looked at, from the record's first such day on, so that a card already held on `from` keeps
// the day it was really earned. A change of colour ends one spell and starts another; a spell
// lifted on or before `from` is not in the history.
export function cardHistory(
	items: ReadonlyArray<DatedItem>,
	results: ReadonlyArray<ResultFact>,
	settings: CardSettings,
	from: IsoDate,
	to: IsoDate,
): Array<CardSpell> {
	const days = new Set<IsoDate>([from])
	for (const item of items) {
		days.add(addDays(item.dueOn, settings.yellowCardOverdueDays + 1))
		days.add(addDays(item.dueOn, settings.redCardOverdueDays + 1))
		if (item.closedOn !== null) days.add(item.closedOn)
	}
	for (const result of results) {
		days.add(result.on)
		days.add(monthStart(result.on, -resultWindowMonths))
	}
	const spells: Array<CardSpell> = []
	let current: CardSpell | null = null
	for (const day of [...days].filter((d) => d <= to).sort()) {
		const card = cardOf(
			overdueOn(items, day),
			resultsStanding(results, day),
			settings,
		)
		if (current && current.colour === card?.colour) {
			current.reasons = mergeReasons(current.reasons, card.reasons)
			continue
		}
		if (current) current.liftedOn = day
		current = card ? { colour: card.colour, earnedOn: day, liftedOn: null, reasons: mergeReasons([], card.reasons) } : null
		if (current) spells.push(current)
	}
	return spells.filter((spell) => spell.liftedOn === null || spell.liftedOn > from)
}
