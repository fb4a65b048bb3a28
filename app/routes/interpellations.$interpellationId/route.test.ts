import { expect, test } from 'vitest'
import { runAction, runLoader } from '#test/helpers'
import { draftSignedBy, referredWritten, versionOf } from '#test/fixtures/interpellations'
import { action, loader } from './route'

async function post(id: number, as: string, form: Record<string, string>) {
	return runAction(action, { path: `/interpellations/${id}`, params: { interpellationId: String(id) }, as, form })
}

type Reply = { intent: string; result: { error?: Record<string, Array<string>>; initialValue?: Record<string, unknown> } }

test('co-signing through the page: signed once, a second time refused with the reason', async () => {
	const id = await draftSignedBy(1, { invite: ['weiyuan2'] })
	const signed = await post(id, 'weiyuan2', { intent: 'sign' })
	expect(signed).toMatchObject({ status: 302, location: `/interpellations/${id}?done=sign` })
	const again = await post(id, 'weiyuan2', { intent: 'sign' })
	expect(again.status).toBe(409)
	expect((again.data as Reply).result.error?.['']).toEqual(['已经联名，不能重复联名。'])
	const page = await runLoader(loader, { path: `/interpellations/${id}`, params: { interpellationId: String(id) }, as: 'weiyuan2' })
	expect(page.data).toMatchObject({ signerCount: 2, me: { signed: true }, steps: ['withdrawSignature'] })
})

test('submitting short of signers is refused with the count; the drafter’s page offers the step', async () => {
	const id = await draftSignedBy(4)
	const refused = await post(id, 'weiyuan1', { intent: 'submit', version: String(await versionOf(id)) })
	expect(refused.status).toBe(400)
	expect((refused.data as Reply).result.error?.['']).toEqual(['质询案须由常委会组成人员 5 人以上联名提出（监督法第五十一条），目前有 4 人联名。'])
})

test('the council’s decision needs its arrangement; what was typed comes back', async () => {
	const id = await draftSignedBy(5)
	await post(id, 'weiyuan1', { intent: 'submit', version: String(await versionOf(id)) })
	const missing = await post(id, 'mishu', { intent: 'refer', version: String(await versionOf(id)), decision: 'referred', mode: 'written', note: '请按期答复' })
	expect(missing.status).toBe(400)
	expect((missing.data as Reply).result.error?.dueOn).toEqual(['请填写书面答复的期限。'])
	expect((missing.data as Reply).result.initialValue).toMatchObject({ note: '请按期答复' })
	// A member may not record it: the step is the office's.
	expect((await post(id, 'weiyuan2', { intent: 'refer', version: String(await versionOf(id)), decision: 'not_referred' })).status).toBe(403)
})

test('a written answer by the liaison names who signed it; an unknown intent is 400', async () => {
	const id = await referredWritten(5)
	const answered = await post(id, 'gongan', { intent: 'answer', version: String(await versionOf(id)), text: '书面答复全文（测试）', answererName: '张国栋', answererTitle: '局长' })
	expect(answered).toMatchObject({ status: 302, location: `/interpellations/${id}?done=answer` })
	const page = await runLoader(loader, { path: `/interpellations/${id}`, params: { interpellationId: String(id) }, as: 'daibiao1' })
	expect(page.data).toMatchObject({ interpellation: { state: 'answered' }, rounds: [{ answer: { name: '张国栋', title: '局长' }, verdicts: null }] })
	expect((await post(id, 'gongan', { intent: 'bogus' })).status).toBe(400)
})
