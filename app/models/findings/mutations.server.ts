import { and, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { findings, inspectionGroup, inspections } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import { mayRecordFindingOn, mayTakeRectificationStep } from '~/domain/findings'
import type { Severity } from '~/domain/inspections'
import { nextRectificationState } from '~/domain/rectification'
import { storeAttachment } from '../attachments.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor } from '../write.server'

// Findings, written: recorded by the inspection's group or the secretariat while the inspection
// is under way; answered by the agency's liaison; verified by the secretariat. Each mutation
// checks the finding's policy and the rectification's rules (app/domain/findings.ts,
// rectification.ts) inside its transaction, on the locked row.

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
	files: ReadonlyArray<File>
}

// One audited transaction: the finding, then its files. The recorder is the actor.
export async function recordFinding(db: Database, actor: Actor, input: RecordFindingInput): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		// The inspection holds still (its state decides) while the finding is added to it.
		const inspection = await lockVersioned(tx, inspections, input.inspectionId, undefined, { mode: 'share' })
		const recordedBy = actor.id
		if (recordedBy === null) refuse({ kind: 'forbidden' })
		const [member] = await tx
			.select({ role: inspectionGroup.role })
			.from(inspectionGroup)
			.where(and(eq(inspectionGroup.inspectionId, inspection.id), eq(inspectionGroup.userId, recordedBy)))
		enforce(mayRecordFindingOn(actor, { state: inspection.state, inGroup: member !== undefined }))
		const { files, ...values } = input
		const [created] = await tx.insert(findings).values({ ...values, recordedBy }).returning()
		await audit({ action: 'finding.record', entityType: 'finding', entityId: created.id, before: null, after: auditView(created) })
		for (const file of files) {
			await storeAttachment(tx, audit, { ownerType: 'finding', ownerId: created.id, file, uploadedBy: recordedBy })
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

// ── The rectification ────────────────────────────────────────────────────────────────────────

// The agency's liaison reports what was done (with files): open or reopened → responded.
export async function respondToFinding(
	db: Database,
	actor: Actor,
	input: { findingId: number; version: number; response: string; files: ReadonlyArray<File>; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockVersioned(tx, findings, input.findingId, input.version)
		enforce(mayTakeRectificationStep(actor, before, 'respond'))
		const next = nextRectificationState(before.rectificationState, 'respond')
		enforce(next)
		const after = await updateVersioned(tx, findings, input.findingId, input.version, {
			rectificationState: next.ok ? next.state : before.rectificationState,
			response: input.response,
			respondedOn: input.today,
		})
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
		const before = await lockVersioned(tx, findings, input.findingId, input.version)
		enforce(mayTakeRectificationStep(actor, before, input.decision))
		const next = nextRectificationState(before.rectificationState, input.decision)
		enforce(next)
		const state = next.ok ? next.state : before.rectificationState
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
