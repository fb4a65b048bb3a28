import type { TestProject } from 'vitest/node'
import { buildTemplate, type SeedPlan } from './test-database'

declare module 'vitest' {
	export interface ProvidedContext {
		databaseTemplate: string
		databaseSeedPlan: SeedPlan
	}
}

export default async function setup(project: TestProject) {
	process.env.VITEST = 'true'
	const { template, plan, cleanup } = await buildTemplate()
	project.provide('databaseTemplate', template)
	project.provide('databaseSeedPlan', plan)
	return cleanup
}
