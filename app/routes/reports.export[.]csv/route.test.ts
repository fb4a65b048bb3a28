import { expect, test } from 'vitest'
import { addDays } from '~/domain/dates'
import { buildRequest } from '#test/helpers'
import { createMeetingOn, forceState, scheduleFor, today } from '#test/fixtures/reports'
import { loader } from './route'

async function csv(search: string, as: string) {
	const request = await buildRequest({ path: `/reports/export.csv${search}`, as })
	const outcome = (await loader({ request, params: {}, context: { clientAddress: '127.0.0.1' } })) as Response
	// Decoded keeping the byte order mark, to see that it is there.
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await outcome.arrayBuffer())
	const [header, ...rows] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
	return { outcome, text, header: header.split(','), rows: rows.map((r) => r.split(',')) }
}

test('the CSV is UTF-8 with BOM and holds the columns the issue names', async () => {
	await scheduleFor('psb')
	const { outcome, text, header } = await csv('', 'mishu')
	expect(outcome.status).toBe(200)
	expect(outcome.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	expect(outcome.headers.get('Content-Disposition')).toContain(encodeURIComponent('专项工作报告'))
	expect(text.startsWith('\uFEFF')).toBe(true)
	for (const column of ['标题', '报告机关', '承办部门', '会议', '状态', '满意度测评结果', '研究处理情况报告期限']) {
		expect(header).toContain(column)
	}
})

test("gongan's CSV lists only its agency's reports; a member's only distributed ones", async () => {
	const meetingId = await createMeetingOn(addDays(today(), 45))
	await scheduleFor('psb', { meetingId, topic: '公安局报告（示例）' })
	await scheduleFor('edu', { meetingId, topic: '教育局草稿（示例）' })
	const { id: eduDistributed } = await scheduleFor('edu', { meetingId, topic: '教育局已印发报告（示例）' })
	await forceState(eduDistributed, 'distributed')
	const gongan = await csv('', 'gongan')
	const department = gongan.header.indexOf('承办部门')
	expect(gongan.rows.length).toBeGreaterThan(0)
	expect(gongan.rows.every((r) => r[department] === '武汉市公安局')).toBe(true)
	expect(gongan.text).toContain('公安局报告（示例）')
	expect(gongan.text).not.toContain('教育局')
	const member = await csv(`?meeting=${meetingId}`, 'weiyuan1')
	const state = member.header.indexOf('状态')
	expect(member.rows.map((r) => r[state])).toEqual(['已印发常委会组成人员'])
	expect(member.text).not.toContain('教育局草稿（示例）')
	const mishu = await csv(`?meeting=${meetingId}`, 'mishu')
	expect(mishu.rows).toHaveLength(3)
})
