import { and, asc, desc, eq, exists, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { pageWindow } from '../lookups.server'
import type { Database } from '#db/client.server'
import { agencies, auditEvents, clauses, findings, inspectionClauses, inspections, tasks, users, visits } from '#db/schema'
import { shanghaiDate, type IsoDate } from '~/domain/dates'
import { findingPageSize, findingReadScope, findingTitle, type FindingListQuery, type FindingReader } from '~/domain/findings'
import { awaitingAgency, rectificationOverdueDays, type RectificationAction, type RectificationState } from '~/domain/rectification'
import { inGroupOf } from '../inspections/group.server'
import { visitsReadableBy } from '../visits/queries.server'

// Findings (问题) of law-enforcement inspections and their rectification (整改), read. Who may
// read which finding is one rule, findingReadScope in app/domain/findings.ts:
// findingsReadableBy() is its SQL, in the WHERE clause of every query here and in the
// providers, so that a liaison only ever gets rows about their own agency and a deputy only
// those of their own inspections; mayReadFinding() decides one finding from the same scope.

// The read rule as a WHERE condition on findings.
export function findingsReadableBy(user: FindingReader): SQL {
	const scope = findingReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'group':
			return inGroupOf(findings.inspectionId, scope.userId)
		case 'agency':
			return eq(findings.agencyId, scope.agencyId)
		case 'none':
			return sql`false`
	}
}

// Whether the user belongs to the group of the finding's inspection (what mayReadFinding and the
// finding's policy need to know about a deputy).
export function inGroupColumn(user: FindingReader) {
	return (user.id === null ? sql<boolean>`false` : inGroupOf(findings.inspectionId, user.id)).mapWith(Boolean)
}

// ── Recording a finding ──────────────────────────────────────────────────────────────────────

export type ClauseOption = { id: number; label: string; inScope: boolean }
export type TaskOption = { id: number; clauseId: number; clauseLabel: string; ordinal: number; text: string }
export type VisitOption = { id: number; on: IsoDate; startTime: string; place: string }
export type AgencyOption = { id: number; name: string }

// What the form offers: the inspection's scope clauses first, then every other clause of the
// same instruments; the active agencies in official order; every task (the form shows those of
// the chosen clause); the inspection's visits.
export async function findingFormOptions(db: Database, inspectionId: number) {
	const [scopeRows, clauseRows, agencyRows, taskRows, visitRows] = await Promise.all([
		db.select({ clauseId: inspectionClauses.clauseId }).from(inspectionClauses).where(eq(inspectionClauses.inspectionId, inspectionId)),
		db.select({ id: clauses.id, label: clauses.label, instrumentId: clauses.instrumentId }).from(clauses).orderBy(asc(clauses.instrumentId), asc(clauses.ordinal)),
		db
			.select({ id: agencies.id, name: agencies.name })
			.from(agencies)
			.where(eq(agencies.active, true))
			.orderBy(asc(agencies.displayOrder), asc(agencies.id)),
		db
			.select({ id: tasks.id, clauseId: tasks.clauseId, ordinal: tasks.ordinal, text: tasks.text, clauseLabel: clauses.label })
			.from(tasks)
			.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
			.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal), asc(tasks.ordinal)),
		db
			.select({ id: visits.id, on: visits.on, startTime: visits.startTime, place: visits.place })
			.from(visits)
			.where(eq(visits.inspectionId, inspectionId))
			.orderBy(asc(visits.on), asc(visits.startTime), asc(visits.id)),
	])
	const scope = new Set(scopeRows.map((r) => r.clauseId))
	// Only the instruments the scope belongs to (all of them when the scope is empty).
	const instrumentIds = new Set(clauseRows.filter((c) => scope.has(c.id)).map((c) => c.instrumentId))
	const inInstrument = (c: { instrumentId: number }) => instrumentIds.size === 0 || instrumentIds.has(c.instrumentId)
	const clauseOptions: Array<ClauseOption> = clauseRows.filter(inInstrument).map((c) => ({ id: c.id, label: c.label, inScope: scope.has(c.id) }))
	const clauseIds = new Set(clauseOptions.map((c) => c.id))
	return {
		clauses: [...clauseOptions.filter((c) => c.inScope), ...clauseOptions.filter((c) => !c.inScope)],
		agencies: agencyRows satisfies Array<AgencyOption>,
		tasks: taskRows
			.filter((t) => clauseIds.has(t.clauseId))
			.map((t) => ({ id: t.id, clauseId: t.clauseId, clauseLabel: t.clauseLabel, ordinal: t.ordinal, text: findingTitle(t.text, 60) })) satisfies Array<TaskOption>,
		visits: visitRows satisfies Array<VisitOption>,
	}
}

// ── Reading one finding ──────────────────────────────────────────────────────────────────────

export async function getReadableFinding(db: Database, user: FindingReader, findingId: number) {
	const [row] = await db
		.select({
			finding: findings,
			inspection: { id: inspections.id, title: inspections.title, year: inspections.year },
			clause: { id: clauses.id, label: clauses.label },
			agency: { id: agencies.id, name: agencies.name, shortName: agencies.shortName },
			task: { id: tasks.id, ordinal: tasks.ordinal, text: tasks.text },
			visit: { id: visits.id, on: visits.on, startTime: visits.startTime, place: visits.place, unannounced: visits.unannounced },
			recorder: { realName: users.realName },
			inGroup: inGroupColumn(user),
		})
		.from(findings)
		.innerJoin(inspections, eq(inspections.id, findings.inspectionId))
		.innerJoin(clauses, eq(clauses.id, findings.clauseId))
		.innerJoin(agencies, eq(agencies.id, findings.agencyId))
		.innerJoin(users, eq(users.id, findings.recordedBy))
		.leftJoin(tasks, eq(tasks.id, findings.taskId))
		// Only a visit the user may read: a 暗访 stays hidden from the visited agency, whose
		// liaison sees the finding, not the visit.
		.leftJoin(visits, and(eq(visits.id, findings.visitId), visitsReadableBy(user)))
		.where(and(eq(findings.id, findingId), findingsReadableBy(user)))
	if (!row) return null
	const visit = row.visit && row.visit.id !== null ? row.visit : null
	return { ...row, task: row.task && row.task.id !== null ? row.task : null, visit }
}

export type ReadableFinding = NonNullable<Awaited<ReturnType<typeof getReadableFinding>>>

// The rectification's rounds, oldest first: each response and each verification, from the audit
// log (the finding itself keeps only the latest). A finding written without them (demo data)
// gets its steps from its own dates.
export type RectificationStep = { action: RectificationAction; on: IsoDate; text: string }

const stepActions: Record<string, RectificationAction> = { 'finding.respond': 'respond', 'finding.accept': 'accept', 'finding.reopen': 'reopen' }

export async function rectificationHistory(db: Database, findingIds: ReadonlyArray<number>): Promise<Map<number, Array<RectificationStep>>> {
	const history = new Map<number, Array<RectificationStep>>()
	if (findingIds.length === 0) return history
	const rows = await db
		.select({ entityId: auditEvents.entityId, action: auditEvents.action, at: auditEvents.at, after: auditEvents.after })
		.from(auditEvents)
		.where(
			and(
				eq(auditEvents.entityType, 'finding'),
				inArray(auditEvents.entityId, findingIds.map(String)),
				inArray(auditEvents.action, Object.keys(stepActions)),
			),
		)
		.orderBy(asc(auditEvents.at), asc(auditEvents.id))
	for (const row of rows) {
		const after = (row.after ?? {}) as { response?: string; reopenReason?: string | null }
		const action = stepActions[row.action]
		const text = action === 'respond' ? (after.response ?? '') : action === 'reopen' ? (after.reopenReason ?? '') : ''
		const id = Number(row.entityId)
		history.set(id, [...(history.get(id) ?? []), { action, on: shanghaiDate(row.at), text }])
	}
	return history
}

// When the audit log holds no step of a finding: what its own columns tell (the latest round).
export function stepsFromRow(row: {
	rectificationState: RectificationState
	response: string
	respondedOn: IsoDate | null
	verifiedOn: IsoDate | null
	reopenReason: string | null
}): Array<RectificationStep> {
	const steps: Array<RectificationStep> = []
	if (row.rectificationState === 'reopened') {
		if (row.respondedOn) steps.push({ action: 'respond', on: row.respondedOn, text: row.response })
		if (row.verifiedOn) steps.push({ action: 'reopen', on: row.verifiedOn, text: row.reopenReason ?? '' })
		return steps
	}
	if (row.respondedOn) steps.push({ action: 'respond', on: row.respondedOn, text: row.response })
	if (row.rectificationState === 'accepted' && row.verifiedOn) steps.push({ action: 'accept', on: row.verifiedOn, text: '' })
	return steps
}

// ── The list and its CSV ─────────────────────────────────────────────────────────────────────

function listWhere(user: FindingReader, query: Omit<FindingListQuery, 'page'>, today: IsoDate): SQL | undefined {
	return and(
		findingsReadableBy(user),
		query.inspectionId ? eq(findings.inspectionId, query.inspectionId) : undefined,
		query.clauseId ? eq(findings.clauseId, query.clauseId) : undefined,
		query.agencyId ? eq(findings.agencyId, query.agencyId) : undefined,
		query.severity ? eq(findings.severity, query.severity) : undefined,
		query.state ? eq(findings.rectificationState, query.state) : undefined,
		// Overdue: the agency owes an answer and its due date has passed (a due date is met on its
		// own day). A response waiting for verification is the secretariat's, not the agency's.
		query.overdue ? and(inArray(findings.rectificationState, [...awaitingAgency]), lt(findings.rectificationDueOn, today)) : undefined,
	)
}

export function listSelect(db: Database) {
	return db
		.select({
			id: findings.id,
			inspectionId: findings.inspectionId,
			inspectionTitle: inspections.title,
			clauseId: findings.clauseId,
			clauseLabel: clauses.label,
			agencyId: findings.agencyId,
			agencyName: agencies.name,
			agencyShortName: agencies.shortName,
			taskOrdinal: tasks.ordinal,
			severity: findings.severity,
			description: findings.description,
			createdAt: findings.createdAt,
			rectificationDueOn: findings.rectificationDueOn,
			rectificationState: findings.rectificationState,
			response: findings.response,
			respondedOn: findings.respondedOn,
			verifiedOn: findings.verifiedOn,
			reopenReason: findings.reopenReason,
		})
		.from(findings)
		.innerJoin(inspections, eq(inspections.id, findings.inspectionId))
		.innerJoin(clauses, eq(clauses.id, findings.clauseId))
		.innerJoin(agencies, eq(agencies.id, findings.agencyId))
		.leftJoin(tasks, eq(tasks.id, findings.taskId))
		.$dynamic()
}

// Open before accepted, the earliest due first; then the clause's and the agency's official order.
const listOrder = [
	sql`case when ${findings.rectificationState} = 'accepted' then 1 else 0 end`,
	asc(findings.rectificationDueOn),
	asc(clauses.ordinal),
	asc(agencies.displayOrder),
	asc(findings.id),
]

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['execute']>>[number]

function present(row: ListRow, today: IsoDate) {
	return {
		...row,
		recordedOn: shanghaiDate(row.createdAt),
		taskLabel: row.taskOrdinal === null ? null : `${row.clauseLabel}任务${row.taskOrdinal}`,
		overdueDays: rectificationOverdueDays(row, today),
	}
}

export type FindingListRow = ReturnType<typeof present>

export async function listFindings(db: Database, user: FindingReader, query: FindingListQuery, today: IsoDate) {
	const where = listWhere(user, query, today)
	const [{ total }] = await db
		.select({ total: sql<number>`count(*)`.mapWith(Number) })
		.from(findings)
		.where(where)
	const { page, pages, offset, limit } = pageWindow(total, query.page, findingPageSize)
	const rows = await listSelect(db)
		.where(where)
		.orderBy(...listOrder)
		.limit(limit)
		.offset(offset)
	return { rows: rows.map((row) => present(row, today)), total, page, pages }
}

// Every row under the filters, for the CSV: the same WHERE clause as the list.
export async function listAllFindings(db: Database, user: FindingReader, query: Omit<FindingListQuery, 'page'>, today: IsoDate) {
	const rows = await listSelect(db).where(listWhere(user, query, today)).orderBy(...listOrder)
	return rows.map((row) => present(row, today))
}

// The filters' choices: the inspections the user may read findings of (a deputy: their own; an
// agency: those with findings about it), the clauses, and the agencies (none for a liaison,
// who only ever sees their own).
export async function findingFilterOptions(db: Database, user: FindingReader) {
	const scope = findingReadScope(user)
	const inspectionWhere =
		scope.kind === 'all'
			? undefined
			: exists(
					db
						.select({ one: sql`1` })
						.from(findings)
						.where(and(eq(findings.inspectionId, inspections.id), findingsReadableBy(user))),
				)
	const [inspectionRows, clauseRows, agencyRows] = await Promise.all([
		db
			.select({ id: inspections.id, title: inspections.title, year: inspections.year })
			.from(inspections)
			.where(inspectionWhere)
			.orderBy(desc(inspections.year), desc(inspections.id)),
		db.select({ id: clauses.id, label: clauses.label }).from(clauses).orderBy(asc(clauses.instrumentId), asc(clauses.ordinal)),
		scope.kind === 'agency' || scope.kind === 'none'
			? Promise.resolve([])
			: db.select({ id: agencies.id, name: agencies.name }).from(agencies).orderBy(asc(agencies.displayOrder), asc(agencies.id)),
	])
	return { inspections: inspectionRows, clauses: clauseRows, agencies: agencyRows }
}


// The count the list pages need elsewhere (a dashboard, the inspection page), scoped likewise.
export async function countFindings(db: Database, user: FindingReader, query: Omit<FindingListQuery, 'page'>, today: IsoDate) {
	const [{ total }] = await db
		.select({ total: sql<number>`count(*)`.mapWith(Number) })
		.from(findings)
		.where(listWhere(user, query, today))
	return total
}
