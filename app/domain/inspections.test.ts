import { expect, test } from 'vitest'
import {
	inspectionPolicy,
	inspectionReadScope,
	inspectionStatus,
	leavingScheduled,
	mayReadInspection,
	mayReadVisit,
	mayScheduleVisits,
	mayStartInspection,
	type ReadableInspection,
} from './inspections'

const psb = 11
const edu = 12
const secretariat = { id: 1, role: 'secretariat' as const, agencyId: null }
const member = { id: 2, role: 'member' as const, agencyId: null }
const deputy = { id: 3, role: 'deputy' as const, agencyId: null }
const police = { id: 4, role: 'agency' as const, agencyId: psb }
const school = { id: 5, role: 'agency' as const, agencyId: edu }

// Visited psb openly and edu by a 暗访 only; deputy 3 is in the group.
const inspection: ReadableInspection & { state: 'planned' } = {
	state: 'planned',
	group: [
		{ userId: 2, role: 'leader' },
		{ userId: 3, role: 'deputy' },
	],
	visits: [
		{ unannounced: false, agencyIds: [psb] },
		{ unannounced: true, agencyIds: [edu] },
	],
	findingAgencyIds: [],
}

test('the office and members read every inspection; a deputy their group’s; a liaison one that visited them openly or found something about them', () => {
	expect(mayReadInspection(secretariat, inspection)).toBe(true)
	expect(mayReadInspection({ ...member, id: 9 }, inspection)).toBe(true)
	expect(mayReadInspection(deputy, inspection)).toBe(true)
	expect(mayReadInspection({ ...deputy, id: 8 }, inspection)).toBe(false)
	expect(mayReadInspection(police, inspection)).toBe(true)
	// Only a 暗访 to edu: the school never learns of the inspection…
	expect(mayReadInspection(school, inspection)).toBe(false)
	// …until a finding about it is recorded.
	expect(mayReadInspection(school, { ...inspection, findingAgencyIds: [edu] })).toBe(true)
	expect(inspectionReadScope({ id: 4, role: 'agency', agencyId: null })).toEqual({ kind: 'none' })
})

test('a 暗访 is hidden from the visited agency, not from the group', () => {
	const secret = { inGroup: false, unannounced: true, agencyIds: [psb] }
	expect(mayReadVisit(police, secret)).toBe(false)
	expect(mayReadVisit(police, { ...secret, unannounced: false })).toBe(true)
	expect(mayReadVisit(school, { ...secret, unannounced: false })).toBe(false)
	expect(mayReadVisit(deputy, { ...secret, inGroup: true })).toBe(true)
	expect(mayReadVisit(deputy, secret)).toBe(false)
	expect(mayReadVisit(member, secret)).toBe(true)
})

test('only the secretariat starts a planned inspection and schedules visits until the report stage', () => {
	expect(mayStartInspection(secretariat, { state: 'planned' })).toEqual({ ok: true })
	expect(mayStartInspection(secretariat, { state: 'in_progress' })).toMatchObject({ ok: false, refusal: { kind: 'rule', code: 'inspections.notPlanned' } })
	expect(mayStartInspection(member, { state: 'planned' })).toMatchObject({ ok: false, refusal: { kind: 'forbidden' } })
	expect(mayScheduleVisits(secretariat, { state: 'in_progress' }).ok).toBe(true)
	expect(mayScheduleVisits(secretariat, { state: 'reporting' })).toMatchObject({ ok: false, refusal: { code: 'visits.closed' } })
	expect(mayScheduleVisits({ role: 'admin' }, { state: 'planned' }).ok).toBe(false)
})

test('the policy answers what the page offers', () => {
	expect(inspectionPolicy(secretariat, inspection)).toEqual({ read: true, groupRole: null, manage: true, start: true, schedule: true, agencyView: false })
	expect(inspectionPolicy(member, inspection)).toMatchObject({ read: true, groupRole: 'leader', manage: false, start: false, schedule: false })
	expect(inspectionPolicy(police, inspection)).toMatchObject({ read: true, agencyView: true, manage: false })
	expect(inspectionPolicy(school, inspection).read).toBe(false)
})

test('a participant of a scheduled visit may not leave the group', () => {
	const scheduled = [
		{ userId: 2, realName: '委员二' },
		{ userId: 3, realName: '代表一' },
	]
	expect(leavingScheduled({ leaderId: 2, memberIds: [], deputyIds: [3] }, scheduled)).toEqual([])
	expect(leavingScheduled({ leaderId: 7, memberIds: [2], deputyIds: [] }, scheduled)).toEqual(['代表一'])
})

test("an inspection says where it stands: after the hearing, where its report's deliberation is", () => {
	expect(inspectionStatus('in_progress', null)).toBe('in_progress')
	expect(inspectionStatus('deliberation', 'open')).toBe('deliberating')
	expect(inspectionStatus('deliberation', 'letter_sent')).toBe('opinions_delivered')
	expect(inspectionStatus('deliberation', 'closed')).toBe('concluded')
	expect(inspectionStatus('closed', 'closed')).toBe('concluded')
})
