import { expect, test } from 'vitest'
import { nextRectificationState, rectificationOverdueDays } from './rectification'

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

test('a rectification is overdue until accepted, counted from the day after its due date', () => {
	expect(rectificationOverdueDays({ rectificationState: 'responded', rectificationDueOn: '2026-11-20' }, '2026-11-27')).toBe(7)
	expect(rectificationOverdueDays({ rectificationState: 'accepted', rectificationDueOn: '2026-11-20' }, '2026-11-27')).toBe(0)
	expect(rectificationOverdueDays({ rectificationState: 'open', rectificationDueOn: '2026-11-27' }, '2026-11-27')).toBe(0)
})
