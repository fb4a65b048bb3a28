import { asc, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { clauses, instruments, parts } from '#db/schema'

export async function getInstrumentWithClauses(db: Database, instrumentId: number) {
	const [instrument] = await db.select().from(instruments).where(eq(instruments.id, instrumentId))
	if (!instrument) return null
	const partRows = await db.select().from(parts).where(eq(parts.instrumentId, instrumentId)).orderBy(asc(parts.ordinal))
	const clauseRows = await db
		.select()
		.from(clauses)
		.where(eq(clauses.instrumentId, instrumentId))
		.orderBy(asc(clauses.ordinal))
	return { instrument, parts: partRows, clauses: clauseRows }
}

export async function getClause(db: Database, clauseId: number) {
	const [row] = await db
		.select({
			clause: clauses,
			part: { id: parts.id, label: parts.label, title: parts.title },
			instrument: { id: instruments.id, title: instruments.title },
		})
		.from(clauses)
		.innerJoin(instruments, eq(instruments.id, clauses.instrumentId))
		.leftJoin(parts, eq(parts.id, clauses.partId))
		.where(eq(clauses.id, clauseId))
	if (!row) return null
	const siblings = await db
		.select({ id: clauses.id, label: clauses.label, ordinal: clauses.ordinal })
		.from(clauses)
		.where(eq(clauses.instrumentId, row.clause.instrumentId))
		.orderBy(asc(clauses.ordinal))
	const index = siblings.findIndex((c) => c.id === clauseId)
	return { ...row, previous: siblings[index - 1] ?? null, next: siblings[index + 1] ?? null }
}
