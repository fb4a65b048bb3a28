import type { Database } from '#db/client.server'
import { commitments } from '#db/schema'
import { agencyItemTransition } from '~/domain/agency-items'
import { mayTakeCommitmentStep } from '~/domain/commitments'
import type { IsoDate } from '~/domain/dates'
import { enforce, lockVersioned, updateVersioned, write, type Actor } from '../write.server'
import { commitmentsReadableBy, type Commitment } from './queries.server'

// Commitments, tracked: the agency's liaison reports what it did; the secretariat accepts the
// report or reopens the commitment with a reason (the agency then reports again). Each step locks
// the commitment within the actor's read scope, with the version the user saw, and checks the
// step's taker and the lifecycle (app/domain/commitments.ts, agency-items.ts) inside the
// transaction.

function auditView(row: Commitment) {
	return {
		agencyId: row.agencyId,
		text: row.text,
		dueOn: row.dueOn,
		state: row.state,
		response: row.response,
		respondedOn: row.respondedOn,
		verifiedOn: row.verifiedOn,
		reopenReason: row.reopenReason,
	}
}

function lockCommitment(tx: Database, actor: Actor, commitmentId: number, version: number) {
	return lockVersioned(tx, commitments, commitmentId, version, { where: commitmentsReadableBy(actor) })
}

export async function respondToCommitment(
	db: Database,
	actor: Actor,
	input: { commitmentId: number; version: number; response: string; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockCommitment(tx, actor, input.commitmentId, input.version)
		enforce(mayTakeCommitmentStep(actor, before, 'respond'))
		const after = await updateVersioned(tx, commitments, before.id, input.version, {
			state: agencyItemTransition(before.state, 'respond'),
			response: input.response,
			respondedOn: input.today,
		})
		await audit({ action: 'commitment.respond', entityType: 'commitment', entityId: before.id, before: auditView(before), after: { ...auditView(after), on: input.today } })
	})
}

// The secretariat's verification: accepted, or reopened with the reason the agency is shown.
export async function verifyCommitment(
	db: Database,
	actor: Actor,
	input: { commitmentId: number; version: number; decision: 'accept' | 'reopen'; reason?: string; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockCommitment(tx, actor, input.commitmentId, input.version)
		enforce(mayTakeCommitmentStep(actor, before, input.decision))
		const state = agencyItemTransition(before.state, input.decision)
		const values = input.decision === 'accept' ? { state, verifiedOn: input.today } : { state, verifiedOn: input.today, reopenReason: input.reason ?? '' }
		const after = await updateVersioned(tx, commitments, before.id, input.version, values)
		await audit({
			action: input.decision === 'accept' ? 'commitment.accept' : 'commitment.reopen',
			entityType: 'commitment',
			entityId: before.id,
			before: auditView(before),
			after: { ...auditView(after), on: input.today },
		})
	})
}
