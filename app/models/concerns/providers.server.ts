import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, concernAgencies, concernClauses, concernReplies, concerns } from '#db/schema'
import { concernOwesStates, concernTriageStates, opinionDueOn, unratedClosableOn } from '~/domain/concerns'
import { concernHref } from '~/domain/links'
import type { TimelineEvent } from '~/domain/timeline'
import { todoItem, type TodoItem } from '~/domain/todo'
import type { OpenItemProvider, ProviderUser, TimelineProvider, TodoProvider } from '../providers.server'
import { concernsReadableBy, getReadableConcern, mayReadConcernOriginal } from './queries.server'

// What deputies' concerns contribute to the views every kind of record shares (registered in
// app/models/registry.server.ts): the deputy rates answers, the office triages and closes, the
// lead agency answers and keeps its class-B promises, co-agencies give their opinions. Every query
// is scoped by concernsReadableBy, and none of them reads a constituent.

const base = (row: { id: number; title: string }) => ({ kind: 'concern', title: row.title, href: concernHref(row.id) })

export const concernTodos: TodoProvider = async (db, user, today) => {
	const items: Array<TodoItem> = []
	if (user.role === 'deputy') {
		const rows = await db
			.select({ id: concerns.id, title: concerns.title, state: concerns.state, repliedOn: concerns.repliedOn })
			.from(concerns)
			.where(and(eq(concerns.filerId, user.id), inArray(concerns.state, ['draft', 'replied'])))
			.orderBy(asc(concerns.id))
		for (const row of rows) {
			if (row.state === 'draft') items.push(todoItem({ ...base(row), action: 'concern_submit', due: null, actionable: true }, today))
			else items.push(todoItem({ ...base(row), action: 'concern_rate', due: row.repliedOn ? unratedClosableOn(row.repliedOn) : null, actionable: true }, today))
		}
		return items
	}
	if (user.role === 'secretariat') {
		const rows = await db
			.select({ id: concerns.id, title: concerns.title, state: concerns.state, repliedOn: concerns.repliedOn })
			.from(concerns)
			.where(inArray(concerns.state, [...concernTriageStates, 'replied']))
			.orderBy(asc(concerns.id))
		for (const row of rows) {
			if (row.state === 'replied') {
				// An answer left unrated for a month may be closed as 未评价.
				const from = row.repliedOn ? unratedClosableOn(row.repliedOn) : null
				if (from && from <= today) items.push(todoItem({ ...base(row), action: 'concern_close_unrated', due: null, actionable: true }, today))
			} else {
				items.push(todoItem({ ...base(row), action: row.state === 'returned' ? 'concern_reassign' : 'concern_triage', due: null, actionable: true }, today))
			}
		}
		return items
	}
	if (user.role === 'agency' && user.agencyId !== null) return owedBy(db, user, user.agencyId, today)
	return items
}

// What an agency owes on concerns: the lead's answers and promises, a co-agency's opinions.
async function owedBy(db: Database, viewer: ProviderUser, agencyId: number, today: string) {
	const rows = await db
		.select({
			id: concerns.id,
			title: concerns.title,
			state: concerns.state,
			role: concernAgencies.role,
			replyDueOn: concerns.replyDueOn,
			opinionOn: concernAgencies.opinionOn,
		})
		.from(concerns)
		.innerJoin(concernAgencies, and(eq(concernAgencies.concernId, concerns.id), eq(concernAgencies.agencyId, agencyId)))
		.where(and(inArray(concerns.state, [...concernOwesStates]), concernsReadableBy(viewer)))
		.orderBy(asc(concerns.replyDueOn), asc(concerns.id))
	const items: Array<TodoItem> = []
	for (const row of rows) {
		if (row.role === 'lead') items.push(todoItem({ ...base(row), action: row.state === 'rehandling' ? 'concern_rehandle' : 'concern_reply', due: row.replyDueOn, actionable: true }, today))
		else if (row.state === 'assigned' && row.opinionOn === null && row.replyDueOn) {
			items.push(todoItem({ ...base(row), action: 'concern_opinion', due: opinionDueOn(row.replyDueOn), actionable: true }, today))
		}
	}
	const promises = await db
		.select({ id: concerns.id, title: concerns.title, promisedOn: concernReplies.promisedOn })
		.from(concernReplies)
		.innerJoin(concerns, and(eq(concerns.id, concernReplies.concernId), eq(concernReplies.round, concerns.round)))
		.where(
			and(
				eq(concernReplies.agencyId, agencyId),
				eq(concernReplies.resultClass, 'B'),
				isNotNull(concernReplies.promisedOn),
				sql`${concernReplies.fulfilledOn} is null`,
				inArray(concerns.state, ['replied', 'closed']),
				concernsReadableBy(viewer),
			),
		)
	for (const row of promises) items.push(todoItem({ ...base(row), action: 'concern_promise', due: row.promisedOn, actionable: true }, today))
	return items
}

export const concernOpenItems: OpenItemProvider = (db, viewer, agencyId, today) => owedBy(db, viewer, agencyId, today)

// The clause page: a concern on the clause from its hand-in, each step on its day — no names of
// constituents, and no deputy's words.
export const concernTimeline: TimelineProvider = async (db, user, clauseId) => {
	const rows = await db
		.select({
			id: concerns.id,
			title: concerns.title,
			state: concerns.state,
			submittedOn: concerns.submittedOn,
			assignedOn: concerns.assignedOn,
			replyDueOn: concerns.replyDueOn,
			closedOn: concerns.closedOn,
			leadName: agencies.name,
		})
		.from(concerns)
		.innerJoin(concernClauses, and(eq(concernClauses.concernId, concerns.id), eq(concernClauses.clauseId, clauseId)))
		.leftJoin(concernAgencies, and(eq(concernAgencies.concernId, concerns.id), eq(concernAgencies.role, 'lead')))
		.leftJoin(agencies, eq(agencies.id, concernAgencies.agencyId))
		.where(and(concernsReadableBy(user), isNotNull(concerns.submittedOn)))
	if (rows.length === 0) return []
	const replies = await db
		.select({ concernId: concernReplies.concernId, round: concernReplies.round, repliedOn: concernReplies.repliedOn, resultClass: concernReplies.resultClass, rating: concernReplies.rating, ratedOn: concernReplies.ratedOn })
		.from(concernReplies)
		.where(inArray(concernReplies.concernId, rows.map((r) => r.id)))
		.orderBy(asc(concernReplies.round))
	const events: Array<TimelineEvent> = []
	for (const row of rows) {
		const add = (at: string | null, kind: string, step: number, params?: Record<string, string | number>) => {
			if (at) events.push({ at, kind, title: row.title, href: concernHref(row.id), step, ...(params ? { params } : {}) })
		}
		add(row.submittedOn, 'concern.submitted', 1)
		if (row.leadName) add(row.assignedOn, 'concern.assigned', 2, { agency: row.leadName, due: row.replyDueOn ?? '' })
		for (const reply of replies.filter((r) => r.concernId === row.id)) {
			add(reply.repliedOn, `concern.replied.${reply.resultClass}`, 2 + reply.round * 2, { round: reply.round })
			if (reply.rating) add(reply.ratedOn, `concern.rated.${reply.rating}`, 3 + reply.round * 2)
		}
		if (row.state === 'closed') add(row.closedOn, 'concern.closed', 50)
	}
	return events
}

// The files of a concern: the office and the deputies who filed, co-signed or follow it; the
// agencies and members only when the office marked the original shareable. The files of an
// answer: whoever reads the concern.
export async function mayReadConcernFiles(user: ProviderUser, concernId: number, db: Database) {
	const loaded = await getReadableConcern(db, user, concernId)
	return loaded ? mayReadConcernOriginal(user, loaded) : false
}

export async function mayReadConcernReplyFiles(user: ProviderUser, replyId: number, db: Database) {
	const [row] = await db.select({ concernId: concernReplies.concernId }).from(concernReplies).where(eq(concernReplies.id, replyId))
	if (!row) return false
	return (await getReadableConcern(db, user, row.concernId)) !== null
}
