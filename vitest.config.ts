import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

// Two projects: pure unit tests (domain rules, no database) start instantly; everything else
// runs on the worker's copy of the seeded test database, put back to the seed before each file
// (test/setup/setup-each-file.ts). The database project runs without isolation: one process per
// worker keeps its database (and the app's modules, imported once) from file to file; vitest
// runs isolated projects first, so the unit files do not break up the database workers' runs.
const unit = ['app/domain/**/*.test.ts', 'app/auth/**/*.test.ts', 'app/http/**/*.test.ts', 'db/seed/seed-data.test.ts']

export default defineConfig({
	resolve: {
		alias: {
			'~': fileURLToPath(new URL('./app', import.meta.url)),
			'#db': fileURLToPath(new URL('./db', import.meta.url)),
			'#test': fileURLToPath(new URL('./test', import.meta.url)),
		},
	},
	test: {
		globalSetup: ['test/setup/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks',
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: unit, setupFiles: ['test/setup/console-guard.ts'] },
			},
			{
				extends: true,
				test: {
					name: 'db',
					isolate: false,
					include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'test/**/*.test.ts'],
					exclude: [...unit, 'test/e2e/**', 'node_modules/**'],
					setupFiles: ['test/setup/console-guard.ts', 'test/setup/setup-each-file.ts'],
				},
			},
		],
	},
})
