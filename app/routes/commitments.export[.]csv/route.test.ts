import { expect, test } from 'vitest'
import { addCommitment } from '~/models/inquiries/mutations.server'
import { getDb } from '#db/client.server'
import { actor, agencyIdOf, dayAfter, putQuestion, scheduleSession } from '#test/fixtures/inquiries'
import { buildRequest } from '#test/helpers'
import { loader } from './route'

async function csv(as: string, search = '') {
	const request = await buildRequest({ path: `/commitments/export.csv${search}`, as })
	const response = (await loader({ request, params: {}, context: { clientAddress: '127.0.0.1' } })) as Response
	// Decoded keeping the byte order mark, to see that it is there.
	const data = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
	return { status: response.status, headers: response.headers, data }
}

async function commitmentOf(agencyKey: string, text: string) {
	const { id, heldOn } = await scheduleSession()
	const exchangeId = await putQuestion(id, agencyKey, '问', '答')
	await addCommitment(getDb(), await actor('mishu'), { inquiryId: id, exchangeId, agencyId: await agencyIdOf(agencyKey), text, dueOn: dayAfter(heldOn, 30), today: heldOn })
	return id
}

test('the CSV is UTF-8 with a BOM and names 单位, 承诺事项, 来源, 期限 and 状态', async () => {
	const inquiryId = await commitmentOf('psb', '三十日内完成排查（测试）')
	const outcome = await csv('mishu', `?inquiry=${inquiryId}`)
	expect(outcome.status).toBe(200)
	expect(outcome.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	expect(outcome.headers.get('Content-Disposition')).toContain("filename*=UTF-8''")
	const text = outcome.data
	expect(text.startsWith('\uFEFF')).toBe(true)
	const [header, row, ...rest] = text.slice(1).trim().split('\r\n')
	for (const column of ['单位', '承诺事项', '来源', '期限', '状态']) expect(header.split(',')).toContain(column)
	expect(rest).toEqual([])
	expect(row).toContain('武汉市公安局')
	expect(row).toContain('三十日内完成排查（测试）')
	expect(row).toMatch(/专题询问“测试专题询问\d+（示例）”第1问/)
	expect(row).toContain('落实中')
})

test("a liaison's CSV holds their agency's commitments only, as their list does", async () => {
	await commitmentOf('psb', '公安局的承诺（测试）')
	await commitmentOf('edu', '教育局的承诺（测试）')
	const gongan = (await csv('gongan')).data
	expect(gongan).toContain('公安局的承诺（测试）')
	expect(gongan).not.toContain('教育局的承诺（测试）')
	expect(gongan).not.toContain('武汉市地方金融工作局')
	const rows = gongan.slice(1).trim().split('\r\n').slice(1)
	expect(rows.length).toBeGreaterThan(0)
	expect(rows.every((r) => r.startsWith('武汉市公安局,'))).toBe(true)
	// A deputy gets those of published records only: the demo's published 专题询问.
	const deputy = (await csv('daibiao1')).data
	expect(deputy).not.toContain('公安局的承诺（测试）')
	expect(deputy).toContain('涉诈资金查控和返还工作（示例）')
})

test('the overdue filter keeps what the agency still owes past its date', async () => {
	const rows = (await csv('mishu', '?overdue=1')).data.slice(1).trim().split('\r\n').slice(1)
	expect(rows.length).toBeGreaterThan(0)
	expect(rows.every((r) => /,(落实中|退回，重新落实),\d+,/.test(r))).toBe(true)
})
