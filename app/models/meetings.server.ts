import { and, asc, desc, eq, gte, inArray, lt, max, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agendaItems, meetingAttendance, meetings, users } from '#db/schema'
import type { AgendaItemKind, AttendanceStatus } from '~/domain/meetings'
import { meetingLabel, moveInOrder, type MoveDirection } from '~/domain/meetings'
import type { IsoDate } from '~/domain/dates'
import { staleRecord, updateVersioned, type Audit } from './write.server'

// Standing committee meetings, their ordered agenda and attendance. The agenda is general:
// other slices (reports, inspections, inquiries…) add items that point at their records through
// addAgendaItem and take them off again through removeAgendaItemsFor, inside their own write().

export type Meeting = typeof meetings.$inferSelect

export async function getMeeting(db: Database, id: number): Promise<Meeting | null> {
	const [meeting] = await db.select().from(meetings).where(eq(meetings.id, id))
	return meeting ?? null
}

// For selects: newest first, named 第N届人大常委会第N次会议.
export async function listMeetingOptions(
	db: Database,
): Promise<Array<{ id: number; label: string; startsOn: string; endsOn: string }>> {
	const rows = await db
		.select({ id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn })
		.from(meetings)
		.orderBy(desc(meetings.startsOn), desc(meetings.term), desc(meetings.session), desc(meetings.id))
	return rows.map((m) => ({ id: m.id, label: meetingLabel(m), startsOn: m.startsOn, endsOn: m.endsOn }))
}

// Meetings not yet over on `today` (in session included), the soonest first: for the to-do list
// and the meetings page.
export async function listUpcomingMeetings(db: Database, today: IsoDate, limit?: number) {
	const query = db
		.select()
		.from(meetings)
		.where(gte(meetings.endsOn, today))
		.orderBy(asc(meetings.startsOn), asc(meetings.term), asc(meetings.session), asc(meetings.id))
	const rows = limit ? await query.limit(limit) : await query
	return rows.map((m) => ({ ...m, label: meetingLabel(m) }))
}

export async function listPastMeetings(db: Database, today: IsoDate) {
	const rows = await db
		.select()
		.from(meetings)
		.where(lt(meetings.endsOn, today))
		.orderBy(desc(meetings.startsOn), desc(meetings.term), desc(meetings.session), desc(meetings.id))
	return rows.map((m) => ({ ...m, label: meetingLabel(m) }))
}

// How many agenda items each meeting has, counted in SQL.
export async function countAgendaItems(db: Database, meetingIds: Array<number>) {
	if (meetingIds.length === 0) return new Map<number, number>()
	const rows = await db
		.select({ meetingId: agendaItems.meetingId, count: sql<number>`count(*)`.mapWith(Number) })
		.from(agendaItems)
		.where(inArray(agendaItems.meetingId, meetingIds))
		.groupBy(agendaItems.meetingId)
	return new Map(rows.map((r) => [r.meetingId, r.count]))
}

export type AgendaItem = typeof agendaItems.$inferSelect

export function listAgenda(db: Database, meetingId: number): Promise<Array<AgendaItem>> {
	return db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position), asc(agendaItems.id))
}

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

// 第N届 + 第N次会议 are unique together (a unique index); forms check first to answer with a
// field error, and the index settles a race.
export async function isMeetingTaken(db: Database, term: number, session: number, exceptId?: number) {
	const rows = await db
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(eq(meetings.term, term), eq(meetings.session, session)))
	return rows.some((row) => row.id !== exceptId)
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

// Who is expected: the active members, and anyone recorded before (a member who has since left
// keeps their record).
export async function loadAttendance(db: Database, meetingId: number) {
	const recorded = await db
		.select({ userId: meetingAttendance.userId, status: meetingAttendance.status })
		.from(meetingAttendance)
		.where(eq(meetingAttendance.meetingId, meetingId))
	const statusOf = new Map(recorded.map((r) => [r.userId, r.status]))
	const people = await db
		.select({ id: users.id, realName: users.realName, position: users.position, disabled: users.disabled, role: users.role })
		.from(users)
		.where(
			recorded.length
				? sql`(${users.role} = 'member' and ${users.disabled} = false) or ${inArray(users.id, [...statusOf.keys()])}`
				: and(eq(users.role, 'member'), eq(users.disabled, false)),
		)
		.orderBy(asc(users.id))
	return people.map((p) => ({ userId: p.id, realName: p.realName, position: p.position, status: statusOf.get(p.id) ?? null }))
}

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
