import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { resolutionActions } from '#db/schema'
import { runAction, runLoader } from '#test/helpers'
import { adoptedResolution } from '#test/fixtures/interpellations'
import { action, loader } from './route'

async function post(id: number, as: string, form: Record<string, string>) {
	return runAction(action, { path: `/resolutions/${id}`, params: { resolutionId: String(id) }, as, form })
}

async function read(id: number, as: string) {
	const outcome = await runLoader(loader, { path: `/resolutions/${id}`, params: { resolutionId: String(id) }, as })
	return outcome.data as { actions: Array<{ id: number; response: string | null; steps: Array<string> }> }
}

test('the liaison reports on its action; others read the report only once the office closed it', async () => {
	const id = await adoptedResolution([{ agency: 'psb', dueIn: 30 }])
	const [row] = await getDb().select().from(resolutionActions).where(eq(resolutionActions.resolutionId, id))
	expect((await read(id, 'gongan')).actions[0].steps).toEqual(['respond'])
	expect((await read(id, 'jiaoyu')).actions[0].steps).toEqual([])
	const reported = await post(id, 'gongan', { intent: 'respond', actionId: String(row.id), version: '1', response: '已落实（测试）' })
	expect(reported).toMatchObject({ status: 302, location: `/resolutions/${id}?done=responded#action-${row.id}` })
	expect((await read(id, 'weiyuan3')).actions[0].response).toBe('已落实（测试）')
	expect((await read(id, 'jiaoyu')).actions[0].response).toBeNull()
	expect((await read(id, 'daibiao1')).actions[0].response).toBeNull()
	// The liaison does not close its own action.
	expect((await post(id, 'gongan', { intent: 'accept', actionId: String(row.id), version: '2' })).status).toBe(403)
	expect((await post(id, 'mishu', { intent: 'accept', actionId: String(row.id), version: '2' })).status).toBe(302)
	expect((await read(id, 'daibiao1')).actions[0].response).toBe('已落实（测试）')
})

test('sending back needs a reason', async () => {
	const id = await adoptedResolution([{ agency: 'psb', dueIn: 30 }])
	const [row] = await getDb().select().from(resolutionActions).where(eq(resolutionActions.resolutionId, id))
	await post(id, 'gongan', { intent: 'respond', actionId: String(row.id), version: '1', response: '已落实（测试）' })
	const refused = await post(id, 'mishu', { intent: 'reopen', actionId: String(row.id), version: '2', reason: '' })
	expect(refused.status).toBe(400)
	expect(refused.data).toMatchObject({ intent: 'reopen', actionId: row.id, result: { error: { reason: ['请填写退回理由。'] } } })
})
