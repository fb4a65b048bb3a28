import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { countingLogger, migrateDatabase, openPglite, type Database, type DatabaseHandle } from '#db/client.server'
import * as schema from '#db/schema'
import { prepareDatabase } from '#db/seed/prepare.server'

// The test database: migrated and seeded ONCE per run (reference data and demo accounts, dated
// to the run's day), then copied once per WORKER — a PGlite data-dir snapshot loaded in memory,
// or a PostgreSQL database created from a template when TEST_DATABASE_URL is set. Before each
// test file the worker's copy is put back to the seeded state: every table a file changed is
// truncated and refilled from a pristine copy of the seed rows kept in the schema `test_seed`,
// and the sequences are set back to where seeding left them. So every file sees the same demo
// data, with the same ids and in the same physical order, whatever ran before it.
//
// Why not a transaction rolled back after each file: now() would stand still for a whole file,
// and tests that race two writers (stale edits, locks) need connections of their own.
// Why TRUNCATE and not DELETE, which is faster on small tables: rows refilled after a DELETE
// land wherever the heap has room, and queries without ORDER BY (some tests read "the last
// audit event" that way) would see them in another order than in a fresh copy.

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

type Rows = Array<Record<string, unknown>>
type Query = (text: string) => Promise<Rows>

// What a reset needs to know about the seeded database.
export type SeedPlan = {
	// Parents before children, the order in which tables are refilled.
	tables: Array<string>
	// The tables whose foreign keys point at each table: TRUNCATE must empty them along with it.
	referencedBy: Record<string, Array<string>>
	sequences: Array<{ name: string; value: string | null }>
}

// Keeps a copy of every seeded row in `test_seed` (and what the sequences stood at, in
// `test_seed._sequences`: no app table starts with _) and returns the plan for resetting.
export async function snapshotSeed(query: Query): Promise<SeedPlan> {
	const names = (await query(`select tablename from pg_tables where schemaname = 'public' order by tablename`)).map((row) =>
		String(row.tablename),
	)
	const references = (
		await query(
			`select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
			where contype = 'f' and connamespace = 'public'::regnamespace and conrelid <> confrelid`,
		)
	).map((row) => ({ child: unquote(row.child), parent: unquote(row.parent) }))
	const tables: Array<string> = []
	const state = new Map<string, 'visiting' | 'done'>()
	function visit(table: string) {
		if (state.get(table) === 'done') return
		if (state.get(table) === 'visiting') throw new Error(`Foreign keys form a cycle through ${table}: the test reset cannot order its inserts.`)
		state.set(table, 'visiting')
		for (const { child, parent } of references) if (child === table) visit(parent)
		state.set(table, 'done')
		tables.push(table)
	}
	names.forEach(visit)
	const referencedBy: Record<string, Array<string>> = {}
	for (const { child, parent } of references) (referencedBy[parent] ??= []).push(child)
	const sequences = (
		await query(`select schemaname || '.' || sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`)
	).map((row) => ({ name: String(row.name), value: row.value === null ? null : String(row.value) }))
	await query(
		[
			`create schema ${seedSchema}`,
			...names.map((t) => `create table ${seedSchema}."${t}" as table public."${t}"`),
			`create table ${seedSchema}._sequences as select sequencename as name, last_value from pg_sequences where schemaname = 'public'`,
		].join(';\n'),
	)
	return { tables, referencedBy, sequences }
}

function unquote(name: unknown) {
	return String(name).replace(/^public\./, '').replace(/"/g, '')
}

// Per table, its row count and the newest transaction that wrote one of its rows: an insert, an
// update or a delete changes it. Cheaper than emptying and refilling tables nobody touched.
function signaturesSql(plan: SeedPlan) {
	return plan.tables
		.map((t) => `select '${t}' as name, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) as signature from public."${t}"`)
		.join(' union all ')
}

// The SQL that puts the given tables (and those referencing them) and every sequence back.
export function restoreSql(plan: SeedPlan, changed: Iterable<string>): string {
	const emptied = new Set<string>()
	const add = (table: string) => {
		if (emptied.has(table)) return
		emptied.add(table)
		for (const child of plan.referencedBy[table] ?? []) add(child)
	}
	for (const table of changed) add(table)
	const tables = plan.tables.filter((t) => emptied.has(t))
	return [
		// A connection left inside a transaction by a failed test must not hang the next file.
		`set local lock_timeout = '10s'`,
		// Nothing here needs to survive a crash: the commit need not wait for the disk.
		`set local synchronous_commit = off`,
		...(tables.length > 0 ? [`truncate ${tables.map((t) => `public."${t}"`).join(', ')}`] : []),
		...tables.map((t) => `insert into public."${t}" select * from ${seedSchema}."${t}"`),
		// A sequence seeding never used has no last value: it starts again at its start.
		...plan.sequences.map((s) => (s.value === null ? `alter sequence ${s.name} restart` : `select setval('${s.name}', ${s.value}, true)`)),
	].join(';\n')
}

export async function buildTemplate(): Promise<{ template: string; plan: SeedPlan; cleanup: () => Promise<void> }> {
	if (usesPostgres()) {
		const template = `oversight_tpl_${process.pid}`
		const server = admin()
		await server.unsafe(`drop database if exists ${template}`)
		await server.unsafe(`create database ${template}`)
		const client = postgres(serverUrl(template), { max: 1, onnotice: () => {} })
		const handle: DatabaseHandle = {
			db: drizzlePostgres({ client, schema, logger: countingLogger }) as unknown as Database,
			driver: 'postgres',
			close: () => client.end(),
		}
		await migrateDatabase(handle)
		await prepareDatabase(handle.db, { demo: true })
		const plan = await snapshotSeed((text) => client.unsafe(text).simple())
		await handle.close()
		return {
			template,
			plan,
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
	const plan = await snapshotSeed(async (text) => (await client.exec(text)).at(-1)?.rows ?? [])
	const dump = await client.dumpDataDir('gzip')
	fs.writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()))
	await handle.close()
	return { template: snapshotFile, plan, cleanup: async () => fs.rmSync(snapshotFile, { force: true }) }
}

// A worker's database, and the way to put it back to the seeded state.
export type WorkerDatabase = DatabaseHandle & {
	// Resets the tables changed since the last reset (all of them when `everything`); returns
	// the tables it found changed.
	reset: (everything?: boolean) => Promise<Array<string>>
}

function workerDatabaseName(template: string) {
	return `oversight_tw${process.env.VITEST_POOL_ID ?? '0'}_${template.split('_').pop()}`
}

function withReset(handle: DatabaseHandle, plan: SeedPlan, run: (text: string) => Promise<Rows>): WorkerDatabase {
	let clean = new Map<string, string>()
	const signatures = async () => new Map((await run(signaturesSql(plan))).map((row) => [String(row.name), String(row.signature)]))
	return {
		...handle,
		reset: async (everything = false) => {
			const current = everything ? new Map<string, string>() : await signatures()
			const changed = plan.tables.filter((t) => current.get(t) !== clean.get(t))
			await run(restoreSql(plan, changed))
			clean = await signatures()
			return changed
		},
	}
}

// The worker's own copy of the seeded database. PostgreSQL: one database per pool slot, so a
// worker that vitest starts in place of another takes over that one's database.
export async function openWorkerDatabase(template: string, plan: SeedPlan): Promise<WorkerDatabase> {
	if (usesPostgres()) {
		const name = workerDatabaseName(template)
		const server = admin()
		try {
			const [found] = await server.unsafe(`select 1 from pg_database where datname = '${name}'`)
			if (!found) await server.unsafe(`create database ${name} template ${template}`)
		} finally {
			await server.end()
		}
		const client = postgres(serverUrl(name), { max: 4, onnotice: () => {} })
		const handle = withReset(
			{ db: drizzlePostgres({ client, schema, logger: countingLogger }) as unknown as Database, driver: 'postgres', close: () => client.end({ timeout: 5 }) },
			plan,
			(text) => client.begin((tx) => tx.unsafe(text).simple()),
		)
		// A database taken over may hold anything: all of it is reset.
		await handle.reset(true)
		return handle
	}
	const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(template)]) })
	const handle = withReset(
		{ db: drizzlePglite({ client, schema, logger: countingLogger }) as unknown as Database, driver: 'pglite', close: () => client.close() },
		plan,
		async (text) => (await client.transaction((tx) => tx.exec(text))).at(-1)?.rows ?? [],
	)
	// A restored data dir replays the write-ahead log, which logs sequences 32 values ahead: ids
	// would jump for this worker's first file only. A reset sets the sequences back.
	await handle.reset()
	return handle
}

// Drops the worker's PostgreSQL database, when a reset failed and it must be copied afresh.
async function dropWorkerDatabase(template: string) {
	if (!usesPostgres()) return
	const server = admin()
	try {
		await server.unsafe(`drop database if exists ${workerDatabaseName(template)} with (force)`)
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
export async function databaseForFile(template: string, plan: SeedPlan): Promise<WorkerDatabase> {
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
	const handle = await openWorkerDatabase(template, plan)
	state[slot] = handle
	return handle
}
