import { and, eq, max } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agendaItems, meetingAttendance, meetings } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import {
	attendanceEntriesRule,
	mayManageMeetings,
	meetingLabel,
	moveInOrder,
	type AgendaItemKind,
	type AttendanceStatus,
	type MoveDirection,
} from '~/domain/meetings'
import { isUniqueViolation } from '../constraints.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor, type Audit } from '../write.server'
import { isMeetingTaken, listAgenda, loadAttendance, type AgendaItem } from './queries.server'

// Standing committee meetings written: the meetings, their ordered agenda and attendance, kept by
// the secretariat (meetingPolicy). The agenda is general: other kinds of record (reports,
// inspections, inquiries…) add items that point at them through addAgendaItem and take them off
// again through removeAgendaItemsFor, steps of their own mutations' transactions.

// Agenda changes of one meeting run one at a time: each reads and rewrites positions.
async function lockMeeting(tx: Database, meetingId: number) {
	await lockVersioned(tx, meetings, meetingId)
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

// ── Meetings themselves ──

export type MeetingInput = { term: number; session: number; startsOn: IsoDate; endsOn: IsoDate; place: string }

function describeMeeting(m: MeetingInput) {
	return { label: meetingLabel(m), term: m.term, session: m.session, startsOn: m.startsOn, endsOn: m.endsOn, place: m.place }
}

function columns(m: MeetingInput): MeetingInput {
	return { term: m.term, session: m.session, startsOn: m.startsOn, endsOn: m.endsOn, place: m.place }
}

// 第N届 + 第N次会议 name one meeting: checked in the transaction, and the unique index settles
// a race between two who save the same meeting at once.
function refuseDuplicate(m: MeetingInput): never {
	refuse({ kind: 'rule', code: 'meetings.duplicate', params: { label: meetingLabel(m) }, status: 400 })
}

async function oneMeetingOf<T>(m: MeetingInput, save: () => Promise<T>): Promise<T> {
	try {
		return await save()
	} catch (error) {
		if (isUniqueViolation(error)) refuseDuplicate(m)
		throw error
	}
}

export async function createMeeting(db: Database, actor: Actor, input: MeetingInput): Promise<number> {
	return oneMeetingOf(input, () =>
		write(db, actor, async (tx, audit) => {
			enforce(mayManageMeetings(actor))
			if (await isMeetingTaken(tx, input.term, input.session)) refuseDuplicate(input)
			const [created] = await tx.insert(meetings).values(columns(input)).returning({ id: meetings.id })
			await audit({ action: 'meeting.create', entityType: 'meeting', entityId: created.id, before: null, after: describeMeeting(input) })
			return created.id
		}),
	)
}

export async function updateMeeting(db: Database, actor: Actor, input: MeetingInput & { meetingId: number; version: number }) {
	await oneMeetingOf(input, () =>
		write(db, actor, async (tx, audit) => {
			enforce(mayManageMeetings(actor))
			const before = await lockVersioned(tx, meetings, input.meetingId, input.version)
			if (await isMeetingTaken(tx, input.term, input.session, before.id)) refuseDuplicate(input)
			await updateVersioned(tx, meetings, before.id, input.version, columns(input))
			await audit({ action: 'meeting.update', entityType: 'meeting', entityId: before.id, before: describeMeeting(before), after: describeMeeting(input) })
		}),
	)
}

// ── The agenda, arranged by the secretariat ──

// Business that is no record of the app (personnel matters, a resolution) goes last on the agenda.
export async function addOtherItem(db: Database, actor: Actor, input: { meetingId: number; title: string }): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		enforce(mayManageMeetings(actor))
		return addAgendaItem(tx, audit, input.meetingId, { kind: 'other', title: input.title })
	})
}

// The item on this meeting's agenda, with the agenda locked; one removed meanwhile (in another
// tab, by a colleague), or of another meeting, means the page is out of date.
async function lockAgendaItem(tx: Database, meetingId: number, itemId: number) {
	await lockMeeting(tx, meetingId)
	const agenda = await listAgenda(tx, meetingId)
	const item = agenda.find((i) => i.id === itemId)
	if (!item) refuse({ kind: 'rule', code: 'meetings.itemGone' })
	return { agenda, item }
}

// Removes one item of the meeting's agenda; the others close up.
export async function removeAgendaItem(db: Database, actor: Actor, input: { meetingId: number; itemId: number }) {
	await write(db, actor, async (tx, audit) => {
		enforce(mayManageMeetings(actor))
		const { item } = await lockAgendaItem(tx, input.meetingId, input.itemId)
		await tx.delete(agendaItems).where(eq(agendaItems.id, item.id))
		await renumberAgenda(tx, input.meetingId)
		await audit({ action: 'agenda.remove', entityType: 'meeting', entityId: input.meetingId, before: describeItem(item), after: null })
	})
}

// Moves an item one place up or down. The first item moved up, or the last down, stays where it
// is: nothing is written. Returns whether the agenda changed.
export async function moveAgendaItem(
	db: Database,
	actor: Actor,
	input: { meetingId: number; itemId: number; direction: MoveDirection },
): Promise<boolean> {
	enforce(mayManageMeetings(actor))
	const seen = (await listAgenda(db, input.meetingId)).map((i) => i.id)
	if (seen.includes(input.itemId) && sameOrder(moveInOrder(seen, input.itemId, input.direction), seen)) return false
	await write(db, actor, async (tx, audit) => {
		const { agenda, item } = await lockAgendaItem(tx, input.meetingId, input.itemId)
		const ids = agenda.map((i) => i.id)
		const order = moveInOrder(ids, input.itemId, input.direction)
		await renumberAgenda(tx, input.meetingId, order)
		await audit({
			action: 'agenda.move',
			entityType: 'meeting',
			entityId: input.meetingId,
			before: { agendaItemId: item.id, title: item.title, position: ids.indexOf(item.id) + 1 },
			after: { agendaItemId: item.id, title: item.title, position: order.indexOf(item.id) + 1 },
		})
	})
	return true
}

function sameOrder(a: ReadonlyArray<number>, b: ReadonlyArray<number>) {
	return a.length === b.length && a.every((id, index) => id === b[index])
}

// ── Attendance ──

// Saves the whole attendance form: a member left blank has no record. Audited with the names,
// before and after.
export async function saveAttendance(
	db: Database,
	actor: Actor,
	input: { meetingId: number; entries: ReadonlyArray<{ userId: number; status: string | null }> },
) {
	const { meetingId } = input
	await write(db, actor, async (tx, audit) => {
		enforce(mayManageMeetings(actor))
		await lockMeeting(tx, meetingId)
		const before = await loadAttendance(tx, meetingId)
		enforce(attendanceEntriesRule(before.map((p) => p.userId), input.entries))
		for (const entry of input.entries) {
			await tx.delete(meetingAttendance).where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, entry.userId)))
			if (entry.status) await tx.insert(meetingAttendance).values({ meetingId, userId: entry.userId, status: entry.status as AttendanceStatus })
		}
		const after = await loadAttendance(tx, meetingId)
		const summary = (rows: typeof before) => rows.filter((r) => r.status).map((r) => ({ userId: r.userId, name: r.realName, status: r.status }))
		await audit({ action: 'meeting.attendance', entityType: 'meeting', entityId: meetingId, before: summary(before), after: summary(after) })
	})
}
