import { expect, test } from 'vitest'
import { asc, count, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, clauses, tasks } from '#db/schema'
import { buildRequest, runLoader } from '#test/helpers'
import { loader } from './route'
import { statusLabels } from '~/domain/status'

const header = '序号,条款,工作任务,牵头单位,配合单位,完成时限,落实情况'

// The bytes as sent: Response.text() would drop the byte order mark.
async function exportCsv(search = '', as = 'weiyuan1') {
	const request = await buildRequest({ path: `/tasks/export.csv${search}`, as })
	const response = (await loader({ request, params: {}, context: { clientAddress: '127.0.0.1' } })) as Response
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
	return { outcome: response, text }
}

// Enough of RFC 4180 to read our own output back: quoted fields may hold commas, quotes, CRLF.
function parseCsv(text: string): Array<Array<string>> {
	const rows: Array<Array<string>> = []
	let row: Array<string> = []
	let field = ''
	let quoted = false
	for (let i = 0; i < text.length; i++) {
		const c = text[i]
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"'
				i++
			} else if (c === '"') quoted = false
			else field += c
		} else if (c === '"') quoted = true
		else if (c === ',') {
			row.push(field)
			field = ''
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field)
			rows.push(row)
			row = []
			field = ''
			i++
		} else field += c
	}
	return rows
}

async function agencyId(key: string) {
	const [row] = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

test('the export is UTF-8 with a BOM, CRLF line ends and the seven Chinese columns, as a download', async () => {
	const { outcome, text } = await exportCsv()
	expect(outcome.status).toBe(200)
	expect(outcome.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	const disposition = outcome.headers.get('Content-Disposition') ?? ''
	expect(disposition).toMatch(/^attachment; filename="tasks-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/)
	expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^责任分解表-\d{4}-\d{2}-\d{2}\.csv$/)
	expect(text.startsWith(`\uFEFF${header}\r\n`)).toBe(true)
	expect(text.endsWith('\r\n')).toBe(true)
	expect(text.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n/)
})

test('the Wuhan export has one row per task in decision order, and (十) lists its three leads joined by 、', async () => {
	const { text } = await exportCsv()
	const [head, ...rows] = parseCsv(text.slice(1))
	expect(head.join(',')).toBe(header)
	const [{ total }] = await getDb().select({ total: count() }).from(tasks)
	expect(rows).toHaveLength(total)
	expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)))
	expect(rows[0][1]).toBe('（一）')
	const ten = rows.filter((r) => r[1] === '（十）')
	expect(ten).toHaveLength(1)
	expect(ten[0][3]).toBe('武汉市公安局、武汉市中级人民法院、武汉市人民检察院')
	expect(rows.every((r) => r[5] === '长期' || /^\d{4}-\d{2}-\d{2}$/.test(r[5]))).toBe(true)
	expect(rows.every((r) => Object.values(statusLabels).includes(r[6] as never))).toBe(true)
	expect(rows.every((r) => r[3] !== '')).toBe(true)
})

test('a filtered export by agency has only that agency’s tasks, and the role narrows it', async () => {
	const edu = await agencyId('edu')
	const { text } = await exportCsv(`?agency=${edu}`)
	const rows = parseCsv(text.slice(1)).slice(1)
	expect(rows.length).toBeGreaterThan(0)
	expect(rows.every((r) => `${r[3]}、${r[4]}`.split('、').includes('武汉市教育局'))).toBe(true)
	const asLead = parseCsv((await exportCsv(`?agency=${edu}&role=lead`)).text.slice(1)).slice(1)
	expect(asLead.every((r) => r[3].split('、').includes('武汉市教育局'))).toBe(true)
	const asCo = parseCsv((await exportCsv(`?agency=${edu}&role=co`)).text.slice(1)).slice(1)
	expect(asCo.every((r) => r[4].split('、').includes('武汉市教育局'))).toBe(true)
	expect(asLead.length + asCo.length).toBe(rows.length)
	// Filters by clause: the rows of (十五) only, numbered from 1.
	const [fifteen] = await getDb().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（十五）'))
	const clauseRows = parseCsv((await exportCsv(`?clause=${fifteen.id}`)).text.slice(1)).slice(1)
	expect(clauseRows.map((r) => r[1])).toEqual(Array(6).fill('（十五）'))
	expect(clauseRows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6'])
})

test('a task text that would be an Excel formula is exported as text, and commas and quotes are quoted', async () => {
	const [first] = await getDb().select().from(tasks).orderBy(asc(tasks.id)).limit(1)
	await getDb().update(tasks).set({ text: '=HYPERLINK("http://evil.example","点击")' }).where(eq(tasks.id, first.id))
	const { text } = await exportCsv()
	expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")"`)
	const rows = parseCsv(text.slice(1)).slice(1)
	expect(rows.some((r) => r[2] === `'=HYPERLINK("http://evil.example","点击")`)).toBe(true)
})

test('an export needs a session, and every signed-in role may read it', async () => {
	const anonymous = await runLoader(loader, { path: '/tasks/export.csv' })
	expect(anonymous.status).toBe(302)
	for (const as of ['gongan', 'daibiao1', 'admin']) {
		expect((await exportCsv('', as)).outcome.status).toBe(200)
	}
	const missing = await runLoader(loader, { path: '/tasks/export.csv?instrument=999999', as: 'mishu' })
	expect(missing.status).toBe(404)
})
