import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { deliberationsWithResult } from '../status/dashboard.server'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client.server'
import { agencies, ballotParticipation, clauses, deliberationOpinions, deliberations, instruments, meetings, users } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import {
	deliberationReadScope,
	letterIsSent,
	satisfactionResult,
	type Choice,
	type DeliberationReader,
	type DeliberationState,
	type ListFilter,
	type DeliberationSubjectType,
	type Tally,
} from '~/domain/deliberation'
import { meetingLabel } from '~/domain/meetings'
import { loadSettings } from '../settings.server'
import { outer } from '../sql.server'

// The deliberation mechanism (审议), read: whatever the committee deliberates — a special work
// report, an inspection report, a 专题询问 — finds its deliberation again with getDeliberationFor.
// This module knows the subject only as subject_type / subject_id / title.

export type Deliberation = typeof deliberations.$inferSelect

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

// The read rule, deliberationReadScope in app/domain/deliberation.ts, as a WHERE condition: every
// list, count, to-do and single record here holds only what the reader may read, and a forgotten
// check returns nothing rather than another agency's record.
export function deliberationsReadableBy(user: DeliberationReader): SQL {
	const scope = deliberationReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'states':
			return scope.states.length ? inArray(deliberations.state, [...scope.states]) : sql`false`
		case 'agency':
			return scope.states.length
				? (and(inArray(deliberations.state, [...scope.states]), eq(deliberations.respondingAgencyId, scope.agencyId)) ?? sql`false`)
				: sql`false`
		case 'none':
			return sql`false`
	}
}

const organ = alias(agencies, 'organ')
const responding = alias(agencies, 'responding')

// One deliberation, if the user may read it: missing and out of scope are the same null (404).
export async function getReadableDeliberation(db: Database, user: DeliberationReader, id: number) {
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
		.where(and(eq(deliberations.id, id), deliberationsReadableBy(user)))
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

export type LoadedDeliberation = NonNullable<Awaited<ReturnType<typeof getReadableDeliberation>>>

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

export async function getOpinion(db: Database, deliberationId: number, opinionId: number) {
	const [opinion] = await db
		.select()
		.from(deliberationOpinions)
		.where(and(eq(deliberationOpinions.id, opinionId), eq(deliberationOpinions.deliberationId, deliberationId)))
	return opinion ?? null
}

// ── Lists ────────────────────────────────────────────────────────────────────────────────────

// Deliberations the user may read, newest first; `overdue` is computed from today (a handling
// report awaited past its due date), never stored.
// The deliberations behind one bar of the dashboard's satisfaction chart.
export function withResult(thresholdPercent: number, result: Choice, month: string | null): SQL {
	return sql`${deliberations.id} in ${deliberationsWithResult(thresholdPercent, result, month)}`
}

// `also`: a further condition (withResult).
export async function listDeliberations(db: Database, user: DeliberationReader, filter: ListFilter, today: IsoDate, also?: SQL) {
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
		.where(and(deliberationsReadableBy(user), byFilter, also))
		.orderBy(desc(deliberations.createdAt), desc(deliberations.id))
		.limit(500)
	return rows.map(({ meeting, ...row }) => ({ ...row, meetingLabel: meeting?.id ? meetingLabel(meeting) : null }))
}

// How many deliberations the user may read are in each state, and how many handling reports are
// overdue today: the list's tabs. Counted in SQL.
export async function countDeliberations(db: Database, user: DeliberationReader, today: IsoDate) {
	const rows = await db
		.select({
			state: deliberations.state,
			n: count(),
			overdue: sql<number>`count(*) filter (where ${deliberations.state} = 'letter_sent' and ${deliberations.handlingDueOn} < ${today})`.mapWith(Number),
		})
		.from(deliberations)
		.where(deliberationsReadableBy(user))
		.groupBy(deliberations.state)
	const counts: Record<ListFilter, number> = { all: 0, open: 0, vote_closed: 0, letter_sent: 0, handling_submitted: 0, closed: 0, overdue: 0 }
	for (const row of rows) {
		counts[row.state] = row.n
		counts.all += row.n
		counts.overdue += row.overdue
	}
	return counts
}
