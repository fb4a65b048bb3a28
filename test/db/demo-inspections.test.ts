import { expect, test } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agendaItems, appMeta, deliberations, findings, inspections, visitAgencies, visitParticipants, visits } from '#db/schema'
import { findConflicts, type ScheduledEvent } from '~/domain/schedule'
import { rectificationOverdueDays } from '~/domain/rectification'
import { findingTodos } from '~/models/findings/providers.server'
import { loadSettings } from '~/models/settings.server'
import { users } from '#db/schema'

const db = () => getDb()

async function seededOn(): Promise<string> {
	const [row] = await db().select().from(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	return row.value as string
}

async function finished() {
	const [row] = await db().select().from(inspections).where(eq(inspections.state, 'deliberation'))
	return row
}

test('the finished inspection has findings in all four rectification states, one open and overdue', async () => {
	const today = await seededOn()
	const inspection = await finished()
	expect(inspection.title).toContain('示例')
	expect(inspection.endsOn < today).toBe(true)
	const rows = await db().select().from(findings).where(eq(findings.inspectionId, inspection.id))
	expect(new Set(rows.map((r) => r.rectificationState))).toEqual(new Set(['open', 'responded', 'reopened', 'accepted']))
	expect(rows.some((r) => r.rectificationState === 'open' && rectificationOverdueDays(r, today) > 0)).toBe(true)
	expect(rows.find((r) => r.rectificationState === 'reopened')?.reopenReason).toBeTruthy()
	expect(new Set(rows.map((r) => r.clauseId)).size).toBeGreaterThan(2)
	expect(new Set(rows.map((r) => r.agencyId)).size).toBeGreaterThan(2)
})

test('its report is written in four parts and is in deliberation past the letter, on a meeting agenda', async () => {
	const inspection = await finished()
	expect(inspection.reportEvaluation).toContain('总体来看')
	expect(inspection.reportProblems).toContain('（七）')
	expect(inspection.reportEnforcementSuggestions).not.toBe('')
	expect(inspection.reportAmendmentSuggestions).not.toBe('')
	const [d] = await db()
		.select()
		.from(deliberations)
		.where(and(eq(deliberations.subjectType, 'inspection'), eq(deliberations.subjectId, inspection.id)))
	expect(d.state).toBe('letter_sent')
	const [item] = await db()
		.select()
		.from(agendaItems)
		.where(and(eq(agendaItems.subjectType, 'inspection'), eq(agendaItems.subjectId, inspection.id)))
	expect(item.kind).toBe('inspection_report')
	expect(item.meetingId).toBe(inspection.reportMeetingId)
})

test('the finished inspection has an unannounced visit to the police', async () => {
	const inspection = await finished()
	const rows = await db().select().from(visits).where(and(eq(visits.inspectionId, inspection.id), eq(visits.unannounced, true)))
	expect(rows.length).toBeGreaterThan(0)
})

test('the planned inspection has a visit saved with a reason that really conflicts', async () => {
	const today = await seededOn()
	const [planned] = await db().select().from(inspections).where(eq(inspections.state, 'planned'))
	expect(planned.startsOn > today).toBe(true)
	const rows = await db().select().from(visits).where(eq(visits.inspectionId, planned.id))
	const ids = rows.map((r) => r.id)
	const [people, visited] = await Promise.all([
		db().select().from(visitParticipants).where(inArray(visitParticipants.visitId, ids)),
		db().select().from(visitAgencies).where(inArray(visitAgencies.visitId, ids)),
	])
	const events: Array<ScheduledEvent> = rows.map((v) => ({
		kind: 'visit',
		id: v.id,
		title: v.place,
		startsOn: v.on,
		endsOn: v.on,
		startTime: v.startTime,
		endTime: v.endTime,
		participantIds: people.filter((p) => p.visitId === v.id).map((p) => p.userId),
		agencyIds: visited.filter((a) => a.visitId === v.id).map((a) => a.agencyId),
	}))
	const withReason = rows.find((r) => r.conflictReason)
	expect(withReason).toBeTruthy()
	const candidate = events.find((e) => e.id === withReason?.id) as ScheduledEvent
	const conflicts = findConflicts(candidate, events, planned)
	expect(conflicts.some((c) => c.kind === 'participant')).toBe(true)
})

test("gongan's to-do holds a finding to rectify", async () => {
	const [gongan] = await db().select().from(users).where(eq(users.username, 'gongan'))
	const items = await findingTodos(db(), { id: gongan.id, role: 'agency', agencyId: gongan.agencyId }, await seededOn(), await loadSettings(db()))
	expect(items.some((item) => item.kind === 'finding' && item.action === 'rectify')).toBe(true)
})
