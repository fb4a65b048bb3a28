import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import { fileURLToPath } from 'node:url'

declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
}

export default defineConfig({
	resolve: {
		alias: {
			'~': fileURLToPath(new URL('./app', import.meta.url)),
			'#db': fileURLToPath(new URL('./db', import.meta.url)),
		},
	},
	server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
	build: { target: 'es2022' },
	// Vite's dependency scan walks the route modules, server code included, and trips over the
	// optional WebAssembly build of argon2. Server-only packages are never bundled for the
	// browser, so keep them out of the scan.
	optimizeDeps: { exclude: ['@node-rs/argon2', '@electric-sql/pglite', 'postgres'] },
	plugins: [
		remix({
			future: {
				v3_fetcherPersist: true,
				v3_relativeSplatPath: true,
				v3_throwAbortReason: true,
				v3_singleFetch: true,
				v3_lazyRouteDiscovery: true,
				v3_routeConfig: true,
			},
		}),
	],
})
