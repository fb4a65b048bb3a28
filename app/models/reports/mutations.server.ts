import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, reportClauses, reports, reportTaskProgress } from '#db/schema'
import { can } from '~/auth/permissions'
import type { IsoDate } from '~/domain/dates'
import { allowed, broken, permitted } from '~/domain/refusal'
import {
	draftGaps,
	isReportingOrgan,
	mayEditDraft,
	mayPrepareFor,
	mayTakeStep,
	reportStepRules,
	type SelfAssessment,
} from '~/domain/reports'
import { getAttachmentInfo, removeAttachment, storeAttachment } from '../attachments.server'
import { openDeliberation } from '../deliberation/mutations.server'
import { addAgendaItem } from '../meetings/mutations.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor } from '../write.server'
import { loadReportTasks } from './queries.server'

// Special work reports, written: scheduled by the secretariat, drafted and revised by the
// preparing department, distributed, put to deliberation. Each mutation checks the report's
// policy and rules (app/domain/reports.ts) inside its transaction.

export type ScheduleInput = {
	organId: number
	preparingAgencyId: number
	topic: string
	clauseIds: Array<number>
	meetingId: number
	planItemId: number | null
	agendaTitle: string
}

// The report, its clauses and the hearing on the meeting's agenda: one transaction. The organ is
// one of the committee's own level (Art. 11), and its report is prepared by itself or, for the
// government, by one of its departments (Art. 16).
export async function scheduleReport(db: Database, actor: Actor, input: ScheduleInput) {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'oversight:manage')))
		const parties = await tx
			.select({ id: agencies.id, kind: agencies.kind, level: agencies.level })
			.from(agencies)
			.where(inArray(agencies.id, [input.organId, input.preparingAgencyId]))
		const organ = parties.find((a) => a.id === input.organId)
		const department = parties.find((a) => a.id === input.preparingAgencyId)
		if (!organ || !isReportingOrgan(organ)) enforce(broken('reports.organ', undefined, 400))
		if (!organ || !department || !mayPrepareFor(organ, department)) enforce(broken('reports.department', undefined, 400))
		const [created] = await tx
			.insert(reports)
			.values({
				organId: input.organId,
				preparingAgencyId: input.preparingAgencyId,
				topic: input.topic,
				meetingId: input.meetingId,
				planItemId: input.planItemId,
				state: 'scheduled',
			})
			.returning({ id: reports.id })
		await tx.insert(reportClauses).values(input.clauseIds.map((clauseId) => ({ reportId: created.id, clauseId })))
		await audit({
			action: 'report.schedule',
			entityType: 'report',
			entityId: created.id,
			before: null,
			after: {
				organId: input.organId,
				preparingAgencyId: input.preparingAgencyId,
				topic: input.topic,
				meetingId: input.meetingId,
				planItemId: input.planItemId,
				clauseIds: input.clauseIds,
			},
		})
		await addAgendaItem(tx, audit, input.meetingId, { kind: 'report', title: input.agendaTitle, subjectType: 'report', subjectId: created.id })
		return created.id
	})
}

// ── Drafting (the preparing department) ─────────────────────────────────────────────────────

export type DraftInput = {
	reportId: number
	version: number
	title: string
	period: string
	body: string
	progress: Array<{ taskId: number; narrative: string; selfAssessment: SelfAssessment | null }>
	files: Array<File>
}

function excerpt(text: string) {
	return { chars: text.length, start: text.slice(0, 200) }
}

export async function saveDraft(db: Database, actor: Actor, input: DraftInput) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockVersioned(tx, reports, input.reportId, input.version)
		enforce(mayEditDraft(actor, before))
		const reportTaskIds = new Set((await loadReportTasks(tx, input.reportId)).map((t) => t.task.id))
		const taskIds = input.progress.map((p) => p.taskId)
		// Each task once, and only the tasks of the report's clauses.
		if (taskIds.some((id) => !reportTaskIds.has(id)) || new Set(taskIds).size !== taskIds.length) {
			enforce(broken('reports.unknownTask', undefined, 400))
		}
		await updateVersioned(tx, reports, input.reportId, input.version, { title: input.title, period: input.period, body: input.body })
		const previous = await tx
			.select({ taskId: reportTaskProgress.taskId, narrative: reportTaskProgress.narrative, selfAssessment: reportTaskProgress.selfAssessment })
			.from(reportTaskProgress)
			.where(eq(reportTaskProgress.reportId, input.reportId))
		if (taskIds.length) {
			await tx
				.delete(reportTaskProgress)
				.where(and(eq(reportTaskProgress.reportId, input.reportId), inArray(reportTaskProgress.taskId, taskIds)))
			await tx.insert(reportTaskProgress).values(input.progress.map((p) => ({ reportId: input.reportId, ...p })))
		}
		await audit({
			action: 'report.draft',
			entityType: 'report',
			entityId: input.reportId,
			before: {
				title: before.title,
				period: before.period,
				body: excerpt(before.body),
				progress: previous.map((p) => ({ taskId: p.taskId, selfAssessment: p.selfAssessment, narrative: excerpt(p.narrative) })),
			},
			after: {
				title: input.title,
				period: input.period,
				body: excerpt(input.body),
				progress: input.progress.map((p) => ({ taskId: p.taskId, selfAssessment: p.selfAssessment, narrative: excerpt(p.narrative) })),
			},
		})
		for (const file of input.files) {
			await storeAttachment(tx, audit, { ownerType: 'report', ownerId: input.reportId, file, uploadedBy: actor.id })
		}
	})
}

// By its uploader, while the report is still the agency's to edit.
export async function removeReportAttachment(db: Database, actor: Actor, input: { reportId: number; attachmentId: number }) {
	await write(db, actor, async (tx, audit) => {
		const report = await lockVersioned(tx, reports, input.reportId)
		enforce(mayEditDraft(actor, report))
		const info = await getAttachmentInfo(tx, input.attachmentId)
		// Gone meanwhile (removed in another tab): the page is out of date.
		if (!info || info.ownerType !== 'report' || info.ownerId !== input.reportId) refuse({ kind: 'stale' })
		enforce(info.uploadedBy === actor.id ? allowed : broken('reports.attachmentNotOwn'))
		await removeAttachment(tx, audit, input.attachmentId)
	})
}

// ── The steps of the lifecycle ──────────────────────────────────────────────────────────────

export type StepInput =
	| { step: 'submit_draft' }
	| { step: 'send_opinions'; opinions: string }
	| { step: 'submit_revised'; signerName: string; signerPosition: string }
	| { step: 'distribute' }
	| { step: 'open_deliberation' }

// 签发: the name as the record keeps it, with the official's position.
export function signerLabel(name: string, position: string) {
	return `${name}（${position}）`
}

export async function takeReportStep(db: Database, actor: Actor, input: { reportId: number; version: number; today: IsoDate } & StepInput) {
	return write(db, actor, async (tx, audit) => {
		const report = await lockVersioned(tx, reports, input.reportId, input.version)
		enforce(mayTakeStep(actor, report, input.step))
		const to = reportStepRules[input.step].to
		let changes: Record<string, unknown> = { state: to }
		if (input.step === 'submit_draft') {
			const progress = await tx
				.select({ taskId: reportTaskProgress.taskId, selfAssessment: reportTaskProgress.selfAssessment })
				.from(reportTaskProgress)
				.where(eq(reportTaskProgress.reportId, report.id))
			const taskIds = (await loadReportTasks(tx, report.id)).map((t) => t.task.id)
			const gaps = draftGaps(report, taskIds, progress)
			if (gaps.length) enforce(broken('reports.incomplete', { gaps: { labels: gaps.map((g) => `reports.gaps.${g}`) } }, 400))
			changes = { ...changes, draftSubmittedOn: input.today }
		}
		if (input.step === 'send_opinions') changes = { ...changes, collectedOpinions: input.opinions, opinionsSentOn: input.today }
		if (input.step === 'submit_revised') {
			changes = {
				...changes,
				signedOffBy: signerLabel(input.signerName, input.signerPosition),
				signedOffOn: input.today,
				revisedSubmittedOn: input.today,
			}
		}
		if (input.step === 'distribute') changes = { ...changes, distributedOn: input.today }
		await updateVersioned(tx, reports, report.id, input.version, changes)
		const { state: _state, ...recorded } = changes
		await audit({
			action: `report.${input.step}`,
			entityType: 'report',
			entityId: report.id,
			before: { state: report.state },
			after: { state: to, ...recorded },
		})
		if (input.step === 'open_deliberation') {
			await openDeliberation(tx, audit, {
				subjectType: 'report',
				subjectId: report.id,
				title: report.title || report.topic,
				meetingId: report.meetingId,
				organId: report.organId,
				respondingAgencyId: report.preparingAgencyId,
			})
		}
	})
}
