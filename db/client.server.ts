import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { sql, type Logger } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import * as schema from './schema'

// One schema, two drivers: DATABASE_URL → PostgreSQL through postgres.js, otherwise embedded
// PGlite in PGLITE_DIR. Both drizzle databases share PgDatabase, and a transaction is a
// PgDatabase too, so model code takes `Database` and works inside or outside a transaction.
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
export type DriverName = 'pglite' | 'postgres'

export type DatabaseHandle = {
	db: Database
	driver: DriverName
	close: () => Promise<void>
}

// How many SQL statements a piece of work sends, counted per async context: a page's budget of
// statements is checked by tests (and printed by the benchmark) without timing anything.
const statementCounter = new AsyncLocalStorage<{ statements: number }>()

export const countingLogger: Logger = {
	logQuery() {
		const store = statementCounter.getStore()
		if (store) store.statements++
	},
}

export async function countStatements<T>(work: () => Promise<T>): Promise<{ value: T; statements: number }> {
	const store = { statements: 0 }
	const value = await statementCounter.run(store, work)
	return { value, statements: store.statements }
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

export function defaultPgliteDir() {
	return path.resolve(process.env.PGLITE_DIR ?? './data/pglite')
}

export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
	// PGlite does not create parent folders.
	if (dataDir) fs.mkdirSync(dataDir, { recursive: true })
	const client = await PGlite.create(dataDir)
	const db = drizzlePglite({ client, schema, logger: countingLogger }) as unknown as Database
	return { db, driver: 'pglite', close: () => client.close() }
}

// A server that refuses or does not answer is given up on after a few seconds, so that pages
// answer 503 promptly instead of hanging while the driver keeps trying.
export const connectTimeoutSeconds = 3

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
	const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connect_timeout: connectTimeoutSeconds })
	const db = drizzlePostgres({ client, schema, logger: countingLogger }) as unknown as Database
	return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) }
}

export async function openFromEnv(): Promise<DatabaseHandle> {
	const url = process.env.DATABASE_URL
	return url ? openPostgres(url) : openPglite(defaultPgliteDir())
}

// Instances that start together on one PostgreSQL database take turns applying migrations and
// seeding (the second finds the work done); without it, both create the same types and one dies.
// The key is an arbitrary constant of this app. PGlite has its own folder lock (db/lock.server.ts).
const startupLockKey = 7_206_102_021

export async function underStartupLock<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
	if (handle.driver !== 'postgres') return work()
	const client = (handle.db as unknown as { $client: postgres.Sql }).$client
	const reserved = await client.reserve()
	try {
		await reserved`select pg_advisory_lock(${startupLockKey})`
		return await work()
	} finally {
		await reserved`select pg_advisory_unlock(${startupLockKey})`.catch(() => {})
		reserved.release()
	}
}

export async function migrateDatabase(handle: DatabaseHandle) {
	if (handle.driver === 'pglite') {
		await migratePglite(handle.db as never, { migrationsFolder })
	} else {
		await migratePostgres(handle.db as never, { migrationsFolder })
	}
}

export async function ping(db: Database) {
	await db.execute(sql`select 1`)
}

// The process-wide database the app's loaders and actions use. The server sets it at start-up;
// tests set their own per file. It lives on globalThis because in development Vite loads the
// app's modules separately from server.ts, and both must see the same handle.
const slot = Symbol.for('oversight.database')
type Slot = { [slot]?: DatabaseHandle }

export function setDatabase(handle: DatabaseHandle | undefined) {
	;(globalThis as Slot)[slot] = handle
}

export function getHandle(): DatabaseHandle {
	const current = (globalThis as Slot)[slot]
	if (!current) throw new Error('The database is not open: call setDatabase() at start-up.')
	return current
}

export function getDb(): Database {
	return getHandle().db
}
