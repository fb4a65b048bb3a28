import { and, asc, eq, inArray, isNotNull, isNull, notExists, sql } from 'drizzle-orm'
import { agencies, interpellationClauses, interpellationRounds, interpellations, interpellationSigners, interpellationVerdicts, meetings } from '#db/schema'
import { interpellationHref } from '~/domain/links'
import { meetingLabel } from '~/domain/meetings'
import type { TimelineEvent } from '~/domain/timeline'
import { todoItem, type TodoItem } from '~/domain/todo'
import type { OpenItemProvider, TimelineProvider, TodoProvider } from '../providers.server'
import { interpellationsReadableBy } from './queries.server'

// What interpellations contribute to the views every kind of record shares (registered in
// app/models/registry.server.ts): members co-sign and give their verdicts; the office records the
// council's decisions and oral answers; the target agency answers in writing or attends to
// answer orally. Every query is scoped by interpellationsReadableBy.

const currentRound = and(eq(interpellationRounds.interpellationId, interpellations.id), eq(interpellationRounds.round, interpellations.round))
const dueOn = sql<string | null>`coalesce(${meetings.startsOn}, ${interpellationRounds.answerDueOn})`

const columns = {
	id: interpellations.id,
	matter: interpellations.matter,
	state: interpellations.state,
	targetName: agencies.shortName,
	mode: interpellationRounds.mode,
	dueOn,
	meetingTerm: meetings.term,
	meetingSession: meetings.session,
	specialMeeting: interpellationRounds.specialMeeting,
}

type Row = { id: number; matter: string; targetName: string; mode: 'oral' | 'written' | null; dueOn: string | null; meetingTerm: number | null; meetingSession: number | null; specialMeeting: string | null }

// Where an oral answer is given: the meeting's name, or the special committee's meeting.
function where(row: Row): string | undefined {
	if (row.meetingTerm !== null && row.meetingSession !== null) return meetingLabel({ term: row.meetingTerm, session: row.meetingSession })
	return row.specialMeeting ?? undefined
}

function base(row: Row) {
	return { kind: 'interpellation', title: row.matter, href: interpellationHref(row.id) }
}

export const interpellationTodos: TodoProvider = async (db, user, today) => {
	const items: Array<TodoItem> = []
	if (user.role === 'member') {
		// Asked to co-sign a draft, not signed yet.
		const invited = await db
			.select({ id: interpellations.id, matter: interpellations.matter, targetName: agencies.shortName })
			.from(interpellations)
			.innerJoin(agencies, eq(agencies.id, interpellations.targetAgencyId))
			.innerJoin(interpellationSigners, and(eq(interpellationSigners.interpellationId, interpellations.id), eq(interpellationSigners.memberId, user.id)))
			.where(and(eq(interpellations.state, 'draft'), isNull(interpellationSigners.signedAt), isNotNull(interpellationSigners.invitedAt)))
			.orderBy(asc(interpellations.id))
		for (const row of invited) {
			items.push(todoItem({ kind: 'interpellation', action: 'cosign', title: row.matter, href: interpellationHref(row.id), due: null, actionable: true, detail: row.targetName }, today))
		}
		// A signer with no verdict yet on the round's answer.
		const toJudge = await db
			.select({ id: interpellations.id, matter: interpellations.matter, targetName: agencies.shortName })
			.from(interpellations)
			.innerJoin(agencies, eq(agencies.id, interpellations.targetAgencyId))
			.innerJoin(
				interpellationSigners,
				and(
					eq(interpellationSigners.interpellationId, interpellations.id),
					eq(interpellationSigners.memberId, user.id),
					isNotNull(interpellationSigners.signedAt),
					isNull(interpellationSigners.withdrawnAt),
				),
			)
			.where(
				and(
					eq(interpellations.state, 'answered'),
					notExists(
						db
							.select({ one: sql`1` })
							.from(interpellationVerdicts)
							.where(
								and(
									eq(interpellationVerdicts.interpellationId, interpellations.id),
									eq(interpellationVerdicts.round, interpellations.round),
									eq(interpellationVerdicts.memberId, user.id),
								),
							),
					),
				),
			)
			.orderBy(asc(interpellations.id))
		for (const row of toJudge) {
			items.push(todoItem({ kind: 'interpellation', action: 'judge', title: row.matter, href: interpellationHref(row.id), due: null, actionable: true, detail: row.targetName }, today))
		}
		return items
	}
	if (user.role === 'secretariat') {
		const rows = await db
			.select(columns)
			.from(interpellations)
			.innerJoin(agencies, eq(agencies.id, interpellations.targetAgencyId))
			.leftJoin(interpellationRounds, currentRound)
			.leftJoin(meetings, eq(meetings.id, interpellationRounds.meetingId))
			.where(inArray(interpellations.state, ['submitted', 'reanswer_requested', 'referred']))
			.orderBy(asc(interpellations.id))
		for (const row of rows) {
			if (row.state === 'submitted') items.push(todoItem({ ...base(row), action: 'refer', due: null, actionable: true, detail: row.targetName }, today))
			if (row.state === 'reanswer_requested') items.push(todoItem({ ...base(row), action: 'decide_reanswer', due: null, actionable: true, detail: row.targetName }, today))
			// An oral answer is recorded once given at its meeting.
			if (row.state === 'referred' && row.mode === 'oral') {
				const ready = row.dueOn !== null && row.dueOn <= today
				items.push(todoItem({ ...base(row), action: 'record_answer', due: row.dueOn, actionable: ready, detail: where(row) }, today))
			}
		}
		return items
	}
	if (user.role === 'agency' && user.agencyId !== null) return answersOwed(db, user, user.agencyId, today)
	return items
}

// The answers an agency owes: in writing by its date, or orally at its meeting (a date to keep in
// view: the office records what was said).
async function answersOwed(db: Parameters<TodoProvider>[0], viewer: Parameters<TodoProvider>[1], agencyId: number, today: string) {
	const rows = await db
		.select(columns)
		.from(interpellations)
		.innerJoin(agencies, eq(agencies.id, interpellations.targetAgencyId))
		.leftJoin(interpellationRounds, currentRound)
		.leftJoin(meetings, eq(meetings.id, interpellationRounds.meetingId))
		.where(and(eq(interpellations.targetAgencyId, agencyId), eq(interpellations.state, 'referred'), interpellationsReadableBy(viewer)))
		.orderBy(asc(interpellations.id))
	return rows.map((row) =>
		row.mode === 'written'
			? todoItem({ ...base(row), action: 'answer_interpellation', due: row.dueOn, actionable: true }, today)
			: todoItem({ ...base(row), action: 'answer_orally', due: row.dueOn, actionable: false, detail: where(row) }, today),
	)
}

// The agency page: the answers the agency owes, where the viewer may read the interpellation (a
// liaison of another agency, or anyone before the council referred it, sees none).
export const interpellationOpenItems: OpenItemProvider = async (db, viewer, agencyId, today) => {
	const items = await answersOwed(db, viewer, agencyId, today)
	// On the agency page an oral answer to give is the agency's own business, not a date of others.
	return items.map((item) => ({ ...item, actionable: true }))
}

// The clause page: an interpellation on the clause from its submission on, each step on its day.
export const interpellationTimeline: TimelineProvider = async (db, user, clauseId) => {
	const rows = await db
		.select({
			id: interpellations.id,
			matter: interpellations.matter,
			state: interpellations.state,
			targetName: agencies.name,
			submittedOn: interpellations.submittedOn,
			referralDecidedOn: interpellations.referralDecidedOn,
			closedOn: interpellations.closedOn,
		})
		.from(interpellations)
		.innerJoin(interpellationClauses, and(eq(interpellationClauses.interpellationId, interpellations.id), eq(interpellationClauses.clauseId, clauseId)))
		.innerJoin(agencies, eq(agencies.id, interpellations.targetAgencyId))
		.where(and(interpellationsReadableBy(user), isNotNull(interpellations.submittedOn)))
	if (rows.length === 0) return []
	const rounds = await db
		.select()
		.from(interpellationRounds)
		.where(inArray(interpellationRounds.interpellationId, rows.map((r) => r.id)))
		.orderBy(asc(interpellationRounds.round))
	const events: Array<TimelineEvent> = []
	for (const row of rows) {
		const add = (at: string | null, kind: string, step: number, params?: Record<string, string | number>, detail?: string) => {
			if (at) events.push({ at, kind, title: row.matter, href: interpellationHref(row.id), step, ...(params ? { params } : {}), ...(detail ? { detail } : {}) })
		}
		const agency = { agency: row.targetName }
		add(row.submittedOn, 'interpellation.submitted', 1, agency)
		if (row.state === 'not_referred') add(row.referralDecidedOn, 'interpellation.not_referred', 2)
		for (const round of rounds.filter((r) => r.interpellationId === row.id)) {
			const step = 2 + (round.round - 1) * 5
			if (round.round === 1) add(round.decidedOn, `interpellation.referred.${round.mode}`, step, agency)
			if (round.answeredOn) {
				add(round.answeredOn, 'interpellation.answered', step + 1, { round: round.round, answerer: `${round.answererName ?? ''}（${round.answererTitle ?? ''}）` })
			}
			add(round.reanswerRequestedOn, 'interpellation.reanswer_requested', step + 2)
			if (round.reanswerDecision) add(round.reanswerDecidedOn, `interpellation.reanswer_${round.reanswerDecision}`, step + 3, undefined, round.reanswerNote || undefined)
		}
		if (row.state === 'closed') add(row.closedOn, 'interpellation.closed', 50)
	}
	return events
}
