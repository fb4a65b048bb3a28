import { asc, count, eq, max } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { auditEvents, clauses, instruments } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import { rollUp, type RolledUp } from '~/domain/status'
import { listPublished } from '../publications/queries.server'
import { rowsOf } from '../sql.server'
import { primaryInstrumentId } from '../instruments.server'
import { loadStatusOverview } from './queries.server'
import { sql } from 'drizzle-orm'

// The public page's content: the decision and where its implementation stands, per clause and
// per agency — organisations and counts only, never a person, a draft, a vote or a concern —
// and the copies the office decided to publish.
// It is rebuilt only when something was written (every write leaves an audit event) or the day
// turned, so that the page holds under load: a visit costs one small query.

export type PublicStatus = {
	instrument: { title: string; documentNumber: string | null; publishedOn: string | null } | null
	whole: RolledUp | null
	clauses: Array<{ id: number; label: string } & RolledUp>
	agencies: Array<{ id: number; name: string } & RolledUp>
	// What the office published (results, inspection reports, ranking notices), newest first.
	published: Awaited<ReturnType<typeof listPublished>>
}

let cached: { key: string; value: PublicStatus; db: Database } | null = null

export async function loadPublicStatus(db: Database, today: IsoDate): Promise<PublicStatus> {
	const [log] = await db.select({ latest: max(auditEvents.id), total: count() }).from(auditEvents)
	const key = `${today}|${log?.latest ?? 0}|${log?.total ?? 0}`
	if (cached && cached.key === key && cached.db === db) return cached.value
	const value = await computePublicStatus(db, today)
	cached = { key, value, db }
	return value
}

async function computePublicStatus(db: Database, today: IsoDate): Promise<PublicStatus> {
	const instrumentId = await primaryInstrumentId(db)
	const published = await listPublished(db)
	if (!instrumentId) return { instrument: null, whole: null, clauses: [], agencies: [], published }
	const [instrument] = await db
		.select({ title: instruments.title, documentNumber: instruments.documentNumber, publishedOn: instruments.publishedOn })
		.from(instruments)
		.where(eq(instruments.id, instrumentId))
	const overview = await loadStatusOverview(db, today, instrumentId)
	const clauseRows = await db.select({ id: clauses.id, label: clauses.label }).from(clauses).where(eq(clauses.instrumentId, instrumentId)).orderBy(asc(clauses.ordinal))
	const taskStatuses = rowsOf<{ clause_id: number; id: number }>(
		await db.execute(sql`select t.clause_id, t.id from tasks t join clauses c on c.id = t.clause_id where c.instrument_id = ${instrumentId}`),
	)
	const byTask = new Map(overview.taskStatuses.map((entry) => [entry.id, entry.status]))
	return {
		instrument: instrument ?? null,
		whole: overview.whole,
		clauses: clauseRows.map((clause) => ({
			...clause,
			...rollUp(taskStatuses.filter((t) => Number(t.clause_id) === clause.id).map((t) => byTask.get(Number(t.id)) ?? 'not_started')),
		})),
		agencies: overview.agencies.map((agency) => ({ id: agency.id, name: agency.title, status: agency.status, counts: agency.counts, total: agency.total })),
		published,
	}
}
