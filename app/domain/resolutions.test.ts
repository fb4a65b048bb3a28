import { expect, test } from 'vitest'
import {
	actionOverdueDays,
	actionStepsFor,
	adoptionRule,
	executionReportOverdueDays,
	mayMoveAction,
	mayReadActionReport,
	mayTakeActionStep,
	parseResolutionListQuery,
	resolutionStatus,
	type ActionState,
} from './resolutions'
import type { Role } from './roles'

const psb = 11
const user = (role: Role, agencyId: number | null = null) => ({ id: 5, role, agencyId })

test('an action moves like a rectification: reported, then closed or sent back, then reported again', () => {
	expect(mayMoveAction('open', 'respond').ok).toBe(true)
	expect(mayMoveAction('reopened', 'respond').ok).toBe(true)
	expect(mayMoveAction('responded', 'respond')).toMatchObject({ ok: false, refusal: { code: 'resolutions.respondState' } })
	expect(mayMoveAction('responded', 'accept').ok).toBe(true)
	expect(mayMoveAction('open', 'accept')).toMatchObject({ ok: false, refusal: { code: 'resolutions.acceptState' } })
	expect(mayMoveAction('accepted', 'reopen').ok).toBe(true)
	expect(mayMoveAction('open', 'reopen')).toMatchObject({ ok: false, refusal: { code: 'resolutions.reopenState' } })
})

test('an action is overdue the day after its own due date while unreported', () => {
	const due = '2026-05-10'
	expect(actionOverdueDays({ state: 'open', dueOn: due }, '2026-05-10')).toBe(0)
	expect(actionOverdueDays({ state: 'open', dueOn: due }, '2026-05-11')).toBe(1)
	expect(actionOverdueDays({ state: 'reopened', dueOn: due }, '2026-05-13')).toBe(3)
	// Reported (even if not yet checked) or closed: not overdue.
	expect(actionOverdueDays({ state: 'responded', dueOn: due }, '2026-05-20')).toBe(0)
	expect(actionOverdueDays({ state: 'accepted', dueOn: due }, '2026-05-20')).toBe(0)
})

test('an agency’s execution report is overdue after the reporting date while any of its actions is unreported', () => {
	const reportDueOn = '2026-06-30'
	const actions = (...states: Array<ActionState>) => states.map((state) => ({ state }))
	expect(executionReportOverdueDays(actions('responded', 'open'), reportDueOn, '2026-06-30')).toBe(0)
	expect(executionReportOverdueDays(actions('responded', 'open'), reportDueOn, '2026-07-01')).toBe(1)
	expect(executionReportOverdueDays(actions('responded', 'accepted'), reportDueOn, '2026-07-20')).toBe(0)
	expect(executionReportOverdueDays(actions('reopened'), reportDueOn, '2026-07-02')).toBe(2)
})

test('a resolution is carried out once every action is closed', () => {
	expect(resolutionStatus([{ state: 'accepted' }, { state: 'responded' }])).toBe('executing')
	expect(resolutionStatus([{ state: 'accepted' }, { state: 'accepted' }])).toBe('executed')
})

test('adoption: on a day of its meeting, not in the future; reports and actions due after it, actions by the reporting date', () => {
	const meeting = { startsOn: '2026-04-20', endsOn: '2026-04-22' }
	const department = { kind: 'department', level: '市' }
	const input = { adoptedOn: '2026-04-22', reportDueOn: '2026-10-31', actions: [{ agency: department, dueOn: '2026-10-31' }] }
	const today = '2026-05-10'
	expect(adoptionRule(input, meeting, today).ok).toBe(true)
	expect(adoptionRule({ ...input, adoptedOn: '2026-04-23' }, meeting, today)).toMatchObject({ ok: false, refusal: { code: 'resolutions.adoptedOutsideMeeting' } })
	expect(adoptionRule(input, meeting, '2026-04-21')).toMatchObject({ ok: false, refusal: { code: 'resolutions.adoptedInFuture' } })
	expect(adoptionRule({ ...input, reportDueOn: '2026-04-22' }, meeting, today)).toMatchObject({ ok: false, refusal: { code: 'resolutions.reportDueNotAfterAdoption' } })
	expect(adoptionRule({ ...input, actions: [] }, meeting, today)).toMatchObject({ ok: false, refusal: { code: 'resolutions.noActions' } })
	expect(adoptionRule({ ...input, actions: [{ agency: department, dueOn: '2026-11-01' }] }, meeting, today)).toMatchObject({ ok: false, refusal: { code: 'resolutions.actionDue' } })
	expect(adoptionRule({ ...input, actions: [{ agency: department, dueOn: '2026-04-22' }] }, meeting, today)).toMatchObject({ ok: false, refusal: { code: 'resolutions.actionDue' } })
	// A vertically managed unit is not bound by a city resolution.
	expect(adoptionRule({ ...input, actions: [{ agency: { kind: 'vertical', level: '市' }, dueOn: '2026-06-30' }] }, meeting, today)).toMatchObject({
		ok: false,
		refusal: { code: 'resolutions.actingAgency' },
	})
})

test('the acting agency’s liaison reports; the office closes or sends back; no one else acts', () => {
	const action = { agencyId: psb, state: 'open' as const }
	expect(actionStepsFor(user('agency', psb), action)).toEqual(['respond'])
	expect(actionStepsFor(user('agency', psb + 1), action)).toEqual([])
	expect(actionStepsFor(user('secretariat'), { ...action, state: 'responded' })).toEqual(['accept', 'reopen'])
	for (const role of ['admin', 'member', 'deputy'] as const) expect(actionStepsFor(user(role), { ...action, state: 'responded' })).toEqual([])
	expect(mayTakeActionStep(user('member'), action, 'respond')).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
})

test('an action’s report: the acting agency, the office and members at once; others once closed', () => {
	const reported = { agencyId: psb, state: 'responded' as const }
	expect(mayReadActionReport(user('agency', psb), reported)).toBe(true)
	expect(mayReadActionReport(user('member'), reported)).toBe(true)
	expect(mayReadActionReport(user('agency', psb + 1), reported)).toBe(false)
	expect(mayReadActionReport(user('deputy'), reported)).toBe(false)
	expect(mayReadActionReport(user('deputy'), { ...reported, state: 'accepted' })).toBe(true)
})

test('the list’s filters', () => {
	expect(parseResolutionListQuery(new URLSearchParams('year=2026&agency=4&status=overdue&page=3'))).toEqual({ year: 2026, agencyId: 4, status: 'overdue', page: 3 })
	expect(parseResolutionListQuery(new URLSearchParams('status=late&agency=x'))).toEqual({ page: 1 })
})
