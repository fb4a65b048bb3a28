import { expect, test } from 'vitest'
import { addDays, addMonths, daysOverdue, formatChineseDate, formatOfficialDate, isIsoDate, shanghaiDate } from './dates'

test('a UTC evening is already the next day in Shanghai', () => {
	expect(shanghaiDate(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28')
	expect(shanghaiDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27')
})

test('a month after 31 January is the last day of February', () => {
	expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
	expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
	expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
	expect(addMonths('2026-03-15', 6)).toBe('2026-09-15')
})

test('adding days crosses months and years', () => {
	expect(addDays('2026-12-25', 10)).toBe('2027-01-04')
	expect(addDays('2026-03-01', -20)).toBe('2026-02-09')
})

test('a deadline is met on its own day and overdue from the next', () => {
	expect(daysOverdue('2026-11-27', '2026-11-27')).toBe(0)
	expect(daysOverdue('2026-11-27', '2026-11-28')).toBe(1)
	expect(daysOverdue('2026-11-27', '2026-11-01')).toBe(0)
	expect(daysOverdue(null, '2099-01-01')).toBe(0)
})

test('dates are written the Chinese way, and in official letters with Chinese numerals', () => {
	expect(formatChineseDate('2021-06-16')).toBe('2021年6月16日')
	expect(formatOfficialDate('2021-06-16')).toBe('二〇二一年六月十六日')
	expect(formatOfficialDate('2026-11-30')).toBe('二〇二六年十一月三十日')
	expect(formatOfficialDate('2020-10-20')).toBe('二〇二〇年十月二十日')
})

test('only real calendar dates are ISO dates', () => {
	expect(isIsoDate('2026-02-28')).toBe(true)
	expect(isIsoDate('2026-02-29')).toBe(false)
	expect(isIsoDate('2026-2-28')).toBe(false)
})
