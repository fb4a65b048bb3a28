import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm'
import { agencies, meetings, resolutionActions, resolutionClauses, resolutions } from '#db/schema'
import { resolutionHref } from '~/domain/links'
import { meetingLabel } from '~/domain/meetings'
import type { ActionState } from '~/domain/resolutions'
import type { TimelineEvent } from '~/domain/timeline'
import { todoItem, type TodoItem } from '~/domain/todo'
import type { OpenItemProvider, TimelineProvider, TodoProvider } from '../providers.server'

// What resolutions contribute to the views every kind of record shares (registered in
// app/models/registry.server.ts): the acting agency reports on each action by its date; the
// office closes each reported action or sends it back. A resolution is published: every reader
// sees its actions.

const actionColumns = {
	id: resolutionActions.id,
	resolutionId: resolutionActions.resolutionId,
	text: resolutionActions.text,
	dueOn: resolutionActions.dueOn,
	state: resolutionActions.state,
	reopenReason: resolutionActions.reopenReason,
	agencyName: agencies.shortName,
	title: resolutions.title,
	reportDueOn: resolutions.reportDueOn,
}

const unreported: Array<ActionState> = ['open', 'reopened']

// Each action is its own item (one resolution may require several of one agency): the link opens
// the resolution at that action.
function actionHref(row: { resolutionId: number; id: number }) {
	return `${resolutionHref(row.resolutionId)}#action-${row.id}`
}

export const resolutionTodos: TodoProvider = async (db, user, today) => {
	if (user.role === 'agency' && user.agencyId !== null) return actionsOwed(db, user.agencyId, today)
	if (user.role !== 'secretariat') return []
	const rows = await db
		.select(actionColumns)
		.from(resolutionActions)
		.innerJoin(resolutions, eq(resolutions.id, resolutionActions.resolutionId))
		.innerJoin(agencies, eq(agencies.id, resolutionActions.agencyId))
		.where(eq(resolutionActions.state, 'responded'))
		.orderBy(asc(resolutionActions.dueOn), asc(resolutionActions.id))
	return rows.map((row) =>
		todoItem({ kind: 'resolution', action: 'review_action', title: row.title, href: actionHref(row), due: null, actionable: true, detail: `${row.agencyName}：${row.text}` }, today),
	)
}

// The agency's unreported actions, each by its own date (a sent-back one with the reason).
async function actionsOwed(db: Parameters<TodoProvider>[0], agencyId: number, today: string): Promise<Array<TodoItem>> {
	const rows = await db
		.select(actionColumns)
		.from(resolutionActions)
		.innerJoin(resolutions, eq(resolutions.id, resolutionActions.resolutionId))
		.innerJoin(agencies, eq(agencies.id, resolutionActions.agencyId))
		.where(and(eq(resolutionActions.agencyId, agencyId), inArray(resolutionActions.state, unreported)))
		.orderBy(asc(resolutionActions.dueOn), asc(resolutionActions.id))
	return rows.map((row) =>
		todoItem(
			{
				kind: 'resolution',
				action: row.state === 'reopened' ? 'execute_again' : 'execute',
				title: row.title,
				href: actionHref(row),
				due: row.dueOn,
				actionable: true,
				detail: row.state === 'reopened' && row.reopenReason ? `${row.text}（退回原因：${row.reopenReason}）` : row.text,
			},
			today,
		),
	)
}

// The agency page: its unreported actions, and its execution report on each resolution where
// any action is still unreported (overdue after the reporting date).
export const resolutionOpenItems: OpenItemProvider = async (db, _viewer, agencyId, today) => {
	const actions = await actionsOwed(db, agencyId, today)
	// One per resolution: its actions above are what make the report overdue (the resolution's
	// reporting date passed while any of them is unreported).
	const reports = new Map<number, TodoItem>()
	const rows = await db
		.select({ resolutionId: resolutions.id, title: resolutions.title, reportDueOn: resolutions.reportDueOn })
		.from(resolutionActions)
		.innerJoin(resolutions, eq(resolutions.id, resolutionActions.resolutionId))
		.where(and(eq(resolutionActions.agencyId, agencyId), inArray(resolutionActions.state, unreported)))
		.orderBy(asc(resolutions.id))
	for (const row of rows) {
		const item = todoItem({ kind: 'resolution', action: 'report_execution', title: row.title, href: resolutionHref(row.resolutionId), due: row.reportDueOn, actionable: true }, today)
		reports.set(row.resolutionId, item)
	}
	return [...actions, ...reports.values()]
}

// The clause page: the resolution adopted, and each action reported and closed.
export const resolutionTimeline: TimelineProvider = async (db, _user, clauseId) => {
	const rows = await db
		.select({
			id: resolutions.id,
			title: resolutions.title,
			adoptedOn: resolutions.adoptedOn,
			reportDueOn: resolutions.reportDueOn,
			term: meetings.term,
			session: meetings.session,
		})
		.from(resolutions)
		.innerJoin(resolutionClauses, and(eq(resolutionClauses.resolutionId, resolutions.id), eq(resolutionClauses.clauseId, clauseId)))
		.innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
	if (rows.length === 0) return []
	const actions = await db
		.select({ resolutionId: resolutionActions.resolutionId, agencyName: agencies.name, respondedOn: resolutionActions.respondedOn, acceptedOn: resolutionActions.acceptedOn, state: resolutionActions.state })
		.from(resolutionActions)
		.innerJoin(agencies, eq(agencies.id, resolutionActions.agencyId))
		.where(
			and(
				inArray(
					resolutionActions.resolutionId,
					rows.map((r) => r.id),
				),
				or(isNotNull(resolutionActions.respondedOn), isNotNull(resolutionActions.acceptedOn)),
			),
		)
	const events: Array<TimelineEvent> = []
	for (const row of rows) {
		const href = resolutionHref(row.id)
		events.push({ at: row.adoptedOn, kind: 'resolution.adopted', title: row.title, href, step: 1, params: { meeting: meetingLabel(row), due: row.reportDueOn } })
		for (const action of actions.filter((a) => a.resolutionId === row.id)) {
			if (action.respondedOn && action.state !== 'reopened') events.push({ at: action.respondedOn, kind: 'resolution.action_reported', title: row.title, href, step: 2, params: { agency: action.agencyName } })
			if (action.acceptedOn) events.push({ at: action.acceptedOn, kind: 'resolution.action_accepted', title: row.title, href, step: 3, params: { agency: action.agencyName } })
		}
	}
	return events
}
