import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, inspectionClauses, inspectionGroup, inspections, users } from '#db/schema'
import { inspectionAgendaTitle, mayEditReport, maySubmitReport, type ReportParts } from '~/domain/inspection-report'
import { groupRows, mayChangeGroup, mayManageInspections, mayStartInspection, type InspectionInput } from '~/domain/inspections'
import { openDeliberation } from '../deliberation/mutations.server'
import { addAgendaItem } from '../meetings/mutations.server'
import { scheduledParticipants } from '../visits/queries.server'
import { enforce, lockVersioned, updateVersioned, write, type Actor } from '../write.server'
import { getInspectionInput, getInspectionReport, groupOf } from './queries.server'

// Law-enforcement inspections, written: planned and started by the secretariat, their report
// written by the secretariat or the group's leader and put to a meeting by the secretariat.
// Each mutation checks the inspection's policy and rules (app/domain/inspections.ts,
// inspection-report.ts) inside its transaction, on the locked row.

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

// The plan, its scope and its group: one transaction.
export async function createInspection(db: Database, actor: Actor, input: InspectionInput): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		enforce(mayManageInspections(actor))
		const [created] = await tx.insert(inspections).values(columns(input)).returning({ id: inspections.id })
		await replaceChildren(tx, created.id, input)
		await audit({ action: 'inspection.create', entityType: 'inspection', entityId: created.id, before: null, after: await describe(tx, input) })
		return created.id
	})
}

// A person who takes part in a scheduled visit stays in the group until the visit changes.
export async function updateInspection(db: Database, actor: Actor, input: { inspectionId: number; version: number; plan: InspectionInput }) {
	await write(db, actor, async (tx, audit) => {
		await lockVersioned(tx, inspections, input.inspectionId, input.version)
		enforce(mayManageInspections(actor))
		enforce(mayChangeGroup(input.plan, await scheduledParticipants(tx, input.inspectionId)))
		const before = await getInspectionInput(tx, input.inspectionId)
		await updateVersioned(tx, inspections, input.inspectionId, input.version, columns(input.plan))
		await replaceChildren(tx, input.inspectionId, input.plan)
		await audit({
			action: 'inspection.update',
			entityType: 'inspection',
			entityId: input.inspectionId,
			before: before ? await describe(tx, before) : null,
			after: await describe(tx, input.plan),
		})
	})
}

// planned → in_progress: the inspection starts. Later transitions belong to the report.
export async function startInspection(db: Database, actor: Actor, input: { inspectionId: number; version: number }) {
	await write(db, actor, async (tx, audit) => {
		const inspection = await lockVersioned(tx, inspections, input.inspectionId, input.version)
		enforce(mayStartInspection(actor, inspection))
		await updateVersioned(tx, inspections, inspection.id, input.version, { state: 'in_progress' })
		await audit({ action: 'inspection.start', entityType: 'inspection', entityId: inspection.id, before: { state: 'planned' }, after: { state: 'in_progress' } })
	})
}

// The report as the rules judge it: the locked row's state, its group, the meeting it went to.
async function lockReport(tx: Database, inspectionId: number, version: number) {
	const row = await lockVersioned(tx, inspections, inspectionId, version)
	const [report, group] = await Promise.all([getInspectionReport(tx, inspectionId), groupOf(tx, inspectionId)])
	if (!report) throw new Error('A locked inspection has a report.')
	return { row, report, judged: { state: row.state, group, meetingLabel: report.meetingLabel } }
}

// Saves the four parts. The first save moves an inspection in progress to 'reporting'
// (起草检查报告); once the report went to deliberation it is locked.
export async function saveInspectionReport(db: Database, actor: Actor, input: { inspectionId: number; version: number; parts: ReportParts }) {
	await write(db, actor, async (tx, audit) => {
		const { report, judged } = await lockReport(tx, input.inspectionId, input.version)
		enforce(mayEditReport(actor, judged))
		const { parts } = input
		await updateVersioned(tx, inspections, input.inspectionId, input.version, {
			state: 'reporting',
			reportEvaluation: parts.evaluation,
			reportProblems: parts.problems,
			reportEnforcementSuggestions: parts.enforcementSuggestions,
			reportAmendmentSuggestions: parts.amendmentSuggestions,
		})
		await audit({
			action: 'inspection.report.save',
			entityType: 'inspection',
			entityId: input.inspectionId,
			before: { state: report.state, ...report.parts },
			after: { state: 'reporting', ...parts },
		})
	})
}

// The secretariat puts the saved report on a meeting's agenda and opens its deliberation (the
// mechanism of app/models/deliberation.server.ts): opinions, vote, the letter to the organ the
// inspection names (the government by default), whose liaison answers with the handling
// report. Returns the deliberation's id.
export async function submitInspectionReport(db: Database, actor: Actor, input: { inspectionId: number; version: number; meetingId: number }) {
	return write(db, actor, async (tx, audit) => {
		const { report, judged } = await lockReport(tx, input.inspectionId, input.version)
		enforce(maySubmitReport(actor, judged, report.parts))
		let organId = report.organId
		if (organId === null) {
			const [gov] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'gov'))
			if (!gov) throw new Error('No organ to send the inspection report to.')
			organId = gov.id
		}
		await updateVersioned(tx, inspections, input.inspectionId, input.version, { state: 'deliberation', reportMeetingId: input.meetingId })
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
	})
}
