import { encodeHexLowerCase } from '@oslojs/encoding'
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client.server'
import { agencies, ballotParticipation, ballots, clauses, deliberationOpinions, deliberations, instruments, meetings, users } from '#db/schema'
import type { Role } from '~/domain/roles'
import { shanghaiDate, type IsoDate } from '~/domain/dates'
import {
	choices,
	emptyTally,
	handlingReportDue,
	letterIsSent,
	mayCloseVote,
	mayComposeLetter,
	mayEnterTally,
	mayReviewHandling,
	maySendLetter,
	maySubmitHandling,
	mayVote,
	mayWriteOpinion,
	satisfactionResult,
	voterKey,
	type Allowed,
	type Choice,
	type DeliberationState,
	type ListFilter,
	type DeliberationSubjectType,
	type Refusal,
	type Tally,
} from '~/domain/deliberation'
import { meetingLabel } from '~/domain/meetings'
import type { Settings } from '~/domain/settings'
import { loadSettings } from './settings.server'
import { staleRecord, updateVersioned, write, type Actor, type Audit } from './write.server'
import { outer } from './sql.server'

// The deliberation mechanism (审议): whatever the committee deliberates — a special work report,
// an inspection report, a 专题询问 — opens one through openDeliberation and finds it again with
// getDeliberationFor. This module knows the subject only as subject_type / subject_id / title.

export type Deliberation = typeof deliberations.$inferSelect

// ── Refusals ─────────────────────────────────────────────────────────────────────────────────

export type DeliberationRefusedError = Error & { name: 'DeliberationRefused'; refusal: Refusal }

function refused(refusal: Refusal): DeliberationRefusedError {
	return Object.assign(new Error(refusal.reason), { name: 'DeliberationRefused' as const, refusal })
}

export function isRefused(error: unknown): error is DeliberationRefusedError {
	return error instanceof Error && error.name === 'DeliberationRefused'
}

function check(verdict: Allowed | Refusal) {
	if (!verdict.ok) throw refused(verdict)
}

// ── Public: opening and finding a deliberation ─────────────────────────────────────────────

// A fresh salt for the ballot keys of one vote (32 random bytes, hex).
export function newBallotSalt(): string {
	return encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(32)))
}

// Called inside the caller's write(): a subject (report, inspection, inquiry) goes to
// deliberation. The salt is never written to the audit log.
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
	},
): Promise<number> {
	const [created] = await tx
		.insert(deliberations)
		.values({ ...input, state: 'open', ballotSalt: newBallotSalt() })
		.returning({ id: deliberations.id })
	await audit({ action: 'deliberation.open', entityType: 'deliberation', entityId: created.id, before: null, after: input })
	return created.id
}

export async function getDeliberationFor(
	db: Database,
	subjectType: DeliberationSubjectType,
	subjectId: number,
): Promise<{ id: number; state: DeliberationState; result: Choice | null; handlingDueOn: string | null } | null> {
	const [row] = await db
		.select({ id: deliberations.id, state: deliberations.state, tally: deliberations.tally, handlingDueOn: deliberations.handlingDueOn })
		.from(deliberations)
		.where(and(eq(deliberations.subjectType, subjectType), eq(deliberations.subjectId, subjectId)))
	if (!row) return null
	// Before the letter goes out the column holds at most a date the secretariat proposed: the
	// handling report is due only once the letter is sent.
	const handlingDueOn = letterIsSent(row.state) ? row.handlingDueOn : null
	return { id: row.id, state: row.state, result: await resultOf(db, row.tally), handlingDueOn }
}

async function resultOf(db: Database, tally: Tally | null): Promise<Choice | null> {
	if (!tally) return null
	return satisfactionResult(tally, (await loadSettings(db)).satisfactionThresholdPercent)
}

// ── Reading, scoped by the reader in the WHERE clause ──────────────────────────────────────

export type Reader = { id: number; role: Role; agencyId: number | null }

const sentStates: Array<DeliberationState> = ['letter_sent', 'handling_submitted', 'closed']

// The SQL twin of mayReadDeliberation (app/domain/deliberation.ts): a forgotten check returns
// nothing rather than another agency's record.
export function readableBy(user: Reader): SQL | undefined {
	if (user.role === 'admin' || user.role === 'secretariat' || user.role === 'member') return undefined
	if (user.role === 'deputy') return inArray(deliberations.state, sentStates)
	if (user.role === 'agency' && user.agencyId !== null) {
		return and(inArray(deliberations.state, sentStates), eq(deliberations.respondingAgencyId, user.agencyId))
	}
	return sql`false`
}

const organ = alias(agencies, 'organ')
const responding = alias(agencies, 'responding')

export async function loadDeliberation(db: Database, id: number, user: Reader) {
	const [row] = await db
		.select({
			deliberation: deliberations,
			organName: organ.name,
			respondingName: responding.name,
			meeting: { id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn },
		})
		.from(deliberations)
		.innerJoin(organ, eq(organ.id, deliberations.organId))
		.innerJoin(responding, eq(responding.id, deliberations.respondingAgencyId))
		.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
		.where(and(eq(deliberations.id, id), readableBy(user)))
	if (!row) return null
	// The salt never leaves the server: with it, a ballot's key could be recomputed.
	const { ballotSalt: _salt, ...deliberation } = row.deliberation
	return {
		...deliberation,
		organName: row.organName,
		respondingName: row.respondingName,
		meetingLabel: row.meeting?.id ? meetingLabel(row.meeting) : null,
	}
}

export type LoadedDeliberation = NonNullable<Awaited<ReturnType<typeof loadDeliberation>>>

const enteredByUser = alias(users, 'entered_by_user')

export async function listOpinions(db: Database, deliberationId: number) {
	return db
		.select({
			id: deliberationOpinions.id,
			memberId: deliberationOpinions.memberId,
			memberName: users.realName,
			clauseId: deliberationOpinions.clauseId,
			clauseLabel: clauses.label,
			clauseOrdinal: clauses.ordinal,
			text: deliberationOpinions.text,
			enteredBy: deliberationOpinions.enteredBy,
			enteredByName: enteredByUser.realName,
			createdAt: deliberationOpinions.createdAt,
			version: deliberationOpinions.version,
		})
		.from(deliberationOpinions)
		.innerJoin(users, eq(users.id, deliberationOpinions.memberId))
		.leftJoin(clauses, eq(clauses.id, deliberationOpinions.clauseId))
		.leftJoin(enteredByUser, eq(enteredByUser.id, deliberationOpinions.enteredBy))
		.where(eq(deliberationOpinions.deliberationId, deliberationId))
		.orderBy(asc(deliberationOpinions.createdAt), asc(deliberationOpinions.id))
}

// Members who may vote: the standing committee's members with an active account.
export async function listMembers(db: Database) {
	return db
		.select({ id: users.id, realName: users.realName })
		.from(users)
		.where(and(eq(users.role, 'member'), eq(users.disabled, false)))
		.orderBy(asc(users.id))
}

// The decision's clauses, for an opinion's optional clause (instrument by instrument).
export async function listClauseOptions(db: Database) {
	return db
		.select({ id: clauses.id, label: clauses.label, instrumentTitle: instruments.title, excerpt: sql<string>`left(${clauses.paragraphs}->>0, 40)` })
		.from(clauses)
		.innerJoin(instruments, eq(instruments.id, clauses.instrumentId))
		.orderBy(asc(instruments.id), asc(clauses.ordinal))
}

// Who voted, as a count (N of M members) — never how.
export async function participation(db: Database, deliberationId: number) {
	const [voted] = await db
		.select({ n: count() })
		.from(ballotParticipation)
		.where(eq(ballotParticipation.deliberationId, deliberationId))
	const [members] = await db
		.select({ n: count() })
		.from(users)
		.where(and(eq(users.role, 'member'), eq(users.disabled, false)))
	return { voted: voted.n, members: members.n }
}

export async function votedAt(db: Database, deliberationId: number, memberId: number): Promise<Date | null> {
	const [row] = await db
		.select({ votedAt: ballotParticipation.votedAt })
		.from(ballotParticipation)
		.where(and(eq(ballotParticipation.deliberationId, deliberationId), eq(ballotParticipation.memberId, memberId)))
	return row?.votedAt ?? null
}

async function ballotCount(tx: Database, deliberationId: number): Promise<number> {
	const [row] = await tx.select({ n: count() }).from(ballots).where(eq(ballots.deliberationId, deliberationId))
	return row.n
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

// Locks the deliberation for a state change; `version`, when given, is the one the user saw.
async function lockForUpdate(tx: Database, id: number, version?: number) {
	const [row] = await tx.select().from(deliberations).where(eq(deliberations.id, id)).for('update')
	if (!row) throw staleRecord()
	return { row, current: version === undefined || row.version === version }
}

// Votes and opinions only need the state to hold still while they are written.
async function lockForShare(tx: Database, id: number) {
	const [row] = await tx.select().from(deliberations).where(eq(deliberations.id, id)).for('share')
	if (!row) throw staleRecord()
	return row
}

// SECRET BALLOT: the choice goes into `ballots` under a key only the salt links to the member;
// `ballot_participation` records that the member voted; the audit event says only that.
export async function castVote(db: Database, actor: Actor, input: { deliberationId: number; memberId: number; choice: Choice }) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockForShare(tx, input.deliberationId)
		check(mayVote(row.state, row.tallySource === 'meeting_system'))
		if (row.ballotSalt === null) throw refused({ ok: false, code: 'voteClosed', reason: '表决已结束，不能再投票或更改。' })
		const key = voterKey(row.ballotSalt, input.memberId)
		await tx
			.insert(ballots)
			.values({ deliberationId: row.id, voterKey: key, choice: input.choice })
			.onConflictDoUpdate({ target: [ballots.deliberationId, ballots.voterKey], set: { choice: input.choice } })
		await tx
			.insert(ballotParticipation)
			.values({ deliberationId: row.id, memberId: input.memberId })
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
		const { row, current } = await lockForUpdate(tx, input.deliberationId, input.version)
		check(mayCloseVote(row.state, await ballotCount(tx, row.id)))
		if (!current) throw staleRecord()
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
		const { row, current } = await lockForUpdate(tx, input.deliberationId, input.version)
		const cast = await ballotCount(tx, row.id)
		check(mayEnterTally(row.state, cast, input.replace))
		if (!current) throw staleRecord()
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

export async function addOpinion(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; memberId: number; clauseId: number | null; text: string; enteredBy: number | null },
) {
	return write(db, actor, async (tx, audit) => {
		const row = await lockForShare(tx, input.deliberationId)
		check(mayWriteOpinion(row.state))
		const [created] = await tx.insert(deliberationOpinions).values(input).returning({ id: deliberationOpinions.id })
		await audit({
			action: 'deliberation.opinion.create',
			entityType: 'deliberation_opinion',
			entityId: created.id,
			before: null,
			after: input,
		})
		return created.id
	})
}

async function lockOpinion(tx: Database, deliberationId: number, opinionId: number, version: number) {
	const [opinion] = await tx
		.select()
		.from(deliberationOpinions)
		.where(and(eq(deliberationOpinions.id, opinionId), eq(deliberationOpinions.deliberationId, deliberationId)))
		.for('update')
	if (!opinion || opinion.version !== version) throw staleRecord()
	return opinion
}

export async function updateOpinion(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; opinionId: number; version: number; clauseId: number | null; text: string },
) {
	await write(db, actor, async (tx, audit) => {
		const row = await lockForShare(tx, input.deliberationId)
		check(mayWriteOpinion(row.state))
		const before = await lockOpinion(tx, input.deliberationId, input.opinionId, input.version)
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
		const row = await lockForShare(tx, input.deliberationId)
		check(mayWriteOpinion(row.state))
		const before = await lockOpinion(tx, input.deliberationId, input.opinionId, input.version)
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

export async function getOpinion(db: Database, deliberationId: number, opinionId: number) {
	const [opinion] = await db
		.select()
		.from(deliberationOpinions)
		.where(and(eq(deliberationOpinions.id, opinionId), eq(deliberationOpinions.deliberationId, deliberationId)))
	return opinion ?? null
}

// ── The letter ───────────────────────────────────────────────────────────────────────────────

export type LetterInput = { number: string; to: string; cc: string; body: string; dueOn: IsoDate | null }

function letterOf(row: Deliberation): LetterInput {
	return { number: row.letterNumber, to: row.letterTo, cc: row.letterCc, body: row.letterBody, dueOn: row.handlingDueOn }
}

// Before the letter is sent, handlingDueOn holds only a date the secretariat set; when it is
// left empty, sending fixes the default (settings.handlingReportDueDays after the sending day).
export async function saveLetter(db: Database, actor: Actor, input: { deliberationId: number; version: number } & LetterInput) {
	await write(db, actor, async (tx, audit) => {
		const { row, current } = await lockForUpdate(tx, input.deliberationId, input.version)
		check(mayComposeLetter(row.state))
		if (!current) throw staleRecord()
		const after = { number: input.number, to: input.to, cc: input.cc, body: input.body, dueOn: input.dueOn }
		await updateVersioned(tx, deliberations, row.id, input.version, {
			letterNumber: input.number,
			letterTo: input.to,
			letterCc: input.cc,
			letterBody: input.body,
			handlingDueOn: input.dueOn,
		})
		await audit({ action: 'deliberation.letter.save', entityType: 'deliberation', entityId: row.id, before: letterOf(row), after })
	})
}

export async function sendLetter(
	db: Database,
	actor: Actor,
	input: { deliberationId: number; version: number; today: IsoDate; settings: Settings },
) {
	await write(db, actor, async (tx, audit) => {
		const { row, current } = await lockForUpdate(tx, input.deliberationId, input.version)
		check(maySendLetter(row.state, letterOf(row), input.today))
		if (!current) throw staleRecord()
		const handlingDueOn = handlingReportDue(input.today, input.settings, row.handlingDueOn)
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

// `storeFiles` runs inside the same transaction (attachments of owner type 'handling_report').
export async function submitHandling(
	db: Database,
	actor: Actor,
	input: {
		deliberationId: number
		version: number
		text: string
		today: IsoDate
		storeFiles?: (tx: Database, audit: Audit) => Promise<Array<string>>
	},
) {
	await write(db, actor, async (tx, audit) => {
		const { row, current } = await lockForUpdate(tx, input.deliberationId, input.version)
		check(maySubmitHandling(row.state))
		if (!current) throw staleRecord()
		const attached = input.storeFiles ? await input.storeFiles(tx, audit) : []
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
		const { row, current } = await lockForUpdate(tx, input.deliberationId, input.version)
		check(mayReviewHandling(row.state))
		if (!current) throw staleRecord()
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
		const { row, current } = await lockForUpdate(tx, input.deliberationId, input.version)
		check(mayReviewHandling(row.state))
		if (!current) throw staleRecord()
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

// ── Lists ────────────────────────────────────────────────────────────────────────────────────


// Deliberations the user may read, newest first; `overdue` is computed from today (a handling
// report awaited past its due date), never stored.
export async function listDeliberations(db: Database, user: Reader, filter: ListFilter, today: IsoDate) {
	const byFilter =
		filter === 'all'
			? undefined
			: filter === 'overdue'
				? and(eq(deliberations.state, 'letter_sent'), sql`${deliberations.handlingDueOn} < ${today}`)
				: eq(deliberations.state, filter)
	const rows = await db
		.select({
			id: deliberations.id,
			subjectType: deliberations.subjectType,
			subjectId: deliberations.subjectId,
			title: deliberations.title,
			state: deliberations.state,
			tally: deliberations.tally,
			letterSentOn: deliberations.letterSentOn,
			handlingDueOn: deliberations.handlingDueOn,
			handlingSubmittedOn: deliberations.handlingSubmittedOn,
			organName: organ.name,
			respondingName: responding.name,
			meeting: { id: meetings.id, term: meetings.term, session: meetings.session },
			voted: sql<number>`(select count(*) from ${ballotParticipation} where ${ballotParticipation.deliberationId} = ${outer(deliberations.id)})`.mapWith(Number),
		})
		.from(deliberations)
		.innerJoin(organ, eq(organ.id, deliberations.organId))
		.innerJoin(responding, eq(responding.id, deliberations.respondingAgencyId))
		.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
		.where(and(readableBy(user), byFilter))
		.orderBy(desc(deliberations.createdAt), desc(deliberations.id))
		.limit(500)
	return rows.map(({ meeting, ...row }) => ({ ...row, meetingLabel: meeting?.id ? meetingLabel(meeting) : null }))
}

// How many deliberations the user may read are in each state, and how many handling reports are
// overdue today: the list's tabs. Counted in SQL.
export async function countDeliberations(db: Database, user: Reader, today: IsoDate) {
	const rows = await db
		.select({
			state: deliberations.state,
			n: count(),
			overdue: sql<number>`count(*) filter (where ${deliberations.state} = 'letter_sent' and ${deliberations.handlingDueOn} < ${today})`.mapWith(Number),
		})
		.from(deliberations)
		.where(readableBy(user))
		.groupBy(deliberations.state)
	const counts: Record<ListFilter, number> = { all: 0, open: 0, vote_closed: 0, letter_sent: 0, handling_submitted: 0, closed: 0, overdue: 0 }
	for (const row of rows) {
		counts[row.state] = row.n
		counts.all += row.n
		counts.overdue += row.overdue
	}
	return counts
}

export function todayInShanghai(): IsoDate {
	return shanghaiDate(new Date())
}
