import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client.server'
import { auditEvents } from '#db/schema'
import type { Role } from '~/domain/roles'
import type { Refusal, Verdict } from '~/domain/refusal'

// The one write path. A mutation is a model function `(db, actor, input)` that:
// 1. opens write(): one transaction that also writes the audit event(s) — a mutation that
//    records none is a bug and is rolled back;
// 2. locks the record it changes with lockVersioned() (and the version the user saw);
// 3. asks the record's policy and rules (pure functions in app/domain) and throws their refusal
//    with enforce(), inside the transaction, so nothing is written;
// 4. writes, audits, and returns what the route needs (an id).
// Routes never open write() and never compare versions: they call the mutation through
// attempt() (app/http/attempt.server.ts), which turns a refusal into the answer for the user.
// Steps that several mutations share (an agenda item, a deliberation opened for a subject) take
// the open transaction `(tx, audit, …)` and are called only from models.

// Who performs a mutation: the signed-in user (the session's user is an Actor as it is), whose
// role and agency the record's policy judges, with the address the audit log records. Seeding and
// the command-line tools act as the system (systemActor).
export type Actor = { id: number | null; role: Role; agencyId: number | null; address: string | null }

// The operator's commands (import, seed, migrate): no user, an administrator's rights.
export const systemActor: Actor = { id: null, role: 'admin', agencyId: null, address: null }

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
	actor: Pick<Actor, 'id' | 'address'>,
	mutation: (tx: Database, audit: Audit) => Promise<T>,
): Promise<T> {
	return db.transaction(async (tx) => {
		let audited = 0
		const audit: Audit = async (entry) => {
			audited++
			await tx.insert(auditEvents).values({
				actorId: actor.id,
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
export async function recordAudit(db: Database, actor: Pick<Actor, 'id' | 'address'>, entry: AuditEntry) {
	await write(db, actor, (_tx, audit) => audit(entry))
}

function toJson(value: unknown) {
	if (value === undefined) return null
	return JSON.parse(JSON.stringify(value)) as unknown
}

// ── Refusals ────────────────────────────────────────────────────────────────────────────────

export type RefusedError = Error & { name: 'Refused'; refusal: Refusal }

export function refusedError(refusal: Refusal): RefusedError {
	const what = refusal.kind === 'rule' ? `rule ${String(refusal.code)}` : refusal.kind
	return Object.assign(new Error(`Refused: ${what}`), { name: 'Refused' as const, refusal })
}

export function isRefused(error: unknown): error is RefusedError {
	return error instanceof Error && error.name === 'Refused'
}

// Throws the refusal: inside write() this rolls the transaction back.
export function refuse(refusal: Refusal): never {
	throw refusedError(refusal)
}

// Throws unless the verdict (a policy's or a rule's, from app/domain) allows.
export function enforce(verdict: Verdict | boolean): void {
	if (verdict === true) return
	if (verdict === false) refuse({ kind: 'forbidden' })
	else if (!verdict.ok) refuse(verdict.refusal)
}

// ── Locking and versions ────────────────────────────────────────────────────────────────────

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn }
type LockableTable = PgTable & { id: PgColumn }

// Locks the record for the rest of the transaction and returns it as stored. With the version the
// user saw, a record changed since is refused as stale (optimistic concurrency: the user's input
// is kept and they see "changed by someone else"); a record that is gone is not found. `share`
// only holds the record still (votes and opinions on a deliberation need its state, not its row).
export async function lockVersioned<TTable extends LockableTable>(
	tx: Database,
	table: TTable,
	id: number,
	version?: number,
	options: { mode?: 'update' | 'share'; where?: SQL } = {},
): Promise<TTable['$inferSelect']> {
	const query = tx
		.select()
		.from(table as PgTable)
		.where(and(eq(table.id, id), options.where))
	const [row] = (await (options.mode === 'share' ? query.for('share') : query.for('update'))) as Array<TTable['$inferSelect']>
	if (!row) refuse({ kind: 'notFound' })
	if (version !== undefined && (row as { version?: number }).version !== version) refuse({ kind: 'stale' })
	return row
}

// Writes a locked record's new values and moves its version on.
export async function updateVersioned<TTable extends VersionedTable>(
	tx: Database,
	table: TTable,
	id: number,
	expectedVersion: number,
	values: Record<string, unknown>,
) {
	const rows = (await tx
		.update(table)
		.set({ ...values, version: sql`${table.version} + 1` } as never)
		.where(and(eq(table.id, id), eq(table.version, expectedVersion)))
		.returning()) as unknown as Array<TTable['$inferSelect']>
	if (rows.length === 0) refuse({ kind: 'stale' })
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
