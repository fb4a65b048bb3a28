import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { clausesByOwner } from '../lookups.server'
import type { Database } from '#db/client.server'
import { agencies, clauses, deliberations, findings, meetings, inspectionClauses, inspectionGroup, inspections, instruments, planItemClauses, planItems, users, visitAgencies, visits } from '#db/schema'
import type { Role } from '~/domain/roles'
import { shanghaiDate, type IsoDate } from '~/domain/dates'
import { draftReport, inspectionReportTitle, type ReportFinding, type ReportParts } from '~/domain/inspection-report'
import { meetingLabel } from '~/domain/meetings'
import {
	inspectionReadScope,
	inspectionStatus,
	mayReadInspection,
	type GroupRole,
	type InspectionForm,
	type InspectionInput,
	type InspectionListQuery,
	type InspectionReader,
	type InspectionState,
	type InspectionStatus,
} from '~/domain/inspections'
import { stateOrganKinds } from '~/domain/agencies'
import { refuse } from '../write.server'
import { outer } from '../sql.server'
import { findingsReadableBy } from '../findings/queries.server'
import { visitsReadableBy } from '../visits/queries.server'
import { inGroupOf } from './group.server'

// Law-enforcement inspections (执法检查, Supervision Law Art. 31–37), read: the plan, the group,
// the report. Who may read which inspection is one rule, inspectionReadScope in
// app/domain/inspections.ts: inspectionsReadableBy() is its SQL, in every list, count and single
// read here, and mayReadInspection() decides one inspection from the same scope.

export type { InspectionReader }

// The read rule as a WHERE condition on inspections. A liaison's inspections are those with a
// visit or a finding the liaison may read: the visits' and findings' own rules, not a third.
export function inspectionsReadableBy(user: InspectionReader): SQL {
	const scope = inspectionReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'group':
			return inGroupOf(inspections.id, scope.userId)
		case 'agency':
			return sql`(exists (select 1 from ${visits} where ${visits.inspectionId} = ${outer(inspections.id)} and ${visitsReadableBy(user)}) or exists (select 1 from ${findings} where ${findings.inspectionId} = ${outer(inspections.id)} and ${findingsReadableBy(user)}))`
		case 'none':
			return sql`false`
	}
}

// Whether the user may read the inspection at all (the route answers 404 otherwise).
export async function mayReadInspectionById(user: InspectionReader, inspectionId: number, db: Database): Promise<boolean> {
	const [row] = await db
		.select({ id: inspections.id })
		.from(inspections)
		.where(and(eq(inspections.id, inspectionId), inspectionsReadableBy(user)))
	return Boolean(row)
}

// The group as the policies judge it: who, in which role.
export async function groupOf(db: Database, inspectionId: number): Promise<Array<{ userId: number; role: GroupRole }>> {
	return db
		.select({ userId: inspectionGroup.userId, role: inspectionGroup.role })
		.from(inspectionGroup)
		.where(eq(inspectionGroup.inspectionId, inspectionId))
		.orderBy(asc(inspectionGroup.userId))
}

// Members of the inspection group: the leader, members and invited deputies.
export async function isGroupMember(db: Database, inspectionId: number, userId: number): Promise<boolean> {
	const [row] = await db
		.select({ role: inspectionGroup.role })
		.from(inspectionGroup)
		.where(and(eq(inspectionGroup.inspectionId, inspectionId), eq(inspectionGroup.userId, userId)))
	return row !== undefined
}

// What the inspection's policy needs beyond its row: its visits (whether 暗访, which agencies)
// and the agencies its findings are about (inspectionPolicy, mayReadInspection).
export async function readingFacts(db: Database, inspectionId: number) {
	const [visitRows, links, findingRows] = await Promise.all([
		db.select({ id: visits.id, unannounced: visits.unannounced }).from(visits).where(eq(visits.inspectionId, inspectionId)),
		db
			.select({ visitId: visitAgencies.visitId, agencyId: visitAgencies.agencyId })
			.from(visitAgencies)
			.innerJoin(visits, eq(visits.id, visitAgencies.visitId))
			.where(eq(visits.inspectionId, inspectionId)),
		db.selectDistinct({ agencyId: findings.agencyId }).from(findings).where(eq(findings.inspectionId, inspectionId)),
	])
	return {
		visits: visitRows.map((v) => ({ unannounced: v.unannounced, agencyIds: links.filter((l) => l.visitId === v.id).map((l) => l.agencyId) })),
		findingAgencyIds: findingRows.map((f) => f.agencyId),
	}
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

export type InspectionRow = {
	id: number
	title: string
	year: number
	forms: Array<InspectionForm>
	startsOn: IsoDate
	endsOn: IsoDate
	organId: number | null
	organName: string | null
	state: InspectionState
	// Where it stands, after the hearing where its report's deliberation is.
	status: InspectionStatus
	planItemId: number | null
	planItemTitle: string | null
	version: number
}

const inspectionColumns = {
	id: inspections.id,
	title: inspections.title,
	year: inspections.year,
	forms: inspections.forms,
	startsOn: inspections.startsOn,
	endsOn: inspections.endsOn,
	organId: inspections.organId,
	organName: agencies.name,
	state: inspections.state,
	planItemId: inspections.planItemId,
	planItemTitle: planItems.title,
	version: inspections.version,
	deliberationState: deliberations.state,
}

// The inspection report's deliberation, for where the inspection stands after the hearing.
const ownDeliberation = and(eq(deliberations.subjectType, 'inspection'), eq(deliberations.subjectId, inspections.id))

// Null both when there is none and when the user may not read it: 404 either way.
export async function getReadableInspection(db: Database, user: InspectionReader, inspectionId: number) {
	const [row] = await db
		.select(inspectionColumns)
		.from(inspections)
		.leftJoin(agencies, eq(agencies.id, inspections.organId))
		.leftJoin(planItems, eq(planItems.id, inspections.planItemId))
		.leftJoin(deliberations, ownDeliberation)
		.where(and(eq(inspections.id, inspectionId), inspectionsReadableBy(user)))
	if (!row) return null
	const [clauseMap, groupMap, facts] = await Promise.all([clausesOf(db, [inspectionId]), groupsOf(db, [inspectionId]), readingFacts(db, inspectionId)])
	const { deliberationState, ...own } = row
	const inspection = {
		...(own as Omit<InspectionRow, 'status'>),
		status: inspectionStatus(row.state, deliberationState),
		clauses: clauseMap.get(inspectionId) ?? [],
		group: groupMap.get(inspectionId) ?? [],
		...facts,
	}
	// The same rule again, in code: the SQL above is the guard, this the belt.
	return mayReadInspection(user, inspection) ? inspection : null
}

export type Inspection = NonNullable<Awaited<ReturnType<typeof getReadableInspection>>>

export type ClauseRef = { id: number; label: string }
export type GroupMember = { userId: number; realName: string; position: string; role: GroupRole; userRole: Role }

function clausesOf(db: Database, ids: Array<number>) {
	return clausesByOwner(db, { owner: inspectionClauses.inspectionId, clause: inspectionClauses.clauseId }, ids)
}

const roleOrder = sql`case ${inspectionGroup.role} when 'leader' then 0 when 'member' then 1 else 2 end`

export async function groupsOf(db: Database, inspectionIds: Array<number>) {
	const map = new Map<number, Array<GroupMember>>()
	if (inspectionIds.length === 0) return map
	const rows = await db
		.select({
			inspectionId: inspectionGroup.inspectionId,
			userId: users.id,
			realName: users.realName,
			position: users.position,
			role: inspectionGroup.role,
			userRole: users.role,
		})
		.from(inspectionGroup)
		.innerJoin(users, eq(users.id, inspectionGroup.userId))
		.where(inArray(inspectionGroup.inspectionId, inspectionIds))
		.orderBy(roleOrder, asc(users.id))
	for (const { inspectionId, ...member } of rows) {
		const list = map.get(inspectionId) ?? []
		list.push(member)
		map.set(inspectionId, list)
	}
	return map
}

// The inspections the user may read, newest year first, then by period. Each with its leader,
// the number of visits the user may see and the number of findings the user may see.
export async function listInspections(db: Database, user: InspectionReader, query: InspectionListQuery) {
	const visitCount = sql<number>`(select count(*) from ${visits} where ${visits.inspectionId} = ${outer(inspections.id)} and ${visitsReadableBy(user)})`
	const findingCount = sql<number>`(select count(*) from ${findings} where ${findings.inspectionId} = ${outer(inspections.id)} and ${findingsReadableBy(user)})`
	const leader = sql<string | null>`(select ${users.realName} from ${inspectionGroup} join ${users} on ${users.id} = ${inspectionGroup.userId} where ${inspectionGroup.inspectionId} = ${outer(inspections.id)} and ${inspectionGroup.role} = 'leader' order by ${users.id} limit 1)`
	const rows = await db
		.select({
			...inspectionColumns,
			leaderName: leader,
			visitCount: visitCount.mapWith(Number),
			findingCount: findingCount.mapWith(Number),
		})
		.from(inspections)
		.leftJoin(agencies, eq(agencies.id, inspections.organId))
		.leftJoin(planItems, eq(planItems.id, inspections.planItemId))
		.leftJoin(deliberations, ownDeliberation)
		.where(
			and(
				inspectionsReadableBy(user),
				query.year === null ? undefined : eq(inspections.year, query.year),
				query.state === null ? undefined : eq(inspections.state, query.state),
			),
		)
		.orderBy(desc(inspections.year), desc(inspections.startsOn), desc(inspections.id))
	return rows.map(({ deliberationState, ...row }) => ({ ...row, status: inspectionStatus(row.state, deliberationState) })) as Array<
		InspectionRow & { leaderName: string | null; visitCount: number; findingCount: number }
	>
}

export async function listInspectionYears(db: Database, user: InspectionReader): Promise<Array<number>> {
	const rows = await db
		.selectDistinct({ year: inspections.year })
		.from(inspections)
		.where(inspectionsReadableBy(user))
		.orderBy(desc(inspections.year))
	return rows.map((r) => r.year)
}

// ── The form's options ──────────────────────────────────────────────────────────────────────

export async function loadInspectionFormOptions(db: Database, keep: { organId?: number | null; userIds?: Array<number> } = {}) {
	const keepUsers = keep.userIds ?? []
	const [organs, clauseOptions, people, planOptions] = await Promise.all([
		db
			.select({ id: agencies.id, name: agencies.name, active: agencies.active })
			.from(agencies)
			.where(inArray(agencies.kind, [...stateOrganKinds]))
			.orderBy(asc(agencies.displayOrder), asc(agencies.id)),
		db
			.select({ id: clauses.id, label: clauses.label, instrumentId: instruments.id, instrumentTitle: instruments.title })
			.from(clauses)
			.innerJoin(instruments, eq(instruments.id, clauses.instrumentId))
			.orderBy(asc(instruments.id), asc(clauses.ordinal)),
		db
			.select({ id: users.id, realName: users.realName, position: users.position, role: users.role, disabled: users.disabled })
			.from(users)
			.where(inArray(users.role, ['member', 'deputy']))
			.orderBy(asc(users.id)),
		db
			.select({ id: planItems.id, year: planItems.year, title: planItems.title, organId: planItems.organId })
			.from(planItems)
			.where(eq(planItems.kind, 'inspection'))
			.orderBy(desc(planItems.year), sql`${planItems.plannedMonth} asc nulls last`, asc(planItems.id)),
	])
	const usable = people.filter((p) => !p.disabled || keepUsers.includes(p.id))
	return {
		organs: organs.filter((o) => o.active || o.id === keep.organId),
		clauses: clauseOptions,
		members: usable.filter((p) => p.role === 'member').map(({ id, realName, position }) => ({ id, realName, position })),
		deputies: usable.filter((p) => p.role === 'deputy').map(({ id, realName, position }) => ({ id, realName, position })),
		planItems: planOptions,
	}
}

export type InspectionFormOptions = Awaited<ReturnType<typeof loadInspectionFormOptions>>

// What the inspection form may choose, as the ids its schema checks against.
export function inspectionOptionIds(options: InspectionFormOptions) {
	return {
		organIds: options.organs.map((o) => o.id),
		clauseIds: options.clauses.map((c) => c.id),
		memberIds: options.members.map((m) => m.id),
		deputyIds: options.deputies.map((d) => d.id),
		planItemIds: options.planItems.map((p) => p.id),
	}
}

export async function planItemClauseIds(db: Database, planItemId: number): Promise<Array<number>> {
	const rows = await db
		.select({ clauseId: planItemClauses.clauseId })
		.from(planItemClauses)
		.where(eq(planItemClauses.planItemId, planItemId))
	return rows.map((r) => r.clauseId)
}

export async function getPlanItemForInspection(db: Database, planItemId: number) {
	const [item] = await db
		.select({ id: planItems.id, year: planItems.year, title: planItems.title, organId: planItems.organId })
		.from(planItems)
		.where(and(eq(planItems.id, planItemId), eq(planItems.kind, 'inspection')))
	if (!item) return null
	return { ...item, clauseIds: await planItemClauseIds(db, planItemId) }
}

// The plan as the edit form holds it, with its version and state.
export async function getInspectionInput(db: Database, id: number): Promise<(InspectionInput & { version: number; state: InspectionState }) | null> {
	const [row] = await db.select().from(inspections).where(eq(inspections.id, id))
	if (!row) return null
	const [clauseRows, groupRowsNow] = await Promise.all([
		db.select({ clauseId: inspectionClauses.clauseId }).from(inspectionClauses).where(eq(inspectionClauses.inspectionId, id)),
		db.select({ userId: inspectionGroup.userId, role: inspectionGroup.role }).from(inspectionGroup).where(eq(inspectionGroup.inspectionId, id)).orderBy(asc(inspectionGroup.userId)),
	])
	return {
		planItemId: row.planItemId,
		title: row.title,
		year: row.year,
		clauseIds: clauseRows.map((c) => c.clauseId),
		forms: row.forms,
		startsOn: row.startsOn,
		endsOn: row.endsOn,
		organId: row.organId ?? 0,
		leaderId: groupRowsNow.find((g) => g.role === 'leader')?.userId ?? 0,
		memberIds: groupRowsNow.filter((g) => g.role === 'member').map((g) => g.userId),
		deputyIds: groupRowsNow.filter((g) => g.role === 'deputy').map((g) => g.userId),
		version: row.version,
		state: row.state,
	}
}

// ── The inspection report (Art. 36) ─────────────────────────────────────────────────────────

// The report's four parts as stored, with what the report page and the print view need around
// them: the title, the state, the meeting it went to. Call only after the reader's check.
export async function getInspectionReport(db: Database, inspectionId: number) {
	const [row] = await db
		.select({
			id: inspections.id,
			title: inspections.title,
			state: inspections.state,
			version: inspections.version,
			organId: inspections.organId,
			evaluation: inspections.reportEvaluation,
			problems: inspections.reportProblems,
			enforcementSuggestions: inspections.reportEnforcementSuggestions,
			amendmentSuggestions: inspections.reportAmendmentSuggestions,
			meetingId: inspections.reportMeetingId,
			meetingTerm: meetings.term,
			meetingSession: meetings.session,
		})
		.from(inspections)
		.leftJoin(meetings, eq(meetings.id, inspections.reportMeetingId))
		.where(eq(inspections.id, inspectionId))
	if (!row) return null
	const { evaluation, problems, enforcementSuggestions, amendmentSuggestions, meetingTerm, meetingSession, ...rest } = row
	return {
		...rest,
		parts: { evaluation, problems, enforcementSuggestions, amendmentSuggestions } satisfies ReportParts,
		meetingLabel: meetingTerm !== null && meetingSession !== null ? meetingLabel({ term: meetingTerm, session: meetingSession }) : null,
		reportTitle: inspectionReportTitle(await inspectionInstrumentTitle(db, inspectionId), row.title),
	}
}

export type InspectionReport = NonNullable<Awaited<ReturnType<typeof getInspectionReport>>>

// The instrument the inspection checks: that of its first scope clause (or of its first finding).
export async function inspectionInstrumentTitle(db: Database, inspectionId: number): Promise<string | null> {
	const [scoped] = await db
		.select({ title: instruments.title })
		.from(inspectionClauses)
		.innerJoin(clauses, eq(clauses.id, inspectionClauses.clauseId))
		.innerJoin(instruments, eq(instruments.id, clauses.instrumentId))
		.where(eq(inspectionClauses.inspectionId, inspectionId))
		.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
		.limit(1)
	if (scoped) return scoped.title
	const [found] = await db
		.select({ title: instruments.title })
		.from(findings)
		.innerJoin(clauses, eq(clauses.id, findings.clauseId))
		.innerJoin(instruments, eq(instruments.id, clauses.instrumentId))
		.where(eq(findings.inspectionId, inspectionId))
		.orderBy(asc(findings.id))
		.limit(1)
	return found?.title ?? null
}

// The four parts drafted from the record (app/domain/inspection-report.ts): period, forms,
// visits and agencies visited, every finding of the inspection with its rectification as of
// `today`. For the drafters (the secretariat, the group's leader), who read every finding.
export async function draftInspectionReport(db: Database, inspectionId: number, today: IsoDate): Promise<ReportParts> {
	const [inspection] = await db
		.select({ year: inspections.year, startsOn: inspections.startsOn, endsOn: inspections.endsOn, forms: inspections.forms, organName: agencies.name })
		.from(inspections)
		.leftJoin(agencies, eq(agencies.id, inspections.organId))
		.where(eq(inspections.id, inspectionId))
	if (!inspection) refuse({ kind: 'notFound' })
	const [instrumentTitle, scope, visitRows, visitAgencyRows, findingRows] = await Promise.all([
		inspectionInstrumentTitle(db, inspectionId),
		clausesOf(db, [inspectionId]),
		db
			.select({ id: visits.id, unannounced: visits.unannounced, form: visits.form })
			.from(visits)
			.where(eq(visits.inspectionId, inspectionId))
			.orderBy(asc(visits.on), asc(visits.startTime), asc(visits.id)),
		db
			.select({ visitId: visitAgencies.visitId, id: agencies.id, name: agencies.name })
			.from(visitAgencies)
			.innerJoin(visits, eq(visits.id, visitAgencies.visitId))
			.innerJoin(agencies, eq(agencies.id, visitAgencies.agencyId))
			.where(eq(visits.inspectionId, inspectionId))
			.orderBy(asc(visits.on), asc(visits.startTime), asc(agencies.displayOrder)),
		db
			.select({
				clauseId: findings.clauseId,
				clauseLabel: clauses.label,
				clauseOrder: clauses.ordinal,
				agencyId: findings.agencyId,
				agencyName: agencies.name,
				agencyOrder: agencies.displayOrder,
				severity: findings.severity,
				description: findings.description,
				rectificationDueOn: findings.rectificationDueOn,
				rectificationState: findings.rectificationState,
			})
			.from(findings)
			.innerJoin(clauses, eq(clauses.id, findings.clauseId))
			.innerJoin(agencies, eq(agencies.id, findings.agencyId))
			.where(eq(findings.inspectionId, inspectionId))
			.orderBy(asc(findings.id)),
	])
	return draftReport(
		{
			inspection,
			instrumentTitle,
			scope: (scope.get(inspectionId) ?? []).map((c) => c.label),
			visits: visitRows.map((v) => ({ ...v, agencies: visitAgencyRows.filter((a) => a.visitId === v.id) })),
			findings: findingRows satisfies Array<ReportFinding>,
		},
		today,
	)
}


// The inspection's deliberation as the inspection page and the print view need it.
export async function inspectionDeliberation(db: Database, inspectionId: number) {
	const [row] = await db
		.select({
			id: deliberations.id,
			state: deliberations.state,
			respondingAgencyId: deliberations.respondingAgencyId,
			organId: deliberations.organId,
			createdAt: deliberations.createdAt,
		})
		.from(deliberations)
		.where(and(eq(deliberations.subjectType, 'inspection'), eq(deliberations.subjectId, inspectionId)))
	return row ? { ...row, openedOn: shanghaiDate(row.createdAt) } : null
}
