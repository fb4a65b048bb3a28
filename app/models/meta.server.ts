import { eq } from 'drizzle-orm'
import { getDb, type Database } from '#db/client.server'
import { appMeta } from '#db/schema'
import { memoInRequest } from './request-memo.server'

// The demo banner shows where demo data was actually seeded, not merely where DEMO is set.
export function isDemoInstance(db: Database = getDb()): Promise<boolean> {
	return memoInRequest(db, 'demo', async () => {
		const [row] = await db.select().from(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
		return Boolean(row)
	})
}
