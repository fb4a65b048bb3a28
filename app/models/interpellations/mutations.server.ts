import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, interpellationClauses, interpellationRounds, interpellations, interpellationSigners, interpellationVerdicts, meetings, users } from '#db/schema'
import { can } from '~/auth/permissions'
import type { IsoDate } from '~/domain/dates'
import {
	arrangedDueOn,
	arrangementRule,
	concludesRound,
	isInterpellationTarget,
	maySubmit,
	mayTakeInterpellationStep,
	oralAnswerAgendaTitle,
	noParticipation,
	type Arrangement,
	type InterpellationStep,
	type SignerVerdict,
} from '~/domain/interpellations'
import { broken, permitted } from '~/domain/refusal'
import type { Settings } from '~/domain/settings'
import { addAgendaItem } from '../meetings/mutations.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor, type Audit } from '../write.server'
import { currentRound, interpellationsReadableBy, loadSignatures, loadVerdicts, participationOf, policyContext } from './queries.server'

// Interpellations (质询案), written. Every step locks the interpellation within the actor's read
// scope (out of scope is not found), asks the policy (app/domain/interpellations.ts) inside the
// transaction and writes its audit event. A member's own acts — signing, withdrawing a
// signature, a verdict — need no version: they are the member's, and the primary keys keep each
// member to one signature and one verdict per round even when two requests race.

type Draft = { targetAgencyId: number; matter: string; questions: string; clauseIds: Array<number>; today: IsoDate }

async function checkTarget(tx: Database, targetAgencyId: number) {
	const [agency] = await tx.select({ kind: agencies.kind, level: agencies.level, active: agencies.active }).from(agencies).where(eq(agencies.id, targetAgencyId))
	if (!agency || !agency.active || !isInterpellationTarget(agency)) enforce(broken('interpellations.target', undefined, 400))
}

// Committee members only, with an account in use.
async function checkMembers(tx: Database, memberIds: Array<number>) {
	if (memberIds.length === 0) return
	const rows = await tx
		.select({ id: users.id })
		.from(users)
		.where(and(inArray(users.id, memberIds), eq(users.role, 'member'), eq(users.disabled, false)))
	if (rows.length !== new Set(memberIds).size) enforce(broken('interpellations.notMember', undefined, 400))
}

async function insertDraft(tx: Database, actor: Actor, input: Draft, source: 'app' | 'paper') {
	const [created] = await tx
		.insert(interpellations)
		.values({
			targetAgencyId: input.targetAgencyId,
			matter: input.matter,
			questions: input.questions,
			source,
			drafterId: source === 'app' ? actor.id : null,
			enteredBy: source === 'paper' ? actor.id : null,
			state: 'draft',
			year: Number(input.today.slice(0, 4)),
			draftedOn: input.today,
		})
		.returning({ id: interpellations.id })
	const clauseIds = [...new Set(input.clauseIds)]
	if (clauseIds.length) await tx.insert(interpellationClauses).values(clauseIds.map((clauseId) => ({ interpellationId: created.id, clauseId })))
	return created.id
}

// A member drafts one: they are its first signer, and ask the members they name to co-sign.
export async function draftInterpellation(db: Database, actor: Actor, input: Draft & { inviteeIds: Array<number> }) {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(actor.role === 'member' && actor.id !== null))
		const drafterId = actor.id as number
		await checkTarget(tx, input.targetAgencyId)
		const invitees = [...new Set(input.inviteeIds)].filter((id) => id !== drafterId)
		await checkMembers(tx, invitees)
		const id = await insertDraft(tx, actor, input, 'app')
		const now = new Date()
		await tx.insert(interpellationSigners).values([
			{ interpellationId: id, memberId: drafterId, signedAt: now },
			...invitees.map((memberId) => ({ interpellationId: id, memberId, invitedAt: now })),
		])
		await audit({
			action: 'interpellation.draft',
			entityType: 'interpellation',
			entityId: id,
			after: { targetAgencyId: input.targetAgencyId, matter: input.matter, questions: input.questions, clauseIds: input.clauseIds, invited: invitees },
		})
		return id
	})
}

// The office enters one signed on paper, recording each signer.
export async function enterPaperInterpellation(db: Database, actor: Actor, input: Draft & { signerIds: Array<number> }) {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'oversight:manage')))
		await checkTarget(tx, input.targetAgencyId)
		const signerIds = [...new Set(input.signerIds)]
		if (signerIds.length === 0) enforce(broken('interpellations.noSigners', undefined, 400))
		await checkMembers(tx, signerIds)
		const id = await insertDraft(tx, actor, input, 'paper')
		const now = new Date()
		await tx.insert(interpellationSigners).values(signerIds.map((memberId) => ({ interpellationId: id, memberId, signedAt: now, enteredBy: actor.id })))
		await audit({
			action: 'interpellation.enter_paper',
			entityType: 'interpellation',
			entityId: id,
			after: { targetAgencyId: input.targetAgencyId, matter: input.matter, questions: input.questions, clauseIds: input.clauseIds, signers: signerIds },
		})
		return id
	})
}

// ── Locking and the policy, inside the transaction ──────────────────────────────────────────

// Locks the interpellation within the actor's read scope and checks the step on it as it is now.
// `share` holds it still for a member's own act (signing): the steps that move it take 'update'
// and wait for those to finish.
async function lockForStep(
	tx: Database,
	actor: Actor,
	input: { interpellationId: number; version?: number; today: IsoDate },
	step: InterpellationStep,
	mode: 'update' | 'share' = 'update',
) {
	const row = await lockVersioned(tx, interpellations, input.interpellationId, undefined, { mode, where: interpellationsReadableBy(actor) })
	const [targetRow] = await tx.select({ kind: agencies.kind, level: agencies.level, name: agencies.name }).from(agencies).where(eq(agencies.id, row.targetAgencyId))
	const me = actor.role === 'member' && actor.id !== null ? await participationOf(tx, row.id, actor.id, row.round) : noParticipation
	const round = await currentRound(tx, row.id, row.round)
	const { record, context } = await policyContext(tx, { interpellation: row, target: targetRow, involved: me.invited || me.signed, me, round }, input.today)
	enforce(mayTakeInterpellationStep(actor, record, step, context))
	// A step the interpellation has moved past is refused with its reason above; only then is the
	// version the user saw compared.
	if (input.version !== undefined && row.version !== input.version) refuse({ kind: 'stale' })
	return { row, target: targetRow, round, context }
}

// ── Co-signing ──────────────────────────────────────────────────────────────────────────────

export async function inviteCoSigners(db: Database, actor: Actor, input: { interpellationId: number; memberIds: Array<number>; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'invite')
		const memberIds = [...new Set(input.memberIds)].filter((id) => id !== actor.id)
		if (memberIds.length === 0) enforce(broken('interpellations.noInvitees', undefined, 400))
		await checkMembers(tx, memberIds)
		const added = await tx
			.insert(interpellationSigners)
			.values(memberIds.map((memberId) => ({ interpellationId: row.id, memberId, invitedAt: new Date() })))
			.onConflictDoNothing()
			.returning({ memberId: interpellationSigners.memberId })
		await audit({ action: 'interpellation.invite', entityType: 'interpellation', entityId: row.id, after: { invited: added.map((a) => a.memberId) } })
	})
}

// One signature per member: the insert or the re-signing after a withdrawal happens only when no
// standing signature exists — checked by the database on the row itself, so two requests at once
// cannot both sign.
async function addSignature(tx: Database, interpellationId: number, memberId: number, enteredBy: number | null) {
	const now = new Date()
	const rows = await tx
		.insert(interpellationSigners)
		.values({ interpellationId, memberId, signedAt: now, enteredBy })
		.onConflictDoUpdate({
			target: [interpellationSigners.interpellationId, interpellationSigners.memberId],
			set: { signedAt: now, withdrawnAt: null, enteredBy },
			setWhere: or(isNull(interpellationSigners.signedAt), isNotNull(interpellationSigners.withdrawnAt)),
		})
		.returning({ memberId: interpellationSigners.memberId })
	if (rows.length === 0) enforce(broken('interpellations.alreadySigned'))
}

async function removeSignature(tx: Database, interpellationId: number, memberId: number) {
	const rows = await tx
		.update(interpellationSigners)
		.set({ withdrawnAt: new Date() })
		.where(
			and(
				eq(interpellationSigners.interpellationId, interpellationId),
				eq(interpellationSigners.memberId, memberId),
				isNotNull(interpellationSigners.signedAt),
				isNull(interpellationSigners.withdrawnAt),
			),
		)
		.returning({ memberId: interpellationSigners.memberId })
	// Withdrawn meanwhile (another tab): the page is out of date.
	if (rows.length === 0) refuse({ kind: 'stale' })
}

export async function signInterpellation(db: Database, actor: Actor, input: { interpellationId: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'sign', 'share')
		await addSignature(tx, row.id, actor.id as number, null)
		await audit({ action: 'interpellation.sign', entityType: 'interpellation', entityId: row.id, after: { memberId: actor.id } })
	})
}

export async function withdrawSignature(db: Database, actor: Actor, input: { interpellationId: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'withdrawSignature', 'share')
		await removeSignature(tx, row.id, actor.id as number)
		await audit({ action: 'interpellation.withdraw_signature', entityType: 'interpellation', entityId: row.id, after: { memberId: actor.id } })
	})
}

// The office records a signature made on paper, or strikes one it recorded by mistake.
export async function recordPaperSignature(db: Database, actor: Actor, input: { interpellationId: number; memberId: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'recordSignature', 'share')
		await checkMembers(tx, [input.memberId])
		await addSignature(tx, row.id, input.memberId, actor.id)
		await audit({ action: 'interpellation.record_signature', entityType: 'interpellation', entityId: row.id, after: { memberId: input.memberId } })
	})
}

export async function strikePaperSignature(db: Database, actor: Actor, input: { interpellationId: number; memberId: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'strikeSignature', 'share')
		await removeSignature(tx, row.id, input.memberId)
		await audit({ action: 'interpellation.strike_signature', entityType: 'interpellation', entityId: row.id, before: { memberId: input.memberId } })
	})
}

// ── Handing in and withdrawing ──────────────────────────────────────────────────────────────

// Art. 51: enough distinct member signers, counted under the lock (a signature withdrawn at the
// same moment waits for this, or this for it), and a target the committee may question.
export async function submitInterpellation(
	db: Database,
	actor: Actor,
	input: { interpellationId: number; version: number; today: IsoDate; settings: Pick<Settings, 'interpellationMinSigners'> },
) {
	await write(db, actor, async (tx, audit) => {
		const { row, target } = await lockForStep(tx, actor, input, 'submit')
		const signatures = await loadSignatures(tx, row.id)
		enforce(maySubmit({ state: row.state, targetKind: target.kind, targetLevel: target.level }, signatures, input.settings))
		const year = Number(input.today.slice(0, 4))
		await updateVersioned(tx, interpellations, row.id, row.version, { state: 'submitted', submittedOn: input.today, year })
		await audit({
			action: 'interpellation.submit',
			entityType: 'interpellation',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'submitted', submittedOn: input.today, signers: signatures.filter((s) => !s.withdrawn).map((s) => s.memberId) },
		})
	})
}

export async function withdrawInterpellation(db: Database, actor: Actor, input: { interpellationId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'withdraw')
		await updateVersioned(tx, interpellations, row.id, row.version, { state: 'withdrawn', withdrawnOn: input.today })
		await audit({ action: 'interpellation.withdraw', entityType: 'interpellation', entityId: row.id, before: { state: row.state }, after: { state: 'withdrawn' } })
	})
}

// ── The chairpersons' council (Art. 52, 53) ─────────────────────────────────────────────────

// A round's arrangement, checked and stored; an oral answer at a standing committee meeting goes
// on that meeting's agenda.
async function openRound(tx: Database, audit: Audit, row: { id: number; matter: string }, targetName: string, round: number, arrangement: Arrangement, today: IsoDate) {
	let meeting: { startsOn: IsoDate; endsOn: IsoDate } | null = null
	if (arrangement.mode === 'oral' && arrangement.forum === 'standing_committee') {
		const [found] = await tx.select({ startsOn: meetings.startsOn, endsOn: meetings.endsOn }).from(meetings).where(eq(meetings.id, arrangement.meetingId))
		meeting = found ?? null
	}
	enforce(arrangementRule(arrangement, today, meeting))
	const values = {
		interpellationId: row.id,
		round,
		decidedOn: today,
		mode: arrangement.mode,
		forum: arrangement.mode === 'oral' ? arrangement.forum : null,
		meetingId: arrangement.mode === 'oral' && arrangement.forum === 'standing_committee' ? arrangement.meetingId : null,
		specialMeeting: arrangement.mode === 'oral' && arrangement.forum === 'special_committee' ? arrangement.specialMeeting : null,
		// A standing committee meeting's day is read from the meeting (it may be moved).
		answerDueOn: arrangement.mode === 'oral' && arrangement.forum === 'standing_committee' ? null : arrangedDueOn(arrangement, meeting),
	}
	await tx.insert(interpellationRounds).values(values)
	if (arrangement.mode === 'oral' && arrangement.forum === 'standing_committee') {
		await addAgendaItem(tx, audit, arrangement.meetingId, {
			kind: 'interpellation',
			title: oralAnswerAgendaTitle(targetName, row.matter),
			subjectType: 'interpellation',
			subjectId: row.id,
		})
	}
	return values
}

export type ReferralInput =
	| { decision: 'referred'; arrangement: Arrangement; note: string }
	| { decision: 'not_referred'; note: string }

export async function recordReferral(db: Database, actor: Actor, input: { interpellationId: number; version: number; today: IsoDate } & ReferralInput) {
	await write(db, actor, async (tx, audit) => {
		const { row, target } = await lockForStep(tx, actor, input, 'refer')
		const state = input.decision === 'referred' ? 'referred' : 'not_referred'
		const round = input.decision === 'referred' ? await openRound(tx, audit, row, target.name, 1, input.arrangement, input.today) : null
		await updateVersioned(tx, interpellations, row.id, row.version, { state, referralDecidedOn: input.today, referralNote: input.note, round: 1 })
		await audit({
			action: 'interpellation.refer',
			entityType: 'interpellation',
			entityId: row.id,
			before: { state: row.state },
			after: { state, decidedOn: input.today, note: input.note, round },
		})
	})
}

// ── The answer (Art. 54) ────────────────────────────────────────────────────────────────────

export async function enterAnswer(
	db: Database,
	actor: Actor,
	input: { interpellationId: number; version: number; today: IsoDate; text: string; answererName: string; answererTitle: string },
) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'answer')
		const answer = {
			answerText: input.text,
			answeredOn: input.today,
			answererName: input.answererName,
			answererTitle: input.answererTitle,
			answerEnteredBy: actor.id,
		}
		await tx
			.update(interpellationRounds)
			.set(answer)
			.where(and(eq(interpellationRounds.interpellationId, row.id), eq(interpellationRounds.round, row.round)))
		await updateVersioned(tx, interpellations, row.id, row.version, { state: 'answered' })
		await audit({
			action: 'interpellation.answer',
			entityType: 'interpellation',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'answered', round: row.round, answeredOn: input.today, answerer: `${input.answererName}（${input.answererTitle}）`, chars: input.text.length },
		})
	})
}

// ── The signers' verdicts and the re-answer (Art. 53) ───────────────────────────────────────

// A signer's verdict on the round (changed until the round ends). When every signer has given
// one and no re-answer can be asked for, the interpellation is concluded.
export async function recordVerdict(db: Database, actor: Actor, input: { interpellationId: number; verdict: SignerVerdict; today: IsoDate }) {
	return write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'judge')
		await tx
			.insert(interpellationVerdicts)
			.values({ interpellationId: row.id, round: row.round, memberId: actor.id as number, verdict: input.verdict })
			.onConflictDoUpdate({
				target: [interpellationVerdicts.interpellationId, interpellationVerdicts.round, interpellationVerdicts.memberId],
				set: { verdict: input.verdict, recordedAt: sql`now()` },
			})
		const verdicts = await loadVerdicts(tx, row.id, row.round)
		const concluded = concludesRound(verdicts)
		if (concluded) await updateVersioned(tx, interpellations, row.id, row.version, { state: 'closed', closedOn: input.today })
		await audit({
			action: 'interpellation.verdict',
			entityType: 'interpellation',
			entityId: row.id,
			after: { round: row.round, memberId: actor.id, verdict: input.verdict, ...(concluded ? { state: 'closed', verdicts } : {}) },
		})
		return { concluded }
	})
}

export async function requestReanswer(db: Database, actor: Actor, input: { interpellationId: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row, context } = await lockForStep(tx, actor, input, 'requestReanswer')
		await tx
			.update(interpellationRounds)
			.set({ reanswerRequestedOn: input.today, reanswerRequestedBy: actor.id })
			.where(and(eq(interpellationRounds.interpellationId, row.id), eq(interpellationRounds.round, row.round)))
		await updateVersioned(tx, interpellations, row.id, row.version, { state: 'reanswer_requested' })
		await audit({
			action: 'interpellation.request_reanswer',
			entityType: 'interpellation',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'reanswer_requested', round: row.round, verdicts: context.verdicts },
		})
	})
}

export type ReanswerInput = { decision: 'granted'; arrangement: Arrangement; note: string } | { decision: 'refused'; note: string }

// Granted: the agency answers again, as the council arranges — a new round. Refused: concluded.
export async function decideReanswer(db: Database, actor: Actor, input: { interpellationId: number; version: number; today: IsoDate } & ReanswerInput) {
	await write(db, actor, async (tx, audit) => {
		const { row, target } = await lockForStep(tx, actor, input, 'decideReanswer')
		await tx
			.update(interpellationRounds)
			.set({ reanswerDecision: input.decision, reanswerDecidedOn: input.today, reanswerNote: input.note })
			.where(and(eq(interpellationRounds.interpellationId, row.id), eq(interpellationRounds.round, row.round)))
		if (input.decision === 'granted') {
			const next = row.round + 1
			const round = await openRound(tx, audit, row, target.name, next, input.arrangement, input.today)
			await updateVersioned(tx, interpellations, row.id, row.version, { state: 'referred', round: next })
			await audit({
				action: 'interpellation.reanswer_granted',
				entityType: 'interpellation',
				entityId: row.id,
				before: { state: row.state, round: row.round },
				after: { state: 'referred', note: input.note, round },
			})
			return
		}
		await updateVersioned(tx, interpellations, row.id, row.version, { state: 'closed', closedOn: input.today })
		await audit({
			action: 'interpellation.reanswer_refused',
			entityType: 'interpellation',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'closed', note: input.note },
		})
	})
}

// The office concludes a round as it stands (the signers who wanted to say something have).
export async function closeInterpellation(db: Database, actor: Actor, input: { interpellationId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row, context } = await lockForStep(tx, actor, input, 'close')
		await updateVersioned(tx, interpellations, row.id, row.version, { state: 'closed', closedOn: input.today })
		await audit({
			action: 'interpellation.close',
			entityType: 'interpellation',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'closed', round: row.round, verdicts: context.verdicts },
		})
	})
}
