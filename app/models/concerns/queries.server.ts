import { and, asc, count, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client.server'
import {
	agencies,
	concernAgencies,
	concernCategories,
	concernClauses,
	concernConstituents,
	concernCosigners,
	concernReplies,
	concerns,
	taskAgencies,
	tasks,
	users,
} from '#db/schema'
import {
	concernAssignedStates,
	concernOverdueDays,
	concernOwesStates,
	concernReadScope,
	concernTriageStates,
	identityAccess,
	maskName,
	maskPhone,
	mayReadConcern,
	mayReadOriginal,
	noRelation,
	type ConcernListQuery,
	type ConcernRating,
	type ResultClass,
	type ConcernReader,
	type ConcernRelation,
	type IdentityAccess,
	type PolicyConcern,
} from '~/domain/concerns'
import type { IsoDate } from '~/domain/dates'
import { agenciesReferredBy, clausesByOwner, clausesReferredBy, listClauseChoices, pageWindow } from '../lookups.server'
import { outer, rowsOf } from '../sql.server'

// Deputies' concerns (代表建议), read. Who reads which is concernReadScope in
// app/domain/concerns.ts; concernsReadableBy() is its SQL, so every list, count, export, to-do and
// timeline holds only what the reader may read. The constituents are read by constituentsFor()
// alone, which decides full, masked or nothing: no other query here selects them.

const filer = alias(users, 'filer')

function cosignedBy(userId: number, concernId: SQL): SQL {
	return sql`exists (select 1 from ${concernCosigners} where ${concernCosigners.concernId} = ${concernId} and ${concernCosigners.deputyId} = ${userId})`
}

// A deputy follows the concerns theirs were merged into.
function followedBy(userId: number): SQL {
	return sql`exists (select 1 from concerns m where m.merged_into_id = ${outer(concerns.id)} and (m.filer_id = ${userId} or ${cosignedBy(userId, sql`m.id`)}))`
}

function handedTo(agencyId: number): SQL {
	return sql`exists (select 1 from ${concernAgencies} where ${concernAgencies.concernId} = ${outer(concerns.id)} and ${concernAgencies.agencyId} = ${agencyId})`
}

export function concernsReadableBy(user: ConcernReader): SQL {
	const scope = concernReadScope(user)
	switch (scope.kind) {
		case 'office':
		case 'handedIn':
			return ne(concerns.state, 'draft')
		case 'deputy':
			return sql`(${concerns.filerId} = ${scope.userId} or (${concerns.state} <> 'draft' and (${cosignedBy(scope.userId, outer(concerns.id))} or ${followedBy(scope.userId)})))`
		case 'agency':
			return and(inArray(concerns.state, [...concernAssignedStates]), handedTo(scope.agencyId)) ?? sql`false`
		case 'none':
			return sql`false`
	}
}

export type Concern = typeof concerns.$inferSelect

// What the reader is to one concern.
export async function relationOf(db: Database, user: ConcernReader, concern: Pick<Concern, 'id' | 'filerId'>): Promise<ConcernRelation> {
	if (user.role === 'deputy' && user.id !== null) {
		const [row] = rowsOf<{ cosigner: boolean; follower: boolean }>(await db.execute(sql`select
			${cosignedBy(user.id, sql`${concern.id}`)} as cosigner,
			exists (select 1 from concerns m where m.merged_into_id = ${concern.id} and (m.filer_id = ${user.id} or ${cosignedBy(user.id, sql`m.id`)})) as follower`))
		return { filer: concern.filerId === user.id, coSigner: Boolean(row?.cosigner), follower: Boolean(row?.follower), agencyRole: null }
	}
	if (user.role === 'agency' && user.agencyId !== null) {
		const [row] = await db
			.select({ role: concernAgencies.role })
			.from(concernAgencies)
			.where(and(eq(concernAgencies.concernId, concern.id), eq(concernAgencies.agencyId, user.agencyId)))
		return { ...noRelation, agencyRole: row?.role ?? null }
	}
	return noRelation
}

// The facts the policy needs beyond the row.
export async function policyConcernOf(db: Database, concern: Concern, relation: ConcernRelation, agencyId: number | null): Promise<PolicyConcern> {
	const handover = await db
		.select({ agencyId: concernAgencies.agencyId, role: concernAgencies.role, opinionOn: concernAgencies.opinionOn })
		.from(concernAgencies)
		.where(eq(concernAgencies.concernId, concern.id))
	const [latest] = await db
		.select({ resultClass: concernReplies.resultClass, promisedOn: concernReplies.promisedOn, fulfilledOn: concernReplies.fulfilledOn })
		.from(concernReplies)
		.where(eq(concernReplies.concernId, concern.id))
		.orderBy(desc(concernReplies.round))
		.limit(1)
	const co = handover.filter((a) => a.role === 'co')
	return {
		state: concern.state,
		assignedOn: concern.assignedOn,
		replyDueOn: concern.replyDueOn,
		repliedOn: concern.repliedOn,
		round: concern.round,
		opinionsMissing: co.filter((a) => a.opinionOn === null).length,
		myOpinionGiven: relation.agencyRole === 'co' && co.some((a) => a.agencyId === agencyId && a.opinionOn !== null),
		promisePending: Boolean(latest && latest.resultClass === 'B' && latest.promisedOn && !latest.fulfilledOn && ['replied', 'closed'].includes(concern.state)),
	}
}

export async function getReadableConcern(db: Database, user: ConcernReader, id: number) {
	const [row] = await db
		.select({ concern: concerns, categoryName: concernCategories.name, filerName: filer.realName })
		.from(concerns)
		.innerJoin(concernCategories, eq(concernCategories.id, concerns.categoryId))
		.innerJoin(filer, eq(filer.id, concerns.filerId))
		.where(and(eq(concerns.id, id), concernsReadableBy(user)))
	if (!row) return null
	const relation = await relationOf(db, user, row.concern)
	// The same rule again, in code: the SQL above is the guard, this the belt.
	if (!mayReadConcern(user, row.concern, relation)) return null
	const policyConcern = await policyConcernOf(db, row.concern, relation, user.agencyId)
	return { ...row, relation, policyConcern }
}

export type LoadedConcern = NonNullable<Awaited<ReturnType<typeof getReadableConcern>>>

// ── The constituents: the only reader of concern_constituents ────────────────────────────────

export type ConstituentView = { position: number; name: string; phone: string }

export async function constituentsFor(db: Database, concernId: number, access: IdentityAccess): Promise<Array<ConstituentView>> {
	if (access === 'none') return []
	const rows = await db
		.select({ position: concernConstituents.position, name: concernConstituents.name, phone: concernConstituents.phone })
		.from(concernConstituents)
		.where(eq(concernConstituents.concernId, concernId))
		.orderBy(asc(concernConstituents.position))
	if (access === 'full') return rows
	return rows.map((r) => ({ position: r.position, name: maskName(r.name), phone: maskPhone(r.phone) }))
}

// ── The parts of one concern's page ─────────────────────────────────────────────────────────

export async function concernParts(db: Database, user: ConcernReader, loaded: LoadedConcern) {
	const id = loaded.concern.id
	const [handover, replies, cosigners, clauseMap, mergedInto, mergedFrom] = await Promise.all([
		db
			.select({
				agencyId: concernAgencies.agencyId,
				name: agencies.name,
				role: concernAgencies.role,
				opinion: concernAgencies.opinion,
				opinionOn: concernAgencies.opinionOn,
			})
			.from(concernAgencies)
			.innerJoin(agencies, eq(agencies.id, concernAgencies.agencyId))
			.where(eq(concernAgencies.concernId, id))
			.orderBy(asc(concernAgencies.role), asc(agencies.displayOrder)),
		db
			.select({
				id: concernReplies.id,
				round: concernReplies.round,
				agencyName: agencies.name,
				resultClass: concernReplies.resultClass,
				content: concernReplies.content,
				reasons: concernReplies.reasons,
				signedBy: concernReplies.signedBy,
				promisedOn: concernReplies.promisedOn,
				fulfilledOn: concernReplies.fulfilledOn,
				fulfilmentNote: concernReplies.fulfilmentNote,
				repliedOn: concernReplies.repliedOn,
				rating: concernReplies.rating,
				ratingComment: concernReplies.ratingComment,
				ratedOn: concernReplies.ratedOn,
			})
			.from(concernReplies)
			.innerJoin(agencies, eq(agencies.id, concernReplies.agencyId))
			.where(eq(concernReplies.concernId, id))
			.orderBy(asc(concernReplies.round)),
		db
			.select({ id: users.id, name: users.realName })
			.from(concernCosigners)
			.innerJoin(users, eq(users.id, concernCosigners.deputyId))
			.where(eq(concernCosigners.concernId, id))
			.orderBy(asc(users.id)),
		clausesByOwner(db, { owner: concernClauses.concernId, clause: concernClauses.clauseId }, [id]),
		loaded.concern.mergedIntoId
			? db
					.select({ id: concerns.id, title: concerns.title })
					.from(concerns)
					.where(and(eq(concerns.id, loaded.concern.mergedIntoId), concernsReadableBy(user)))
			: Promise.resolve([]),
		db.select({ n: count() }).from(concerns).where(eq(concerns.mergedIntoId, id)),
	])
	return { handover, replies, cosigners, clauses: clauseMap.get(id) ?? [], mergedInto: mergedInto[0] ?? null, mergedFrom: mergedFrom[0]?.n ?? 0 }
}

// The agencies the concern's clauses' tasks name as leads, proposed for the hand-over.
export async function suggestedAgencies(db: Database, concernId: number) {
	return db
		.selectDistinct({ id: agencies.id, name: agencies.name, displayOrder: agencies.displayOrder })
		.from(concernClauses)
		.innerJoin(tasks, eq(tasks.clauseId, concernClauses.clauseId))
		.innerJoin(taskAgencies, and(eq(taskAgencies.taskId, tasks.id), eq(taskAgencies.role, 'lead')))
		.innerJoin(agencies, and(eq(agencies.id, taskAgencies.agencyId), eq(agencies.active, true)))
		.where(eq(concernClauses.concernId, concernId))
		.orderBy(asc(agencies.displayOrder))
}

// ── Lists ─────────────────────────────────────────────────────────────────────────────────────

const pageSize = 50

function listWhere(user: ConcernReader, query: Omit<ConcernListQuery, 'page'>, today: IsoDate): SQL {
	const conditions: Array<SQL | undefined> = [concernsReadableBy(user)]
	if (query.state) conditions.push(eq(concerns.state, query.state))
	if (query.district) conditions.push(eq(concerns.district, query.district))
	if (query.categoryId) conditions.push(eq(concerns.categoryId, query.categoryId))
	if (query.clauseId) {
		conditions.push(sql`exists (select 1 from ${concernClauses} where ${concernClauses.concernId} = ${outer(concerns.id)} and ${concernClauses.clauseId} = ${query.clauseId})`)
	}
	if (query.agencyId) conditions.push(handedTo(query.agencyId))
	if (query.overdue) conditions.push(and(inArray(concerns.state, [...concernOwesStates]), sql`${concerns.replyDueOn} < ${today}`))
	if (query.rating === 'unrated') conditions.push(and(eq(concerns.state, 'closed'), eq(concerns.closedUnrated, true)))
	else if (query.rating) {
		conditions.push(
			sql`exists (select 1 from ${concernReplies} where ${concernReplies.concernId} = ${outer(concerns.id)} and ${concernReplies.rating} = ${query.rating})`,
		)
	}
	return and(...conditions) ?? sql`true`
}

const listColumns = {
	id: concerns.id,
	title: concerns.title,
	state: concerns.state,
	district: concerns.district,
	categoryName: concernCategories.name,
	filerId: concerns.filerId,
	filerName: filer.realName,
	priority: concerns.priority,
	difficult: concerns.difficult,
	submittedOn: concerns.submittedOn,
	assignedOn: concerns.assignedOn,
	replyDueOn: concerns.replyDueOn,
	repliedOn: concerns.repliedOn,
	closedUnrated: concerns.closedUnrated,
	leadName: sql<string | null>`(select a.name from ${concernAgencies} join agencies a on a.id = ${concernAgencies.agencyId} where ${concernAgencies.concernId} = ${outer(concerns.id)} and ${concernAgencies.role} = 'lead' limit 1)`,
	coNames: sql<Array<string> | null>`(select array_agg(a.name order by a.display_order) from ${concernAgencies} join agencies a on a.id = ${concernAgencies.agencyId} where ${concernAgencies.concernId} = ${outer(concerns.id)} and ${concernAgencies.role} = 'co')`,
	resultClass: sql<string | null>`(select r.result_class from ${concernReplies} r where r.concern_id = ${outer(concerns.id)} order by r.round desc limit 1)`,
	rating: sql<string | null>`(select r.rating from ${concernReplies} r where r.concern_id = ${outer(concerns.id)} order by r.round desc limit 1)`,
}

function listQuery(db: Database, where: SQL) {
	return db
		.select(listColumns)
		.from(concerns)
		.innerJoin(concernCategories, eq(concernCategories.id, concerns.categoryId))
		.innerJoin(filer, eq(filer.id, concerns.filerId))
		.where(where)
}

function shapeRow(row: Awaited<ReturnType<typeof listQuery>>[number], today: IsoDate) {
	return {
		...row,
		coNames: row.coNames ?? [],
		resultClass: row.resultClass as ResultClass | null,
		rating: row.rating as ConcernRating | null,
		overdueDays: concernOverdueDays(row.state, row.replyDueOn, today),
	}
}

export type ConcernListRow = ReturnType<typeof shapeRow>

// Overdue first, then the nearest answer due, then the newest.
export async function listConcerns(db: Database, user: ConcernReader, query: ConcernListQuery, today: IsoDate) {
	const where = listWhere(user, query, today)
	const [{ total }] = await db.select({ total: count() }).from(concerns).where(where)
	const window = pageWindow(total, query.page, pageSize)
	const rows = await listQuery(db, where)
		.orderBy(
			sql`case when ${concerns.state} in ('assigned', 'rehandling') then 0 else 1 end`,
			sql`${concerns.replyDueOn} asc nulls last`,
			desc(concerns.id),
		)
		.limit(window.limit)
		.offset(window.offset)
	return { rows: rows.map((r) => shapeRow(r, today)), total, page: window.page, pages: window.pages }
}

export async function listAllConcerns(db: Database, user: ConcernReader, query: Omit<ConcernListQuery, 'page'>, today: IsoDate) {
	const rows = await listQuery(db, listWhere(user, query, today)).orderBy(asc(concerns.id))
	return rows.map((r) => shapeRow(r, today))
}

// The office's triage queue: handed in and waiting, and returned by an agency; oldest first.
export async function listTriage(db: Database, today: IsoDate) {
	const rows = await listQuery(db, inArray(concerns.state, [...concernTriageStates])).orderBy(asc(concerns.submittedOn), asc(concerns.id))
	return rows.map((r) => shapeRow(r, today))
}

export async function concernFilterOptions(db: Database) {
	const [categories, agencyOptions, clauseOptions] = await Promise.all([
		listCategories(db, false),
		agenciesReferredBy(db, concernAgencies.agencyId),
		clausesReferredBy(db, concernClauses.clauseId),
	])
	return { categories, agencies: agencyOptions.map((a) => ({ id: a.id, name: a.name })), clauses: clauseOptions.map((c) => ({ id: c.id, label: c.label })) }
}

// ── Choices of the forms ──────────────────────────────────────────────────────────────────────

export function listCategories(db: Database, activeOnly: boolean) {
	return db
		.select({ id: concernCategories.id, name: concernCategories.name, active: concernCategories.active, version: concernCategories.version })
		.from(concernCategories)
		.where(activeOnly ? eq(concernCategories.active, true) : undefined)
		.orderBy(asc(concernCategories.position), asc(concernCategories.id))
}

export function listDeputyOptions(db: Database) {
	return db
		.select({ id: users.id, name: users.realName })
		.from(users)
		.where(and(eq(users.role, 'deputy'), eq(users.disabled, false)))
		.orderBy(asc(users.realName), asc(users.id))
}

// What the filing form offers: categories in use, the clauses, the other deputies to co-sign.
export async function concernFormChoices(db: Database, deputyId: number | null) {
	const [categories, clauseChoices, deputies] = await Promise.all([listCategories(db, true), listClauseChoices(db), listDeputyOptions(db)])
	return { categories: categories.map((c) => ({ id: c.id, name: c.name })), clauses: clauseChoices, deputies: deputies.filter((d) => d.id !== deputyId) }
}

// Agencies a concern may be handed to: every active body but the committee itself.
export function listHandlingAgencies(db: Database) {
	return db
		.select({ id: agencies.id, name: agencies.name })
		.from(agencies)
		.where(and(eq(agencies.active, true), ne(agencies.kind, 'congress')))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}

// ── The annual handling report: counts only, never a constituent ──────────────────────────────

export async function annualReport(db: Database, year: number, today: IsoDate) {
	const handedIn = and(eq(concerns.year, year), ne(concerns.state, 'draft'), isNull(concerns.mergedIntoId))
	const [totals] = await db
		.select({
			filed: count(),
			assigned: sql<number>`count(*) filter (where ${concerns.assignedOn} is not null)`.mapWith(Number),
			replied: sql<number>`count(*) filter (where ${concerns.round} > 0)`.mapWith(Number),
			overdue: sql<number>`count(*) filter (where ${concerns.state} in ('assigned', 'rehandling') and ${concerns.replyDueOn} < ${today})`.mapWith(Number),
			unrated: sql<number>`count(*) filter (where ${concerns.closedUnrated})`.mapWith(Number),
		})
		.from(concerns)
		.where(handedIn)
	// The latest answer of each concern is its result and its rating.
	const latest = sql`(select distinct on (r.concern_id) r.concern_id, r.agency_id, r.result_class, r.rating from concern_replies r
		join concerns c on c.id = r.concern_id where c.year = ${year} and c.state <> 'draft'
		order by r.concern_id, r.round desc) latest`
	const byClassRows = rowsOf<{ result_class: string; n: number }>(
		await db.execute(sql`select result_class, count(*)::int as n from ${latest} group by result_class`),
	)
	const byRatingRows = rowsOf<{ rating: string | null; n: number }>(
		await db.execute(sql`select rating, count(*)::int as n from ${latest} where rating is not null group by rating`),
	)
	const perAgency = rowsOf<{ id: number; name: string; total: number; a: number; b: number; c: number; satisfied: number; unsatisfied: number; overdue: number }>(
		await db.execute(sql`select a.id, a.name, count(*)::int as total,
			count(*) filter (where latest.result_class = 'A')::int as a,
			count(*) filter (where latest.result_class = 'B')::int as b,
			count(*) filter (where latest.result_class = 'C')::int as c,
			count(*) filter (where latest.rating in ('satisfied', 'basically_satisfied'))::int as satisfied,
			count(*) filter (where latest.rating = 'unsatisfied')::int as unsatisfied,
			count(*) filter (where c.state in ('assigned', 'rehandling') and c.reply_due_on < ${today})::int as overdue
			from concerns c
			join concern_agencies ca on ca.concern_id = c.id and ca.role = 'lead'
			join agencies a on a.id = ca.agency_id
			left join ${latest} on latest.concern_id = c.id
			where c.year = ${year} and c.state <> 'draft' and c.merged_into_id is null
			group by a.id, a.name, a.display_order order by a.display_order`),
	)
	const byClass = { A: 0, B: 0, C: 0 }
	for (const r of byClassRows) if (r.result_class in byClass) byClass[r.result_class as 'A'] = Number(r.n)
	const byRating = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0, unrated: totals?.unrated ?? 0 }
	for (const r of byRatingRows) if (r.rating && r.rating in byRating) byRating[r.rating as 'satisfied'] = Number(r.n)
	return {
		counts: { filed: totals?.filed ?? 0, assigned: totals?.assigned ?? 0, replied: totals?.replied ?? 0, overdue: totals?.overdue ?? 0, byClass, byRating },
		perAgency: perAgency.map((r) => ({ ...r, total: Number(r.total), a: Number(r.a), b: Number(r.b), c: Number(r.c), satisfied: Number(r.satisfied), unsatisfied: Number(r.unsatisfied), overdue: Number(r.overdue) })),
	}
}

export async function concernYears(db: Database) {
	const rows = await db.selectDistinct({ year: concerns.year }).from(concerns).where(ne(concerns.state, 'draft')).orderBy(desc(concerns.year))
	return rows.map((r) => r.year)
}

// The deputy's original files reach a reader only as mayReadOriginal says.
export function mayReadConcernOriginal(user: ConcernReader, loaded: LoadedConcern): boolean {
	return mayReadOriginal(user, loaded.relation, loaded.concern.shareable)
}

export function identityOf(user: ConcernReader, loaded: LoadedConcern): IdentityAccess {
	return identityAccess(user, loaded.relation)
}
