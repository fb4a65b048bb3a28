import { defaultPgliteDir, migrateDatabase, openFromEnv, underStartupLock, type DatabaseHandle } from '../client.server'
import { acquireLock } from '../lock.server'
import { cliError } from './shell'

export type WritableDatabase = { handle: DatabaseHandle; where: string; close: () => Promise<void> }

// Opens DATABASE_URL, or the PGlite folder after taking its lock: while a server holds the
// folder this refuses (two processes on one PGlite folder corrupt it), and while this command
// runs a server cannot start on it. Applies the committed migrations, as the server does at
// start-up, so the command works on a database no server has opened yet.
export async function openForWrite(): Promise<WritableDatabase> {
	const url = process.env.DATABASE_URL
	let release = () => {}
	let where: string
	if (url) {
		const parsed = new URL(url)
		where = `PostgreSQL ${parsed.host}${parsed.pathname}`
	} else {
		const dir = defaultPgliteDir()
		where = `PGlite ${dir}`
		try {
			release = acquireLock(dir)
		} catch (error) {
			throw cliError((error as Error).message, 1)
		}
	}
	let handle: DatabaseHandle
	try {
		handle = await openFromEnv()
	} catch (error) {
		release()
		throw error
	}
	const close = async () => {
		await handle.close()
		release()
	}
	try {
		await underStartupLock(handle, () => migrateDatabase(handle))
	} catch (error) {
		await close()
		throw error
	}
	return { handle, where, close }
}

export async function withDatabase<T>(work: (opened: WritableDatabase) => Promise<T>): Promise<T> {
	const opened = await openForWrite()
	try {
		return await work(opened)
	} finally {
		await opened.close()
	}
}
