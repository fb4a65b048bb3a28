import { alias } from 'drizzle-orm/pg-core'
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { agenciesReferredBy, clausesByOwner, clausesReferredBy, meetingsReferredBy, pageWindow } from '../lookups.server'
import type { Database } from '#db/client.server'
import { agencies, clauses, deliberations, meetings, planItems, reportClauses, reports, reportTaskProgress, tasks } from '#db/schema'
import { stateOrganKinds } from '~/domain/agencies'
import { choiceLabels, handlingOverdueDays, satisfactionResult, type Choice, type DeliberationState } from '~/domain/deliberation'
import type { IsoDate } from '~/domain/dates'
import { reportHref } from '~/domain/links'
import { meetingLabel } from '~/domain/meetings'
import {
	mayReadReport,
	reportReadScope,
	reportStatus,
	reportStanding,
	standingFlag,
	type ReportListQuery,
	type ReportReader,
	type ReportState,
	type ReportStatus,
} from '~/domain/reports'
import type { Settings } from '~/domain/settings'
import { outer } from '../sql.server'
import { listTasks, type TaskRow } from '../tasks/queries.server'

// Special work reports (专项工作报告, Supervision Law Art. 11–16), read. Who may read which report
// is one rule, reportReadScope in app/domain/reports.ts: reportsReadableBy() is its SQL, so that
// every list, count, link and export here holds only what the user may read, and the single
// report's check (reportPolicy) comes from the same scope.

const organ = alias(agencies, 'organ')
const preparing = alias(agencies, 'preparing')

// The read rule as a WHERE condition.
export function reportsReadableBy(user: ReportReader): SQL {
	const scope = reportReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'states':
			return scope.states.length ? inArray(reports.state, [...scope.states]) : sql`false`
		case 'agency':
			return or(eq(reports.preparingAgencyId, scope.agencyId), eq(reports.organId, scope.agencyId)) ?? sql`false`
		case 'none':
			return sql`false`
	}
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

const reportColumns = {
	id: reports.id,
	state: reports.state,
	topic: reports.topic,
	title: reports.title,
	period: reports.period,
	body: reports.body,
	collectedOpinions: reports.collectedOpinions,
	organId: reports.organId,
	organName: organ.name,
	organShortName: organ.shortName,
	preparingAgencyId: reports.preparingAgencyId,
	preparingName: preparing.name,
	preparingShortName: preparing.shortName,
	meetingId: reports.meetingId,
	meetingTerm: meetings.term,
	meetingSession: meetings.session,
	meetingStartsOn: meetings.startsOn,
	meetingEndsOn: meetings.endsOn,
	planItemId: reports.planItemId,
	planItemTitle: planItems.title,
	planItemYear: planItems.year,
	draftSubmittedOn: reports.draftSubmittedOn,
	opinionsSentOn: reports.opinionsSentOn,
	revisedSubmittedOn: reports.revisedSubmittedOn,
	distributedOn: reports.distributedOn,
	signedOffBy: reports.signedOffBy,
	signedOffOn: reports.signedOffOn,
	version: reports.version,
	deliberationState: deliberations.state,
}

export async function getReport(db: Database, reportId: number) {
	const [row] = await db
		.select(reportColumns)
		.from(reports)
		.innerJoin(organ, eq(organ.id, reports.organId))
		.innerJoin(preparing, eq(preparing.id, reports.preparingAgencyId))
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.leftJoin(planItems, eq(planItems.id, reports.planItemId))
		.leftJoin(deliberations, and(eq(deliberations.subjectType, 'report'), eq(deliberations.subjectId, reports.id)))
		.where(eq(reports.id, reportId))
	if (!row) return null
	const clauseRows = await clausesOf(db, [reportId])
	return {
		...row,
		status: reportStatus(row.state, row.deliberationState),
		meetingLabel: meetingLabel({ term: row.meetingTerm, session: row.meetingSession }),
		clauses: clauseRows.get(reportId) ?? [],
	}
}

export type Report = NonNullable<Awaited<ReturnType<typeof getReport>>>

// Null both when there is no such report and when the user may not read it: the route answers
// 404 either way, so that scope cannot be probed.
export async function getReadableReport(db: Database, user: ReportReader, reportId: number) {
	const report = await getReport(db, reportId)
	return report && mayReadReport(user, report) ? report : null
}

function clausesOf(db: Database, ids: Array<number>) {
	return clausesByOwner(db, { owner: reportClauses.reportId, clause: reportClauses.clauseId }, ids)
}

// The tasks of the report's clauses, in the decision's order, with what the agency wrote on each.
export async function loadReportTasks(db: Database, reportId: number) {
	const taskRefs = await db
		.select({ id: tasks.id, instrumentId: clauses.instrumentId })
		.from(reportClauses)
		.innerJoin(clauses, eq(clauses.id, reportClauses.clauseId))
		.innerJoin(tasks, eq(tasks.clauseId, clauses.id))
		.where(eq(reportClauses.reportId, reportId))
	const instrumentIds = [...new Set(taskRefs.map((t) => t.instrumentId))].sort((a, b) => a - b)
	const taskRows: Array<TaskRow> = []
	for (const instrumentId of instrumentIds) {
		const ids = taskRefs.filter((t) => t.instrumentId === instrumentId).map((t) => t.id)
		taskRows.push(...(await listTasks(db, { instrumentId, taskIds: ids })))
	}
	const progress = await db
		.select({ taskId: reportTaskProgress.taskId, narrative: reportTaskProgress.narrative, selfAssessment: reportTaskProgress.selfAssessment })
		.from(reportTaskProgress)
		.where(eq(reportTaskProgress.reportId, reportId))
	const byTask = new Map(progress.map((p) => [p.taskId, p]))
	return taskRows.map((task) => ({
		task,
		narrative: byTask.get(task.id)?.narrative ?? '',
		selfAssessment: byTask.get(task.id)?.selfAssessment ?? null,
	}))
}

export type ReportTask = Awaited<ReturnType<typeof loadReportTasks>>[number]

// ── Lists ───────────────────────────────────────────────────────────────────────────────────

export const reportPageSize = 20

function coversClause(clauseId: number): SQL {
	return sql`exists (select 1 from ${reportClauses} where ${reportClauses.reportId} = ${outer(reports.id)} and ${reportClauses.clauseId} = ${clauseId})`
}

function listWhere(user: ReportReader, query: Omit<ReportListQuery, 'page'>) {
	return and(
		reportsReadableBy(user),
		query.organId ? eq(reports.organId, query.organId) : undefined,
		query.preparingAgencyId ? eq(reports.preparingAgencyId, query.preparingAgencyId) : undefined,
		query.meetingId ? eq(reports.meetingId, query.meetingId) : undefined,
		query.state ? eq(reports.state, query.state) : undefined,
		query.clauseId ? coversClause(query.clauseId) : undefined,
	)
}

function listSelect(db: Database) {
	return db
		.select({
			id: reports.id,
			state: reports.state,
			topic: reports.topic,
			title: reports.title,
			organId: reports.organId,
			organName: organ.name,
			preparingAgencyId: reports.preparingAgencyId,
			preparingName: preparing.name,
			meetingId: reports.meetingId,
			meetingTerm: meetings.term,
			meetingSession: meetings.session,
			meetingStartsOn: meetings.startsOn,
			draftSubmittedOn: reports.draftSubmittedOn,
			revisedSubmittedOn: reports.revisedSubmittedOn,
			distributedOn: reports.distributedOn,
			signedOffBy: reports.signedOffBy,
			deliberationId: deliberations.id,
			deliberationState: deliberations.state,
			tally: deliberations.tally,
			handlingDueOn: deliberations.handlingDueOn,
		})
		.from(reports)
		.innerJoin(organ, eq(organ.id, reports.organId))
		.innerJoin(preparing, eq(preparing.id, reports.preparingAgencyId))
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.leftJoin(deliberations, and(eq(deliberations.subjectType, 'report'), eq(deliberations.subjectId, reports.id)))
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['execute']>>[number]

// A vote's result once the vote is closed (closing stores the tally, whether counted from the
// ballots or entered from the meeting's voting system).
function satisfactionOf(row: ListRow, settings: Settings): Choice | null {
	if (row.deliberationState === null || row.deliberationState === 'open' || !row.tally) return null
	return satisfactionResult(row.tally, settings.satisfactionThresholdPercent)
}

async function present(db: Database, rows: Array<ListRow>, settings: Settings, today: IsoDate) {
	const clauseMap = await clausesOf(db, rows.map((r) => r.id))
	return rows.map((row) => {
		const standing = reportStanding(row.meetingStartsOn, row, settings, today)
		const satisfaction = satisfactionOf(row, settings)
		return {
			id: row.id,
			state: row.state,
			status: reportStatus(row.state, row.deliberationState as DeliberationState | null),
			topic: row.topic,
			title: row.title,
			organId: row.organId,
			organName: row.organName,
			preparingAgencyId: row.preparingAgencyId,
			preparingName: row.preparingName,
			meetingId: row.meetingId,
			meetingLabel: meetingLabel({ term: row.meetingTerm, session: row.meetingSession }),
			meetingStartsOn: row.meetingStartsOn,
			clauses: clauseMap.get(row.id) ?? [],
			standing,
			standingFlag: standingFlag(standing),
			signedOffBy: row.signedOffBy,
			deliberationId: row.deliberationId,
			deliberationState: row.deliberationState as DeliberationState | null,
			satisfaction,
			satisfactionLabel: satisfaction ? choiceLabels[satisfaction] : null,
			handlingDueOn: row.handlingDueOn,
			// Computed from today, never stored: the organ's handling report is late.
			handlingOverdueDays: row.deliberationState ? handlingOverdueDays(row.deliberationState, row.handlingDueOn, today) : 0,
		}
	})
}

export type ReportListRow = Awaited<ReturnType<typeof present>>[number]

const listOrder = [desc(meetings.startsOn), desc(reports.id)]

export async function listReports(
	db: Database,
	user: ReportReader,
	query: ReportListQuery,
	context: { settings: Settings; today: IsoDate },
) {
	const where = listWhere(user, query)
	const [{ total }] = await db
		.select({ total: sql<number>`count(*)`.mapWith(Number) })
		.from(reports)
		.where(where)
	const { page, pages, offset, limit } = pageWindow(total, query.page, reportPageSize)
	const rows = await listSelect(db)
		.where(where)
		.orderBy(...listOrder)
		.limit(limit)
		.offset(offset)
	return { rows: await present(db, rows, context.settings, context.today), total, page, pages }
}

// Every row under the filters, for the CSV.
export async function listAllReports(
	db: Database,
	user: ReportReader,
	query: Omit<ReportListQuery, 'page'>,
	context: { settings: Settings; today: IsoDate },
) {
	const rows = await listSelect(db).where(listWhere(user, query)).orderBy(...listOrder)
	return present(db, rows, context.settings, context.today)
}

export type ReportLink = { id: number; title: string; state: ReportState; status: ReportStatus; meetingLabel: string; meetingStartsOn: IsoDate; href: string }

async function links(db: Database, user: ReportReader, condition: SQL | undefined): Promise<Array<ReportLink>> {
	const rows = await db
		.select({
			id: reports.id,
			title: reports.title,
			topic: reports.topic,
			state: reports.state,
			deliberationState: deliberations.state,
			term: meetings.term,
			session: meetings.session,
			startsOn: meetings.startsOn,
		})
		.from(reports)
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.leftJoin(deliberations, and(eq(deliberations.subjectType, 'report'), eq(deliberations.subjectId, reports.id)))
		.where(and(reportsReadableBy(user), condition))
		.orderBy(...listOrder)
	return rows.map((r) => ({
		id: r.id,
		title: r.title || r.topic,
		state: r.state,
		status: reportStatus(r.state, r.deliberationState),
		meetingLabel: meetingLabel({ term: r.term, session: r.session }),
		meetingStartsOn: r.startsOn,
		href: reportHref(r.id),
	}))
}

// For the clause page: the reports that cover the clause, those the user may read.
export function listReportsForClause(db: Database, clauseId: number, user: ReportReader) {
	return links(db, user, coversClause(clauseId))
}

// For the agency page: the reports it prepares or makes as the organ, those the user may read.
export function listReportsForAgency(db: Database, agencyId: number, user: ReportReader) {
	return links(db, user, or(eq(reports.preparingAgencyId, agencyId), eq(reports.organId, agencyId)))
}

// What the list's filters offer: organs and departments that have reports, meetings, clauses.
export async function reportFilterOptions(db: Database) {
	const [organRows, preparingRows, meetingRows, clauseRows] = await Promise.all([
		agenciesReferredBy(db, reports.organId),
		agenciesReferredBy(db, reports.preparingAgencyId),
		meetingsReferredBy(db, reports.meetingId),
		clausesReferredBy(db, reportClauses.clauseId),
	])
	return {
		organs: organRows.map(({ id, name }) => ({ id, name })),
		departments: preparingRows.map(({ id, name }) => ({ id, name })),
		meetings: meetingRows.map((m) => ({ id: m.id, label: meetingLabel(m) })),
		clauses: clauseRows.map(({ id, label }) => ({ id, label })),
	}
}

// ── Scheduling (the secretariat) ────────────────────────────────────────────────────────────

// Organs and departments for the scheduling form, in official order, active ones only.
export async function listOrganAndDepartmentOptions(db: Database) {
	const rows = await db
		.select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level })
		.from(agencies)
		.where(and(eq(agencies.active, true), inArray(agencies.kind, ['department', ...stateOrganKinds])))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
	return rows
}

