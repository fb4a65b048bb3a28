import { inject } from 'vitest'
import { setDatabase } from '#db/client.server'
import { databaseForFile } from './test-database'

// Each test file starts on the seeded database: the worker's copy, put back to the seed before
// the file is imported (so vitest counts it as the file's setup time). It is set as the app's
// database; a file that swaps in another handle gets the worker's back at the next file.
setDatabase(await databaseForFile(inject('databaseTemplate'), inject('databaseSeedPlan')))
