import { expect, test } from 'vitest'
import { nextRectificationState, rectificationOverdueDays, verificationDueOn, verificationOverdueDays } from './rectification'

test('the agency responds to an open or reopened finding; the secretariat accepts or reopens a response', () => {
	expect(nextRectificationState('open', 'respond')).toEqual({ ok: true, state: 'responded' })
	expect(nextRectificationState('reopened', 'respond')).toEqual({ ok: true, state: 'responded' })
	expect(nextRectificationState('responded', 'accept')).toEqual({ ok: true, state: 'accepted' })
	expect(nextRectificationState('responded', 'reopen')).toEqual({ ok: true, state: 'reopened' })
})

test('steps out of order are refused with a reason', () => {
	expect(nextRectificationState('open', 'accept').ok).toBe(false)
	expect(nextRectificationState('accepted', 'respond').ok).toBe(false)
	expect(nextRectificationState('open', 'reopen').ok).toBe(false)
})

test('a rectification the agency owes is overdue from the day after its due date', () => {
	expect(rectificationOverdueDays({ rectificationState: 'reopened', rectificationDueOn: '2026-11-20' }, '2026-11-27')).toBe(7)
	expect(rectificationOverdueDays({ rectificationState: 'accepted', rectificationDueOn: '2026-11-20' }, '2026-11-27')).toBe(0)
	expect(rectificationOverdueDays({ rectificationState: 'open', rectificationDueOn: '2026-11-27' }, '2026-11-27')).toBe(0)
})

test('two clocks: a response stops the agency’s; the secretariat’s verification is due N days after the response', () => {
	const settings = { rectificationVerifyDays: 30 }
	const responded = { rectificationState: 'responded' as const, rectificationDueOn: '2026-11-20', respondedOn: '2026-10-01' }
	// Answered before the due date, still unverified after it: not the agency's delay.
	expect(rectificationOverdueDays(responded, '2026-11-27')).toBe(0)
	expect(verificationDueOn(responded, settings)).toBe('2026-10-31')
	expect(verificationOverdueDays(responded, settings, '2026-10-31')).toBe(0)
	expect(verificationOverdueDays(responded, settings, '2026-11-27')).toBe(27)
	// Reopened: the agency owes an answer again, against its due date; nothing for the office.
	const reopened = { ...responded, rectificationState: 'reopened' as const }
	expect(rectificationOverdueDays(reopened, '2026-11-27')).toBe(7)
	expect(verificationDueOn(reopened, settings)).toBeNull()
})
