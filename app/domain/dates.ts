// Calendar dates as 'YYYY-MM-DD' strings in Asia/Shanghai. Every deadline is such a date;
// "today" is always an argument, so rules, tests and demo data can move it.

export type IsoDate = string

const shanghaiFormatter = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Asia/Shanghai',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

export function shanghaiDate(instant: Date): IsoDate {
	return shanghaiFormatter.format(instant)
}

export function isIsoDate(value: string): value is IsoDate {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
	const [y, m, d] = value.split('-').map(Number)
	const date = new Date(Date.UTC(y, m - 1, d))
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function toUtc(date: IsoDate): Date {
	const [y, m, d] = date.split('-').map(Number)
	return new Date(Date.UTC(y, m - 1, d))
}

function fromUtc(date: Date): IsoDate {
	return date.toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
	const d = toUtc(date)
	d.setUTCDate(d.getUTCDate() + days)
	return fromUtc(d)
}

// A month after 31 January is the last day of February (DESIGN §3).
export function addMonths(date: IsoDate, months: number): IsoDate {
	const [y, m, d] = date.split('-').map(Number)
	const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1))
	const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate()
	firstOfTarget.setUTCDate(Math.min(d, lastDay))
	return fromUtc(firstOfTarget)
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000)
}

// Days a deadline is overdue on `today` (0 when not overdue). A deadline is met on its own day.
export function daysOverdue(deadline: IsoDate | null, today: IsoDate): number {
	if (deadline === null) return 0
	return Math.max(0, daysBetween(deadline, today))
}

const chineseDigits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']

// 2021-06-16 → 2021年6月16日 (the usual form in text).
export function formatChineseDate(date: IsoDate): string {
	const [y, m, d] = date.split('-').map(Number)
	return `${y}年${m}月${d}日`
}

function smallNumberInChinese(n: number): string {
	if (n < 10) return chineseDigits[n]
	const tens = Math.floor(n / 10)
	const ones = n % 10
	return `${tens === 1 ? '' : chineseDigits[tens]}十${ones === 0 ? '' : chineseDigits[ones]}`
}

// 2021-06-16 → 二〇二一年六月十六日 (the form an official letter is dated in).
export function formatOfficialDate(date: IsoDate): string {
	const [y, m, d] = date.split('-').map(Number)
	const year = String(y)
		.split('')
		.map((digit) => chineseDigits[Number(digit)])
		.join('')
	return `${year}年${smallNumberInChinese(m)}月${smallNumberInChinese(d)}日`
}

// '14:05' in Asia/Shanghai: when a login lock ends, whatever the server's time zone.
export function shanghaiClock(instant: Date): string {
	return instant.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })
}
