import { expect, test } from 'vitest'
import { monthStart, monthsOf, parsePeriod } from './dashboard'

test('the default period is the last 12 months, this one included', () => {
	expect(parsePeriod(new URLSearchParams(), '2026-12-05')).toEqual({ from: '2026-01-01', to: '2026-12-05' })
	expect(parsePeriod(new URLSearchParams(), '2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' })
	expect(monthsOf(parsePeriod(new URLSearchParams(), '2026-03-31'))).toHaveLength(12)
})

test('a backwards or malformed period falls back to the default', () => {
	expect(parsePeriod(new URLSearchParams('from=2026-05-01&to=2026-04-01'), '2026-12-05').from).toBe('2026-01-01')
	expect(parsePeriod(new URLSearchParams('from=2026-02-30'), '2026-12-05').from).toBe('2026-01-01')
	expect(parsePeriod(new URLSearchParams('from=2026-02-01&to=2026-02-28'), '2026-12-05')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
})

test('months cross the year', () => {
	expect(monthStart('2026-01-15', 1)).toBe('2025-12-01')
	expect(monthsOf({ from: '2025-11-20', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
})
