import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { clausesByOwner, pageWindow } from '../lookups.server'
import type { Database } from '#db/client.server'
import {
	agencies,
	interpellationClauses,
	interpellationRounds,
	interpellations,
	interpellationSigners,
	interpellationVerdicts,
	meetings,
	users,
} from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import {
	answerOverdueDays,
	interpellationReadScope,
	isInterpellationTarget,
	mayReadInterpellation,
	noParticipation,
	tallyVerdicts,
	type InterpellationListQuery,
	type InterpellationReader,
	type Participation,
	type PolicyInterpellation,
	type Signature,
	type SignerVerdict,
	type StepContext,
	type Verdicts,
} from '~/domain/interpellations'
import { meetingLabel } from '~/domain/meetings'
import { outer } from '../sql.server'

// Interpellations (质询案), read. Who may read which is one rule, interpellationReadScope in
// app/domain/interpellations.ts; interpellationsReadableBy() is its SQL, so every list, count,
// export, to-do and timeline here holds only what the reader may read, and the page's check
// (mayReadInterpellation) comes from the same scope.

const target = alias(agencies, 'target')
const drafter = alias(users, 'drafter')

// The member is part of it: its drafter, a signer (also one who withdrew) or asked to co-sign.
function involves(memberId: number): SQL {
	return sql`exists (select 1 from ${interpellationSigners} where ${interpellationSigners.interpellationId} = ${outer(interpellations.id)} and ${interpellationSigners.memberId} = ${memberId})`
}

export function interpellationsReadableBy(user: InterpellationReader): SQL {
	const scope = interpellationReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'member':
			return sql`(${inArray(interpellations.state, [...scope.states])} or ${involves(scope.memberId)})`
		case 'states':
			return inArray(interpellations.state, [...scope.states])
		case 'agency':
			return and(eq(interpellations.targetAgencyId, scope.agencyId), inArray(interpellations.state, [...scope.states])) ?? sql`false`
		case 'none':
			return sql`false`
	}
}

// ── One interpellation ──────────────────────────────────────────────────────────────────────

export type Interpellation = typeof interpellations.$inferSelect

export async function getReadableInterpellation(db: Database, user: InterpellationReader, id: number) {
	const [row] = await db
		.select({
			interpellation: interpellations,
			target: { id: target.id, name: target.name, shortName: target.shortName, kind: target.kind, level: target.level },
			drafterName: drafter.realName,
		})
		.from(interpellations)
		.innerJoin(target, eq(target.id, interpellations.targetAgencyId))
		.leftJoin(drafter, eq(drafter.id, interpellations.drafterId))
		.where(and(eq(interpellations.id, id), interpellationsReadableBy(user)))
	if (!row) return null
	const me = user.role === 'member' && user.id !== null ? await participationOf(db, id, user.id, row.interpellation.round) : noParticipation
	const involved = user.role === 'member' && user.id !== null ? await isInvolved(db, id, user.id) : false
	const round = await currentRound(db, id, row.interpellation.round)
	const record = { ...row, involved, me, round }
	// The same rule again, in code: the SQL above is the guard, this the belt.
	return mayReadInterpellation(user, { ...row.interpellation, involved }) ? record : null
}

export type LoadedInterpellation = NonNullable<Awaited<ReturnType<typeof getReadableInterpellation>>>

async function isInvolved(db: Database, id: number, memberId: number) {
	const [row] = await db
		.select({ one: sql`1` })
		.from(interpellationSigners)
		.where(and(eq(interpellationSigners.interpellationId, id), eq(interpellationSigners.memberId, memberId)))
	return Boolean(row)
}

// The reader's own part: asked to co-sign, signing now, their verdict on the current round.
export async function participationOf(db: Database, id: number, memberId: number, round: number): Promise<Participation> {
	const [signer] = await db
		.select({ invitedAt: interpellationSigners.invitedAt, signedAt: interpellationSigners.signedAt, withdrawnAt: interpellationSigners.withdrawnAt })
		.from(interpellationSigners)
		.where(and(eq(interpellationSigners.interpellationId, id), eq(interpellationSigners.memberId, memberId)))
	const [verdict] = await db
		.select({ verdict: interpellationVerdicts.verdict })
		.from(interpellationVerdicts)
		.where(and(eq(interpellationVerdicts.interpellationId, id), eq(interpellationVerdicts.round, round), eq(interpellationVerdicts.memberId, memberId)))
	return {
		invited: Boolean(signer?.invitedAt),
		signed: Boolean(signer?.signedAt && !signer.withdrawnAt),
		verdict: verdict?.verdict ?? null,
	}
}

// The current round with its due day (a standing committee meeting's first day is the meeting's).
export async function currentRound(db: Database, id: number, round: number) {
	const [row] = await db
		.select({ round: interpellationRounds, meetingStartsOn: meetings.startsOn, meetingEndsOn: meetings.endsOn })
		.from(interpellationRounds)
		.leftJoin(meetings, eq(meetings.id, interpellationRounds.meetingId))
		.where(and(eq(interpellationRounds.interpellationId, id), eq(interpellationRounds.round, round)))
	if (!row) return null
	return { ...row.round, dueOn: row.meetingStartsOn ?? row.round.answerDueOn }
}

// The standing signatures of committee members: the count Art. 51 asks for.
export async function loadSignatures(db: Database, id: number): Promise<Array<Signature>> {
	const rows = await db
		.select({ memberId: interpellationSigners.memberId, withdrawnAt: interpellationSigners.withdrawnAt })
		.from(interpellationSigners)
		.innerJoin(users, eq(users.id, interpellationSigners.memberId))
		.where(and(eq(interpellationSigners.interpellationId, id), isNotNull(interpellationSigners.signedAt), eq(users.role, 'member')))
	return rows.map((r) => ({ memberId: r.memberId, withdrawn: r.withdrawnAt !== null }))
}

// Of one round: how many of ALL the signers are satisfied and unsatisfied (Art. 53).
export async function loadVerdicts(db: Database, id: number, round: number): Promise<Verdicts> {
	const signers = (await loadSignatures(db, id)).filter((s) => !s.withdrawn).length
	const rows = await db
		.select({ verdict: interpellationVerdicts.verdict })
		.from(interpellationVerdicts)
		.where(and(eq(interpellationVerdicts.interpellationId, id), eq(interpellationVerdicts.round, round)))
	return tallyVerdicts(
		rows.map((r) => r.verdict),
		signers,
	)
}

// What the policy looks at, for one reader and one interpellation.
export async function policyContext(
	db: Database,
	loaded: {
		interpellation: Interpellation
		target: { kind: string; level: string }
		involved: boolean
		me: Participation
		round: Awaited<ReturnType<typeof currentRound>>
	},
	today: IsoDate,
): Promise<{ record: PolicyInterpellation; context: StepContext }> {
	const i = loaded.interpellation
	return {
		record: {
			state: i.state,
			targetAgencyId: i.targetAgencyId,
			involved: loaded.involved,
			source: i.source,
			drafterId: i.drafterId,
			targetKind: loaded.target.kind,
			targetLevel: loaded.target.level,
			mode: loaded.round?.mode ?? null,
			answerDueOn: loaded.round?.dueOn ?? null,
		},
		context: { today, me: loaded.me, verdicts: await loadVerdicts(db, i.id, i.round) },
	}
}

// ── The page: signers, rounds, verdicts ─────────────────────────────────────────────────────

export async function listSigners(db: Database, id: number) {
	const rows = await db
		.select({
			memberId: interpellationSigners.memberId,
			name: users.realName,
			invitedAt: interpellationSigners.invitedAt,
			signedAt: interpellationSigners.signedAt,
			withdrawnAt: interpellationSigners.withdrawnAt,
			enteredBy: interpellationSigners.enteredBy,
		})
		.from(interpellationSigners)
		.innerJoin(users, eq(users.id, interpellationSigners.memberId))
		.where(eq(interpellationSigners.interpellationId, id))
		.orderBy(sql`${interpellationSigners.signedAt} asc nulls last`, asc(interpellationSigners.invitedAt), asc(users.id))
	return rows.map((r) => ({
		memberId: r.memberId,
		name: r.name,
		status: r.signedAt === null ? ('invited' as const) : r.withdrawnAt === null ? ('signed' as const) : ('withdrawn' as const),
		onPaper: r.enteredBy !== null,
	}))
}

export async function listRounds(db: Database, id: number) {
	const answerer = alias(users, 'answer_entered_by')
	const rows = await db
		.select({
			round: interpellationRounds,
			meeting: { id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn },
			enteredByName: answerer.realName,
		})
		.from(interpellationRounds)
		.leftJoin(meetings, eq(meetings.id, interpellationRounds.meetingId))
		.leftJoin(answerer, eq(answerer.id, interpellationRounds.answerEnteredBy))
		.where(eq(interpellationRounds.interpellationId, id))
		.orderBy(asc(interpellationRounds.round))
	const verdictRows = await db
		.select({ round: interpellationVerdicts.round, memberId: interpellationVerdicts.memberId, name: users.realName, verdict: interpellationVerdicts.verdict })
		.from(interpellationVerdicts)
		.innerJoin(users, eq(users.id, interpellationVerdicts.memberId))
		.where(eq(interpellationVerdicts.interpellationId, id))
		.orderBy(asc(interpellationVerdicts.recordedAt), asc(users.id))
	return rows.map(({ round, meeting, enteredByName }) => ({
		...round,
		dueOn: meeting?.startsOn ?? round.answerDueOn,
		meeting: meeting && meeting.id !== null ? { id: meeting.id, label: meetingLabel(meeting), startsOn: meeting.startsOn } : null,
		enteredByName,
		verdicts: verdictRows.filter((v) => v.round === round.round).map((v) => ({ memberId: v.memberId, name: v.name, verdict: v.verdict as SignerVerdict })),
	}))
}

export function clausesOf(db: Database, ids: Array<number>) {
	return clausesByOwner(db, { owner: interpellationClauses.interpellationId, clause: interpellationClauses.clauseId }, ids)
}

// ── Lists ───────────────────────────────────────────────────────────────────────────────────

export const interpellationPageSize = 20

function listWhere(user: InterpellationReader, query: Omit<InterpellationListQuery, 'page'>) {
	return and(
		interpellationsReadableBy(user),
		query.state ? eq(interpellations.state, query.state) : undefined,
		query.targetId ? eq(interpellations.targetAgencyId, query.targetId) : undefined,
		query.year ? eq(interpellations.year, query.year) : undefined,
	)
}

const round = alias(interpellationRounds, 'current_round')

function listSelect(db: Database) {
	return db
		.select({
			id: interpellations.id,
			matter: interpellations.matter,
			state: interpellations.state,
			source: interpellations.source,
			targetId: interpellations.targetAgencyId,
			targetName: target.name,
			drafterName: drafter.realName,
			draftedOn: interpellations.draftedOn,
			submittedOn: interpellations.submittedOn,
			referralDecidedOn: interpellations.referralDecidedOn,
			round: interpellations.round,
			mode: round.mode,
			forum: round.forum,
			dueOn: sql<IsoDate | null>`coalesce(${meetings.startsOn}, ${round.answerDueOn})`,
			signers: sql<number>`(select count(*) from ${interpellationSigners} where ${interpellationSigners.interpellationId} = ${interpellations.id} and ${interpellationSigners.signedAt} is not null and ${interpellationSigners.withdrawnAt} is null)`.mapWith(Number),
			satisfied: sql<number>`(select count(*) from ${interpellationVerdicts} where ${interpellationVerdicts.interpellationId} = ${interpellations.id} and ${interpellationVerdicts.round} = ${interpellations.round} and ${interpellationVerdicts.verdict} = 'satisfied')`.mapWith(Number),
			unsatisfied: sql<number>`(select count(*) from ${interpellationVerdicts} where ${interpellationVerdicts.interpellationId} = ${interpellations.id} and ${interpellationVerdicts.round} = ${interpellations.round} and ${interpellationVerdicts.verdict} = 'unsatisfied')`.mapWith(Number),
		})
		.from(interpellations)
		.innerJoin(target, eq(target.id, interpellations.targetAgencyId))
		.leftJoin(drafter, eq(drafter.id, interpellations.drafterId))
		.leftJoin(round, and(eq(round.interpellationId, interpellations.id), eq(round.round, interpellations.round)))
		.leftJoin(meetings, eq(meetings.id, round.meetingId))
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['execute']>>[number]

function present(row: ListRow, today: IsoDate) {
	return {
		...row,
		verdicts: { satisfied: row.satisfied, unsatisfied: row.unsatisfied, signers: row.signers },
		overdueDays: answerOverdueDays(row.state, row.dueOn, today),
	}
}

export type InterpellationListRow = ReturnType<typeof present>

// Newest first: by when it was handed in (drafts by when drafted).
const listOrder = [desc(sql`coalesce(${interpellations.submittedOn}, ${interpellations.draftedOn})`), desc(interpellations.id)]

export async function listInterpellations(db: Database, user: InterpellationReader, query: InterpellationListQuery, today: IsoDate) {
	const where = listWhere(user, query)
	const [{ total }] = await db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(interpellations).where(where)
	const { page, pages, offset, limit } = pageWindow(total, query.page, interpellationPageSize)
	const rows = await listSelect(db)
		.where(where)
		.orderBy(...listOrder)
		.limit(limit)
		.offset(offset)
	return { rows: rows.map((r) => present(r, today)), total, page, pages }
}

// Every row under the filters, for the CSV, with its signers' names.
export async function listAllInterpellations(db: Database, user: InterpellationReader, query: Omit<InterpellationListQuery, 'page'>, today: IsoDate) {
	const rows = (await listSelect(db).where(listWhere(user, query)).orderBy(...listOrder)).map((r) => present(r, today))
	const ids = rows.map((r) => r.id)
	const names = new Map<number, Array<string>>()
	if (ids.length) {
		const signerRows = await db
			.select({ id: interpellationSigners.interpellationId, name: users.realName })
			.from(interpellationSigners)
			.innerJoin(users, eq(users.id, interpellationSigners.memberId))
			.where(and(inArray(interpellationSigners.interpellationId, ids), isNotNull(interpellationSigners.signedAt), isNull(interpellationSigners.withdrawnAt)))
			.orderBy(asc(interpellationSigners.signedAt), asc(users.id))
		for (const r of signerRows) names.set(r.id, [...(names.get(r.id) ?? []), r.name])
	}
	return rows.map((r) => ({ ...r, signerNames: names.get(r.id) ?? [] }))
}

// The list's filters: the agencies questioned so far (official order), and the years.
export async function interpellationFilterOptions(db: Database, user: InterpellationReader) {
	const [targetRows, yearRows] = await Promise.all([
		db
			.selectDistinct({ id: agencies.id, name: agencies.name, displayOrder: agencies.displayOrder })
			.from(agencies)
			.innerJoin(interpellations, eq(interpellations.targetAgencyId, agencies.id))
			.where(interpellationsReadableBy(user))
			.orderBy(asc(agencies.displayOrder), asc(agencies.id)),
		db.selectDistinct({ year: interpellations.year }).from(interpellations).where(interpellationsReadableBy(user)).orderBy(desc(interpellations.year)),
	])
	return { targets: targetRows.map(({ id, name }) => ({ id, name })), years: yearRows.map((r) => r.year) }
}

// ── The forms' options ──────────────────────────────────────────────────────────────────────

// The agencies that may be questioned (Art. 51), active, in official order.
export async function listTargetOptions(db: Database) {
	const rows = await db
		.select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level })
		.from(agencies)
		.where(eq(agencies.active, true))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
	return rows.filter(isInterpellationTarget).map(({ id, name }) => ({ id, name }))
}

// The standing committee's members, by account order (the order they were entered).
export function listMemberOptions(db: Database) {
	return db
		.select({ id: users.id, name: users.realName })
		.from(users)
		.where(and(eq(users.role, 'member'), eq(users.disabled, false)))
		.orderBy(asc(users.id))
}

// Standing committee meetings not over yet, soonest first: where an oral answer can be given.
export async function listMeetingChoices(db: Database, today: IsoDate) {
	const rows = await db
		.select({ id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn })
		.from(meetings)
		.where(gte(meetings.endsOn, today))
		.orderBy(asc(meetings.startsOn), asc(meetings.id))
	return rows.map((m) => ({ id: m.id, label: meetingLabel(m), startsOn: m.startsOn, endsOn: m.endsOn }))
}
