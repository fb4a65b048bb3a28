import { and, eq, max } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agendaItems, meetingAttendance, meetings } from '#db/schema'
import type { AgendaItemKind, AttendanceStatus } from '~/domain/meetings'
import { meetingLabel, moveInOrder, type MoveDirection } from '~/domain/meetings'
import type { IsoDate } from '~/domain/dates'
import { staleRecord, updateVersioned, type Audit } from '../write.server'
import { listAgenda, loadAttendance, type AgendaItem } from './queries.server'

// Standing committee meetings written: the meetings, their ordered agenda and attendance. The agenda is general:
// other slices (reports, inspections, inquiries…) add items that point at their records through
// addAgendaItem and take them off again through removeAgendaItemsFor, inside their own write().

// Agenda changes of one meeting run one at a time: each reads and rewrites positions.
async function lockMeeting(tx: Database, meetingId: number) {
	const [row] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update')
	if (!row) throw new Error(`No meeting ${meetingId}`)
}

// Positions are 1..n in agenda order, whatever happened before.
async function renumberAgenda(tx: Database, meetingId: number, orderedIds?: Array<number>) {
	const current = await listAgenda(tx, meetingId)
	const ids = orderedIds ?? current.map((item) => item.id)
	const byId = new Map(current.map((item) => [item.id, item]))
	for (const [index, id] of ids.entries()) {
		const item = byId.get(id)
		if (item && item.position !== index + 1) {
			await tx.update(agendaItems).set({ position: index + 1 }).where(eq(agendaItems.id, id))
		}
	}
}

function describeItem(item: Pick<AgendaItem, 'id' | 'position' | 'kind' | 'title' | 'subjectType' | 'subjectId'>) {
	return {
		agendaItemId: item.id,
		position: item.position,
		kind: item.kind,
		title: item.title,
		subjectType: item.subjectType,
		subjectId: item.subjectId,
	}
}

// Appends an item at the end of the meeting's agenda; returns its id. Call it inside write().
export async function addAgendaItem(
	tx: Database,
	audit: Audit,
	meetingId: number,
	item: { kind: AgendaItemKind; title: string; subjectType?: string | null; subjectId?: number | null },
): Promise<number> {
	await lockMeeting(tx, meetingId)
	const [last] = await tx
		.select({ position: max(agendaItems.position) })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
	const position = (last?.position ?? 0) + 1
	const [created] = await tx
		.insert(agendaItems)
		.values({
			meetingId,
			position,
			kind: item.kind,
			title: item.title,
			subjectType: item.subjectType ?? null,
			subjectId: item.subjectId ?? null,
		})
		.returning()
	await audit({ action: 'agenda.add', entityType: 'meeting', entityId: meetingId, before: null, after: describeItem(created) })
	return created.id
}

// Takes a record's items off every agenda (a hearing cancelled or moved to another meeting);
// the remaining items close up. Call it inside write(); audits each removal.
export async function removeAgendaItemsFor(tx: Database, audit: Audit, subjectType: string, subjectId: number) {
	const found = await tx
		.select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
		.from(agendaItems)
		.where(and(eq(agendaItems.subjectType, subjectType), eq(agendaItems.subjectId, subjectId)))
	const meetingIds = [...new Set(found.map((item) => item.meetingId))].sort((a, b) => a - b)
	for (const meetingId of meetingIds) {
		await lockMeeting(tx, meetingId)
		const removed = await tx
			.delete(agendaItems)
			.where(
				and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.subjectType, subjectType), eq(agendaItems.subjectId, subjectId)),
			)
			.returning()
		for (const item of removed) {
			await audit({ action: 'agenda.remove', entityType: 'meeting', entityId: meetingId, before: describeItem(item), after: null })
		}
		await renumberAgenda(tx, meetingId)
	}
}

// Removes one item of a meeting's agenda (refused as stale if it is no longer there).
export async function removeAgendaItem(tx: Database, audit: Audit, meetingId: number, itemId: number) {
	await lockMeeting(tx, meetingId)
	const [removed] = await tx
		.delete(agendaItems)
		.where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
		.returning()
	if (!removed) throw staleRecord()
	await renumberAgenda(tx, meetingId)
	await audit({ action: 'agenda.remove', entityType: 'meeting', entityId: meetingId, before: describeItem(removed), after: null })
}

// Moves an item one place up or down; the first item moved up (or the last down) stays.
export async function moveAgendaItem(tx: Database, audit: Audit, meetingId: number, itemId: number, direction: MoveDirection) {
	await lockMeeting(tx, meetingId)
	const current = await listAgenda(tx, meetingId)
	const item = current.find((i) => i.id === itemId)
	if (!item) throw staleRecord()
	const ids = current.map((i) => i.id)
	const order = moveInOrder(ids, itemId, direction)
	await renumberAgenda(tx, meetingId, order)
	await audit({
		action: 'agenda.move',
		entityType: 'meeting',
		entityId: meetingId,
		before: { agendaItemId: itemId, title: item.title, position: ids.indexOf(itemId) + 1 },
		after: { agendaItemId: itemId, title: item.title, position: order.indexOf(itemId) + 1 },
	})
}

// ── Meetings themselves ──

export type MeetingInput = { term: number; session: number; startsOn: IsoDate; endsOn: IsoDate; place: string }

function describeMeeting(m: MeetingInput) {
	return { label: meetingLabel(m), term: m.term, session: m.session, startsOn: m.startsOn, endsOn: m.endsOn, place: m.place }
}

export async function createMeeting(tx: Database, audit: Audit, input: MeetingInput) {
	const [created] = await tx.insert(meetings).values(input).returning({ id: meetings.id })
	await audit({ action: 'meeting.create', entityType: 'meeting', entityId: created.id, before: null, after: describeMeeting(input) })
	return created.id
}

export async function updateMeeting(tx: Database, audit: Audit, id: number, version: number, input: MeetingInput) {
	const [before] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update')
	if (!before) throw staleRecord()
	await updateVersioned(tx, meetings, id, version, input)
	await audit({ action: 'meeting.update', entityType: 'meeting', entityId: id, before: describeMeeting(before), after: describeMeeting(input) })
}

// ── Attendance ──

// Saves the whole attendance form: a member left blank has no record. Audited with the names,
// before and after.
export async function saveAttendance(
	tx: Database,
	audit: Audit,
	meetingId: number,
	entries: Array<{ userId: number; status: AttendanceStatus | null }>,
) {
	await lockMeeting(tx, meetingId)
	const before = await loadAttendance(tx, meetingId)
	const known = new Map(before.map((p) => [p.userId, p]))
	for (const entry of entries) {
		if (!known.has(entry.userId)) throw new Error(`User ${entry.userId} is not expected at meeting ${meetingId}`)
		await tx.delete(meetingAttendance).where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, entry.userId)))
		if (entry.status) await tx.insert(meetingAttendance).values({ meetingId, userId: entry.userId, status: entry.status })
	}
	const after = await loadAttendance(tx, meetingId)
	const summary = (rows: typeof before) => rows.filter((r) => r.status).map((r) => ({ userId: r.userId, name: r.realName, status: r.status }))
	await audit({ action: 'meeting.attendance', entityType: 'meeting', entityId: meetingId, before: summary(before), after: summary(after) })
}
