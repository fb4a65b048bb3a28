import { asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client.server'
import { agencies, clauses, instruments, meetings } from '#db/schema'

// Lookups that every kind of record makes the same way: the clauses it touches (through its
// link table), and what a list's filters offer (only agencies, meetings and clauses that some
// record of the kind refers to, so that no filter choice leads to an empty list).

export type ClauseRef = { id: number; label: string }

/** The clauses of each of `ownerIds`, in the decision's order, through a link table. */
export async function clausesByOwner(db: Database, link: { owner: AnyPgColumn; clause: AnyPgColumn }, ownerIds: Array<number>) {
	const byOwner = new Map<number, Array<ClauseRef>>()
	if (ownerIds.length === 0) return byOwner
	const rows = await db
		.select({ ownerId: sql<number>`${link.owner}`.mapWith(Number), id: clauses.id, label: clauses.label })
		.from(tableOf(link.clause))
		.innerJoin(clauses, eq(clauses.id, link.clause))
		.where(inArray(link.owner, ownerIds))
		.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
	for (const row of rows) byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), { id: row.id, label: row.label }])
	return byOwner
}

/** Agencies that `column` (an agency id column of some table) refers to, in official order. */
export function agenciesReferredBy(db: Database, column: AnyPgColumn) {
	return db
		.selectDistinct({ id: agencies.id, name: agencies.name, displayOrder: agencies.displayOrder })
		.from(agencies)
		.innerJoin(tableOf(column), eq(column, agencies.id))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}

/** Meetings that `column` refers to, the latest first. */
export function meetingsReferredBy(db: Database, column: AnyPgColumn) {
	return db
		.selectDistinct({ id: meetings.id, term: meetings.term, session: meetings.session, startsOn: meetings.startsOn })
		.from(meetings)
		.innerJoin(tableOf(column), eq(column, meetings.id))
		.orderBy(desc(meetings.startsOn), desc(meetings.id))
}

/** Clauses that `column` refers to, in the decision's order. */
export function clausesReferredBy(db: Database, column: AnyPgColumn) {
	return db
		.selectDistinct({ id: clauses.id, label: clauses.label, instrumentId: clauses.instrumentId, ordinal: clauses.ordinal })
		.from(clauses)
		.innerJoin(tableOf(column), eq(column, clauses.id))
		.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
}

/** Every clause with its instrument, for the clause pickers of the forms. */
export function listClauseChoices(db: Database) {
	return db
		.select({ id: clauses.id, label: clauses.label, instrumentId: instruments.id, instrumentTitle: instruments.title })
		.from(clauses)
		.innerJoin(instruments, eq(instruments.id, clauses.instrumentId))
		.orderBy(asc(instruments.id), asc(clauses.ordinal))
}

/** The page a list shows: the one asked for, within the pages there are. */
export function pageWindow(total: number, requested: number, pageSize: number) {
	const pages = Math.max(1, Math.ceil(total / pageSize))
	const page = Math.min(Math.max(1, requested), pages)
	return { page, pages, offset: (page - 1) * pageSize, limit: pageSize }
}

function tableOf(column: AnyPgColumn): PgTable {
	return column.table as PgTable
}
