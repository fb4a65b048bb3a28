import { afterAll, afterEach, beforeAll, beforeEach, inject, vi } from 'vitest'
import { setDatabase, type DatabaseHandle } from '#db/client.server'
import { openTestDatabase } from './test-database'

// Each test file gets its own copy of the seeded database, set as the app's database.
let handle: DatabaseHandle | undefined

beforeAll(async () => {
	handle = await openTestDatabase(inject('databaseTemplate'))
	setDatabase(handle)
})

afterAll(async () => {
	setDatabase(undefined)
	await handle?.close()
})

// A console.error during a test fails it: errors must be handled, not logged and forgotten.
beforeEach(() => {
	vi.spyOn(console, 'error').mockImplementation((...args: Array<unknown>) => {
		throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
	})
})

afterEach(() => {
	vi.restoreAllMocks()
})
