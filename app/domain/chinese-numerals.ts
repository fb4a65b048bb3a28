// Chinese numerals and dates as they appear in published legislation: clause labels
// (（十五）, 第一百零一条), document numbers (第四十五号), and dates written as 2021年6月9日,
// 2021年06月09日, 2021-06-16 or 二〇二一年六月九日.

// Every character a numeral may be written with, for building label patterns elsewhere.
export const chineseNumeralChars = '〇零一二两三四五六七八九十百千万'

const digitValues: Record<string, number> = {
	〇: 0,
	零: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9,
}

const unitValues: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

const digitNames = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const unitNames = ['', '十', '百', '千']

// Full-width digits (０-９) come from pasted Word and PDF text; one character each, so
// positions found in the converted string are valid in the original.
function toAsciiDigits(text: string): string {
	return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
}

export function chineseToNumber(text: string): number | null {
	const value = toAsciiDigits(text.trim())
	if (value === '') return null
	if (/^\d+$/.test(value)) return Number(value)
	const chars = Array.from(value)
	if (chars.some((char) => !(char in digitValues) && !(char in unitValues) && char !== '万')) {
		return null
	}
	// Digits without units (二〇二一) are read position by position, as in years.
	if (chars.length > 1 && chars.every((char) => char in digitValues)) {
		return Number(chars.map((char) => digitValues[char]).join(''))
	}
	return readWithUnits(chars)
}

// 一百零一, 十五, 两千, 三万二千: units must fall within each 万-section; a 零 only marks a gap.
function readWithUnits(chars: Array<string>): number | null {
	let total = 0
	let section = 0
	let digit: number | null = null
	let lastUnit = Infinity
	let sawTenThousand = false
	for (const char of chars) {
		if (char in digitValues) {
			// Two digits in a row are only valid after a 零 (一百零一).
			if (digit !== null && digit !== 0) return null
			digit = digitValues[char]
		} else if (char === '万') {
			if (sawTenThousand) return null
			total = (section + (digit ?? 0)) * 10_000
			if (total === 0) return null
			section = 0
			digit = null
			lastUnit = Infinity
			sawTenThousand = true
		} else {
			const unit = unitValues[char]
			if (unit >= lastUnit) return null
			// A bare 十 (十五) means 一十; 零十 is not a number.
			if (digit === 0) return null
			section += (digit ?? 1) * unit
			digit = null
			lastUnit = unit
		}
	}
	return total + section + (digit ?? 0)
}

export function numberToChinese(value: number): string {
	if (!Number.isInteger(value) || value < 0 || value >= 100_000_000) {
		throw new RangeError(`Cannot write ${value} as a Chinese numeral`)
	}
	if (value === 0) return '零'
	const high = Math.floor(value / 10_000)
	const low = value % 10_000
	if (high === 0) return writeSection(low, true)
	if (low === 0) return `${writeSection(high, true)}万`
	const gap = low < 1000 ? '零' : ''
	return `${writeSection(high, true)}万${gap}${writeSection(low, false)}`
}

// One section below 10 000. A leading 一十 is written 十 (十五, not 一十五), as in labels.
function writeSection(value: number, leading: boolean): string {
	let result = ''
	let zeroPending = false
	for (let position = 3; position >= 0; position--) {
		const digit = Math.floor(value / 10 ** position) % 10
		if (digit === 0) {
			if (result !== '') zeroPending = true
			continue
		}
		if (zeroPending) result += '零'
		zeroPending = false
		const shortTen = position === 1 && digit === 1 && result === '' && leading
		result += (shortTen ? '' : digitNames[digit]) + unitNames[position]
	}
	return result
}

export type DateMatch = { iso: string; index: number; text: string }

const yearDigits = '[0-9〇零一二三四五六七八九]'
const smallNumber = '(?:[0-9]{1,2}|[〇零一二三四五六七八九十]{1,3})'
const datePattern = new RegExp(
	`(${yearDigits}{4})\\s*年\\s*(${smallNumber})\\s*月\\s*(${smallNumber})\\s*日` +
		'|([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])',
	'g',
)

// Every valid calendar date in a text, in order. Impossible dates (2月30日) are skipped.
export function findDates(text: string): Array<DateMatch> {
	const converted = toAsciiDigits(text)
	const matches: Array<DateMatch> = []
	for (const match of converted.matchAll(datePattern)) {
		const [year, month, day] = match[1]
			? [match[1], match[2], match[3]].map(chineseToNumber)
			: [match[4], match[5], match[6]].map(Number)
		const iso = isoDate(year, month, day)
		if (iso)
			matches.push({ iso, index: match.index, text: text.slice(match.index, match.index + match[0].length) })
	}
	return matches
}

// The text is one date and nothing else (a signature's date line, a header value).
export function parseChineseDate(text: string): string | null {
	const trimmed = text.trim()
	const [first] = findDates(trimmed)
	return first && first.index === 0 && first.text.length === trimmed.length ? first.iso : null
}

function isoDate(year: number | null, month: number | null, day: number | null): string | null {
	if (year === null || month === null || day === null) return null
	if (month < 1 || month > 12 || day < 1) return null
	// Day 0 of the next month is the last day of this one (leap years included).
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
	if (day > daysInMonth) return null
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
