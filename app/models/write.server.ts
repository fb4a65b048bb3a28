import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client.server'
import { auditEvents } from '#db/schema'

// The one write path: every mutation runs in a transaction that also writes its audit event(s).
// A mutation that records no audit event is a bug and is rolled back.

export type Actor = { userId: number | null; address: string | null }

export type AuditEntry = {
	action: string
	entityType: string
	entityId?: string | number | null
	before?: unknown
	after?: unknown
}

export type Audit = (entry: AuditEntry) => Promise<void>

export async function write<T>(
	db: Database,
	actor: Actor,
	mutation: (tx: Database, audit: Audit) => Promise<T>,
): Promise<T> {
	return db.transaction(async (tx) => {
		let audited = 0
		const audit: Audit = async (entry) => {
			audited++
			await tx.insert(auditEvents).values({
				actorId: actor.userId,
				address: actor.address,
				action: entry.action,
				entityType: entry.entityType,
				entityId: entry.entityId == null ? null : String(entry.entityId),
				before: toJson(entry.before),
				after: toJson(entry.after),
			})
		}
		const result = await mutation(tx as unknown as Database, audit)
		if (audited === 0) throw new Error('A mutation must write its audit event.')
		return result
	})
}

// Audit reads, like a view of a constituent's identity, are writes of their own.
export async function recordAudit(db: Database, actor: Actor, entry: AuditEntry) {
	await write(db, actor, (_tx, audit) => audit(entry))
}

function toJson(value: unknown) {
	if (value === undefined) return null
	return JSON.parse(JSON.stringify(value)) as unknown
}

export type StaleRecordError = Error & { name: 'StaleRecord' }

export function staleRecord(): StaleRecordError {
	return Object.assign(new Error('The record was changed by someone else.'), {
		name: 'StaleRecord' as const,
	})
}

export function isStaleRecord(error: unknown): error is StaleRecordError {
	return error instanceof Error && error.name === 'StaleRecord'
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn }

// Optimistic concurrency: the update applies only if the row still has the version the user
// saw; otherwise nothing changes and the caller shows "changed by someone else" with the
// user's input kept.
export async function updateVersioned<TTable extends VersionedTable>(
	tx: Database,
	table: TTable,
	id: number,
	expectedVersion: number,
	values: Record<string, unknown>,
	extraWhere?: SQL,
) {
	const rows = (await tx
		.update(table)
		.set({ ...values, version: sql`${table.version} + 1` } as never)
		.where(and(eq(table.id, id), eq(table.version, expectedVersion), extraWhere))
		.returning()) as unknown as Array<TTable['$inferSelect']>
	if (rows.length === 0) throw staleRecord()
	return rows[0]
}

// Bumps a parent record's version when its children change (a task's agencies), so that two
// people editing the same task's assignment cannot overwrite each other.
export async function bumpVersion<TTable extends VersionedTable>(
	tx: Database,
	table: TTable,
	id: number,
	expectedVersion: number,
) {
	return updateVersioned(tx, table, id, expectedVersion, {})
}
