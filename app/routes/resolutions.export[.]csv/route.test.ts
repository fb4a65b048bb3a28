import { expect, test } from 'vitest'
import { buildRequest } from '#test/helpers'
import { adoptedResolution } from '#test/fixtures/interpellations'
import { loader } from './route'

async function csv(search: string, as: string) {
	const request = await buildRequest({ path: `/resolutions/export.csv${search}`, as })
	const response = (await loader({ request, params: {}, context: { clientAddress: '127.0.0.1' } })) as Response
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
	const [header, ...rows] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
	return { response, text, header: header.split(','), rows: rows.map((r) => r.split(',')) }
}

test('one row per action, UTF-8 with BOM, Chinese columns, the overdue days computed from today', async () => {
	await adoptedResolution([{ agency: 'psb', dueIn: -3 }], { adoptedAgo: 30, reportDueIn: 10 })
	const { response, text, header, rows } = await csv('?status=overdue', 'gongan')
	expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	expect(text.startsWith('\uFEFF')).toBe(true)
	expect(header).toEqual(['决议决定', '类别', '会议', '通过日期', '执行情况报告期限', '承办单位', '事项', '完成期限', '办理状态', '逾期天数'])
	const mine = rows.filter((r) => r[6] === 'psb落实事项（测试）')
	expect(mine).toHaveLength(1)
	expect(mine[0].slice(5)).toEqual(['武汉市公安局', 'psb落实事项（测试）', mine[0][7], '待报告执行情况', '3'])
})
