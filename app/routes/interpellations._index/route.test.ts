import { expect, test } from 'vitest'
import { actorFor, buildRequest, runLoader } from '#test/helpers'
import { draftSignedBy, referredWritten, settings, today, versionOf } from '#test/fixtures/interpellations'
import { getDb } from '#db/client.server'
import { submitInterpellation } from '~/models/interpellations/mutations.server'
import { loader as csvLoader } from '../interpellations.export[.]csv/route'
import { loader as pageLoader } from '../interpellations.$interpellationId/route'
import { loader } from './route'

// A liaison never sees an interpellation before the chairpersons' council refers it to their
// agency: not in the list, not on its page, not in the CSV — and the members see what is handed
// in and the drafts they are part of.

async function listed(as: string) {
	const outcome = await runLoader(loader, { path: '/interpellations', as })
	expect(outcome.status).toBe(200)
	return (outcome.data as { rows: Array<{ matter: string }> }).rows.map((r) => r.matter)
}

async function csv(as: string) {
	const request = await buildRequest({ path: '/interpellations/export.csv', as })
	const response = (await csvLoader({ request, params: {}, context: { clientAddress: '127.0.0.1' } })) as Response
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
	return { response, text }
}

async function page(id: number, as: string) {
	return runLoader(pageLoader, { path: `/interpellations/${id}`, params: { interpellationId: String(id) }, as })
}

test('a liaison sees neither a draft nor a submitted interpellation of their agency — list, page or CSV — until it is referred', async () => {
	const draft = await draftSignedBy(5, { matter: '草稿阶段的质询案（测试）', invite: ['weiyuan2', 'weiyuan3', 'weiyuan4', 'weiyuan5'] })
	const submitted = await draftSignedBy(5, { matter: '已提出未交付的质询案（测试）' })
	await submitInterpellation(getDb(), await actorFor('weiyuan1'), { interpellationId: submitted, version: await versionOf(submitted), today: today(), settings })
	const referred = await referredWritten(5)
	const referredMatter = (await page(referred, 'mishu')).data as { interpellation: { matter: string } }

	const gongan = await listed('gongan')
	expect(gongan).toContain(referredMatter.interpellation.matter)
	expect(gongan).not.toContain('草稿阶段的质询案（测试）')
	expect(gongan).not.toContain('已提出未交付的质询案（测试）')
	expect((await page(draft, 'gongan')).status).toBe(404)
	expect((await page(submitted, 'gongan')).status).toBe(404)
	expect((await page(referred, 'gongan')).status).toBe(200)
	const { response, text } = await csv('gongan')
	expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	expect(text.startsWith('\uFEFF')).toBe(true)
	expect(text).toContain(referredMatter.interpellation.matter)
	expect(text).not.toContain('草稿阶段的质询案（测试）')
	expect(text).not.toContain('已提出未交付的质询案（测试）')
	// Another agency's liaison: none of them.
	expect(await listed('jiaoyu')).not.toContain(referredMatter.interpellation.matter)
	expect((await page(referred, 'jiaoyu')).status).toBe(404)
})

test('members see what is handed in and the drafts they are part of; deputies only the referred', async () => {
	await draftSignedBy(2, { matter: '仅邀请二号委员的草稿（测试）', invite: ['weiyuan2'] })
	expect(await listed('weiyuan2')).toContain('仅邀请二号委员的草稿（测试）')
	expect(await listed('weiyuan7')).not.toContain('仅邀请二号委员的草稿（测试）')
	expect(await listed('mishu')).toContain('仅邀请二号委员的草稿（测试）')
	expect(await listed('daibiao1')).not.toContain('仅邀请二号委员的草稿（测试）')
	const { text } = await csv('weiyuan7')
	expect(text).not.toContain('仅邀请二号委员的草稿（测试）')
})

test('the filters live in the URL; an empty filter form redirects to the short address', async () => {
	const outcome = await runLoader(loader, { path: '/interpellations?state=&target=&year=', as: 'mishu' })
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe('/interpellations')
	const filtered = await runLoader(loader, { path: '/interpellations?state=referred', as: 'mishu' })
	expect((filtered.data as { rows: Array<{ state: string }> }).rows.every((r) => r.state === 'referred')).toBe(true)
})
