import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { users } from '#db/schema'
import { addDays } from '~/domain/dates'
import { settingDefaults } from '~/domain/settings'
import { clauseIdOf, agencyIdOf, makeFinding, makeInspection, today } from '#test/fixtures/findings'
import { findingHref } from '~/domain/links'
import { findingTimeline, findingTodos, listAgencyOpenFindings } from './providers.server'
import { respondToFinding, verifyFinding } from './mutations.server'
import { listAllFindings } from './queries.server'
import { loadClauseTimeline } from '~/models/registry.server'
import { loadTodo } from '~/models/registry.server'

const db = () => getDb()
const settings = { ...settingDefaults }

async function user(username: string) {
	const [row] = await db().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
	return row
}


test('to-do: the agency rectifies its open and reopened findings by their due dates, overdue first', async () => {
	const inspection = await makeInspection()
	const overdue = await makeFinding(inspection, { dueOn: addDays(today(), -5) })
	const reopened = await makeFinding(inspection, { state: 'reopened', reopenReason: '未附值守记录（测试）' })
	const responded = await makeFinding(inspection, { state: 'responded' })
	const eduFinding = await makeFinding(inspection, { agency: 'edu' })
	const items = await findingTodos(db(), await user('gongan'), today(), settings)
	const hrefs = items.map((i) => i.href)
	expect(hrefs).toEqual(expect.arrayContaining([findingHref(overdue), findingHref(reopened)]))
	expect(hrefs).not.toContain(findingHref(responded))
	expect(hrefs).not.toContain(findingHref(eduFinding))
	expect(items.find((i) => i.href === findingHref(overdue))).toMatchObject({ kind: 'finding', action: 'rectify', overdueDays: 5, actionable: true })
	expect(items.find((i) => i.href === findingHref(reopened))).toMatchObject({ action: 'rectify_again', detail: '未附值守记录（测试）' })
	// Through the home page's list: in "awaiting", the overdue one on top.
	const lists = await loadTodo(db(), await user('gongan'), today(), settings, [findingTodos])
	expect(lists.awaiting[0].href).toBe(findingHref(overdue))
})

test('to-do: the secretariat verifies responses; members and deputies of the group get nothing extra', async () => {
	const inspection = await makeInspection()
	const responded = await makeFinding(inspection, { state: 'responded' })
	await makeFinding(inspection)
	const items = await findingTodos(db(), await user('mishu'), today(), settings)
	expect(items.map((i) => [i.href, i.action])).toContainEqual([findingHref(responded), 'verify'])
	expect(items.every((i) => i.action === 'verify')).toBe(true)
	for (const username of ['weiyuan2', 'daibiao1', 'admin']) expect(await findingTodos(db(), await user(username), today(), settings)).toEqual([])
})

test('timeline: a finding recorded, responded, reopened, responded and accepted appears on its clause, in order', async () => {
	const inspection = await makeInspection()
	const id = await makeFinding(inspection, { clause: '（十二）', severity: 'severe' })
	const gongan = await user('gongan')
	const mishu = await user('mishu')
	await respondToFinding(db(), { ...gongan, address: null }, { findingId: id, version: 1, response: '第一次（测试）', files: [], today: today() })
	await verifyFinding(db(), { ...mishu, address: null }, { findingId: id, version: 2, decision: 'reopen', reason: '不到位（测试）', today: today() })
	await respondToFinding(db(), { ...gongan, address: null }, { findingId: id, version: 3, response: '第二次（测试）', files: [], today: today() })
	await verifyFinding(db(), { ...mishu, address: null }, { findingId: id, version: 4, decision: 'accept', today: today() })
	const events = await loadClauseTimeline(db(), mishu, await clauseIdOf('（十二）'), settings, [findingTimeline])
	const mine = events.filter((e) => e.href === findingHref(id))
	// Newest first; on one day the later step first.
	expect(mine.map((e) => e.kind)).toEqual(['finding.accepted', 'finding.responded', 'finding.reopened', 'finding.responded', 'finding.recorded.severe'])
	expect(mine.find((e) => e.kind === 'finding.reopened')?.detail).toBe('不到位（测试）')
	expect(mine.at(-1)?.params).toMatchObject({ agency: '市公安局' })
})

test('timeline: a finding written without audit steps (demo data) shows its latest round from its own dates', async () => {
	const id = await makeFinding(await makeInspection(), { clause: '（十三）', state: 'reopened' })
	const events = await findingTimeline(db(), await user('mishu'), await clauseIdOf('（十三）'), settings)
	const kinds = events.filter((e) => e.href === findingHref(id)).map((e) => [e.kind, e.at])
	expect(kinds).toEqual([
		['finding.recorded.serious', today()],
		['finding.responded', addDays(today(), -2)],
		['finding.reopened', addDays(today(), -1)],
	])
})

test('timeline and the agency page are scoped: another agency and a deputy outside the group see nothing', async () => {
	const id = await makeFinding(await makeInspection(), { clause: '（十四）' })
	const clauseId = await clauseIdOf('（十四）')
	const hrefs = async (username: string) => (await findingTimeline(db(), await user(username), clauseId, settings)).map((e) => e.href)
	expect(await hrefs('gongan')).toContain(findingHref(id))
	expect(await hrefs('weiyuan1')).toContain(findingHref(id))
	expect(await hrefs('daibiao1')).toContain(findingHref(id))
	expect(await hrefs('jiaoyu')).not.toContain(findingHref(id))
	expect(await hrefs('daibiao2')).not.toContain(findingHref(id))
	const psb = await agencyIdOf('psb')
	const open = async (username: string) => (await listAgencyOpenFindings(db(), await user(username), psb, today())).map((f) => f.id)
	expect(await open('gongan')).toContain(id)
	expect(await open('mishu')).toContain(id)
	expect(await open('jiaoyu')).toEqual([])
	expect(await open('daibiao2')).not.toContain(id)
})

test('the agency page lists open rectifications only, with their days overdue', async () => {
	const inspection = await makeInspection()
	const late = await makeFinding(inspection, { dueOn: addDays(today(), -10) })
	const accepted = await makeFinding(inspection, { state: 'accepted' })
	const rows = await listAgencyOpenFindings(db(), await user('mishu'), await agencyIdOf('psb'), today())
	expect(rows.map((r) => r.id)).not.toContain(accepted)
	expect(rows.find((r) => r.id === late)).toMatchObject({ overdueDays: 10, rectificationState: 'open' })
})

test('two clocks: a response waiting for verification is overdue for the secretariat, never against the agency', async () => {
	const inspection = await makeInspection()
	// Answered 40 days ago, due 10 days ago, still not verified.
	const waiting = await makeFinding(inspection, { state: 'responded', dueOn: addDays(today(), -10), respondedOn: addDays(today(), -40) })
	const gongan = await user('gongan')
	const mishu = await user('mishu')
	// The secretariat's to-do: verify, due 30 days (rectificationVerifyDays) after the response.
	const verify = (await findingTodos(db(), mishu, today(), settings)).find((i) => i.href === findingHref(waiting))
	expect(verify).toMatchObject({ action: 'verify', due: addDays(today(), -10), overdueDays: 10 })
	expect((await findingTodos(db(), mishu, today(), { ...settings, rectificationVerifyDays: 60 })).find((i) => i.href === findingHref(waiting))).toMatchObject({ overdueDays: 0 })
	// Not the agency's: nothing in its to-do, not overdue on its page or in the list's filter.
	expect((await findingTodos(db(), gongan, today(), settings)).map((i) => i.href)).not.toContain(findingHref(waiting))
	const open = await listAgencyOpenFindings(db(), gongan, await agencyIdOf('psb'), today())
	expect(open.find((f) => f.id === waiting)).toMatchObject({ rectificationState: 'responded', overdueDays: 0 })
	const overdue = await listAllFindings(db(), mishu, { inspectionId: inspection, overdue: true }, today())
	expect(overdue.map((f) => f.id)).not.toContain(waiting)
})
