import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { UNSAFE_flatRoutes } from '@remix-run/dev'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { frontMiddleware } from '~/http/front.server'
import { countStatements } from '#db/client.server'

// The app as the HTTP server runs it — express with the security middleware and the request
// limits in front of Remix — listening on a loopback port inside the test process, so that
// tests send real HTTP requests through every layer. The server build is assembled from the
// route modules themselves (the same file conventions as app/routes.ts), so a new route is
// served, and fuzzed, without editing anything here.

const appDirectory = fileURLToPath(new URL('../../app', import.meta.url))

type RouteModule = Record<string, unknown>
const modules = import.meta.glob<RouteModule>('../../app/routes/**/route.{ts,tsx}')

export type AppRoute = {
	id: string
	// '/reports/:reportId' (the index route of a folder has its parent's path)
	path: string
	params: Array<string>
	module: RouteModule
}

export async function loadRoutes(): Promise<Array<AppRoute>> {
	const manifest = UNSAFE_flatRoutes(appDirectory, [], 'routes')
	const routes: Array<AppRoute> = []
	for (const route of Object.values(manifest)) {
		const load = modules[`../../app/${route.file}`]
		if (!load) throw new Error(`No module for ${route.file}`)
		const fullPath = `/${route.path ?? ''}`
		routes.push({
			id: route.id,
			path: fullPath,
			params: [...fullPath.matchAll(/:(\w+)/g)].map((m) => m[1]),
			module: await load(),
		})
	}
	return routes.sort((a, b) => a.id.localeCompare(b.id))
}

export async function serverBuild(): Promise<ServerBuild> {
	const manifest = UNSAFE_flatRoutes(appDirectory, [], 'routes')
	const root = (await import('~/root')) as RouteModule
	const entry = await import('~/entry.server')
	const serverRoutes: ServerBuild['routes'] = {
		root: { id: 'root', path: '', module: root as never },
	}
	const assetRoutes: ServerBuild['assets']['routes'] = {
		root: entryRoute('root', undefined, root, { path: '' }),
	}
	for (const route of Object.values(manifest)) {
		const module = await modules[`../../app/${route.file}`]()
		serverRoutes[route.id] = { id: route.id, parentId: route.parentId, path: route.path, index: route.index, module: module as never }
		assetRoutes[route.id] = entryRoute(route.id, route.parentId, module, route)
	}
	return {
		mode: 'production',
		entry: { module: entry as never },
		routes: serverRoutes,
		assets: { entry: { imports: [], module: '/assets/entry.client.js' }, routes: assetRoutes, url: '/assets/manifest.js', version: 'fuzz' },
		publicPath: '/',
		assetsBuildDirectory: path.join(appDirectory, '..', 'build', 'client'),
		future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true, v3_routeConfig: true } as never,
		isSpaMode: false,
	}
}

function entryRoute(id: string, parentId: string | undefined, module: RouteModule, route: { path?: string; index?: boolean }) {
	return {
		id,
		parentId,
		path: route.path,
		index: route.index,
		module: `/assets/${id}.js`,
		imports: [],
		hasAction: typeof module.action === 'function',
		hasLoader: typeof module.loader === 'function',
		hasClientAction: false,
		hasClientLoader: false,
		hasErrorBoundary: typeof module.ErrorBoundary === 'function',
	}
}

// `onStatements`: called after each response with the SQL statements the request sent.
export async function startApp(options: { onStatements?: (url: string, statements: number) => void } = {}): Promise<{ base: string; close: () => Promise<void> }> {
	const build = await serverBuild()
	const app = express()
	const { onStatements } = options
	if (onStatements) {
		app.use((req, res, next) => {
			void countStatements(() => new Promise<void>((resolve) => {
				res.once('finish', resolve)
				res.once('close', resolve)
				next()
			})).then(({ statements }) => onStatements(req.originalUrl, statements))
		})
	}
	app.use(frontMiddleware({ publicUrl: null }))
	app.all('*', createRequestHandler({ build, getLoadContext: (req) => ({ clientAddress: req.ip ?? null }) }))
	const server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	return {
		base,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}
