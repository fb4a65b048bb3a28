import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, inspectionClauses, inspectionGroup, inspections, users } from '#db/schema'
import { inspectionAgendaTitle, reportEditable, type ReportParts } from '~/domain/inspection-report'
import { groupRows, type InspectionInput } from '~/domain/inspections'
import { openDeliberation } from '../deliberation.server'
import { addAgendaItem } from '../meetings.server'
import { staleRecord, updateVersioned, type Audit } from '../write.server'
import { currentInspectionInput, getInspectionReport } from './queries.server'

const reportStateWhere = inArray(inspections.state, ['in_progress', 'reporting'])

async function describe(db: Database, input: InspectionInput) {
	const ids = groupRows(input).map((r) => r.userId)
	const [organ] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, input.organId))
	const clauseLabels = input.clauseIds.length
		? await db
				.select({ label: clauses.label })
				.from(clauses)
				.where(inArray(clauses.id, input.clauseIds))
				.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
		: []
	const names = ids.length ? await db.select({ id: users.id, realName: users.realName }).from(users).where(inArray(users.id, ids)) : []
	const name = (id: number) => names.find((n) => n.id === id)?.realName ?? String(id)
	return {
		title: input.title,
		year: input.year,
		planItemId: input.planItemId,
		clauses: clauseLabels.map((c) => c.label),
		forms: input.forms,
		startsOn: input.startsOn,
		endsOn: input.endsOn,
		organ: organ?.name ?? null,
		group: groupRows(input).map((r) => ({ name: name(r.userId), role: r.role })),
	}
}

function columns(input: InspectionInput) {
	return {
		planItemId: input.planItemId,
		title: input.title,
		year: input.year,
		forms: input.forms,
		startsOn: input.startsOn,
		endsOn: input.endsOn,
		organId: input.organId,
	}
}

async function replaceChildren(tx: Database, inspectionId: number, input: InspectionInput) {
	await tx.delete(inspectionClauses).where(eq(inspectionClauses.inspectionId, inspectionId))
	const clauseIds = [...new Set(input.clauseIds)]
	if (clauseIds.length) await tx.insert(inspectionClauses).values(clauseIds.map((clauseId) => ({ inspectionId, clauseId })))
	await tx.delete(inspectionGroup).where(eq(inspectionGroup.inspectionId, inspectionId))
	const rows = groupRows(input)
	if (rows.length) await tx.insert(inspectionGroup).values(rows.map((r) => ({ inspectionId, ...r })))
}

export async function createInspection(tx: Database, audit: Audit, input: InspectionInput): Promise<number> {
	const [created] = await tx.insert(inspections).values(columns(input)).returning({ id: inspections.id })
	await replaceChildren(tx, created.id, input)
	await audit({ action: 'inspection.create', entityType: 'inspection', entityId: created.id, before: null, after: await describe(tx, input) })
	return created.id
}

export async function updateInspection(tx: Database, audit: Audit, id: number, version: number, input: InspectionInput) {
	const before = await currentInspectionInput(tx, id)
	if (!before) throw staleRecord()
	await updateVersioned(tx, inspections, id, version, columns(input))
	await replaceChildren(tx, id, input)
	await audit({ action: 'inspection.update', entityType: 'inspection', entityId: id, before: await describe(tx, before), after: await describe(tx, input) })
}

// planned → in_progress: the inspection starts. Later transitions belong to the report.
export async function startInspection(tx: Database, audit: Audit, id: number, version: number) {
	await updateVersioned(tx, inspections, id, version, { state: 'in_progress' }, eq(inspections.state, 'planned'))
	await audit({ action: 'inspection.start', entityType: 'inspection', entityId: id, before: { state: 'planned' }, after: { state: 'in_progress' } })
}

// Saves the four parts (versioned). The first save moves an inspection in progress to
// 'reporting' (起草检查报告). Refused (stale) once the report went to deliberation.
export async function saveInspectionReport(tx: Database, audit: Audit, inspectionId: number, version: number, parts: ReportParts) {
	const before = await getInspectionReport(tx, inspectionId)
	if (!before || !reportEditable(before.state)) throw staleRecord()
	await updateVersioned(
		tx,
		inspections,
		inspectionId,
		version,
		{
			state: 'reporting',
			reportEvaluation: parts.evaluation,
			reportProblems: parts.problems,
			reportEnforcementSuggestions: parts.enforcementSuggestions,
			reportAmendmentSuggestions: parts.amendmentSuggestions,
		},
		reportStateWhere,
	)
	await audit({
		action: 'inspection.report.save',
		entityType: 'inspection',
		entityId: inspectionId,
		before: { state: before.state, ...before.parts },
		after: { state: 'reporting', ...parts },
	})
}

// The secretariat puts the report on a meeting's agenda and opens its deliberation (the
// mechanism of app/models/deliberation.server.ts): opinions, vote, the letter to the organ the
// inspection names (the government by default), whose liaison answers with the handling
// report. Returns the deliberation's id.
export async function submitInspectionReport(
	tx: Database,
	audit: Audit,
	input: { inspectionId: number; version: number; meetingId: number },
): Promise<number> {
	const report = await getInspectionReport(tx, input.inspectionId)
	if (!report || !reportEditable(report.state)) throw staleRecord()
	let organId = report.organId
	if (organId === null) {
		const [gov] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'gov'))
		if (!gov) throw new Error('No organ to send the inspection report to.')
		organId = gov.id
	}
	await updateVersioned(tx, inspections, input.inspectionId, input.version, { state: 'deliberation', reportMeetingId: input.meetingId }, reportStateWhere)
	await audit({
		action: 'inspection.report.submit',
		entityType: 'inspection',
		entityId: input.inspectionId,
		before: { state: report.state, meetingId: report.meetingId },
		after: { state: 'deliberation', meetingId: input.meetingId },
	})
	await addAgendaItem(tx, audit, input.meetingId, {
		kind: 'inspection_report',
		title: inspectionAgendaTitle(report.reportTitle),
		subjectType: 'inspection',
		subjectId: input.inspectionId,
	})
	return openDeliberation(tx, audit, {
		subjectType: 'inspection',
		subjectId: input.inspectionId,
		title: report.reportTitle,
		meetingId: input.meetingId,
		organId,
		respondingAgencyId: organId,
	})
}
