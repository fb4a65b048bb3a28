import { addDays, isIsoDate, type IsoDate } from './dates'

// The dashboard's period and the open-items list's filters: plain values read from the URL, so
// that every chart, table and list can be bookmarked, printed and followed without JavaScript.

export type Period = { from: IsoDate; to: IsoDate }

// The first day of the month `months` months before today's month.
export function monthStart(date: IsoDate, monthsBack = 0): IsoDate {
	const year = Number(date.slice(0, 4))
	const month = Number(date.slice(5, 7)) - 1 - monthsBack
	const y = year + Math.floor(month / 12)
	const m = ((month % 12) + 12) % 12
	return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`
}

// Default: the last 12 months, this month included. A period that runs backwards, or dates that
// are not dates, fall back to the default rather than failing.
export function parsePeriod(params: URLSearchParams, today: IsoDate): Period {
	const fallback = { from: monthStart(today, 11), to: today }
	const from = params.get('from') ?? ''
	const to = params.get('to') ?? ''
	const period = { from: isIsoDate(from) ? from : fallback.from, to: isIsoDate(to) ? to : fallback.to }
	return period.from <= period.to ? period : fallback
}

export function periodSearch(period: Period, today: IsoDate): string {
	const fallback = parsePeriod(new URLSearchParams(), today)
	if (period.from === fallback.from && period.to === fallback.to) return ''
	return `from=${period.from}&to=${period.to}`
}

// 'YYYY-MM' of every month the period touches, in order.
export function monthsOf(period: Period): Array<string> {
	const months: Array<string> = []
	let cursor = monthStart(period.from)
	while (cursor <= period.to && months.length < 240) {
		months.push(cursor.slice(0, 7))
		cursor = monthStart(addDays(monthStart(cursor), 40))
	}
	return months
}

export function isMonth(value: string | null): value is string {
	return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
}

export const itemStateFilters = ['open', 'closed', 'all'] as const
export type ItemStateFilter = (typeof itemStateFilters)[number]
