import { and, asc, eq, inArray } from 'drizzle-orm'
import { agencies, commitments, inquiries, inquiryClauses } from '#db/schema'
import { agencyOwesStates } from '~/domain/agency-items'
import { mayReadCommitment } from '~/domain/commitments'
import type { IsoDate } from '~/domain/dates'
import { commitmentHref } from '~/domain/links'
import type { TimelineEvent } from '~/domain/timeline'
import { todoItem, type TodoItem } from '~/domain/todo'
import type { OpenItemProvider, ProviderUser, TimelineProvider, TodoProvider } from '../providers.server'
import { commitmentsReadableBy } from './queries.server'

// What commitments contribute to the shared views (app/models/registry.server.ts): the agency's
// reports owed and the secretariat's verifications in the to-do lists, the agency page's open
// items, and the clause timeline through their session's clauses. Every query is scoped by the
// commitments' read rule (commitmentsReadableBy).

const columns = {
	id: commitments.id,
	text: commitments.text,
	dueOn: commitments.dueOn,
	state: commitments.state,
	reopenReason: commitments.reopenReason,
	agencyShortName: agencies.shortName,
	topic: inquiries.topic,
}

// The commitments an agency owes a report on, as far as the user may read them.
async function owedBy(db: Parameters<TodoProvider>[0], user: ProviderUser, agencyId: number, today: IsoDate): Promise<Array<TodoItem>> {
	const rows = await db
		.select(columns)
		.from(commitments)
		.innerJoin(agencies, eq(agencies.id, commitments.agencyId))
		.innerJoin(inquiries, eq(inquiries.id, commitments.inquiryId))
		.where(and(commitmentsReadableBy(user), eq(commitments.agencyId, agencyId), inArray(commitments.state, [...agencyOwesStates])))
		.orderBy(asc(commitments.dueOn), asc(commitments.id))
	return rows.map((row) =>
		todoItem(
			{
				kind: 'commitment',
				action: row.state === 'reopened' ? 'commitment_report_again' : 'commitment_report',
				title: row.text,
				href: commitmentHref(row.id),
				due: row.dueOn,
				actionable: true,
				detail: row.state === 'reopened' ? (row.reopenReason ?? row.topic) : row.topic,
			},
			today,
		),
	)
}

// The agency reports on its commitments; the secretariat verifies the reports.
export const commitmentTodos: TodoProvider = async (db, user, today) => {
	if (user.role === 'agency') return user.agencyId === null ? [] : owedBy(db, user, user.agencyId, today)
	if (user.role !== 'secretariat') return []
	const rows = await db
		.select(columns)
		.from(commitments)
		.innerJoin(agencies, eq(agencies.id, commitments.agencyId))
		.innerJoin(inquiries, eq(inquiries.id, commitments.inquiryId))
		.where(and(commitmentsReadableBy(user), eq(commitments.state, 'responded')))
		.orderBy(asc(commitments.dueOn), asc(commitments.id))
	// Not the office's delay: the report is in; there is no date to be overdue against.
	return rows.map((row) =>
		todoItem({ kind: 'commitment', action: 'commitment_verify', title: row.text, href: commitmentHref(row.id), due: null, actionable: true, detail: row.agencyShortName }, today),
	)
}

export const commitmentOpenItems: OpenItemProvider = (db, viewer, agencyId, today) => owedBy(db, viewer, agencyId, today)

// On the clause timeline, through the clauses of the session each commitment was made in: made
// (on the session's day), reported on, accepted or reopened.
export const commitmentTimeline: TimelineProvider = async (db, user, clauseId) => {
	const rows = await db
		.select({
			id: commitments.id,
			agencyId: commitments.agencyId,
			agencyShortName: agencies.shortName,
			text: commitments.text,
			dueOn: commitments.dueOn,
			state: commitments.state,
			respondedOn: commitments.respondedOn,
			verifiedOn: commitments.verifiedOn,
			heldOn: inquiries.heldOn,
			inquiryState: inquiries.state,
		})
		.from(commitments)
		.innerJoin(inquiryClauses, and(eq(inquiryClauses.inquiryId, commitments.inquiryId), eq(inquiryClauses.clauseId, clauseId)))
		.innerJoin(inquiries, eq(inquiries.id, commitments.inquiryId))
		.innerJoin(agencies, eq(agencies.id, commitments.agencyId))
		.where(commitmentsReadableBy(user))
	const events: Array<TimelineEvent> = []
	for (const row of rows) {
		// The same rule again, in code: the SQL above is the guard, this the belt.
		if (!mayReadCommitment(user, { agencyId: row.agencyId, published: row.inquiryState === 'published' })) continue
		const base = { title: row.text, href: commitmentHref(row.id), params: { agency: row.agencyShortName, due: row.dueOn } }
		events.push({ ...base, at: row.heldOn, kind: 'commitment.made', step: 11 })
		if (row.respondedOn) events.push({ ...base, at: row.respondedOn, kind: 'commitment.responded', step: 12 })
		if (row.verifiedOn && row.state === 'accepted') events.push({ ...base, at: row.verifiedOn, kind: 'commitment.accepted', step: 13 })
		if (row.verifiedOn && row.state === 'reopened') events.push({ ...base, at: row.verifiedOn, kind: 'commitment.reopened', step: 13 })
	}
	return events
}

