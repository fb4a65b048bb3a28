import type { TestProject } from 'vitest/node'
import { buildTemplate } from './test-database'

declare module 'vitest' {
	export interface ProvidedContext {
		databaseTemplate: string
		databaseReset: string
	}
}

export default async function setup(project: TestProject) {
	process.env.VITEST = 'true'
	const { template, reset, cleanup } = await buildTemplate()
	project.provide('databaseTemplate', template)
	project.provide('databaseReset', reset)
	return cleanup
}
