import { and, asc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, inspectionGroup, inspections, meetings, users, visitAgencies, visitParticipants, visits } from '#db/schema'
import { calendarVisitScope } from '~/domain/calendar'
import type { IsoDate } from '~/domain/dates'
import { inspectionReadScope, type InspectionForm, type InspectionReader } from '~/domain/inspections'
import { meetingLabel } from '~/domain/meetings'
import type { Role } from '~/domain/roles'
import { conflictKey, findConflicts, type Conflict, type ScheduledEvent } from '~/domain/schedule'
import { outer } from '../sql.server'
import { inGroupOf } from '../inspections/group.server'

// The schedule of an inspection's visits (行程), read. Who may read which visit is one rule,
// inspectionReadScope in app/domain/inspections.ts (mayReadVisit for one visit):
// visitsReadableBy() is its SQL, in the WHERE clause of every query here, so that a 暗访
// (unannounced visit) is hidden from the visited agency in the data, not only in the view.

export type VisitReader = InspectionReader

// The read rule as a WHERE condition on visits.
export function visitsReadableBy(user: VisitReader): SQL {
	const scope = inspectionReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'group':
			return inGroupOf(visits.inspectionId, scope.userId)
		case 'agency':
			return sql`${visits.unannounced} = false and exists (select 1 from ${visitAgencies} where ${visitAgencies.visitId} = ${outer(visits.id)} and ${visitAgencies.agencyId} = ${scope.agencyId})`
		case 'none':
			return sql`false`
	}
}

// ── For the calendar and its feeds ──────────────────────────────────────────────────────────

export type CalendarVisit = {
	id: number
	inspectionId: number
	inspectionTitle: string
	on: IsoDate
	startTime: string
	endTime: string
	place: string
	district: string | null
	unannounced: boolean
}

function onCalendarOf(user: VisitReader): SQL {
	const scope = calendarVisitScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'participant':
			return sql`exists (select 1 from ${visitParticipants} where ${visitParticipants.visitId} = ${outer(visits.id)} and ${visitParticipants.userId} = ${scope.userId})`
		case 'readable':
			return visitsReadableBy(user)
		case 'none':
			return sql`false`
	}
}

// The visits on a user's calendar (calendarVisitScope), on days from..to (inclusive).
export async function listVisitsForCalendar(
	db: Database,
	user: VisitReader,
	range: { from: IsoDate; to: IsoDate },
): Promise<Array<CalendarVisit>> {
	return db
		.select({
			id: visits.id,
			inspectionId: visits.inspectionId,
			inspectionTitle: inspections.title,
			on: visits.on,
			startTime: visits.startTime,
			endTime: visits.endTime,
			place: visits.place,
			district: visits.district,
			unannounced: visits.unannounced,
		})
		.from(visits)
		.innerJoin(inspections, eq(inspections.id, visits.inspectionId))
		.where(and(gte(visits.on, range.from), lte(visits.on, range.to), onCalendarOf(user)))
		.orderBy(asc(visits.on), asc(visits.startTime), asc(visits.id))
}

// ── The schedule of one inspection ──────────────────────────────────────────────────────────

export type VisitAgency = { id: number; name: string; shortName: string }
export type VisitParticipant = { id: number; realName: string; role: Role }

export type ScheduleVisit = {
	id: number
	inspectionId: number
	on: IsoDate
	startTime: string
	endTime: string
	place: string
	district: string | null
	form: InspectionForm | null
	unannounced: boolean
	conflictReason: string | null
	version: number
	agencies: Array<VisitAgency>
	participants: Array<VisitParticipant>
}

const visitColumns = {
	id: visits.id,
	inspectionId: visits.inspectionId,
	on: visits.on,
	startTime: visits.startTime,
	endTime: visits.endTime,
	place: visits.place,
	district: visits.district,
	form: visits.form,
	unannounced: visits.unannounced,
	conflictReason: visits.conflictReason,
	version: visits.version,
}

async function withPeople(db: Database, rows: Array<Omit<ScheduleVisit, 'agencies' | 'participants'>>): Promise<Array<ScheduleVisit>> {
	const ids = rows.map((r) => r.id)
	if (ids.length === 0) return []
	const [agencyRows, participantRows] = await Promise.all([
		db
			.select({ visitId: visitAgencies.visitId, id: agencies.id, name: agencies.name, shortName: agencies.shortName })
			.from(visitAgencies)
			.innerJoin(agencies, eq(agencies.id, visitAgencies.agencyId))
			.where(inArray(visitAgencies.visitId, ids))
			.orderBy(asc(agencies.displayOrder), asc(agencies.id)),
		db
			.select({ visitId: visitParticipants.visitId, id: users.id, realName: users.realName, role: users.role })
			.from(visitParticipants)
			.innerJoin(users, eq(users.id, visitParticipants.userId))
			.where(inArray(visitParticipants.visitId, ids))
			.orderBy(asc(users.id)),
	])
	return rows.map((row) => ({
		...row,
		agencies: agencyRows.filter((a) => a.visitId === row.id).map(({ visitId: _v, ...a }) => a),
		participants: participantRows.filter((p) => p.visitId === row.id).map(({ visitId: _v, ...p }) => p),
	}))
}

// The visits of an inspection the user may read, by date and time.
export async function listInspectionVisits(db: Database, user: VisitReader, inspectionId: number): Promise<Array<ScheduleVisit>> {
	const rows = await db
		.select(visitColumns)
		.from(visits)
		.where(and(eq(visits.inspectionId, inspectionId), visitsReadableBy(user)))
		.orderBy(asc(visits.on), asc(visits.startTime), asc(visits.id))
	return withPeople(db, rows)
}

// One visit of the inspection, if the user may read it (null otherwise: 404 either way).
export async function getReadableVisit(db: Database, user: VisitReader, inspectionId: number, visitId: number): Promise<ScheduleVisit | null> {
	const rows = await db
		.select(visitColumns)
		.from(visits)
		.where(and(eq(visits.id, visitId), eq(visits.inspectionId, inspectionId), visitsReadableBy(user)))
	const [visit] = await withPeople(db, rows)
	return visit ?? null
}

// Wuhan's districts and functional zones: the districts of the agencies, in official order.
export async function listDistricts(db: Database): Promise<Array<string>> {
	const rows = await db
		.select({ district: agencies.district, first: sql<number>`min(${agencies.displayOrder})`.mapWith(Number) })
		.from(agencies)
		.where(sql`${agencies.district} is not null`)
		.groupBy(agencies.district)
		.orderBy(sql`min(${agencies.displayOrder})`)
	return rows.map((r) => r.district).filter((d): d is string => d !== null)
}

export async function listVisitAgencyOptions(db: Database, keepIds: Array<number> = []) {
	const rows = await db
		.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, active: agencies.active })
		.from(agencies)
		.where(ne(agencies.kind, 'congress'))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
	return rows.filter((a) => a.active || keepIds.includes(a.id))
}

// ── Conflicts ───────────────────────────────────────────────────────────────────────────────

export type VisitInput = {
	on: IsoDate
	startTime: string
	endTime: string
	place: string
	district: string | null
	form: InspectionForm | null
	unannounced: boolean
	agencyIds: Array<number>
	participantIds: Array<number>
}

// A conflict as the warning shows it: who or which agency, and with what.
export type ConflictView = {
	key: string
	kind: Conflict['kind']
	name: string | null
	on: IsoDate
	startTime: string | null
	endTime: string | null
	withKind: 'visit' | 'meeting' | null
	withTitle: string | null
	withStartTime: string | null
	withEndTime: string | null
	periodStart: IsoDate | null
	periodEnd: IsoDate | null
}

// Everything a candidate visit is checked against: the other visits on its day (of every
// inspection), the standing committee meetings in session that day (all day; every member is
// expected at every meeting, so the members among the visit's participants attend), and the
// inspection's period.
export async function findVisitConflicts(
	db: Database,
	candidate: VisitInput & { id: number | null; inspectionId: number },
): Promise<Array<ConflictView>> {
	const [inspection] = await db
		.select({ startsOn: inspections.startsOn, endsOn: inspections.endsOn })
		.from(inspections)
		.where(eq(inspections.id, candidate.inspectionId))
	const sameDay = await db
		.select({
			id: visits.id,
			on: visits.on,
			startTime: visits.startTime,
			endTime: visits.endTime,
			place: visits.place,
			inspectionTitle: inspections.title,
		})
		.from(visits)
		.innerJoin(inspections, eq(inspections.id, visits.inspectionId))
		.where(and(eq(visits.on, candidate.on), candidate.id === null ? undefined : ne(visits.id, candidate.id)))
	const sameDayIds = sameDay.map((v) => v.id)
	const [links, people, meetingRows] = await Promise.all([
		sameDayIds.length
			? db.select().from(visitAgencies).where(inArray(visitAgencies.visitId, sameDayIds))
			: Promise.resolve([] as Array<{ visitId: number; agencyId: number }>),
		sameDayIds.length
			? db.select().from(visitParticipants).where(inArray(visitParticipants.visitId, sameDayIds))
			: Promise.resolve([] as Array<{ visitId: number; userId: number }>),
		db
			.select({ id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn })
			.from(meetings)
			.where(and(lte(meetings.startsOn, candidate.on), gte(meetings.endsOn, candidate.on))),
	])
	const involvedUserIds = candidate.participantIds
	const userRows = involvedUserIds.length
		? await db.select({ id: users.id, realName: users.realName, role: users.role }).from(users).where(inArray(users.id, involvedUserIds))
		: []
	const memberIds = userRows.filter((u) => u.role === 'member').map((u) => u.id)
	const others: Array<ScheduledEvent> = [
		...sameDay.map((v) => ({
			kind: 'visit' as const,
			id: v.id,
			title: `${v.inspectionTitle} · ${v.place}`,
			startsOn: v.on,
			endsOn: v.on,
			startTime: v.startTime,
			endTime: v.endTime,
			participantIds: people.filter((p) => p.visitId === v.id).map((p) => p.userId),
			agencyIds: links.filter((l) => l.visitId === v.id).map((l) => l.agencyId),
		})),
		...meetingRows.map((m) => ({
			kind: 'meeting' as const,
			id: m.id,
			title: meetingLabel(m),
			startsOn: m.startsOn,
			endsOn: m.endsOn,
			startTime: null,
			endTime: null,
			participantIds: memberIds,
			agencyIds: [],
		})),
	]
	const conflicts = findConflicts(
		{
			kind: 'visit',
			id: candidate.id,
			title: '',
			startsOn: candidate.on,
			endsOn: candidate.on,
			startTime: candidate.startTime,
			endTime: candidate.endTime,
			participantIds: candidate.participantIds,
			agencyIds: candidate.agencyIds,
		},
		others,
		inspection ? { startsOn: inspection.startsOn, endsOn: inspection.endsOn } : null,
	)
	const agencyNames = candidate.agencyIds.length
		? await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, candidate.agencyIds))
		: []
	const times = new Map(sameDay.map((v) => [v.id, v]))
	return conflicts.map((conflict) => {
		const base = {
			key: conflictKey(conflict),
			kind: conflict.kind,
			on: candidate.on,
			startTime: candidate.startTime,
			endTime: candidate.endTime,
			periodStart: null,
			periodEnd: null,
		}
		if (conflict.kind === 'outsidePeriod') {
			return {
				...base,
				name: null,
				withKind: null,
				withTitle: null,
				withStartTime: null,
				withEndTime: null,
				periodStart: conflict.periodStart,
				periodEnd: conflict.periodEnd,
			}
		}
		const other = conflict.with.kind === 'visit' && conflict.with.id !== null ? times.get(conflict.with.id) : undefined
		const name =
			conflict.kind === 'participant'
				? (userRows.find((u) => u.id === conflict.userId)?.realName ?? String(conflict.userId))
				: (agencyNames.find((a) => a.id === conflict.agencyId)?.name ?? String(conflict.agencyId))
		return {
			...base,
			name,
			withKind: conflict.with.kind,
			withTitle: conflict.with.title,
			withStartTime: other?.startTime ?? null,
			withEndTime: other?.endTime ?? null,
		}
	})
}

// Users of the group who take part in visits: they cannot leave the group while they do.
export async function scheduledParticipants(db: Database, inspectionId: number) {
	return db
		.selectDistinct({ userId: visitParticipants.userId, realName: users.realName })
		.from(visitParticipants)
		.innerJoin(visits, eq(visits.id, visitParticipants.visitId))
		.innerJoin(users, eq(users.id, visitParticipants.userId))
		.where(eq(visits.inspectionId, inspectionId))
}

// What the visit form offers: the group, the agencies (active ones, and those the visit has) and
// the districts.
export async function visitFormOptions(db: Database, inspectionId: number, keepAgencyIds: Array<number> = []) {
	const [group, agencyRows, districts] = await Promise.all([listGroupOptions(db, inspectionId), listVisitAgencyOptions(db, keepAgencyIds), listDistricts(db)])
	return { group, agencies: agencyRows.map(({ id, name }) => ({ id, name })), districts }
}

export type VisitFormOptions = Awaited<ReturnType<typeof visitFormOptions>>

// The group, for the visit form's participant list.
export async function listGroupOptions(db: Database, inspectionId: number) {
	return db
		.select({ id: users.id, realName: users.realName, role: inspectionGroup.role })
		.from(inspectionGroup)
		.innerJoin(users, eq(users.id, inspectionGroup.userId))
		.where(eq(inspectionGroup.inspectionId, inspectionId))
		.orderBy(sql`case ${inspectionGroup.role} when 'leader' then 0 when 'member' then 1 else 2 end`, asc(users.id))
}
