import { and, asc, eq, lte, sql } from 'drizzle-orm'
import { inquiries, inquiryClauses, inquiryExchanges, meetings } from '#db/schema'
import { shanghaiDate } from '~/domain/dates'
import { inquiryKindLabels } from '~/domain/inquiries'
import { inquiryHref } from '~/domain/links'
import { meetingLabel } from '~/domain/meetings'
import type { TimelineEvent } from '~/domain/timeline'
import { todoItem } from '~/domain/todo'
import type { TimelineProvider, TodoProvider } from '../providers.server'
import { outer } from '../sql.server'
import { inquiriesReadableBy } from './queries.server'

// What inquiry sessions contribute to the shared views (app/models/registry.server.ts): the
// secretariat's records to publish, and the clause timeline. Scoped by the sessions' read rule
// (inquiriesReadableBy). Their commitments contribute through app/models/commitments/providers.

function titleOf(row: { kind: 'inquiry' | 'special'; topic: string }) {
	return `${inquiryKindLabels[row.kind]}：${row.topic}`
}

// Once a session is held, its record waits for the secretariat to check and publish it.
export const inquiryTodos: TodoProvider = async (db, user, today) => {
	if (user.role !== 'secretariat') return []
	const rows = await db
		.select({ id: inquiries.id, kind: inquiries.kind, topic: inquiries.topic, term: meetings.term, session: meetings.session })
		.from(inquiries)
		.innerJoin(meetings, eq(meetings.id, inquiries.meetingId))
		.where(and(inquiriesReadableBy(user), eq(inquiries.state, 'scheduled'), lte(inquiries.heldOn, today)))
		.orderBy(asc(inquiries.heldOn), asc(inquiries.id))
	return rows.map((row) =>
		todoItem({ kind: 'inquiry', action: 'publish_record', title: titleOf(row), href: inquiryHref(row.id), due: null, actionable: true, detail: meetingLabel(row) }, today),
	)
}

// Sessions on the clause: scheduled, held (once a question is in the log), published.
export const inquiryTimeline: TimelineProvider = async (db, user, clauseId) => {
	const rows = await db
		.select({
			id: inquiries.id,
			kind: inquiries.kind,
			topic: inquiries.topic,
			heldOn: inquiries.heldOn,
			publishedOn: inquiries.publishedOn,
			createdAt: inquiries.createdAt,
			term: meetings.term,
			session: meetings.session,
			logged: sql<boolean>`exists (select 1 from ${inquiryExchanges} where ${inquiryExchanges.inquiryId} = ${outer(inquiries.id)})`,
		})
		.from(inquiries)
		.innerJoin(inquiryClauses, and(eq(inquiryClauses.inquiryId, inquiries.id), eq(inquiryClauses.clauseId, clauseId)))
		.innerJoin(meetings, eq(meetings.id, inquiries.meetingId))
		.where(inquiriesReadableBy(user))
	const events: Array<TimelineEvent> = []
	for (const row of rows) {
		const base = { title: titleOf(row), href: inquiryHref(row.id), params: { meeting: meetingLabel(row) } }
		events.push({ ...base, at: shanghaiDate(row.createdAt), kind: `inquiry.scheduled.${row.kind}`, step: 1 })
		if (row.logged) events.push({ ...base, at: row.heldOn, kind: `inquiry.held.${row.kind}`, step: 2 })
		if (row.publishedOn) events.push({ ...base, at: row.publishedOn, kind: 'inquiry.published', step: 3 })
	}
	return events
}
