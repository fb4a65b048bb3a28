import { afterAll, beforeAll, inject } from 'vitest'
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
