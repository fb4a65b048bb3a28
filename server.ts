import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { defaultPgliteDir, migrateDatabase, openFromEnv, setDatabase, underStartupLock } from './db/client.server'
import { acquireLock } from './db/lock.server'
import { prepareDatabase } from './db/seed/prepare.server'
import { frontMiddleware } from './app/http/front.server'
import { cutStalledRequests } from './app/http/limits.server'
import { getConfig } from './app/config.server'

// The HTTP server: express in front of Remix. Start-up opens the database, applies the
// committed migrations, seeds reference data (and demo data into an empty demo database), then
// listens. SIGTERM/SIGINT stop accepting connections and close the database cleanly: PGlite
// left open runs crash recovery at the next start.

const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'
const config = getConfig()
const root = path.dirname(fileURLToPath(import.meta.url))

const releaseLock = process.env.DATABASE_URL ? () => {} : acquireLock(defaultPgliteDir())
const handle = await openFromEnv()
setDatabase(handle)
const prepared = await underStartupLock(handle, async () => {
	await migrateDatabase(handle)
	return prepareDatabase(handle.db, { demo: config.demo })
})

const viteDevServer = production
	? undefined
	: await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
// With TRUST_PROXY the client's address and protocol come from X-Forwarded-For / -Proto.
app.set('trust proxy', config.trustProxy)

app.use(frontMiddleware(config))

if (viteDevServer) {
	app.use(viteDevServer.middlewares)
} else {
	app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }))
	app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
}

const build = viteDevServer
	? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
	: ((await import(path.join(root, 'build/server/index.js'))) as ServerBuild)

app.all(
	'*',
	createRequestHandler({
		build,
		getLoadContext: (req) => ({ clientAddress: req.ip ?? null }),
	}),
)

const server = app.listen(port, host, () => {
	const where = handle.driver === 'pglite' ? `PGlite ${defaultPgliteDir()}` : 'PostgreSQL'
	console.log(
		`监督追踪 listening on http://localhost:${port} (${where}${prepared.demoSeeded ? ', demo data seeded' : ''})`,
	)
})
// A connection that sends nothing for this long (a body that stalls) is closed.
cutStalledRequests(server)

// A closed stdout (the process that read our logs went away) must not crash the shutdown
// before the database is closed and the lock released.
process.stdout.on('error', () => {})
process.stderr.on('error', () => {})

let stopping = false
async function shutdown(signal: string) {
	if (stopping) return
	stopping = true
	console.log(`${signal}: closing the server and the database…`)
	let exitCode = 0
	try {
		server.close()
		server.closeAllConnections()
		await viteDevServer?.close()
		await handle.close()
	} catch (error) {
		console.error('Shutdown did not complete cleanly:', error)
		exitCode = 1
	} finally {
		releaseLock()
	}
	process.exit(exitCode)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
