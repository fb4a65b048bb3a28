import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import { agenciesReferredBy, clausesByOwner, pageWindow } from '../lookups.server'
import type { Database } from '#db/client.server'
import { agencies, inspections, meetings, reports, resolutionActions, resolutionClauses, resolutions, users } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import { meetingLabel } from '~/domain/meetings'
import {
	actionOverdueDays,
	executionReportOverdueDays,
	isActingAgency,
	mayReadActionReport,
	resolutionStatus,
	type ActionState,
	type ResolutionListQuery,
	type ResolutionReader,
} from '~/domain/resolutions'
import { outer } from '../sql.server'

// Resolutions and decisions (决议决定), read. A resolution adopted by the committee is published
// with the actions it requires: every signed-in user reads it. What an agency reported on an
// action is shown only to those mayReadActionReport names.

export type Resolution = typeof resolutions.$inferSelect
export type ResolutionAction = typeof resolutionActions.$inferSelect

export async function getResolution(db: Database, id: number) {
	const [row] = await db
		.select({ resolution: resolutions, meeting: { id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn } })
		.from(resolutions)
		.innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
		.where(eq(resolutions.id, id))
	if (!row) return null
	const [clauseRows, actions, subject] = await Promise.all([
		clausesOf(db, [id]),
		listActions(db, [id]),
		subjectOf(db, row.resolution),
	])
	return { ...row.resolution, meeting: { ...row.meeting, label: meetingLabel(row.meeting) }, clauses: clauseRows.get(id) ?? [], actions, subject }
}

export type LoadedResolution = NonNullable<Awaited<ReturnType<typeof getResolution>>>

async function subjectOf(db: Database, resolution: Resolution) {
	if (resolution.subjectType === null || resolution.subjectId === null) return null
	if (resolution.subjectType === 'report') {
		const [report] = await db.select({ title: reports.title, topic: reports.topic }).from(reports).where(eq(reports.id, resolution.subjectId))
		return report ? { type: 'report' as const, id: resolution.subjectId, title: report.title || report.topic } : null
	}
	const [inspection] = await db.select({ title: inspections.title }).from(inspections).where(eq(inspections.id, resolution.subjectId))
	return inspection ? { type: 'inspection' as const, id: resolution.subjectId, title: inspection.title } : null
}

export function clausesOf(db: Database, ids: Array<number>) {
	return clausesByOwner(db, { owner: resolutionClauses.resolutionId, clause: resolutionClauses.clauseId }, ids)
}

export async function listActions(db: Database, resolutionIds: Array<number>) {
	if (resolutionIds.length === 0) return []
	return db
		.select({
			action: resolutionActions,
			agencyName: agencies.name,
			agencyShortName: agencies.shortName,
			respondedByName: users.realName,
		})
		.from(resolutionActions)
		.innerJoin(agencies, eq(agencies.id, resolutionActions.agencyId))
		.leftJoin(users, eq(users.id, resolutionActions.respondedBy))
		.where(inArray(resolutionActions.resolutionId, resolutionIds))
		.orderBy(asc(resolutionActions.resolutionId), asc(resolutionActions.position), asc(resolutionActions.id))
}

// The actions as one reader sees them: a report's text and who entered it only where they may
// read it; each action's overdue days, computed from today.
export function presentActions(user: ResolutionReader, actions: LoadedResolution['actions'], today: IsoDate) {
	return actions.map(({ action, agencyName, agencyShortName, respondedByName }) => {
		const report = mayReadActionReport(user, action)
		return {
			id: action.id,
			version: action.version,
			agencyId: action.agencyId,
			agencyName,
			agencyShortName,
			text: action.text,
			dueOn: action.dueOn,
			state: action.state,
			response: report ? action.response : null,
			respondedOn: action.respondedOn,
			respondedByName: report ? respondedByName : null,
			acceptedOn: action.acceptedOn,
			reopenReason: report ? action.reopenReason : null,
			overdueDays: actionOverdueDays(action, today),
		}
	})
}

// Per acting agency: its execution report on the resolution, overdue after the reporting date
// while any of its actions is unreported.
export function executionReports(resolution: Pick<Resolution, 'reportDueOn'>, actions: LoadedResolution['actions'], today: IsoDate) {
	const byAgency = new Map<number, { agencyId: number; agencyName: string; states: Array<ActionState> }>()
	for (const { action, agencyName } of actions) {
		const entry = byAgency.get(action.agencyId) ?? { agencyId: action.agencyId, agencyName, states: [] }
		entry.states.push(action.state)
		byAgency.set(action.agencyId, entry)
	}
	return [...byAgency.values()].map((entry) => ({
		agencyId: entry.agencyId,
		agencyName: entry.agencyName,
		unreported: entry.states.filter((s) => s === 'open' || s === 'reopened').length,
		overdueDays: executionReportOverdueDays(
			entry.states.map((state) => ({ state })),
			resolution.reportDueOn,
			today,
		),
	}))
}

// ── Lists ───────────────────────────────────────────────────────────────────────────────────

export const resolutionPageSize = 20

function actionExists(condition: SQL): SQL {
	return sql`exists (select 1 from ${resolutionActions} where ${resolutionActions.resolutionId} = ${outer(resolutions.id)} and ${condition})`
}

const unreported = inArray(resolutionActions.state, ['open', 'reopened'])

// Overdue today: an unreported action past its own date, or any unreported action once the
// reporting date has passed.
function overdue(today: IsoDate): SQL {
	return sql`(${actionExists(and(unreported, lt(resolutionActions.dueOn, today)) as SQL)} or (${lt(resolutions.reportDueOn, today)} and ${actionExists(unreported)}))`
}

function listWhere(query: Omit<ResolutionListQuery, 'page'>, today: IsoDate) {
	return and(
		query.year ? eq(resolutions.year, query.year) : undefined,
		query.agencyId ? actionExists(eq(resolutionActions.agencyId, query.agencyId)) : undefined,
		query.status === 'executed' ? sql`not ${actionExists(sql`${resolutionActions.state} <> 'accepted'`)}` : undefined,
		query.status === 'executing' ? actionExists(sql`${resolutionActions.state} <> 'accepted'`) : undefined,
		query.status === 'overdue' ? overdue(today) : undefined,
	)
}

const listOrder = [desc(resolutions.adoptedOn), desc(resolutions.id)]

async function present(db: Database, rows: Array<Resolution & { meetingTerm: number; meetingSession: number }>, today: IsoDate) {
	const actions = await listActions(
		db,
		rows.map((r) => r.id),
	)
	return rows.map((row) => {
		const own = actions.filter((a) => a.action.resolutionId === row.id)
		const reports = executionReports(row, own, today)
		return {
			id: row.id,
			kind: row.kind,
			title: row.title,
			meetingId: row.meetingId,
			meetingLabel: meetingLabel({ term: row.meetingTerm, session: row.meetingSession }),
			adoptedOn: row.adoptedOn,
			reportDueOn: row.reportDueOn,
			status: resolutionStatus(own.map((a) => a.action)),
			actions: own.length,
			closedActions: own.filter((a) => a.action.state === 'accepted').length,
			overdueActions: own.filter((a) => actionOverdueDays(a.action, today) > 0).length,
			reportOverdueDays: Math.max(0, ...reports.map((r) => r.overdueDays)),
			agencies: reports.map((r) => r.agencyName),
			rows: own,
		}
	})
}

function listSelect(db: Database) {
	return db
		.select({ resolution: resolutions, meetingTerm: meetings.term, meetingSession: meetings.session })
		.from(resolutions)
		.innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
}

export async function listResolutions(db: Database, query: ResolutionListQuery, today: IsoDate) {
	const where = listWhere(query, today)
	const [{ total }] = await db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(resolutions).where(where)
	const { page, pages, offset, limit } = pageWindow(total, query.page, resolutionPageSize)
	const rows = await listSelect(db)
		.where(where)
		.orderBy(...listOrder)
		.limit(limit)
		.offset(offset)
	return { rows: await present(db, rows.map((r) => ({ ...r.resolution, meetingTerm: r.meetingTerm, meetingSession: r.meetingSession })), today), total, page, pages }
}

export async function listAllResolutions(db: Database, query: Omit<ResolutionListQuery, 'page'>, today: IsoDate) {
	const rows = await listSelect(db).where(listWhere(query, today)).orderBy(...listOrder)
	return present(db, rows.map((r) => ({ ...r.resolution, meetingTerm: r.meetingTerm, meetingSession: r.meetingSession })), today)
}

export async function resolutionFilterOptions(db: Database) {
	const [agencyRows, yearRows] = await Promise.all([
		agenciesReferredBy(db, resolutionActions.agencyId),
		db.selectDistinct({ year: resolutions.year }).from(resolutions).orderBy(desc(resolutions.year)),
	])
	return { agencies: agencyRows.map(({ id, name }) => ({ id, name })), years: yearRows.map((r) => r.year) }
}

// ── The adoption form's options ─────────────────────────────────────────────────────────────

// The agencies a resolution may require to act, in official order.
export async function listActingAgencyOptions(db: Database) {
	const rows = await db
		.select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level })
		.from(agencies)
		.where(eq(agencies.active, true))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
	return rows.filter(isActingAgency).map(({ id, name }) => ({ id, name }))
}

// Meetings begun by today (a resolution is entered once adopted), newest first.
export async function listAdoptionMeetings(db: Database, today: IsoDate) {
	const rows = await db
		.select({ id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn })
		.from(meetings)
		.where(sql`${meetings.startsOn} <= ${today}`)
		.orderBy(desc(meetings.startsOn), desc(meetings.id))
	return rows.map((m) => ({ id: m.id, label: meetingLabel(m), startsOn: m.startsOn, endsOn: m.endsOn }))
}

// What a resolution may resolve on: reports heard and inspection reports put to deliberation.
export async function listSubjectOptions(db: Database) {
	const [reportRows, inspectionRows] = await Promise.all([
		db
			.select({ id: reports.id, title: reports.title, topic: reports.topic })
			.from(reports)
			.where(eq(reports.state, 'deliberation'))
			.orderBy(desc(reports.id)),
		db
			.select({ id: inspections.id, title: inspections.title })
			.from(inspections)
			.where(or(eq(inspections.state, 'deliberation'), eq(inspections.state, 'closed')))
			.orderBy(desc(inspections.id)),
	])
	return {
		reports: reportRows.map((r) => ({ id: r.id, title: r.title || r.topic })),
		inspections: inspectionRows,
	}
}
