import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { migrateDatabase, openPglite, type Database, type DatabaseHandle } from '#db/client.server'
import * as schema from '#db/schema'
import { prepareDatabase } from '#db/seed/prepare.server'

// The test database: migrated and seeded ONCE per run (reference data and demo accounts, dated
// to the run's day), then copied once per WORKER — a PGlite data-dir snapshot loaded in memory,
// or a PostgreSQL database created from a template when TEST_DATABASE_URL is set. Between test
// files the worker's database is put back to the seeded state: every table emptied and refilled
// from a pristine copy of the seed rows kept in the schema `test_seed`, sequences set back to
// where seeding left them. So every file sees the same demo data with the same ids, whatever
// ran before it in that worker.
//
// Why not a transaction rolled back after each file: now() would stand still for a whole file,
// and tests that race two writers (stale edits, locks) need connections of their own.

export const snapshotFile = path.join(os.tmpdir(), `oversight-test-snapshot-${process.pid}.tar.gz`)

export const seedSchema = 'test_seed'

export function usesPostgres() {
	return Boolean(process.env.TEST_DATABASE_URL)
}

function serverUrl(database: string) {
	const url = new URL(process.env.TEST_DATABASE_URL as string)
	url.pathname = `/${database}`
	return url.toString()
}

function admin() {
	return postgres(process.env.TEST_DATABASE_URL as string, { max: 1, onnotice: () => {} })
}

type Query = (text: string) => Promise<Array<Record<string, unknown>>>

// Keeps a copy of every seeded row in `test_seed` and returns the SQL that restores them:
// children emptied first and parents refilled first, so foreign keys are checked as usual (no
// superuser needed). DELETE, not TRUNCATE: for tables this small it is several times faster
// (measured: about 30 against 250 ms on PostgreSQL, 55 against 120 ms on PGlite).
export async function snapshotSeed(query: Query): Promise<string> {
	const tables = (await query(`select tablename from pg_tables where schemaname = 'public' order by tablename`)).map(
		(row) => String(row.tablename),
	)
	const references = await query(
		`select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
		where contype = 'f' and connamespace = 'public'::regnamespace and conrelid <> confrelid`,
	)
	const unquote = (name: unknown) => String(name).replace(/^public\./, '').replace(/"/g, '')
	const order: Array<string> = []
	const state = new Map<string, 'visiting' | 'done'>()
	function visit(table: string) {
		if (state.get(table) === 'done') return
		if (state.get(table) === 'visiting') throw new Error(`Foreign keys form a cycle through ${table}: the test reset cannot order its inserts.`)
		state.set(table, 'visiting')
		for (const row of references) if (unquote(row.child) === table) visit(unquote(row.parent))
		state.set(table, 'done')
		order.push(table)
	}
	tables.forEach(visit)
	const sequences = await query(
		`select schemaname || '.' || sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`,
	)
	await query(
		[
			`create schema ${seedSchema}`,
			...tables.map((t) => `create table ${seedSchema}."${t}" as table public."${t}"`),
			// What the sequences stood at, for the test that checks a reset (no app table starts with _).
			`create table ${seedSchema}._sequences as select sequencename as name, last_value from pg_sequences where schemaname = 'public'`,
		].join(';\n'),
	)
	// Run inside one transaction by the driver (see openWorkerDatabase).
	return [
		// A connection left inside a transaction by a failed test must not hang the next file.
		`set local lock_timeout = '10s'`,
		// Nothing here needs to survive a crash: the commit need not wait for the disk.
		`set local synchronous_commit = off`,
		...[...order].reverse().map((t) => `delete from public."${t}"`),
		...order.map((t) => `insert into public."${t}" select * from ${seedSchema}."${t}"`),
		// A sequence seeding never used has no last value: it starts again at its start.
		...sequences.map((s) =>
			s.value === null ? `alter sequence ${s.name} restart` : `select setval('${s.name}', ${s.value}, true)`,
		),
	].join(';\n')
}

export type Template = { template: string; reset: string; cleanup: () => Promise<void> }

export async function buildTemplate(): Promise<Template> {
	if (usesPostgres()) {
		const template = `oversight_tpl_${process.pid}`
		const server = admin()
		await server.unsafe(`drop database if exists ${template}`)
		await server.unsafe(`create database ${template}`)
		const client = postgres(serverUrl(template), { max: 1, onnotice: () => {} })
		const handle: DatabaseHandle = { db: drizzlePostgres({ client, schema }) as unknown as Database, driver: 'postgres', close: () => client.end() }
		await migrateDatabase(handle)
		await prepareDatabase(handle.db, { demo: true })
		const reset = await snapshotSeed((text) => client.unsafe(text).simple())
		await handle.close()
		return {
			template,
			reset,
			cleanup: async () => {
				const rows = await server.unsafe(`select datname from pg_database where datname like 'oversight\\_t%\\_${process.pid}'`)
				for (const row of rows) await server.unsafe(`drop database if exists ${row.datname} with (force)`)
				await server.end()
			},
		}
	}
	const handle = await openPglite(undefined)
	await migrateDatabase(handle)
	await prepareDatabase(handle.db, { demo: true })
	const client = (handle.db as unknown as { $client: PGlite }).$client
	const reset = await snapshotSeed(async (text) => (await client.exec(text)).at(-1)?.rows ?? [])
	const dump = await client.dumpDataDir('gzip')
	fs.writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()))
	await handle.close()
	return { template: snapshotFile, reset, cleanup: async () => fs.rmSync(snapshotFile, { force: true }) }
}

// A worker's database, with the way to put it back to the seeded state.
export type WorkerDatabase = DatabaseHandle & { reset: () => Promise<void> }

// The worker's own copy of the seeded database. PostgreSQL: one database per pool slot, so a
// worker that vitest starts in place of another takes over that one's database (and resets it).
export async function openWorkerDatabase(template: string, resetSql: string): Promise<WorkerDatabase> {
	if (usesPostgres()) {
		const name = `oversight_tw${process.env.VITEST_POOL_ID ?? '0'}_${template.split('_').pop()}`
		const server = admin()
		let created = false
		try {
			const [found] = await server.unsafe(`select 1 from pg_database where datname = '${name}'`)
			if (!found) {
				await server.unsafe(`create database ${name} template ${template}`)
				created = true
			}
		} finally {
			await server.end()
		}
		const client = postgres(serverUrl(name), { max: 4, onnotice: () => {} })
		const handle: WorkerDatabase = {
			db: drizzlePostgres({ client, schema }) as unknown as Database,
			driver: 'postgres',
			close: () => client.end({ timeout: 5 }),
			reset: async () => {
				await client.begin((tx) => tx.unsafe(resetSql).simple())
			},
		}
		// Taken over from a worker that ran files before: not the seed any more.
		if (!created) await handle.reset()
		return handle
	}
	const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(template)]) })
	const handle: WorkerDatabase = {
		db: drizzlePglite({ client, schema }) as unknown as Database,
		driver: 'pglite',
		close: () => client.close(),
		reset: async () => {
			await client.transaction((tx) => tx.exec(resetSql))
		},
	}
	// A restored data dir replays the write-ahead log, which logs sequences 32 values ahead: the
	// ids would jump for this worker's first file only. The reset sets them where seeding left them.
	await handle.reset()
	return handle
}

// Drops the worker's PostgreSQL database, when a reset failed and it must be copied afresh.
async function dropWorkerDatabase(template: string) {
	if (!usesPostgres()) return
	const server = admin()
	try {
		await server.unsafe(`drop database if exists oversight_tw${process.env.VITEST_POOL_ID ?? '0'}_${template.split('_').pop()} with (force)`)
	} finally {
		await server.end()
	}
}

// The worker's database lives as long as the worker process (test files share it: vitest runs
// the database project without isolation); it is kept on globalThis so that a module evaluated
// again still finds it.
const slot = Symbol.for('oversight.test.workerDatabase')
type Slot = { [slot]?: WorkerDatabase }

// The seeded database for the test file about to run: the worker's copy, fresh for its first
// file and reset for every later one. A reset that fails (a file left a lock behind, say) costs
// a fresh copy.
export async function databaseForFile(template: string, resetSql: string): Promise<WorkerDatabase> {
	const state = globalThis as Slot
	const current = state[slot]
	if (current) {
		try {
			await current.reset()
			return current
		} catch (error) {
			console.warn(`Resetting the worker's test database failed; copying it afresh. (${String(error)})`)
			state[slot] = undefined
			await current.close().catch(() => {})
			await dropWorkerDatabase(template)
		}
	}
	const handle = await openWorkerDatabase(template, resetSql)
	state[slot] = handle
	return handle
}
