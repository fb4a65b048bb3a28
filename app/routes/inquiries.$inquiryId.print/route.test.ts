import { expect, test } from 'vitest'
import { putQuestion, scheduleSession } from '#test/fixtures/inquiries'
import { runLoader } from '#test/helpers'
import { loader } from './route'

const print = (id: number, as: string) => runLoader(loader, { path: `/inquiries/${id}/print`, params: { inquiryId: String(id) }, as })

test('the record (询问纪要) holds every question and answer in order, under its meeting’s title', async () => {
	const { id } = await scheduleSession()
	await putQuestion(id, 'psb', '第一问的内容', '第一问的回答')
	await putQuestion(id, 'edu', '第二问的内容')
	const outcome = await print(id, 'mishu')
	expect(outcome.status).toBe(200)
	const record = outcome.data as { draft: boolean; title: string; entries: Array<{ number: number; question: string; answer: string; official: string }>; date: string }
	expect(record.draft).toBe(true)
	expect(record.title).toMatch(/^第十五届人大常委会第.+次会议专题询问纪要$/)
	expect(record.entries.map((e) => [e.number, e.question, e.answer])).toEqual([
		[1, '第一问的内容', '第一问的回答'],
		[2, '第二问的内容', ''],
	])
	expect(record.entries[0].official).toBe('市公安局副局长psb负责人（示例）')
	expect(record.date).toMatch(/^二〇[〇一二三四五六七八九]{2}年.+月.+日$/)
})

test('before publication the whole record is not a liaison’s, nor a deputy’s', async () => {
	const { id } = await scheduleSession()
	expect((await print(id, 'gongan')).status).toBe(404)
	expect((await print(id, 'daibiao1')).status).toBe(404)
	expect((await print(id, 'weiyuan1')).status).toBe(200)
})
