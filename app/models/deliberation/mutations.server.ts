import { encodeHexLowerCase } from '@oslojs/encoding'
import { and, count, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { ballotParticipation, ballots, deliberationOpinions, deliberations } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import {
	choices,
	emptyTally,
	handlingReportDue,
	letterOf,
	mayChangeOpinion,
	mayCloseVote,
	mayComposeLetter,
	mayEnterTally,
	mayReviewHandling,
	maySendLetter,
	maySubmitHandling,
	mayTakeStep,
	mayVote,
	mayWriteOpinion,
	satisfactionResult,
	voterKey,
	type Choice,
	type DeliberationSubjectType,
	type Tally,
} from '~/domain/deliberation'
import type { Settings } from '~/domain/settings'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor, type Audit } from '../write.server'
import { storeAttachment } from '../attachments.server'
import { deliberationsReadableBy, type Deliberation } from './queries.server'

// The deliberation mechanism (审议), written: whatever the committee deliberates opens one through
// openDeliberation (a step of the caller's transaction); opinions, the secret ballot, the letter
// and the handling report follow. Each mutation locks the deliberation within the actor's read
// scope (out of scope is not found) and checks the policy's step (who takes it, app/domain/
// deliberation.ts) and its state rule inside the transaction.

// ── Public: opening and finding a deliberation ─────────────────────────────────────────────

// A fresh salt for the ballot keys of one vote (32 random bytes, hex).
export function newBallotSalt(): string {
	return encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(32)))
}

// Called inside the caller's write(): a subject (report, inspection, inquiry) goes to
// deliberation. The salt is never written to the audit log. `withVote: false` opens a
// deliberation without a satisfaction vote (a 专题询问 scheduled so): no salt, no ballots ever.
export async function openDeliberation(
	tx: Database,
	audit: Audit,
	input: {
		subjectType: DeliberationSubjectType
		subjectId: number
		title: string
		meetingId: number | null
		organId: number
		respondingAgencyId: number
		withVote?: boolean
	},
): Promise<number> {
	const withVote = input.withVote ?? true
	const [created] = await tx
		.insert(deliberations)
		.values({ ...input, withVote, state: 'open', ballotSalt: withVote ? newBallotSalt() : null })
		.returning({ id: deliberations.id })
	await audit({ action: 'deliberation.open', entityType: 'deliberation', entityId: created.id, before: null, after: input })
	return created.id
}

async function ballotCount(tx: Database, deliberationId: number): Promise<number> {
	const [row] = await tx.select({ n: count() }).from(ballots).where(eq(ballots.deliberationId, deliberationId))
	return row.n
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

// Locks the deliberation for a state change (votes and opinions only need its state to hold
// still: 'share'). The version the user saw is compared after the step's rule, with
// sameVersion(): a step the deliberation has moved past is refused with its reason ("the vote
// is closed"), not as "changed by someone else".
function lockDeliberation(tx: Database, actor: Actor, id: number, mode: 'update' | 'share' = 'update') {
	return lockVersioned(tx, deliberations, id, undefined, { mode, where: deliberationsReadableBy(actor) })
}

function sameVersion(row: { version: number }, version: number) {
	if (row.version !== version) refuse({ kind: 'stale' })
}

// SECRET BALLOT: the choice goes into `ballots` under a key only the salt links to the member;
// `ballot_participation` records that the member voted; the audit event says only that. A member
// votes in their own name: the voter is the actor.
export async function castVote(db: Database, actor: Actor, input: { deliberationId: number; choice: Choice }) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId, 'share')
		enforce(mayTakeStep(actor, row, 'vote', mayVote(row.state, row.tallySource === 'meeting_system', row.withVote)))
		const memberId = actor.id ?? refuse({ kind: 'forbidden' })
		// No salt, no vote: it is deleted when the vote closes.
		if (row.ballotSalt === null) refuse({ kind: 'rule', code: 'deliberation.voteClosed' })
		const key = voterKey(row.ballotSalt, memberId)
		await tx
			.insert(ballots)
			.values({ deliberationId: row.id, voterKey: key, choice: input.choice })
			.onConflictDoUpdate({ target: [ballots.deliberationId, ballots.voterKey], set: { choice: input.choice } })
		await tx
			.insert(ballotParticipation)
			.values({ deliberationId: row.id, memberId })
			.onConflictDoUpdate({
				target: [ballotParticipation.deliberationId, ballotParticipation.memberId],
				set: { votedAt: new Date() },
			})
		await audit({ action: 'deliberation.vote', entityType: 'deliberation', entityId: row.id, after: { voted: true } })
	})
}

async function countBallots(tx: Database, deliberationId: number): Promise<Tally> {
	const rows = await tx
		.select({ choice: ballots.choice, n: count() })
		.from(ballots)
		.where(eq(ballots.deliberationId, deliberationId))
		.groupBy(ballots.choice)
	const tally = emptyTally()
	for (const row of rows) if ((choices as ReadonlyArray<string>).includes(row.choice)) tally[row.choice] = row.n
	return tally
}

// Closing computes the tally and deletes the salt: from then on no one can link a ballot to a
// member through the app's data. The ballots are also written again sorted by choice, so that a
// plain listing of the table does not come out in the order members voted (which the
// participation times would reveal). The database's own files and logs are the operators'
// responsibility, like any backup.
export async function closeVote(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; version: number; settings: Settings },
) {
	return write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId)
		enforce(mayTakeStep(actor, row, 'closeVote', mayCloseVote(row.state, await ballotCount(tx, row.id), row.withVote)))
		sameVersion(row, input.version)
		const tally = await countBallots(tx, row.id)
		const kept = await tx
			.delete(ballots)
			.where(eq(ballots.deliberationId, row.id))
			.returning({ voterKey: ballots.voterKey, choice: ballots.choice })
		kept.sort((a, b) => (a.choice === b.choice ? (a.voterKey < b.voterKey ? -1 : 1) : a.choice < b.choice ? -1 : 1))
		if (kept.length) await tx.insert(ballots).values(kept.map((b) => ({ deliberationId: row.id, ...b })))
		const [participants] = await tx
			.select({ n: count() })
			.from(ballotParticipation)
			.where(eq(ballotParticipation.deliberationId, row.id))
		await updateVersioned(tx, deliberations, row.id, input.version, {
			state: 'vote_closed',
			tally,
			tallySource: 'ballots',
			voteClosedAt: new Date(),
			ballotSalt: null,
		})
		await audit({
			action: 'deliberation.vote.close',
			entityType: 'deliberation',
			entityId: row.id,
			before: { state: row.state },
			after: {
				state: 'vote_closed',
				tallySource: 'ballots',
				tally,
				result: satisfactionResult(tally, input.settings.satisfactionThresholdPercent),
				participants: participants.n,
			},
		})
		return tally
	})
}

// The tally from the meeting's voting system settles the vote. Ballots cast in the app are
// discarded only when the secretariat confirmed it (`replace`), and the audit says how many.
export async function enterTally(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; version: number; tally: Tally; replace: boolean; settings: Settings },
) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId)
		const cast = await ballotCount(tx, row.id)
		enforce(mayTakeStep(actor, row, 'enterTally', mayEnterTally(row.state, cast, input.replace, row.withVote)))
		sameVersion(row, input.version)
		await tx.delete(ballots).where(eq(ballots.deliberationId, row.id))
		await tx.delete(ballotParticipation).where(eq(ballotParticipation.deliberationId, row.id))
		await updateVersioned(tx, deliberations, row.id, input.version, {
			state: 'vote_closed',
			tally: input.tally,
			tallySource: 'meeting_system',
			voteClosedAt: new Date(),
			ballotSalt: null,
		})
		await audit({
			action: 'deliberation.tally',
			entityType: 'deliberation',
			entityId: row.id,
			before: { state: row.state },
			after: {
				state: 'vote_closed',
				tallySource: 'meeting_system',
				tally: input.tally,
				result: satisfactionResult(input.tally, input.settings.satisfactionThresholdPercent),
				discardedBallots: cast,
			},
		})
	})
}

// ── Opinions ─────────────────────────────────────────────────────────────────────────────────

// A member's opinion in their own name; or, with `memberId`, one the secretariat enters from group
// deliberation on that member's behalf (marked as entered by the secretariat).
export async function addOpinion(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; clauseId: number | null; text: string; memberId?: number },
) {
	return write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId, 'share')
		const onBehalf = input.memberId !== undefined
		enforce(mayTakeStep(actor, row, onBehalf ? 'proxyOpinion' : 'writeOpinion', mayWriteOpinion(row.state)))
		const author = actor.id ?? refuse({ kind: 'forbidden' })
		const values = {
			deliberationId: row.id,
			memberId: input.memberId ?? author,
			clauseId: input.clauseId,
			text: input.text,
			enteredBy: onBehalf ? author : null,
		}
		const [created] = await tx.insert(deliberationOpinions).values(values).returning({ id: deliberationOpinions.id })
		await audit({
			action: 'deliberation.opinion.create',
			entityType: 'deliberation_opinion',
			entityId: created.id,
			before: null,
			after: values,
		})
		return created.id
	})
}

// The opinion to change, locked: its author (or the secretariat that entered it) changes it until
// the letter is sent, and only the version they saw. One deleted meanwhile, or of another
// deliberation, means the page the user saw is out of date.
async function lockOpinion(tx: Database, actor: Actor, deliberation: Deliberation, opinionId: number, version: number) {
	const [opinion] = await tx
		.select()
		.from(deliberationOpinions)
		.where(and(eq(deliberationOpinions.id, opinionId), eq(deliberationOpinions.deliberationId, deliberation.id)))
		.for('update')
	if (!opinion) {
		enforce(mayWriteOpinion(deliberation.state))
		refuse({ kind: 'stale' })
	}
	enforce(mayChangeOpinion(actor, deliberation, opinion))
	sameVersion(opinion, version)
	return opinion
}

export async function updateOpinion(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; opinionId: number; version: number; clauseId: number | null; text: string },
) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId, 'share')
		const before = await lockOpinion(tx, actor, row, input.opinionId, input.version)
		await updateVersioned(tx, deliberationOpinions, input.opinionId, input.version, { clauseId: input.clauseId, text: input.text })
		await audit({
			action: 'deliberation.opinion.update',
			entityType: 'deliberation_opinion',
			entityId: input.opinionId,
			before: { clauseId: before.clauseId, text: before.text },
			after: { clauseId: input.clauseId, text: input.text },
		})
	})
}

export async function deleteOpinion(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; opinionId: number; version: number },
) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId, 'share')
		const before = await lockOpinion(tx, actor, row, input.opinionId, input.version)
		await tx.delete(deliberationOpinions).where(eq(deliberationOpinions.id, input.opinionId))
		await audit({
			action: 'deliberation.opinion.delete',
			entityType: 'deliberation_opinion',
			entityId: input.opinionId,
			before: { deliberationId: before.deliberationId, memberId: before.memberId, clauseId: before.clauseId, text: before.text, enteredBy: before.enteredBy },
			after: null,
		})
	})
}


// ── The letter ───────────────────────────────────────────────────────────────────────────────

export type LetterInput = { number: string; to: string; cc: string; body: string; dueOn: IsoDate | null }

function storedLetter(row: Deliberation): LetterInput {
	return { number: row.letterNumber, to: row.letterTo, cc: row.letterCc, body: row.letterBody, dueOn: row.handlingDueOn }
}

// Before the letter is sent, handlingDueOn holds only a date the secretariat set; when it is
// left empty, sending fixes the default (handlingDueDays: the setting of the subject's kind).
export async function saveLetter(db: Database, actor: Actor, input: { deliberationId: number; version: number } & LetterInput) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId)
		enforce(mayTakeStep(actor, row, 'composeLetter', mayComposeLetter(row.state, row.withVote)))
		sameVersion(row, input.version)
		const after = { number: input.number, to: input.to, cc: input.cc, body: input.body, dueOn: input.dueOn }
		await updateVersioned(tx, deliberations, row.id, input.version, {
			letterNumber: input.number,
			letterTo: input.to,
			letterCc: input.cc,
			letterBody: input.body,
			handlingDueOn: input.dueOn,
		})
		await audit({ action: 'deliberation.letter.save', entityType: 'deliberation', entityId: row.id, before: storedLetter(row), after })
	})
}

export async function sendLetter(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; version: number; today: IsoDate; settings: Settings },
) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId)
		enforce(mayTakeStep(actor, row, 'sendLetter', maySendLetter(row.state, letterOf(row), input.today, row.withVote)))
		sameVersion(row, input.version)
		const handlingDueOn = handlingReportDue(input.today, input.settings, row.handlingDueOn, row.subjectType)
		await updateVersioned(tx, deliberations, row.id, input.version, {
			state: 'letter_sent',
			letterSentOn: input.today,
			handlingDueOn,
		})
		await audit({
			action: 'deliberation.letter.send',
			entityType: 'deliberation',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'letter_sent', letterNumber: row.letterNumber, letterSentOn: input.today, handlingDueOn },
		})
	})
}

// ── The handling report ──────────────────────────────────────────────────────────────────────

// The report's files (attachments of owner type 'handling_report', checked by their content
// before) are stored in the same transaction: a refused submission leaves none behind.
export async function submitHandling(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; version: number; text: string; today: IsoDate; files?: Array<File> },
) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId)
		enforce(mayTakeStep(actor, row, 'answer', maySubmitHandling(row.state)))
		sameVersion(row, input.version)
		const attached: Array<string> = []
		for (const file of input.files ?? []) {
			await storeAttachment(tx, audit, { ownerType: 'handling_report', ownerId: row.id, file, uploadedBy: actor.id })
			attached.push(file.name)
		}
		await updateVersioned(tx, deliberations, row.id, input.version, {
			state: 'handling_submitted',
			handlingText: input.text,
			handlingSubmittedOn: input.today,
		})
		await audit({
			action: 'deliberation.handling.submit',
			entityType: 'deliberation',
			entityId: row.id,
			before: { state: row.state, text: row.handlingText },
			after: { state: 'handling_submitted', text: input.text, submittedOn: input.today, attachments: attached },
		})
	})
}

export async function acceptHandling(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; version: number; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId)
		enforce(mayTakeStep(actor, row, 'reviewHandling', mayReviewHandling(row.state)))
		sameVersion(row, input.version)
		await updateVersioned(tx, deliberations, row.id, input.version, { state: 'closed', handlingAcceptedOn: input.today })
		await audit({
			action: 'deliberation.handling.accept',
			entityType: 'deliberation',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'closed', acceptedOn: input.today },
		})
	})
}

// Returned: the agency answers again; the due date stays.
export async function returnHandling(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; version: number; reason: string },
) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockDeliberation(tx, actor, input.deliberationId)
		enforce(mayTakeStep(actor, row, 'reviewHandling', mayReviewHandling(row.state)))
		sameVersion(row, input.version)
		await updateVersioned(tx, deliberations, row.id, input.version, {
			state: 'letter_sent',
			handlingReturnReason: input.reason,
			handlingSubmittedOn: null,
		})
		await audit({
			action: 'deliberation.handling.return',
			entityType: 'deliberation',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'letter_sent', reason: input.reason },
		})
	})
}
