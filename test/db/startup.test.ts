import net from 'node:net'
import postgres from 'postgres'
import { expect, test } from 'vitest'
import { migrateDatabase, openPostgres, underStartupLock } from '#db/client.server'
import { prepareDatabase } from '#db/seed/prepare.server'
import { loader as healthz } from '~/routes/healthz/route'
import { setDatabase, getHandle } from '#db/client.server'
import { runLoader } from '#test/helpers'

// Starting the app: two instances on one empty PostgreSQL database at once, and a database
// server that refuses connections. PostgreSQL only (TEST_DATABASE_URL); PGlite has a folder lock.
const serverUrl = process.env.TEST_DATABASE_URL

function urlOf(database: string) {
	const url = new URL(serverUrl as string)
	url.pathname = `/${database}`
	return url.toString()
}

test.skipIf(!serverUrl)('two instances starting together on an empty database both come up', async () => {
	const name = `oversight_startup_${process.pid}_${Date.now().toString(36)}`
	const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} })
	await admin.unsafe(`create database ${name}`)
	const first = openPostgres(urlOf(name), { max: 3 })
	const second = openPostgres(urlOf(name), { max: 3 })
	try {
		const start = (handle: typeof first) =>
			underStartupLock(handle, async () => {
				await migrateDatabase(handle)
				return prepareDatabase(handle.db, { demo: false })
			})
		const results = await Promise.allSettled([start(first), start(second)])
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
		// Exactly one of them seeded the reference data.
		const seeded = results.map((r) => (r.status === 'fulfilled' ? r.value.referenceSeeded : null))
		expect(seeded.filter(Boolean)).toHaveLength(1)
	} finally {
		await first.close()
		await second.close()
		await admin.unsafe(`drop database if exists ${name} with (force)`)
		await admin.end()
	}
})

// A server that refuses outright fails at once; one that takes the connection and never answers
// (overloaded, half shut down) is the case that hung: both answer 503 within 5 seconds.
test('a database server that refuses or does not answer gives a 503 within 5 seconds', async () => {
	const silent = net.createServer(() => {})
	await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
	const port = (silent.address() as net.AddressInfo).port
	const working = getHandle()
	try {
		for (const url of ['postgres://postgres@127.0.0.1:9/none', `postgres://postgres@127.0.0.1:${port}/none`]) {
			const handle = openPostgres(url, { max: 1 })
			setDatabase(handle)
			const started = Date.now()
			const outcome = await runLoader(healthz, { path: '/healthz' })
			expect(outcome.status).toBe(503)
			expect(Date.now() - started).toBeLessThan(5000)
			setDatabase(working)
			await handle.close()
		}
	} finally {
		setDatabase(working)
		silent.close()
	}
}, 20_000)
