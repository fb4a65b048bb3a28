import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { agencies } from '#db/schema'
import { runLoader } from '#test/helpers'
import { loader } from './route'

test("a member's briefing on an agency: tasks with status, open and overdue items, its card", async () => {
	const [eit] = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'eit'))
	const outcome = await runLoader(loader, { path: `/agencies/${eit.id}/briefing`, params: { agencyId: String(eit.id) }, as: 'weiyuan1' })
	expect(outcome.status).toBe(200)
	const data = outcome.data as {
		tasks: Array<{ status: string }>
		rolled: { total: number }
		open: Array<{ overdueDays: number }>
		overdue: number
		ranked: { card: { colour: string } | null } | null
	}
	expect(data.rolled.total).toBe(data.tasks.length)
	expect(data.overdue).toBe(data.open.filter((item) => item.overdueDays > 0).length)
	expect(data.overdue).toBeGreaterThan(0)
	expect(data.ranked?.card?.colour).toBe('red')
	expect((await runLoader(loader, { path: `/agencies/${eit.id}/briefing`, params: { agencyId: String(eit.id) }, as: 'gongan' })).status).toBe(403)
})
