import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm'
import { agenciesReferredBy, clausesByOwner, clausesReferredBy, meetingsReferredBy, pageWindow } from '../lookups.server'
import type { Database } from '#db/client.server'
import {
	agencies,
	clauses,
	commitments,
	deliberations,
	inquiries,
	inquiryAskers,
	inquiryClauses,
	inquiryExchanges,
	inquiryFollowUps,
	inquiryRegistrations,
	inquiryRespondents,
	inspections,
	instruments,
	meetings,
	planItems,
	reports,
	users,
} from '#db/schema'
import { agencyItemOverdueDays } from '~/domain/agency-items'
import type { IsoDate } from '~/domain/dates'
import {
	inquiryPageSize,
	inquiryReadScope,
	isAnsweringOrgan,
	mayReadExchange,
	mayReadInquiry,
	type InquiryListQuery,
	type InquiryReader,
	type LogScope,
	type RegistrationScope,
	type SessionFacts,
} from '~/domain/inquiries'
import { meetingLabel } from '~/domain/meetings'
import { deliberationsReadableBy } from '../deliberation/queries.server'
import { outer } from '../sql.server'

// Inquiry sessions (询问 / 专题询问), read. Who may read which session is one rule,
// inquiryReadScope in app/domain/inquiries.ts: inquiriesReadableBy() is its SQL, so that every
// list, count, link and timeline here holds only what the reader may read; inside a session the
// log is scoped again (logScope: a liaison before publication reads only what was put to their
// agency), in the WHERE clause of the log's query.

export type Inquiry = typeof inquiries.$inferSelect

// Whether the agency is among the session's responding agencies (`inquiryId`: the outer query's
// column, written with outer()).
function answersIn(agencyId: number, inquiryId: SQL): SQL {
	return sql`exists (select 1 from ${inquiryRespondents} where ${inquiryRespondents.inquiryId} = ${inquiryId} and ${inquiryRespondents.agencyId} = ${agencyId})`
}

// The read rule as a WHERE condition on `inquiries`.
export function inquiriesReadableBy(user: Pick<InquiryReader, 'role' | 'agencyId'>): SQL {
	const scope = inquiryReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'published':
			return eq(inquiries.state, 'published')
		case 'agency':
			return answersIn(scope.agencyId, outer(inquiries.id))
		case 'none':
			return sql`false`
	}
}

// ── One session ─────────────────────────────────────────────────────────────────────────────

export async function getInquiry(db: Database, inquiryId: number) {
	const [row] = await db
		.select({
			inquiry: inquiries,
			meeting: { id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn },
			reportTitle: sql<string | null>`coalesce(nullif(${reports.title}, ''), ${reports.topic})`,
			inspectionTitle: inspections.title,
			planItem: { id: planItems.id, title: planItems.title, year: planItems.year },
		})
		.from(inquiries)
		.innerJoin(meetings, eq(meetings.id, inquiries.meetingId))
		.leftJoin(reports, eq(reports.id, inquiries.reportId))
		.leftJoin(inspections, eq(inspections.id, inquiries.inspectionId))
		.leftJoin(planItems, eq(planItems.id, inquiries.planItemId))
		.where(eq(inquiries.id, inquiryId))
	if (!row) return null
	const [clauseRows, respondents, askers] = await Promise.all([
		clausesOf(db, [inquiryId]),
		respondentsOf(db, inquiryId),
		db
			.select({ id: users.id, realName: users.realName })
			.from(inquiryAskers)
			.innerJoin(users, eq(users.id, inquiryAskers.userId))
			.where(eq(inquiryAskers.inquiryId, inquiryId))
			.orderBy(asc(users.id)),
	])
	return {
		...row.inquiry,
		meeting: { ...row.meeting, label: meetingLabel(row.meeting) },
		reportTitle: row.reportTitle,
		inspectionTitle: row.inspectionTitle,
		planItem: row.planItem?.id ? row.planItem : null,
		clauses: clauseRows.get(inquiryId) ?? [],
		respondents,
		respondentAgencyIds: respondents.map((r) => r.agencyId),
		askers,
	}
}

export type LoadedInquiry = NonNullable<Awaited<ReturnType<typeof getInquiry>>>

// Null both when there is no such session and when the user may not read it (404 either way).
export async function getReadableInquiry(db: Database, user: Pick<InquiryReader, 'role' | 'agencyId'>, inquiryId: number) {
	const inquiry = await getInquiry(db, inquiryId)
	return inquiry && mayReadInquiry(user, inquiry) ? inquiry : null
}

export function respondentsOf(db: Database, inquiryId: number) {
	return db
		.select({
			id: inquiryRespondents.id,
			agencyId: inquiryRespondents.agencyId,
			agencyName: agencies.name,
			agencyShortName: agencies.shortName,
			officialName: inquiryRespondents.officialName,
			officialTitle: inquiryRespondents.officialTitle,
		})
		.from(inquiryRespondents)
		.innerJoin(agencies, eq(agencies.id, inquiryRespondents.agencyId))
		.where(eq(inquiryRespondents.inquiryId, inquiryId))
		.orderBy(asc(inquiryRespondents.position), asc(inquiryRespondents.id))
}

function clausesOf(db: Database, ids: Array<number>) {
	return clausesByOwner(db, { owner: inquiryClauses.inquiryId, clause: inquiryClauses.clauseId }, ids)
}

// What the session's rules look at: how far the log is, whether its deliberation was opened.
// Read inside a mutation's transaction after the session row is locked, or for the page.
export async function sessionFacts(db: Database, inquiry: Pick<Inquiry, 'id' | 'kind' | 'state' | 'heldOn'>): Promise<SessionFacts> {
	const [log] = await db
		.select({
			logged: count(),
			unanswered: sql<number>`count(*) filter (where trim(${inquiryExchanges.answer}) = '')`.mapWith(Number),
		})
		.from(inquiryExchanges)
		.where(eq(inquiryExchanges.inquiryId, inquiry.id))
	const [followUps] = await db
		.select({ unanswered: count() })
		.from(inquiryFollowUps)
		.innerJoin(inquiryExchanges, eq(inquiryExchanges.id, inquiryFollowUps.exchangeId))
		.where(and(eq(inquiryExchanges.inquiryId, inquiry.id), sql`trim(${inquiryFollowUps.answer}) = ''`))
	const [opened] = await db
		.select({ n: count() })
		.from(deliberations)
		.innerJoin(inquiryRespondents, eq(inquiryRespondents.id, deliberations.subjectId))
		.where(and(eq(deliberations.subjectType, 'inquiry'), eq(inquiryRespondents.inquiryId, inquiry.id)))
	return {
		kind: inquiry.kind,
		state: inquiry.state,
		heldOn: inquiry.heldOn,
		logged: log.logged,
		unanswered: log.unanswered + followUps.unanswered,
		deliberationOpened: opened.n > 0,
	}
}

// ── The log ─────────────────────────────────────────────────────────────────────────────────

function logWhere(inquiryId: number, scope: LogScope): SQL | undefined {
	return and(eq(inquiryExchanges.inquiryId, inquiryId), scope.kind === 'agency' ? eq(inquiryExchanges.agencyId, scope.agencyId) : undefined)
}

// The questions and answers in order, with their follow-ups and commitments, as far as the scope
// reaches (a liaison before publication: the questions put to their agency). Three queries
// whatever the length of the log. `number` is the question's place in the whole record.
export async function loadLog(db: Database, inquiryId: number, scope: LogScope, today: IsoDate) {
	const exchanges = await db
		.select({
			id: inquiryExchanges.id,
			position: inquiryExchanges.position,
			number: sql<number>`(select count(*) from ${inquiryExchanges} as e2 where e2.inquiry_id = ${inquiryExchanges.inquiryId} and e2.position <= ${inquiryExchanges.position})`.mapWith(Number),
			askerId: inquiryExchanges.askerId,
			askerName: users.realName,
			agencyId: inquiryExchanges.agencyId,
			agencyName: agencies.name,
			agencyShortName: agencies.shortName,
			officialName: inquiryExchanges.officialName,
			officialTitle: inquiryExchanges.officialTitle,
			question: inquiryExchanges.question,
			answer: inquiryExchanges.answer,
			registrationId: inquiryExchanges.registrationId,
			version: inquiryExchanges.version,
		})
		.from(inquiryExchanges)
		.innerJoin(users, eq(users.id, inquiryExchanges.askerId))
		.innerJoin(agencies, eq(agencies.id, inquiryExchanges.agencyId))
		.where(logWhere(inquiryId, scope))
		.orderBy(asc(inquiryExchanges.position), asc(inquiryExchanges.id))
	const ids = exchanges.map((e) => e.id)
	const [followUps, promised] = ids.length
		? await Promise.all([
				db
					.select()
					.from(inquiryFollowUps)
					.where(inArray(inquiryFollowUps.exchangeId, ids))
					.orderBy(asc(inquiryFollowUps.position), asc(inquiryFollowUps.id)),
				db
					.select({
						id: commitments.id,
						exchangeId: commitments.exchangeId,
						agencyId: commitments.agencyId,
						agencyShortName: agencies.shortName,
						text: commitments.text,
						dueOn: commitments.dueOn,
						state: commitments.state,
						version: commitments.version,
					})
					.from(commitments)
					.innerJoin(agencies, eq(agencies.id, commitments.agencyId))
					.where(inArray(commitments.exchangeId, ids))
					.orderBy(asc(commitments.id)),
			])
		: [[], []]
	return exchanges
		.filter((e) => mayReadExchange(scope, e))
		.map((e) => ({
			...e,
			followUps: followUps.filter((f) => f.exchangeId === e.id).map(({ id, question, answer, version }) => ({ id, question, answer, version })),
			commitments: promised
				.filter((c) => c.exchangeId === e.id)
				.map(({ exchangeId: _exchange, ...c }) => ({ ...c, overdueDays: agencyItemOverdueDays(c, today) })),
		}))
}

export type LogEntry = Awaited<ReturnType<typeof loadLog>>[number]

export async function loadRegistrations(db: Database, inquiryId: number, scope: RegistrationScope) {
	if (scope.kind === 'none') return []
	return db
		.select({
			id: inquiryRegistrations.id,
			memberId: inquiryRegistrations.memberId,
			memberName: users.realName,
			agencyId: inquiryRegistrations.agencyId,
			agencyShortName: agencies.shortName,
			text: inquiryRegistrations.text,
			position: inquiryRegistrations.position,
			version: inquiryRegistrations.version,
			// Put to the floor already: the clerk recorded a question from it.
			asked: sql<boolean>`exists (select 1 from ${inquiryExchanges} where ${inquiryExchanges.registrationId} = ${inquiryRegistrations.id})`,
		})
		.from(inquiryRegistrations)
		.innerJoin(users, eq(users.id, inquiryRegistrations.memberId))
		.leftJoin(agencies, eq(agencies.id, inquiryRegistrations.agencyId))
		.where(and(eq(inquiryRegistrations.inquiryId, inquiryId), scope.kind === 'own' ? eq(inquiryRegistrations.memberId, scope.memberId) : undefined))
		.orderBy(asc(inquiryRegistrations.position), asc(inquiryRegistrations.id))
}

// A 专题询问's deliberations, one per responding agency, those the user may read.
export async function respondentDeliberations(db: Database, user: InquiryReader & { id: number }, inquiryId: number) {
	return db
		.select({
			respondentId: inquiryRespondents.id,
			agencyShortName: agencies.shortName,
			deliberationId: deliberations.id,
			state: deliberations.state,
			handlingDueOn: deliberations.handlingDueOn,
		})
		.from(deliberations)
		.innerJoin(inquiryRespondents, and(eq(deliberations.subjectType, 'inquiry'), eq(inquiryRespondents.id, deliberations.subjectId)))
		.innerJoin(agencies, eq(agencies.id, inquiryRespondents.agencyId))
		.where(and(eq(inquiryRespondents.inquiryId, inquiryId), deliberationsReadableBy(user)))
		.orderBy(asc(inquiryRespondents.position), asc(inquiryRespondents.id))
}

// For the deliberation's link back (subjectPath): the session a responding agency's row is of.
export async function inquiryOfRespondent(db: Database, respondentId: number): Promise<number | null> {
	const [row] = await db.select({ inquiryId: inquiryRespondents.inquiryId }).from(inquiryRespondents).where(eq(inquiryRespondents.id, respondentId))
	return row?.inquiryId ?? null
}

// ── The list ────────────────────────────────────────────────────────────────────────────────

function listWhere(user: InquiryReader, query: Omit<InquiryListQuery, 'page'>): SQL | undefined {
	return and(
		inquiriesReadableBy(user),
		query.meetingId ? eq(inquiries.meetingId, query.meetingId) : undefined,
		query.kind ? eq(inquiries.kind, query.kind) : undefined,
		query.agencyId ? answersIn(query.agencyId, outer(inquiries.id)) : undefined,
		query.clauseId
			? sql`exists (select 1 from ${inquiryClauses} where ${inquiryClauses.inquiryId} = ${outer(inquiries.id)} and ${inquiryClauses.clauseId} = ${query.clauseId})`
			: undefined,
		query.year ? sql`extract(year from ${inquiries.heldOn}) = ${query.year}` : undefined,
	)
}

export async function listInquiries(db: Database, user: InquiryReader, query: InquiryListQuery, today: IsoDate) {
	const where = listWhere(user, query)
	const [{ total }] = await db.select({ total: count() }).from(inquiries).where(where)
	const { page, pages, offset, limit } = pageWindow(total, query.page, inquiryPageSize)
	// What a liaison counts of an unpublished log is what they may read of it.
	const scopedAgency = user.role === 'agency' ? (user.agencyId ?? -1) : null
	const countedExchange = scopedAgency === null ? sql`true` : sql`(${outer(inquiries.state)} = 'published' or e.agency_id = ${scopedAgency})`
	const rows = await db
		.select({
			id: inquiries.id,
			kind: inquiries.kind,
			topic: inquiries.topic,
			heldOn: inquiries.heldOn,
			state: inquiries.state,
			meeting: { id: meetings.id, term: meetings.term, session: meetings.session },
			questions: sql<number>`(select count(*) from ${inquiryExchanges} as e where e.inquiry_id = ${outer(inquiries.id)} and ${countedExchange})`.mapWith(Number),
		})
		.from(inquiries)
		.innerJoin(meetings, eq(meetings.id, inquiries.meetingId))
		.where(where)
		.orderBy(desc(inquiries.heldOn), desc(inquiries.id))
		.limit(limit)
		.offset(offset)
	const ids = rows.map((r) => r.id)
	const [respondentRows, commitmentRows] = ids.length
		? await Promise.all([
				db
					.select({ inquiryId: inquiryRespondents.inquiryId, shortName: agencies.shortName })
					.from(inquiryRespondents)
					.innerJoin(agencies, eq(agencies.id, inquiryRespondents.agencyId))
					.where(inArray(inquiryRespondents.inquiryId, ids))
					.orderBy(asc(inquiryRespondents.position), asc(inquiryRespondents.id)),
				db
					.select({ inquiryId: commitments.inquiryId, state: commitments.state, dueOn: commitments.dueOn })
					.from(commitments)
					.where(and(inArray(commitments.inquiryId, ids), scopedAgency === null ? undefined : eq(commitments.agencyId, scopedAgency))),
			])
		: [[], []]
	return {
		total,
		page,
		pages,
		rows: rows.map(({ meeting, ...row }) => {
			const own = commitmentRows.filter((c) => c.inquiryId === row.id)
			return {
				...row,
				meetingLabel: meetingLabel(meeting),
				agencies: respondentRows.filter((r) => r.inquiryId === row.id).map((r) => r.shortName),
				commitments: own.length,
				overdueCommitments: own.filter((c) => agencyItemOverdueDays(c, today) > 0).length,
			}
		}),
	}
}

// What the list's filters offer: meetings and agencies that have sessions, clauses, years.
export async function inquiryFilterOptions(db: Database) {
	const [meetingRows, agencyRows, clauseRows, yearRows] = await Promise.all([
		meetingsReferredBy(db, inquiries.meetingId),
		agenciesReferredBy(db, inquiryRespondents.agencyId),
		clausesReferredBy(db, inquiryClauses.clauseId),
		db
			.selectDistinct({ year: sql<number>`extract(year from ${inquiries.heldOn})::int` })
			.from(inquiries)
			.orderBy(desc(sql`extract(year from ${inquiries.heldOn})::int`)),
	])
	return {
		meetings: meetingRows.map((m) => ({ id: m.id, label: meetingLabel(m) })),
		agencies: agencyRows.map(({ id, name }) => ({ id, name })),
		clauses: clauseRows.map(({ id, label }) => ({ id, label })),
		years: yearRows.map((r) => Number(r.year)),
	}
}

// ── Scheduling ──────────────────────────────────────────────────────────────────────────────

// What the scheduling form offers: meetings not yet over (soonest first), the reports and
// inspection reports heard at them, the agencies that answer (Art. 46/47) in official order,
// the members, the clauses and the plan's inquiries.
export async function loadScheduleOptions(db: Database, today: IsoDate) {
	const [meetingRows, reportRows, inspectionRows, agencyRows, memberRows, clauseRows, planRows] = await Promise.all([
		db
			.select({ id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn, endsOn: meetings.endsOn })
			.from(meetings)
			.where(gte(meetings.endsOn, today))
			.orderBy(asc(meetings.startsOn), asc(meetings.id)),
		db
			.select({ id: reports.id, title: sql<string>`coalesce(nullif(${reports.title}, ''), ${reports.topic})`, meetingId: reports.meetingId })
			.from(reports)
			.innerJoin(meetings, eq(meetings.id, reports.meetingId))
			.where(gte(meetings.endsOn, today))
			.orderBy(asc(meetings.startsOn), asc(reports.id)),
		db
			.select({ id: inspections.id, title: inspections.title, meetingId: inspections.reportMeetingId })
			.from(inspections)
			.innerJoin(meetings, eq(meetings.id, inspections.reportMeetingId))
			.where(and(isNotNull(inspections.reportMeetingId), gte(meetings.endsOn, today)))
			.orderBy(asc(meetings.startsOn), asc(inspections.id)),
		db
			.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind, level: agencies.level })
			.from(agencies)
			.where(eq(agencies.active, true))
			.orderBy(asc(agencies.displayOrder), asc(agencies.id)),
		activeMembers(db),
		db
			.select({ id: clauses.id, label: clauses.label, instrumentId: instruments.id, instrumentTitle: instruments.title })
			.from(clauses)
			.innerJoin(instruments, eq(instruments.id, clauses.instrumentId))
			.orderBy(asc(instruments.id), asc(clauses.ordinal)),
		db
			.select({ id: planItems.id, year: planItems.year, title: planItems.title })
			.from(planItems)
			.where(eq(planItems.kind, 'inquiry'))
			.orderBy(desc(planItems.year), asc(planItems.id)),
	])
	return {
		meetings: meetingRows.map((m) => ({ id: m.id, label: meetingLabel(m), startsOn: m.startsOn, endsOn: m.endsOn })),
		reports: reportRows,
		inspections: inspectionRows.map((i) => ({ ...i, meetingId: i.meetingId as number })),
		agencies: agencyRows.filter(isAnsweringOrgan).map(({ id, name, shortName }) => ({ id, name, shortName })),
		members: memberRows,
		clauses: clauseRows,
		planItems: planRows,
	}
}

export type ScheduleOptions = Awaited<ReturnType<typeof loadScheduleOptions>>

// The standing committee's members with an active account, who ask.
export function activeMembers(db: Database) {
	return db
		.select({ id: users.id, realName: users.realName })
		.from(users)
		.where(and(eq(users.role, 'member'), eq(users.disabled, false)))
		.orderBy(asc(users.id))
}

// The sessions on a reader's calendar: those they may read, held within the range, with the
// place of their meeting.
export function listInquiriesForCalendar(db: Database, user: Pick<InquiryReader, 'role' | 'agencyId'>, range: { from: IsoDate; to: IsoDate }) {
	return db
		.select({ id: inquiries.id, kind: inquiries.kind, topic: inquiries.topic, heldOn: inquiries.heldOn, place: meetings.place })
		.from(inquiries)
		.innerJoin(meetings, eq(meetings.id, inquiries.meetingId))
		.where(and(inquiriesReadableBy(user), gte(inquiries.heldOn, range.from), lte(inquiries.heldOn, range.to)))
		.orderBy(asc(inquiries.heldOn), asc(inquiries.id))
}
