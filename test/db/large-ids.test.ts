import { expect, test } from 'vitest'
import { loader as auditLoader } from '~/routes/audit/route'
import { loader as reportLoader } from '~/routes/reports.$reportId._index/route'
import { runLoader } from '#test/helpers'

// Ids past the database's integer range name no record: 404 in a URL, ignored in a filter —
// never the database's "out of range" error as a 500.
test('an id beyond int4 in a URL is not found, in a filter it is ignored', async () => {
	for (const id of ['2147483648', String(2 ** 53)]) {
		const page = await runLoader(reportLoader, { path: `/reports/${id}`, params: { reportId: id }, as: 'mishu' })
		expect(page.status).toBe(404)
		const audit = await runLoader(auditLoader, { path: `/audit?actor=${id}`, as: 'mishu' })
		expect(audit.status).toBe(200)
	}
})
