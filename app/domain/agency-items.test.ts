import { expect, test } from 'vitest'
import { agencyItemOverdueDays, agencyItemTransition, agencyOwes, isAgencyItemOpen } from './agency-items'

test('the agency responds to an open or reopened item; the secretariat accepts a response or reopens it', () => {
	expect(agencyItemTransition('open', 'respond')).toBe('responded')
	expect(agencyItemTransition('reopened', 'respond')).toBe('responded')
	expect(agencyItemTransition('responded', 'accept')).toBe('accepted')
	expect(agencyItemTransition('responded', 'reopen')).toBe('reopened')
	expect(agencyItemTransition('accepted', 'reopen')).toBe('reopened')
})

test('steps out of order lead nowhere', () => {
	expect(agencyItemTransition('open', 'accept')).toBe(null)
	expect(agencyItemTransition('open', 'reopen')).toBe(null)
	expect(agencyItemTransition('responded', 'respond')).toBe(null)
	expect(agencyItemTransition('accepted', 'respond')).toBe(null)
	expect(agencyItemTransition('accepted', 'accept')).toBe(null)
	expect(agencyItemTransition('reopened', 'accept')).toBe(null)
})

test('an item is not overdue on its due date, and one day overdue the day after', () => {
	expect(agencyItemOverdueDays({ state: 'open', dueOn: '2026-11-27' }, '2026-11-27')).toBe(0)
	expect(agencyItemOverdueDays({ state: 'open', dueOn: '2026-11-27' }, '2026-11-28')).toBe(1)
	expect(agencyItemOverdueDays({ state: 'reopened', dueOn: '2026-11-20' }, '2026-11-27')).toBe(7)
})

test("the agency's clock stops when it responds, and runs again when the response is reopened", () => {
	expect(agencyItemOverdueDays({ state: 'responded', dueOn: '2026-11-20' }, '2026-12-27')).toBe(0)
	expect(agencyItemOverdueDays({ state: 'accepted', dueOn: '2026-11-20' }, '2026-12-27')).toBe(0)
	expect(agencyItemOverdueDays({ state: 'reopened', dueOn: '2026-11-20' }, '2026-12-27')).toBe(37)
	expect(agencyOwes('open')).toBe(true)
	expect(agencyOwes('reopened')).toBe(true)
	expect(agencyOwes('responded')).toBe(false)
	expect(isAgencyItemOpen('responded')).toBe(true)
	expect(isAgencyItemOpen('accepted')).toBe(false)
})
