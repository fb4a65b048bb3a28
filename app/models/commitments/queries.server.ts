import { and, asc, count, eq, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { pageWindow } from '../lookups.server'
import type { Database } from '#db/client.server'
import { agencies, auditEvents, clauses, commitments, inquiries, inquiryClauses, inquiryExchanges, meetings } from '#db/schema'
import { agencyItemOverdueDays, agencyOwesStates, type AgencyItemAction, type AgencyItemState } from '~/domain/agency-items'
import {
	commitmentPageSize,
	commitmentReadScope,
	commitmentSource,
	mayReadCommitment,
	type CommitmentListQuery,
	type CommitmentReader,
} from '~/domain/commitments'
import { shanghaiDate, type IsoDate } from '~/domain/dates'
import { inquiryKindLabels } from '~/domain/inquiries'
import { meetingLabel } from '~/domain/meetings'
import { outer } from '../sql.server'

// Commitments (承诺事项) made in inquiries' answers, read. Who may read which is one rule,
// commitmentReadScope in app/domain/commitments.ts; commitmentsReadableBy() is its SQL, in the
// WHERE clause of every list, export, to-do, open item and timeline.

export type Commitment = typeof commitments.$inferSelect

function ofPublishedSession(): SQL {
	return sql`exists (select 1 from ${inquiries} where ${inquiries.id} = ${outer(commitments.inquiryId)} and ${inquiries.state} = 'published')`
}

export function commitmentsReadableBy(user: CommitmentReader): SQL {
	const scope = commitmentReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'published':
			return ofPublishedSession()
		case 'agency':
			return eq(commitments.agencyId, scope.agencyId)
		case 'none':
			return sql`false`
	}
}

// The agency still owes it and its due date has passed (a due date is met on its own day): the
// SQL twin of agencyItemOverdueDays() > 0.
export function commitmentOverdueOn(today: IsoDate): SQL {
	return and(inArray(commitments.state, [...agencyOwesStates]), lt(commitments.dueOn, today)) ?? sql`false`
}

const questionNumber = sql<number>`(select count(*) from ${inquiryExchanges} as e2 where e2.inquiry_id = ${inquiryExchanges.inquiryId} and e2.position <= ${inquiryExchanges.position})`.mapWith(Number)

function selectCommitments(db: Database) {
	return db
		.select({
			id: commitments.id,
			inquiryId: commitments.inquiryId,
			exchangeId: commitments.exchangeId,
			agencyId: commitments.agencyId,
			agencyName: agencies.name,
			agencyShortName: agencies.shortName,
			text: commitments.text,
			dueOn: commitments.dueOn,
			state: commitments.state,
			response: commitments.response,
			respondedOn: commitments.respondedOn,
			verifiedOn: commitments.verifiedOn,
			reopenReason: commitments.reopenReason,
			version: commitments.version,
			inquiryKind: inquiries.kind,
			inquiryTopic: inquiries.topic,
			inquiryState: inquiries.state,
			heldOn: inquiries.heldOn,
			exchangeAgencyId: inquiryExchanges.agencyId,
			questionNumber,
			meeting: { term: meetings.term, session: meetings.session },
		})
		.from(commitments)
		.innerJoin(agencies, eq(agencies.id, commitments.agencyId))
		.innerJoin(inquiries, eq(inquiries.id, commitments.inquiryId))
		.innerJoin(inquiryExchanges, eq(inquiryExchanges.id, commitments.exchangeId))
		.innerJoin(meetings, eq(meetings.id, inquiries.meetingId))
		.$dynamic()
}

type Row = Awaited<ReturnType<ReturnType<typeof selectCommitments>['execute']>>[number]

function present(row: Row, today: IsoDate) {
	const { meeting, ...rest } = row
	return {
		...rest,
		published: row.inquiryState === 'published',
		meetingLabel: meetingLabel(meeting),
		source: commitmentSource(inquiryKindLabels[row.inquiryKind], row.inquiryTopic, row.questionNumber),
		overdueDays: agencyItemOverdueDays(row, today),
	}
}

export type CommitmentRow = ReturnType<typeof present>

export async function getReadableCommitment(db: Database, user: CommitmentReader, commitmentId: number, today: IsoDate) {
	const [row] = await selectCommitments(db).where(and(eq(commitments.id, commitmentId), commitmentsReadableBy(user)))
	if (!row) return null
	const commitment = present(row, today)
	return mayReadCommitment(user, commitment) ? commitment : null
}

// ── The list and its CSV ────────────────────────────────────────────────────────────────────

function listWhere(user: CommitmentReader, query: Omit<CommitmentListQuery, 'page'>, today: IsoDate): SQL | undefined {
	return and(
		commitmentsReadableBy(user),
		query.agencyId ? eq(commitments.agencyId, query.agencyId) : undefined,
		query.state ? eq(commitments.state, query.state) : undefined,
		query.overdue ? commitmentOverdueOn(today) : undefined,
		query.inquiryId ? eq(commitments.inquiryId, query.inquiryId) : undefined,
		query.clauseId
			? sql`exists (select 1 from ${inquiryClauses} where ${inquiryClauses.inquiryId} = ${outer(commitments.inquiryId)} and ${inquiryClauses.clauseId} = ${query.clauseId})`
			: undefined,
	)
}

// Those the agency owes first (overdue the longest on top, then the earliest due), then those
// awaiting verification, then the accepted; ties in the agencies' official order.
const listOrder = [
	sql`case ${commitments.state} when 'open' then 0 when 'reopened' then 0 when 'responded' then 1 else 2 end`,
	asc(commitments.dueOn),
	asc(agencies.displayOrder),
	asc(commitments.id),
]

export async function listCommitments(db: Database, user: CommitmentReader, query: CommitmentListQuery, today: IsoDate) {
	const where = listWhere(user, query, today)
	const [{ total }] = await db.select({ total: count() }).from(commitments).where(where)
	const { page, pages, offset, limit } = pageWindow(total, query.page, commitmentPageSize)
	const rows = await selectCommitments(db)
		.where(where)
		.orderBy(...listOrder)
		.limit(limit)
		.offset(offset)
	return { rows: rows.map((row) => present(row, today)), total, page, pages }
}

// Every row under the filters, for the CSV, with the clauses of each commitment's session.
export async function listAllCommitments(db: Database, user: CommitmentReader, query: Omit<CommitmentListQuery, 'page'>, today: IsoDate) {
	const rows = (await selectCommitments(db).where(listWhere(user, query, today)).orderBy(...listOrder)).map((row) => present(row, today))
	const inquiryIds = [...new Set(rows.map((r) => r.inquiryId))]
	const clauseRows = inquiryIds.length
		? await db
				.select({ inquiryId: inquiryClauses.inquiryId, label: clauses.label })
				.from(inquiryClauses)
				.innerJoin(clauses, eq(clauses.id, inquiryClauses.clauseId))
				.where(inArray(inquiryClauses.inquiryId, inquiryIds))
				.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
		: []
	return rows.map((row) => ({ ...row, clauseLabels: clauseRows.filter((c) => c.inquiryId === row.inquiryId).map((c) => c.label) }))
}

// What the list's filters offer: the agencies that made commitments, the sessions, the clauses.
export async function commitmentFilterOptions(db: Database, user: CommitmentReader) {
	const readable = commitmentsReadableBy(user)
	const [agencyRows, sessionRows, clauseRows] = await Promise.all([
		db
			.selectDistinct({ id: agencies.id, name: agencies.name, displayOrder: agencies.displayOrder })
			.from(agencies)
			.innerJoin(commitments, eq(commitments.agencyId, agencies.id))
			.where(readable)
			.orderBy(asc(agencies.displayOrder), asc(agencies.id)),
		db
			.selectDistinct({ id: inquiries.id, topic: inquiries.topic, heldOn: inquiries.heldOn })
			.from(inquiries)
			.innerJoin(commitments, eq(commitments.inquiryId, inquiries.id))
			.where(readable)
			.orderBy(sql`${inquiries.heldOn} desc`, asc(inquiries.id)),
		db
			.selectDistinct({ id: clauses.id, label: clauses.label, instrumentId: clauses.instrumentId, ordinal: clauses.ordinal })
			.from(clauses)
			.innerJoin(inquiryClauses, eq(inquiryClauses.clauseId, clauses.id))
			.innerJoin(commitments, eq(commitments.inquiryId, inquiryClauses.inquiryId))
			.where(readable)
			.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal)),
	])
	return {
		agencies: agencyRows.map(({ id, name }) => ({ id, name })),
		sessions: sessionRows.map(({ id, topic, heldOn }) => ({ id, topic, heldOn })),
		clauses: clauseRows.map(({ id, label }) => ({ id, label })),
	}
}

// ── The rounds of reporting and verification ────────────────────────────────────────────────

export type CommitmentStep = { action: AgencyItemAction; on: IsoDate; text: string }

const stepActions: Record<string, AgencyItemAction> = { 'commitment.respond': 'respond', 'commitment.accept': 'accept', 'commitment.reopen': 'reopen' }

// Each report and each verification, oldest first, from the audit log (the commitment keeps only
// the latest round). A commitment written without them (demo data) gets its steps from its row.
export async function commitmentHistory(db: Database, commitment: Pick<Commitment, 'id' | 'state' | 'response' | 'respondedOn' | 'verifiedOn' | 'reopenReason'>) {
	const rows = await db
		.select({ action: auditEvents.action, at: auditEvents.at, after: auditEvents.after })
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, 'commitment'), eq(auditEvents.entityId, String(commitment.id)), inArray(auditEvents.action, Object.keys(stepActions))))
		.orderBy(asc(auditEvents.at), asc(auditEvents.id))
	if (rows.length === 0) return stepsFromRow(commitment)
	return rows.map((row): CommitmentStep => {
		const after = (row.after ?? {}) as { response?: string; reopenReason?: string | null; on?: IsoDate }
		const action = stepActions[row.action]
		const text = action === 'respond' ? (after.response ?? '') : action === 'reopen' ? (after.reopenReason ?? '') : ''
		return { action, on: after.on ?? shanghaiDate(row.at), text }
	})
}

function stepsFromRow(row: { state: AgencyItemState; response: string; respondedOn: IsoDate | null; verifiedOn: IsoDate | null; reopenReason: string | null }) {
	const steps: Array<CommitmentStep> = []
	if (row.respondedOn) steps.push({ action: 'respond', on: row.respondedOn, text: row.response })
	if (row.state === 'accepted' && row.verifiedOn) steps.push({ action: 'accept', on: row.verifiedOn, text: '' })
	if (row.state === 'reopened' && row.verifiedOn) steps.push({ action: 'reopen', on: row.verifiedOn, text: row.reopenReason ?? '' })
	return steps
}
