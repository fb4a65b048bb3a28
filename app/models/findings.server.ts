import { and, asc, desc, eq, exists, inArray, lt, ne, sql, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, auditEvents, clauses, findings, inspectionClauses, inspectionGroup, inspections, tasks, users, visits } from '#db/schema'
import { shanghaiDate, type IsoDate } from '~/domain/dates'
import {
	findingPageSize,
	findingReadScope,
	findingTitle,
	mayReadFinding,
	mayRespondToFinding,
	mayVerifyFinding,
	type FindingListQuery,
	type FindingReader,
} from '~/domain/findings'
import type { Severity } from '~/domain/inspections'
import { nextRectificationState, rectificationOverdueDays, type RectificationAction, type RectificationState } from '~/domain/rectification'
import type { TimelineEvent } from '~/domain/timeline'
import { todoItem } from '~/domain/todo'
import { storeAttachment } from './attachments.server'
import type { TimelineProvider, TodoProvider } from './providers.server'
import { staleRecord, updateVersioned, write, type Actor } from './write.server'
import { findingHref } from '~/domain/links'
import { outer } from './sql.server'

// Findings (问题) of law-enforcement inspections and their rectification (整改): recorded by the
// inspection's group or the secretariat, answered by the agency's liaisons, verified by the
// secretariat. Who may read which finding is one rule, findingReadScope / mayReadFinding in
// app/domain/findings.ts; every query here applies it in its WHERE clause, so a liaison only
// ever gets rows about their own agency and a deputy only those of their own inspections.

// ── Who may read which finding ──────────────────────────────────────────────────────────────

// Whether the user belongs to the group of the finding's inspection.
function inGroupSql(userId: number): SQL {
	return sql`exists (select 1 from ${inspectionGroup} where ${inspectionGroup.inspectionId} = ${outer(findings.inspectionId)} and ${inspectionGroup.userId} = ${userId})`
}

// The SQL twin of mayReadFinding.
export function findingsReadableBy(user: FindingReader): SQL {
	const scope = findingReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'group':
			return inGroupSql(scope.userId)
		case 'agency':
			return eq(findings.agencyId, scope.agencyId)
		case 'none':
			return sql`false`
	}
}

// Attachments of a finding (the evidence) and of its rectification (the agency's proof): both
// readable by whoever may read the finding.
export async function mayReadFindingById(user: FindingReader, findingId: number, db: Database) {
	const [row] = await db
		.select({
			agencyId: findings.agencyId,
			inGroup: inGroupSql(user.id).mapWith(Boolean),
		})
		.from(findings)
		.where(eq(findings.id, findingId))
	return row ? mayReadFinding(user, { agencyId: row.agencyId, inGroup: Boolean(row.inGroup) }) : false
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

export type RecordFindingInput = {
	inspectionId: number
	clauseId: number
	agencyId: number
	taskId: number | null
	visitId: number | null
	severity: Severity
	description: string
	evidence: string
	rectificationDueOn: IsoDate
	recordedBy: number
	files: ReadonlyArray<File>
}

// One audited transaction: the finding, then its files.
export async function recordFinding(db: Database, actor: Actor, input: RecordFindingInput): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		const { files, ...values } = input
		const [created] = await tx.insert(findings).values(values).returning()
		await audit({ action: 'finding.record', entityType: 'finding', entityId: created.id, before: null, after: auditView(created) })
		for (const file of files) {
			await storeAttachment(tx, audit, { ownerType: 'finding', ownerId: created.id, file, uploadedBy: input.recordedBy })
		}
		return created.id
	})
}

type FindingRow = typeof findings.$inferSelect

function auditView(row: FindingRow) {
	return {
		inspectionId: row.inspectionId,
		clauseId: row.clauseId,
		agencyId: row.agencyId,
		taskId: row.taskId,
		visitId: row.visitId,
		severity: row.severity,
		description: row.description,
		evidence: row.evidence,
		rectificationDueOn: row.rectificationDueOn,
		rectificationState: row.rectificationState,
		response: row.response,
		respondedOn: row.respondedOn,
		verifiedOn: row.verifiedOn,
		reopenReason: row.reopenReason,
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
		})
		.from(findings)
		.innerJoin(inspections, eq(inspections.id, findings.inspectionId))
		.innerJoin(clauses, eq(clauses.id, findings.clauseId))
		.innerJoin(agencies, eq(agencies.id, findings.agencyId))
		.innerJoin(users, eq(users.id, findings.recordedBy))
		.leftJoin(tasks, eq(tasks.id, findings.taskId))
		.leftJoin(visits, eq(visits.id, findings.visitId))
		.where(and(eq(findings.id, findingId), findingsReadableBy(user)))
	if (!row) return null
	// 暗访 stay hidden from the visited agency: its liaison sees the finding, not the visit.
	const visit = row.visit && row.visit.id !== null && !(user.role === 'agency' && row.visit.unannounced) ? row.visit : null
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

// ── The rectification ────────────────────────────────────────────────────────────────────────

export type FindingRefusal = { kind: 'role' } | { kind: 'state'; action: RectificationAction; reason: string }
export type FindingRefusedError = Error & { name: 'FindingRefused'; refusal: FindingRefusal }

function refused(refusal: FindingRefusal): FindingRefusedError {
	const message = refusal.kind === 'state' ? refusal.reason : 'Not allowed.'
	return Object.assign(new Error(message), { name: 'FindingRefused' as const, refusal })
}

export function isFindingRefused(error: unknown): error is FindingRefusedError {
	return error instanceof Error && error.name === 'FindingRefused'
}

async function lockFinding(tx: Database, findingId: number, version: number) {
	const [row] = await tx.select().from(findings).where(eq(findings.id, findingId)).for('update')
	if (!row || row.version !== version) throw staleRecord()
	return row
}

function transition(state: RectificationState, action: RectificationAction): RectificationState {
	const next = nextRectificationState(state, action)
	if (!next.ok) throw refused({ kind: 'state', action, reason: next.reason })
	return next.state
}

// The agency's liaison reports what was done (with files): open or reopened → responded.
export async function respondToFinding(
	db: Database,
	actor: Actor,
	input: { findingId: number; version: number; response: string; files: ReadonlyArray<File>; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockFinding(tx, input.findingId, input.version)
		if (!mayRespondToFinding(actor, before)) throw refused({ kind: 'role' })
		const state = transition(before.rectificationState, 'respond')
		const after = await updateVersioned(
			tx,
			findings,
			input.findingId,
			input.version,
			{ rectificationState: state, response: input.response, respondedOn: input.today },
			// The row stays the liaison's own agency's, whatever happened meanwhile.
			eq(findings.agencyId, before.agencyId),
		)
		await audit({ action: 'finding.respond', entityType: 'finding', entityId: input.findingId, before: auditView(before), after: auditView(after) })
		for (const file of input.files) {
			await storeAttachment(tx, audit, { ownerType: 'rectification', ownerId: input.findingId, file, uploadedBy: actor.id })
		}
	})
}

// The secretariat's verification: accept (→ accepted) or reopen with a reason (→ reopened, the
// reason shown to the agency). verifiedOn is the date of the latest verification, either way.
export async function verifyFinding(
	db: Database,
	actor: Actor,
	input: { findingId: number; version: number; decision: 'accept' | 'reopen'; reason?: string; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockFinding(tx, input.findingId, input.version)
		if (!mayVerifyFinding(actor)) throw refused({ kind: 'role' })
		const state = transition(before.rectificationState, input.decision)
		const values =
			input.decision === 'accept'
				? { rectificationState: state, verifiedOn: input.today }
				: { rectificationState: state, verifiedOn: input.today, reopenReason: input.reason ?? '' }
		const after = await updateVersioned(tx, findings, input.findingId, input.version, values)
		await audit({
			action: input.decision === 'accept' ? 'finding.accept' : 'finding.reopen',
			entityType: 'finding',
			entityId: input.findingId,
			before: auditView(before),
			after: auditView(after),
		})
	})
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
		// Overdue: not accepted and past its due date (a due date is met on its own day).
		query.overdue ? and(ne(findings.rectificationState, 'accepted'), lt(findings.rectificationDueOn, today)) : undefined,
	)
}

function listSelect(db: Database) {
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
	const pages = Math.max(1, Math.ceil(total / findingPageSize))
	const page = Math.min(query.page, pages)
	const rows = await listSelect(db)
		.where(where)
		.orderBy(...listOrder)
		.limit(findingPageSize)
		.offset((page - 1) * findingPageSize)
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

// ── The agency page: its open rectifications ─────────────────────────────────────────────────

export type OpenFinding = {
	id: number
	title: string
	clauseLabel: string
	inspectionTitle: string
	severity: Severity
	rectificationDueOn: IsoDate
	rectificationState: RectificationState
	overdueDays: number
}

// The agency's findings not yet accepted, those the viewer may read (another agency's liaison
// sees none), the most overdue first.
export async function listAgencyOpenFindings(db: Database, viewer: FindingReader, agencyId: number, today: IsoDate): Promise<Array<OpenFinding>> {
	const rows = await listSelect(db)
		.where(and(findingsReadableBy(viewer), eq(findings.agencyId, agencyId), ne(findings.rectificationState, 'accepted')))
		.orderBy(asc(findings.rectificationDueOn), asc(clauses.ordinal), asc(findings.id))
	return rows.map((row) => ({
		id: row.id,
		title: findingTitle(row.description),
		clauseLabel: row.clauseLabel,
		inspectionTitle: row.inspectionTitle,
		severity: row.severity,
		rectificationDueOn: row.rectificationDueOn,
		rectificationState: row.rectificationState,
		overdueDays: rectificationOverdueDays(row, today),
	}))
}

// ── The to-do list's provider ────────────────────────────────────────────────────────────────

// An agency's liaison: the findings about their agency to rectify (open) or rectify again
// (reopened, with the reason), by their due date. The secretariat: responses to verify. Group
// members have nothing to do about a finding once it is recorded.
export const findingTodos: TodoProvider = async (db, user, today) => {
	if (user.role === 'agency') {
		if (!user.agencyId) return []
		const rows = await listSelect(db)
			.where(and(eq(findings.agencyId, user.agencyId), inArray(findings.rectificationState, ['open', 'reopened'])))
			.orderBy(asc(findings.rectificationDueOn), asc(findings.id))
		return rows.map((row) =>
			todoItem(
				{
					kind: 'finding',
					action: row.rectificationState === 'reopened' ? 'rectify_again' : 'rectify',
					title: findingTitle(row.description),
					href: findingHref(row.id),
					due: row.rectificationDueOn,
					actionable: true,
					detail: row.rectificationState === 'reopened' && row.reopenReason ? row.reopenReason : `${row.clauseLabel} · ${row.inspectionTitle}`,
				},
				today,
			),
		)
	}
	if (user.role !== 'secretariat') return []
	const rows = await listSelect(db)
		.where(eq(findings.rectificationState, 'responded'))
		.orderBy(asc(findings.respondedOn), asc(findings.id))
	return rows.map((row) =>
		todoItem(
			{
				kind: 'finding',
				action: 'verify',
				title: findingTitle(row.description),
				href: findingHref(row.id),
				due: null,
				actionable: true,
				detail: `${row.agencyShortName} · ${row.clauseLabel} · ${row.inspectionTitle}`,
			},
			today,
		),
	)
}

// ── The clause timeline's provider ───────────────────────────────────────────────────────────

// Each finding on the clause that the user may read: recorded (with its severity and due date),
// then every response, reopening and acceptance of its rectification.
export const findingTimeline: TimelineProvider = async (db, user, clauseId) => {
	const rows = await listSelect(db).where(and(eq(findings.clauseId, clauseId), findingsReadableBy(user)))
	const history = await rectificationHistory(
		db,
		rows.map((r) => r.id),
	)
	const events: Array<TimelineEvent> = []
	for (const row of rows) {
		const base = { title: findingTitle(row.description), href: findingHref(row.id) }
		events.push({
			...base,
			at: shanghaiDate(row.createdAt),
			kind: `finding.recorded.${row.severity}`,
			step: 1,
			detail: `${row.inspectionTitle} · ${row.agencyName}`,
			params: { agency: row.agencyShortName, due: row.rectificationDueOn },
		})
		const steps = history.get(row.id) ?? stepsFromRow(row)
		steps.forEach((step, index) => {
			const kind = step.action === 'respond' ? 'finding.responded' : step.action === 'accept' ? 'finding.accepted' : 'finding.reopened'
			events.push({
				...base,
				at: step.on,
				kind,
				step: index + 2,
				params: { agency: row.agencyShortName },
				...(step.action === 'reopen' && step.text ? { detail: step.text } : {}),
			})
		})
	}
	return events
}

// The count the list pages need elsewhere (a dashboard, the inspection page), scoped likewise.
export async function countFindings(db: Database, user: FindingReader, query: Omit<FindingListQuery, 'page'>, today: IsoDate) {
	const [{ total }] = await db
		.select({ total: sql<number>`count(*)`.mapWith(Number) })
		.from(findings)
		.where(listWhere(user, query, today))
	return total
}
