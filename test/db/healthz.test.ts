import { expect, test } from 'vitest'
import { getHandle, setDatabase, type Database, type DatabaseHandle } from '#db/client.server'
import { loader } from '~/routes/healthz/route'
import { runLoader } from '../helpers'

// A database whose every query fails, as when the server is down: any chain of query-builder
// calls ends in a rejected promise.
function failingQuery(): unknown {
	const query: unknown = new Proxy(function () {}, {
		get: (_target, key) =>
			key === 'then'
				? (_resolve: unknown, reject: (error: Error) => void) => reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))
				: () => query,
		apply: () => query,
	})
	return query
}
const unreachable: DatabaseHandle = {
	driver: 'pglite',
	close: async () => {},
	db: new Proxy({} as Database, { get: () => () => failingQuery() }),
}

test('healthz answers without a session and names the driver', async () => {
	const outcome = await runLoader(loader, { path: '/healthz' })
	expect(outcome.status).toBe(200)
	expect(outcome.data).toMatchObject({ status: 'ok', database: getHandle().driver })
})

test('healthz answers 503 when the database cannot be reached', async () => {
	const working = getHandle()
	setDatabase(unreachable)
	try {
		const outcome = await runLoader(loader, { path: '/healthz' })
		expect(outcome.status).toBe(503)
		expect(outcome.data).toEqual({ status: 'unavailable', database: 'pglite' })
	} finally {
		setDatabase(working)
	}
})

test('pages answer 503 when the database cannot be reached', async () => {
	const { loader: rootLoader } = await import('~/root')
	const working = getHandle()
	setDatabase(unreachable)
	try {
		const outcome = await runLoader(rootLoader, { path: '/', headers: { Cookie: 'oversight_session=abc' } })
		expect(outcome.status).toBe(503)
	} finally {
		setDatabase(working)
	}
})
