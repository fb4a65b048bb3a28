import fs from 'node:fs'
import { count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { auditEvents, clauses, instruments } from '#db/schema'
import type { ImportPreview } from '~/models/instrument-import.server'
import { runAction, runLoader, userId } from '#test/helpers'
import { loader as instrumentLoader } from '../instruments.$instrumentId/route'
import { action, loader } from './route'

const wuhanText = fs.readFileSync(new URL('../../../db/seed/wuhan-anti-fraud-decision-2021.txt', import.meta.url), 'utf8')
const regulationText = fs.readFileSync(new URL('../../domain/__fixtures__/regulation-with-chapters.txt', import.meta.url), 'utf8')
const partParagraphsText = fs.readFileSync(new URL('../../domain/__fixtures__/parts-with-paragraphs.txt', import.meta.url), 'utf8')

async function instrumentCount() {
	const [{ value }] = await getDb().select({ value: count() }).from(instruments)
	return value
}

async function auditCount() {
	const [{ value }] = await getDb().select({ value: count() }).from(auditEvents)
	return value
}

type ActionData = {
	result: { initialValue?: Record<string, unknown>; error?: Record<string, Array<string>> }
	preview: ImportPreview | null
	text: string | null
}

test('a preview shows clauses, tasks and their agencies and stores nothing', async () => {
	const before = { instruments: await instrumentCount(), audit: await auditCount() }
	const outcome = await runAction(action, { path: '/admin/import', as: 'admin', form: { intent: 'preview', text: wuhanText } })
	expect(outcome.status).toBe(200)
	const { preview, text } = outcome.data as ActionData
	expect(text).toBe(wuhanText)
	expect(preview?.parts).toHaveLength(6)
	expect(preview?.clauses).toHaveLength(20)
	const clauseTen = preview?.clauses.find((c) => c.label === '（十）')
	expect(clauseTen?.tasks[0].leads.map((a) => a.shortName).length).toBeGreaterThanOrEqual(3)
	expect(preview?.tasksWithoutLead).toBe(0)
	// The decision is seeded already: the preview warns that this would be a second copy.
	expect(preview?.existing?.title).toBe(preview?.title)
	expect(await instrumentCount()).toBe(before.instruments)
	expect(await auditCount()).toBe(before.audit)
})

test('confirm stores the instrument in one audited write and opens it', async () => {
	const before = await instrumentCount()
	const outcome = await runAction(action, {
		path: '/admin/import',
		as: 'admin',
		form: { intent: 'confirm', text: regulationText },
	})
	expect(outcome.status).toBe(302)
	const id = Number(/^\/instruments\/(\d+)$/.exec(outcome.location ?? '')?.[1])
	expect(await instrumentCount()).toBe(before + 1)
	const db = getDb()
	const [stored] = await db.select().from(instruments).where(eq(instruments.id, id))
	expect(stored.sourceText).toBe(regulationText)
	const [{ value: clauseCount }] = await db.select({ value: count() }).from(clauses).where(eq(clauses.instrumentId, id))
	expect(clauseCount).toBeGreaterThan(0)
	const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, String(id)))
	const imported = events.find((e) => e.action === 'instrument.import' && e.entityType === 'instrument')
	expect(imported?.actorId).toBe(await userId('admin'))
	expect(imported?.address).toBe('127.0.0.1')
})

test('text that cannot be parsed is refused with its line and reason, and kept in the form', async () => {
	const before = await instrumentCount()
	const garbage = '关于某事的通知\n各有关单位：\n请按时报送材料。'
	const outcome = await runAction(action, { path: '/admin/import', as: 'admin', form: { intent: 'confirm', text: garbage } })
	expect(outcome.status).toBe(400)
	const { result, preview } = outcome.data as ActionData
	expect(preview).toBeNull()
	expect(String(result.initialValue?.text).replace(/\r\n/g, '\n')).toBe(garbage)
	expect(result.error?.text?.[0]).toMatch(/^第 \d+ 行：.+/)
	expect(await instrumentCount()).toBe(before)
})

test('an empty form asks for the text', async () => {
	const outcome = await runAction(action, { path: '/admin/import', as: 'admin', form: { intent: 'preview', text: '' } })
	expect(outcome.status).toBe(400)
	expect((outcome.data as ActionData).result.error?.text).toEqual(['请粘贴全文或上传文件。'])
})

test('an uploaded .txt file is previewed like a pasted text; a non-UTF-8 file is refused', async () => {
	const form = new FormData()
	form.set('intent', 'preview')
	form.set('text', '')
	form.set('file', new File([regulationText], '条例.txt', { type: 'text/plain' }))
	const outcome = await runAction(action, { path: '/admin/import', as: 'admin', form })
	expect(outcome.status).toBe(200)
	expect((outcome.data as ActionData).text).toBe(regulationText)
	expect(String((outcome.data as ActionData).result.initialValue?.text).replace(/\r\n/g, '\n')).toBe(regulationText)

	const gbk = new FormData()
	gbk.set('intent', 'preview')
	// "第一条" in GBK: not valid UTF-8.
	gbk.set('file', new File([new Uint8Array([0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5])], 'gbk.txt', { type: 'text/plain' }))
	const refused = await runAction(action, { path: '/admin/import', as: 'admin', form: gbk })
	expect(refused.status).toBe(400)
	expect((refused.data as ActionData).result.error?.file?.[0]).toContain('UTF-8')
})

test('only an admin may open the page or import', async () => {
	const before = await instrumentCount()
	for (const username of ['mishu', 'weiyuan1', 'gongan']) {
		expect((await runLoader(loader, { path: '/admin/import', as: username })).status).toBe(403)
		const outcome = await runAction(action, { path: '/admin/import', as: username, form: { intent: 'confirm', text: regulationText } })
		expect(outcome.status).toBe(403)
	}
	expect((await runLoader(loader, { path: '/admin/import' })).status).toBe(302)
	const page = await runLoader(loader, { path: '/admin/import', as: 'admin' })
	expect(page.status).toBe(200)
	expect((page.data as { instruments: Array<{ title: string }> }).instruments.length).toBeGreaterThan(0)
	expect(await instrumentCount()).toBe(before)
})

test('a part’s own paragraphs before its first item are previewed, stored and shown on the instrument page', async () => {
	const preview = (
		(await runAction(action, { path: '/admin/import', as: 'admin', form: { intent: 'preview', text: partParagraphsText } })).data as ActionData
	).preview
	expect(preview?.parts.map((part) => part.paragraphs.length)).toEqual([2, 1, 1, 0, 1])
	expect(preview?.clauses.map((c) => [c.label, c.part])).toEqual([
		['（一）', '三、'],
		['（二）', '三、'],
		['（三）', '四、'],
		['（四）', '四、'],
	])
	const confirmed = await runAction(action, { path: '/admin/import', as: 'admin', form: { intent: 'confirm', text: partParagraphsText } })
	expect(confirmed.status).toBe(302)
	const id = /^\/instruments\/(\d+)$/.exec(confirmed.location ?? '')?.[1]
	const page = await runLoader(instrumentLoader, { path: `/instruments/${id}`, as: 'weiyuan1', params: { instrumentId: String(id) } })
	const { parts } = page.data as { parts: Array<{ label: string; paragraphs: Array<string> }> }
	expect(parts.map((part) => [part.label, part.paragraphs.length])).toEqual([
		['一、', 2],
		['二、', 1],
		['三、', 1],
		['四、', 0],
		['五、', 1],
	])
	expect(parts[1].paragraphs[0]).toMatch(/^到2025年，全市农村卫生厕所普及率/)
})
