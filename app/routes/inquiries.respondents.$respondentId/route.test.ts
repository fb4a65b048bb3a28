import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { inquiryRespondents } from '#db/schema'
import { subjectPath } from '~/domain/deliberation'
import { scheduleSession } from '#test/fixtures/inquiries'
import { runLoader } from '#test/helpers'
import { loader } from './route'

test("a 专题询问's deliberation links back to its session, at the agency's line, for those who may read the session", async () => {
	const { id } = await scheduleSession()
	const [respondent] = await getDb().select({ id: inquiryRespondents.id }).from(inquiryRespondents).where(eq(inquiryRespondents.inquiryId, id)).limit(1)
	const path = subjectPath('inquiry', respondent.id)
	const go = (as: string) => runLoader(loader, { path, params: { respondentId: String(respondent.id) }, as })
	const outcome = await go('weiyuan1')
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe(`/inquiries/${id}#respondent-${respondent.id}`)
	expect((await go('daibiao1')).status).toBe(404)
	expect((await runLoader(loader, { path: '/inquiries/respondents/999999999', params: { respondentId: '999999999' }, as: 'mishu' })).status).toBe(404)
})
