import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import postgres from 'postgres'
import { migrateDatabase, openPglite, openPostgres, type Database, type DatabaseHandle } from '#db/client.server'
import * as schema from '#db/schema'
import { prepareDatabase } from '#db/seed/prepare.server'

// The test database: migrated and seeded ONCE (reference data and demo accounts, dated to the
// run's day), then copied for every test file — a PGlite data-dir snapshot loaded in memory,
// or a PostgreSQL database created from a template when TEST_DATABASE_URL is set.

export const snapshotFile = path.join(os.tmpdir(), `oversight-test-snapshot-${process.pid}.tar.gz`)

export function usesPostgres() {
	return Boolean(process.env.TEST_DATABASE_URL)
}

function serverUrl(database: string) {
	const url = new URL(process.env.TEST_DATABASE_URL as string)
	url.pathname = `/${database}`
	return url.toString()
}

export async function buildTemplate(): Promise<{ template: string; cleanup: () => Promise<void> }> {
	if (usesPostgres()) {
		const template = `oversight_tpl_${process.pid}`
		const admin = postgres(process.env.TEST_DATABASE_URL as string, { max: 1, onnotice: () => {} })
		await admin.unsafe(`drop database if exists ${template}`)
		await admin.unsafe(`create database ${template}`)
		const handle = openPostgres(serverUrl(template), { max: 2 })
		await migrateDatabase(handle)
		await prepareDatabase(handle.db, { demo: true })
		await handle.close()
		return {
			template,
			cleanup: async () => {
				const rows = await admin.unsafe(`select datname from pg_database where datname like 'oversight_t%_${process.pid}%'`)
				for (const row of rows) await admin.unsafe(`drop database if exists ${row.datname} with (force)`)
				await admin.end()
			},
		}
	}
	const handle = await openPglite(undefined)
	await migrateDatabase(handle)
	await prepareDatabase(handle.db, { demo: true })
	const client = (handle.db as unknown as { $client: PGlite }).$client
	const dump = await client.dumpDataDir('gzip')
	fs.writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()))
	await handle.close()
	return { template: snapshotFile, cleanup: async () => fs.rmSync(snapshotFile, { force: true }) }
}

let counter = 0

// A fresh copy of the seeded database for one test file.
export async function openTestDatabase(template: string): Promise<DatabaseHandle> {
	if (usesPostgres()) {
		const name = `oversight_t${process.pid}_${Date.now().toString(36)}${counter++}_${template.split('_').pop()}`
		const admin = postgres(process.env.TEST_DATABASE_URL as string, { max: 1, onnotice: () => {} })
		await admin.unsafe(`create database ${name} template ${template}`)
		await admin.end()
		const handle = openPostgres(serverUrl(name), { max: 4 })
		return {
			...handle,
			close: async () => {
				await handle.close()
				const cleanup = postgres(process.env.TEST_DATABASE_URL as string, { max: 1, onnotice: () => {} })
				await cleanup.unsafe(`drop database if exists ${name} with (force)`)
				await cleanup.end()
			},
		}
	}
	const blob = new Blob([fs.readFileSync(template)])
	const client = await PGlite.create({ loadDataDir: blob })
	const db = drizzlePglite({ client, schema }) as unknown as Database
	return { db, driver: 'pglite', close: () => client.close() }
}
