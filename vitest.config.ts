import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

export default defineConfig({
	resolve: {
		alias: {
			'~': fileURLToPath(new URL('./app', import.meta.url)),
			'#db': fileURLToPath(new URL('./db', import.meta.url)),
		},
	},
	test: {
		include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'test/**/*.test.ts'],
		exclude: ['test/e2e/**', 'node_modules/**'],
		globalSetup: ['test/setup/global-setup.ts'],
		setupFiles: ['test/setup/setup-each-file.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks',
		maxWorkers: 2,
	},
})
