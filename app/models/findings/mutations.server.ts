import { eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { findings } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import { mayRespondToFinding, mayVerifyFinding } from '~/domain/findings'
import type { Severity } from '~/domain/inspections'
import { nextRectificationState, type RectificationAction, type RectificationState } from '~/domain/rectification'
import { storeAttachment } from '../attachments.server'
import { staleRecord, updateVersioned, write, type Actor } from '../write.server'

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

