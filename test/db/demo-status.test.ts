import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { taskAssessments } from '#db/schema'
import { shanghaiDate } from '~/domain/dates'
import { statuses } from '~/domain/status'
import { primaryInstrumentId } from '~/models/instruments.server'
import { loadStatusOverview } from '~/models/status/queries.server'

// What the demo's status must show: assessments by the secretariat, and every status among the
// tasks, so that each segment of the dashboard's status charts has something behind it.

test('the demo shows every status, with the secretariat’s assessments behind them', async () => {
	const db = getDb()
	expect((await db.select().from(taskAssessments)).length).toBeGreaterThanOrEqual(10)
	const instrumentId = await primaryInstrumentId(db)
	expect(instrumentId).not.toBeNull()
	const overview = await loadStatusOverview(db, shanghaiDate(new Date()), instrumentId as number)
	for (const status of statuses) expect({ status, count: overview.whole.counts[status] > 0 }).toEqual({ status, count: true })
	expect(overview.whole.status).toBe('lagging')
})
