import { expect, test } from 'vitest'
import { agencyIdOf, exchangesOf, putQuestion, scheduleSession, userIdOf } from '#test/fixtures/inquiries'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

// The session page: what each reader gets, and the live log through the page's one action —
// with JavaScript (live=1: data back, no redirect) and without (a plain post and a redirect).

type Page = {
	can: Record<string, boolean>
	partialLog: boolean
	registrationsView: string
	log: Array<{ id: number; number: number; question: string; answer: string; version: number }>
}

async function page(id: number, as: string | null) {
	return runLoader(loader, { path: `/inquiries/${id}`, params: { inquiryId: String(id) }, as })
}

function post(id: number, as: string, form: Record<string, string>) {
	return runAction(action, { path: `/inquiries/${id}`, params: { inquiryId: String(id) }, as, form })
}

test("a liaison's page before publication holds only the questions put to their agency — none of another agency's words", async () => {
	const { id, heldOn } = await scheduleSession({ held: true })
	await putQuestion(id, 'psb', '问公安局：止付多快？', '公安局答：四十分钟。', heldOn)
	await putQuestion(id, 'edu', '问教育局：校园宣传覆盖多少学生？', '教育局答：九成以上。', heldOn)
	const gongan = await page(id, 'gongan')
	expect(gongan.status).toBe(200)
	const data = gongan.data as Page
	expect(data.partialLog).toBe(true)
	expect(data.log.map((e) => e.question)).toEqual(['问公安局：止付多快？'])
	expect(JSON.stringify(data)).not.toMatch(/教育局答|校园宣传覆盖/)
	expect(data.can).toMatchObject({ print: false, record: false, register: false })
	expect(data.registrationsView).toBe('none')
	// Members and the secretariat read all of it; a deputy nothing before publication.
	expect(((await page(id, 'weiyuan1')).data as Page).log).toHaveLength(2)
	expect((await page(id, 'daibiao1')).status).toBe(404)
	// Published, the whole record is the liaison's too.
	const { version } = ((await page(id, 'mishu')).data as { inquiry: { version: number } }).inquiry
	expect((await post(id, 'mishu', { intent: 'publish', version: String(version) })).status).toBe(302)
	const after = (await page(id, 'gongan')).data as Page
	expect(after.partialLog).toBe(false)
	expect(after.log).toHaveLength(2)
	expect(after.can.print).toBe(true)
})

test('live entry: a question and its answer saved on their own, as data, without leaving the page', async () => {
	const { id } = await scheduleSession()
	const question = await post(id, 'mishu', {
		intent: 'question',
		live: '1',
		askerId: String(await userIdOf('weiyuan2')),
		agencyId: String(await agencyIdOf('psb')),
		question: '“断卡”行动查处了多少张银行卡？',
	})
	expect(question.status).toBe(200)
	expect(question.data).toMatchObject({ formKey: 'question', ok: true })
	const [entry] = await exchangesOf(id)
	const answer = await post(id, 'mishu', { intent: 'answer', live: '1', exchangeId: String(entry.id), version: '1', answer: '一万余张。' })
	expect(answer.data).toMatchObject({ formKey: `answer:${entry.id}`, ok: true, version: 2 })
	// Without JavaScript, the same post answers with a redirect back to the entry.
	const plain = await post(id, 'mishu', { intent: 'answer', exchangeId: String(entry.id), version: '2', answer: '一万两千余张。' })
	expect(plain.status).toBe(302)
	expect(plain.location).toBe(`/inquiries/${id}?done=answer#exchange-${entry.id}`)
})

test("a second clerk's stale save is refused with their words kept, and the latest version is on the page", async () => {
	const { id } = await scheduleSession()
	const exchangeId = await putQuestion(id, 'psb', '预警劝阻成功率多少？')
	await post(id, 'mishu', { intent: 'answer', live: '1', exchangeId: String(exchangeId), version: '1', answer: '七成。' })
	const stale = await post(id, 'mishu', { intent: 'answer', live: '1', exchangeId: String(exchangeId), version: '1', answer: '约七成，逐年提高。' })
	expect(stale.status).toBe(409)
	const reply = stale.data as { ok: boolean; message: string; result: { initialValue: Record<string, string> } }
	expect(reply.ok).toBe(false)
	expect(reply.message).toMatch(/已被他人修改/)
	expect(reply.result.initialValue.answer).toBe('约七成，逐年提高。')
	const [row] = await exchangesOf(id)
	expect(row).toMatchObject({ answer: '七成。', version: 2 })
})

test('two clerks posting questions at once through the page both keep theirs', async () => {
	const { id } = await scheduleSession()
	const form = async (n: number) => ({
		intent: 'question',
		live: '1',
		askerId: String(await userIdOf('weiyuan1')),
		agencyId: String(await agencyIdOf('edu')),
		question: `同时提交的问题 ${n}`,
	})
	const replies = await Promise.all([post(id, 'mishu', await form(1)), post(id, 'mishu', await form(2)), post(id, 'mishu', await form(3))])
	expect(replies.map((r) => r.status)).toEqual([200, 200, 200])
	const rows = await exchangesOf(id)
	expect(rows.map((r) => r.position)).toEqual([1, 2, 3])
	expect(rows.map((r) => r.question).sort()).toEqual(['同时提交的问题 1', '同时提交的问题 2', '同时提交的问题 3'])
})

test('a member registers a question; the log is the secretariat’s; an invalid form keeps what was typed', async () => {
	const { id } = await scheduleSession()
	const registered = await post(id, 'weiyuan1', { intent: 'register', text: '如何压实银行机构责任？', agencyId: String(await agencyIdOf('psb')) })
	expect(registered.status).toBe(302)
	expect(registered.location).toBe(`/inquiries/${id}?done=register#registrations`)
	const member = (await page(id, 'weiyuan1')).data as Page & { registrations: Array<{ text: string; editable: boolean }> }
	expect(member.registrations).toMatchObject([{ text: '如何压实银行机构责任？', editable: true }])
	// The log is not a member's to keep.
	const refused = await post(id, 'weiyuan1', { intent: 'question', askerId: String(await userIdOf('weiyuan1')), agencyId: String(await agencyIdOf('psb')), question: '自己记录' })
	expect(refused.status).toBe(403)
	const invalid = await post(id, 'mishu', { intent: 'question', live: '1', question: '没有选择提问人' })
	expect(invalid.status).toBe(400)
	expect(invalid.data).toMatchObject({ formKey: 'question', ok: false, result: { initialValue: { question: '没有选择提问人' } } })
	expect(await exchangesOf(id)).toEqual([])
})
