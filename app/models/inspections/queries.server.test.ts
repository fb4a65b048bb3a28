import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { agencies, deliberations, inspections } from '#db/schema'
import { actorFor } from '#test/helpers'
import { makeInspection } from '#test/fixtures/findings'
import { getReadableInspection, listInspections } from './queries.server'

test('after its report is heard an inspection says where it stands, on its page and in the list', async () => {
	const id = await makeInspection({ title: '已审议的执法检查（测试）' })
	await getDb().update(inspections).set({ state: 'deliberation' }).where(eq(inspections.id, id))
	const [gov] = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'gov'))
	const [deliberation] = await getDb()
		.insert(deliberations)
		.values({ subjectType: 'inspection', subjectId: id, title: '检查报告审议（测试）', organId: gov.id, respondingAgencyId: gov.id, state: 'letter_sent' })
		.returning({ id: deliberations.id })
	const mishu = await actorFor('mishu')
	const statusNow = async () => ({
		page: (await getReadableInspection(getDb(), mishu, id))?.status,
		list: (await listInspections(getDb(), mishu, { year: null, state: null })).find((row) => row.id === id)?.status,
	})
	expect(await statusNow()).toEqual({ page: 'opinions_delivered', list: 'opinions_delivered' })
	await getDb().update(deliberations).set({ state: 'closed' }).where(eq(deliberations.id, deliberation.id))
	expect(await statusNow()).toEqual({ page: 'concluded', list: 'concluded' })
})
