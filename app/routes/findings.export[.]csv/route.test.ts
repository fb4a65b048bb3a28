import { expect, test } from 'vitest'
import { buildRequest, runLoader } from '#test/helpers'
import { makeFinding, makeInspection } from '#test/fixtures/findings'
import { loader } from './route'

async function csv(as: string, search = '') {
	const request = await buildRequest({ path: `/findings/export.csv${search}`, as })
	const response = (await loader({ request, params: {}, context: { clientAddress: '127.0.0.1' } })) as Response
	// Decoded keeping the byte order mark, to see that it is there.
	const data = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
	return { status: response.status, headers: response.headers, data }
}

test('the CSV is UTF-8 with a BOM and the columns the secretariat expects', async () => {
	const inspection = await makeInspection()
	await makeFinding(inspection, { dueOn: '2020-03-01', description: '=HYPERLINK("x")（测试）' })
	const outcome = await csv('mishu', `?inspection=${inspection}`)
	expect(outcome.status).toBe(200)
	expect(outcome.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	expect(outcome.headers.get('Content-Disposition')).toContain("filename*=UTF-8''")
	const text = outcome.data as string
	expect(text.startsWith('\uFEFF')).toBe(true)
	const [header, row] = text.slice(1).split('\r\n')
	for (const column of ['检查', '条款', '单位', '严重程度', '问题描述', '整改期限', '整改状态', '逾期天数']) expect(header.split(',')).toContain(column)
	expect(row).toContain('关于反电信网络诈骗工作的执法检查（测试）')
	expect(row).toContain('武汉市公安局')
	expect(row).toContain('较重')
	expect(row).toContain('2020-03-01')
	expect(row).toContain('待整改')
	// A formula is neutralised.
	expect(row).toContain(`"'=HYPERLINK(""x"")（测试）"`)
})

test('gongan’s CSV lists only findings about the public security bureau', async () => {
	const inspection = await makeInspection()
	await makeFinding(inspection, { agency: 'psb', description: '公安局的问题（测试）' })
	await makeFinding(inspection, { agency: 'edu', description: '教育局的问题（测试）' })
	const text = (await csv('gongan')).data as string
	const rows = text.slice(1).trim().split('\r\n').slice(1)
	expect(rows.length).toBeGreaterThan(0)
	expect(rows.every((r) => r.includes('武汉市公安局'))).toBe(true)
	expect(text).toContain('公安局的问题（测试）')
	expect(text).not.toContain('教育局的问题（测试）')
	expect(text).not.toContain('武汉市教育局')
	// Asking for another agency by filter changes nothing.
	expect((await csv('jiaoyu', `?inspection=${inspection}`)).data).not.toContain('公安局的问题（测试）')
})

test('without a session the CSV redirects to the login', async () => {
	expect((await runLoader(loader, { path: '/findings/export.csv', as: null })).status).toBe(302)
})
