import { expect, test } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, clauses, parts, tasks } from '#db/schema'
import { runLoader } from '#test/helpers'
import { loader as printLoader } from '../tasks.print/route'
import { loader } from './route'
import { shanghaiDate } from '~/domain/dates'
import { statusLabels } from '~/domain/status'
import { loadTaskStatuses } from '~/models/status/queries.server'

type Row = { serial: number; clauseLabel: string; leads: Array<{ name: string }>; cos: Array<{ name: string }>; status: string }
type Data = { rows: Array<Row>; canEdit: boolean; search: string; filtered: boolean }

async function table(search: string, as = 'weiyuan1') {
	const outcome = await runLoader(loader, { path: `/tasks${search}`, as })
	return { outcome, data: outcome.data as Data }
}

async function agencyId(key: string) {
	const [row] = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

test('the table lists every task in decision order, numbered 1..n, for every signed-in role', async () => {
	const [{ total }] = await getDb().select({ total: count() }).from(tasks)
	for (const as of ['weiyuan1', 'gongan', 'daibiao2']) {
		const { outcome, data } = await table('', as)
		expect(outcome.status).toBe(200)
		expect(data.rows).toHaveLength(total)
		expect(data.canEdit).toBe(false)
	}
	const { data } = await table('', 'mishu')
	expect(data.canEdit).toBe(true)
	expect(data.rows.map((r) => r.serial)).toEqual(data.rows.map((_, i) => i + 1))
	expect(data.rows[0].clauseLabel).toBe('（一）')
	expect(data.rows.at(-1)?.clauseLabel).toBe('（二十）')
	// Each row shows its status as derived from the evidence, and the status filter keeps exactly those rows.
	const statuses = await loadTaskStatuses(getDb(), shanghaiDate(new Date()))
	expect(data.rows.map((r) => r.status)).toEqual(data.rows.map((r) => statuses.get((r as Row & { id: number }).id)?.derived.status))
	const lagging = await table('?status=lagging', 'mishu')
	expect(lagging.data.rows.map((r) => (r as Row & { id: number }).id)).toEqual(
		data.rows.filter((r) => r.status === 'lagging').map((r) => (r as Row & { id: number }).id),
	)
	expect(lagging.data.filtered).toBe(true)
	const anonymous = await runLoader(loader, { path: '/tasks?part=1' })
	expect(anonymous.location).toBe('/login?redirectTo=%2Ftasks%3Fpart%3D1')
})

test('filters by part, clause and agency with its role narrow the table, and the links carry them', async () => {
	const [thirdPart] = await getDb().select({ id: parts.id }).from(parts).where(eq(parts.label, '三、'))
	const byPart = await table(`?part=${thirdPart.id}`)
	expect(byPart.data.rows.length).toBeGreaterThan(0)
	expect(byPart.data.search).toBe(`?part=${thirdPart.id}`)
	const partClauses = await getDb().select({ label: clauses.label }).from(clauses).where(eq(clauses.partId, thirdPart.id))
	expect(byPart.data.rows.every((r) => partClauses.some((c) => c.label === r.clauseLabel))).toBe(true)
	const [ten] = await getDb().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（十）'))
	const byClause = await table(`?clause=${ten.id}`)
	expect(byClause.data.rows.map((r) => r.leads.map((a) => a.name))).toEqual([
		['武汉市公安局', '武汉市中级人民法院', '武汉市人民检察院'],
	])
	const psb = await agencyId('psb')
	const asLead = await table(`?agency=${psb}&role=lead`)
	const asCo = await table(`?agency=${psb}&role=co`)
	const any = await table(`?agency=${psb}`)
	expect(asLead.data.rows.every((r) => r.leads.some((a) => a.name === '武汉市公安局'))).toBe(true)
	expect(asCo.data.rows.every((r) => r.cos.some((a) => a.name === '武汉市公安局'))).toBe(true)
	expect(asLead.data.rows.length + asCo.data.rows.length).toBe(any.data.rows.length)
	expect(asLead.data.search).toBe(`?agency=${psb}&role=lead`)
})

test('a submitted filter form with empty fields is redirected to the short URL', async () => {
	const { outcome } = await table('?part=&clause=&agency=&role=lead')
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe('/tasks')
})

test('filters that match nothing give an empty, filtered table', async () => {
	const [one] = await getDb().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（一）'))
	const edu = await agencyId('edu')
	const { outcome, data } = await table(`?clause=${one.id}&agency=${edu}&role=co`)
	expect(outcome.status).toBe(200)
	expect(data.rows).toEqual([])
	expect(data.filtered).toBe(true)
})

test('the print view has the decision title, the date printed and the filtered rows', async () => {
	const psb = await agencyId('psb')
	const outcome = await runLoader(printLoader, { path: `/tasks/print?agency=${psb}&role=lead`, as: 'daibiao1' })
	expect(outcome.status).toBe(200)
	const data = outcome.data as {
		instrument: { title: string }
		printedOn: string
		filters: string
		rows: Array<{ serial: number; leads: string; status: string }>
	}
	expect(data.instrument.title).toContain('电信网络诈骗')
	expect(data.printedOn).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
	expect(data.filters).toBe('武汉市公安局（牵头）')
	expect(data.rows.length).toBeGreaterThan(0)
	expect(data.rows.every((r) => r.leads.includes('武汉市公安局') && Object.values(statusLabels).includes(r.status as never))).toBe(true)
	expect(data.rows[0].serial).toBe(1)
})
