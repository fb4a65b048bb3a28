import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { addCommitment } from '~/models/inquiries/mutations.server'
import { actor, agencyIdOf, dayAfter, putQuestion, scheduleSession } from '#test/fixtures/inquiries'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

async function commitmentOf(agencyKey: string) {
	const { id, heldOn } = await scheduleSession()
	const exchangeId = await putQuestion(id, agencyKey, '何时完成？', '一个月内。')
	return addCommitment(getDb(), await actor('mishu'), { inquiryId: id, exchangeId, agencyId: await agencyIdOf(agencyKey), text: '一个月内完成排查（测试）', dueOn: dayAfter(heldOn, 30), today: heldOn })
}

const page = (id: number, as: string) => runLoader(loader, { path: `/commitments/${id}`, params: { commitmentId: String(id) }, as })
const post = (id: number, as: string, form: Record<string, string>) => runAction(action, { path: `/commitments/${id}`, params: { commitmentId: String(id) }, as, form })

type Page = { commitment: { state: string; version: number; sourceHref: string }; steps: Record<string, boolean>; history: Array<{ action: string; text: string }> }

test('the agency reports, the secretariat reopens with a reason, the agency reports again, the secretariat accepts', async () => {
	const id = await commitmentOf('psb')
	expect(((await page(id, 'gongan')).data as Page).steps).toEqual({ respond: true, accept: false, reopen: false })
	expect((await post(id, 'gongan', { intent: 'respond', version: '1', response: '已完成排查。' })).location).toBe(`/commitments/${id}?done=respond`)
	const refused = await post(id, 'mishu', { intent: 'reopen', version: '2', reason: '' })
	expect(refused.status).toBe(400)
	expect((await post(id, 'mishu', { intent: 'reopen', version: '2', reason: '请附排查清单。' })).status).toBe(302)
	const reopened = (await page(id, 'gongan')).data as Page
	expect(reopened.commitment.state).toBe('reopened')
	expect(reopened.steps.respond).toBe(true)
	expect((await post(id, 'gongan', { intent: 'respond', version: '3', response: '已附排查清单。' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'accept', version: '4' })).status).toBe(302)
	const done = (await page(id, 'mishu')).data as Page
	expect(done.commitment.state).toBe('accepted')
	expect(done.history.map((h) => [h.action, h.text])).toEqual([
		['respond', '已完成排查。'],
		['reopen', '请附排查清单。'],
		['respond', '已附排查清单。'],
		['accept', ''],
	])
})

test("another agency's liaison does not find it; the secretariat does not report for the agency; a stale step keeps the input", async () => {
	const id = await commitmentOf('psb')
	expect((await page(id, 'jiaoyu')).status).toBe(404)
	expect((await post(id, 'jiaoyu', { intent: 'respond', version: '1', response: '越权' })).status).toBe(404)
	const bySecretariat = await post(id, 'mishu', { intent: 'respond', version: '1', response: '代报' })
	expect(bySecretariat.status).toBe(403)
	expect((bySecretariat.data as { message: string }).message).toMatch(/联络员/)
	await post(id, 'gongan', { intent: 'respond', version: '1', response: '第一次报告' })
	const stale = await post(id, 'mishu', { intent: 'reopen', version: '1', reason: '基于旧版本' })
	expect(stale.status).toBe(409)
	expect(stale.data).toMatchObject({ result: { initialValue: { reason: '基于旧版本' } } })
	// Before publication the liaison of the committing agency reaches the question it was made in.
	expect(((await page(id, 'gongan')).data as Page).commitment.sourceHref).toMatch(/^\/inquiries\/\d+#exchange-\d+$/)
	expect((await page(id, 'daibiao1')).status).toBe(404)
})
