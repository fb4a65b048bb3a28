import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, ballotParticipation, deliberationOpinions, deliberations, meetings } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import { mayReadHandlingReport } from '~/domain/deliberation'
import { deliberationHref } from '~/domain/links'
import { meetingLabel } from '~/domain/meetings'
import { todoItem, type TodoItem } from '~/domain/todo'
import type { MayReadOwner } from '../attachments.server'
import type { OpenItemProvider, ProviderUser, TodoProvider } from '../providers.server'
import { deliberationsReadableBy, getReadableDeliberation } from './queries.server'

// What deliberations contribute to the shared views (app/models/registry.server.ts): members'
// opinions and ballots, the responding agency's handling report, the office's steps. Every
// query here is scoped by the same read rule as the deliberation's page and list
// (deliberationsReadableBy).

const deliberationColumns = {
	id: deliberations.id,
	title: deliberations.title,
	state: deliberations.state,
	handlingDueOn: deliberations.handlingDueOn,
	handlingReturnReason: deliberations.handlingReturnReason,
	withVote: deliberations.withVote,
	term: meetings.term,
	session: meetings.session,
	endsOn: meetings.endsOn,
}

function meetingOf(row: { term: number | null; session: number | null }) {
	return row.term !== null && row.session !== null ? meetingLabel({ term: row.term, session: row.session }) : undefined
}

// The handling reports an agency owes (letters sent to it, not yet answered or returned), as far
// as the user may read them: the agency's own liaisons' to-do, and the agency page's open items.
async function awaitedAnswers(db: Database, user: ProviderUser, agencyId: number, today: IsoDate): Promise<Array<TodoItem>> {
	const rows = await db
		.select(deliberationColumns)
		.from(deliberations)
		.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
		.where(and(deliberationsReadableBy(user), eq(deliberations.respondingAgencyId, agencyId), eq(deliberations.state, 'letter_sent')))
		.orderBy(asc(deliberations.handlingDueOn), asc(deliberations.id))
	return rows.map((row) =>
		todoItem(
			{
				kind: 'deliberation',
				action: row.handlingReturnReason ? 'resubmit' : 'answer',
				title: row.title,
				href: deliberationHref(row.id),
				due: row.handlingDueOn,
				actionable: true,
				detail: row.handlingReturnReason ?? meetingOf(row),
			},
			today,
		),
	)
}

// Deliberation: members give opinions and vote; the responding agency answers the letter; the
// office closes the vote, sends the letter and checks the handling report.
export const deliberationTodos: TodoProvider = async (db, user, today) => {
	if (user.role === 'member') {
		const wroteOpinion = db
			.select({ one: sql`1` })
			.from(deliberationOpinions)
			.where(and(eq(deliberationOpinions.deliberationId, deliberations.id), eq(deliberationOpinions.memberId, user.id)))
		const voted = db
			.select({ one: sql`1` })
			.from(ballotParticipation)
			.where(and(eq(ballotParticipation.deliberationId, deliberations.id), eq(ballotParticipation.memberId, user.id)))
		const rows = await db
			.select({
				...deliberationColumns,
				wroteOpinion: sql<boolean>`exists (${wroteOpinion})`,
				voted: sql<boolean>`exists (${voted})`,
				tallyEntered: sql<boolean>`${deliberations.tally} is not null`,
			})
			.from(deliberations)
			.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
			.where(and(deliberationsReadableBy(user), eq(deliberations.state, 'open')))
			.orderBy(asc(deliberations.id))
		return rows.flatMap((row) => {
			const base = { kind: 'deliberation', title: row.title, href: deliberationHref(row.id), due: null, actionable: true, detail: meetingOf(row) }
			const items: Array<TodoItem> = []
			if (!row.wroteOpinion) items.push(todoItem({ ...base, action: 'opinion' }, today))
			if (row.withVote && !row.voted && !row.tallyEntered) items.push(todoItem({ ...base, action: 'vote' }, today))
			return items
		})
	}
	if (user.role === 'agency') return user.agencyId === null ? [] : awaitedAnswers(db, user, user.agencyId, today)
	if (user.role !== 'secretariat') return []
	const rows = await db
		.select({ ...deliberationColumns, respondingName: agencies.shortName })
		.from(deliberations)
		.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
		.innerJoin(agencies, eq(agencies.id, deliberations.respondingAgencyId))
		.where(
			and(
				deliberationsReadableBy(user),
				or(
					and(eq(deliberations.state, 'open'), lt(meetings.endsOn, today)),
					inArray(deliberations.state, ['vote_closed', 'handling_submitted']),
				),
			),
		)
		.orderBy(asc(deliberations.id))
	return rows.map((row) => {
		const base = { kind: 'deliberation', title: row.title, href: deliberationHref(row.id), due: null, actionable: true }
		// Without a vote there is nothing to close: the letter is next.
		if (row.state === 'open' && !row.withVote) return todoItem({ ...base, action: 'send', detail: row.respondingName }, today)
		if (row.state === 'open') return todoItem({ ...base, action: 'close', detail: meetingOf(row) }, today)
		if (row.state === 'vote_closed') return todoItem({ ...base, action: 'send', detail: row.respondingName }, today)
		return todoItem({ ...base, action: 'check', detail: row.respondingName }, today)
	})
}

// The agency page's open items: the handling reports the agency owes, where the viewer may read
// the deliberation.
export const deliberationOpenItems: OpenItemProvider = (db, viewer, agencyId, today) => awaitedAnswers(db, viewer, agencyId, today)

// The handling report's files are read by those who may read the handling report itself.
export const mayReadHandlingReportFiles: MayReadOwner = async (user, ownerId, db) => {
	const deliberation = await getReadableDeliberation(db, user, ownerId)
	return deliberation ? mayReadHandlingReport(user, deliberation) : false
}
