import { expect, test } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, appMeta, deliberations, reports, users } from '#db/schema'
import { addDays } from '~/domain/dates'
import { settingDefaults } from '~/domain/settings'
import type { TodoItem } from '~/domain/todo'
import { addOpinion, castVote } from './deliberation/mutations.server'
import { deliberationTodos } from '~/models/deliberation/providers.server'
import { loadAgencyOpenItems as listAgencyOpenItems, loadTodo } from '~/models/registry.server'
import { meetingTodos } from '~/models/meetings/providers.server'
import { reportTodos } from '~/models/reports/providers.server'
import type { ProviderUser as TodoUser } from '~/models/providers.server'

const db = () => getDb()
const settings = { ...settingDefaults }

// The demo data is dated relative to the day it was seeded: so are these tests.
async function seededOn(): Promise<string> {
	const [row] = await db().select().from(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	return row.value as string
}

async function user(username: string): Promise<TodoUser> {
	const [row] = await db().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
	return row
}

async function agencyId(key: string) {
	const [row] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

// Hrefs of every report and deliberation an agency prepares or answers.
async function hrefsOf(key: string) {
	const id = await agencyId(key)
	const reportRows = await db().select({ id: reports.id }).from(reports).where(eq(reports.preparingAgencyId, id))
	const deliberationRows = await db().select({ id: deliberations.id }).from(deliberations).where(eq(deliberations.respondingAgencyId, id))
	return new Set([...reportRows.map((r) => `/reports/${r.id}`), ...deliberationRows.map((d) => `/deliberations/${d.id}`)])
}

async function openDeliberationId() {
	const [row] = await db().select({ id: deliberations.id }).from(deliberations).where(eq(deliberations.state, 'open'))
	return row.id
}

const summary = (items: Array<TodoItem>) => items.map((i) => `${i.kind}:${i.action}`).sort()

// Later kinds of record (inspection findings …) add their own providers and items; these tests
// are about the reports, deliberations and meetings.
const ours = new Set(['report', 'deliberation', 'meeting'])
async function load(username: string, today: string) {
	const lists = await loadTodo(db(), await user(username), today, settings)
	return { awaiting: lists.awaiting.filter((i) => ours.has(i.kind)), dueSoon: lists.dueSoon.filter((i) => ours.has(i.kind)) }
}

test("gongan's list holds the police's report to draft and its returned handling report, nothing of the education bureau's", async () => {
	const today = await seededOn()
	const { awaiting, dueSoon } = await load('gongan', today)
	expect(summary(awaiting)).toEqual(['deliberation:resubmit', 'report:draft'])
	const draft = awaiting.find((i) => i.action === 'draft')!
	expect(draft.due).toBe(addDays(today, 4))
	expect(draft.overdueDays).toBe(0)
	const resubmit = awaiting.find((i) => i.action === 'resubmit')!
	expect(resubmit.due).toBe(addDays(today, 5))
	expect(resubmit.detail).toMatch(/请补充后重新报送/)
	// Both are due within the horizon: the 近 14 日到期 box lists them too.
	expect(summary(dueSoon)).toEqual(['deliberation:resubmit', 'report:draft'])
	const mine = await hrefsOf('psb')
	const theirs = await hrefsOf('edu')
	for (const item of [...awaiting, ...dueSoon]) {
		expect(mine.has(item.href)).toBe(true)
		expect(theirs.has(item.href)).toBe(false)
	}
})

test("jiaoyu's handling report is overdue, and the revised report's date is kept in view while the office collects opinions", async () => {
	const today = await seededOn()
	const { awaiting, dueSoon } = await load('jiaoyu', today)
	expect(awaiting.map((i) => [i.action, i.overdueDays])).toEqual([['answer', 30]])
	expect(dueSoon.map((i) => [i.action, i.actionable, i.due])).toEqual([
		['answer', true, addDays(today, -30)],
		['revise', false, addDays(today, 14)],
	])
	const psb = await hrefsOf('psb')
	expect([...awaiting, ...dueSoon].some((i) => psb.has(i.href))).toBe(false)
	// Ten days later the handling report is 40 days overdue and the revision is due in four.
	const later = await load('jiaoyu', addDays(today, 10))
	expect(later.awaiting[0].overdueDays).toBe(40)
	expect(later.dueSoon.find((i) => i.action === 'revise')?.due).toBe(addDays(today, 14))
})

test('a member is asked for an opinion and a vote on the open deliberation, and the vote item disappears once they voted', async () => {
	const today = await seededOn()
	const weiyuan1 = await user('weiyuan1')
	const id = await openDeliberationId()
	const before = await deliberationTodos(db(), weiyuan1, today, settings)
	expect(before.map((i) => [i.action, i.href])).toEqual([
		['opinion', `/deliberations/${id}`],
		['vote', `/deliberations/${id}`],
	])
	await castVote(db(), { ...weiyuan1, address: null }, { deliberationId: id, choice: 'basically_satisfied' })
	expect((await deliberationTodos(db(), weiyuan1, today, settings)).map((i) => i.action)).toEqual(['opinion'])
	await addOpinion(db(), { ...weiyuan1, address: null }, { deliberationId: id, clauseId: null, text: '测试意见' })
	expect(await deliberationTodos(db(), weiyuan1, today, settings)).toEqual([])
	// Another member's items are their own: weiyuan7 has neither voted nor given an opinion.
	const weiyuan7 = await user('weiyuan7')
	expect((await deliberationTodos(db(), weiyuan7, today, settings)).map((i) => i.action)).toEqual(['opinion', 'vote'])
})

test("a member whose opinion was entered from group deliberation is not asked for one again", async () => {
	const today = await seededOn()
	// weiyuan4's opinion on the open deliberation was entered by the secretariat; weiyuan4 voted.
	expect(await deliberationTodos(db(), await user('weiyuan4'), today, settings)).toEqual([])
})

test('the secretariat is asked to collect, distribute, put to deliberation, close the vote, send the letter and check the handling report', async () => {
	const today = await seededOn()
	const { awaiting } = await load('mishu', today)
	expect(summary(awaiting)).toEqual([
		'deliberation:check',
		'deliberation:close',
		'deliberation:send',
		'report:collect',
		'report:distribute',
		'report:open',
	])
	// The report distributed for the meeting ten days ago still waits to be put to deliberation.
	expect(awaiting[0]).toMatchObject({ action: 'open', overdueDays: 10 })
})

test('roles without such work get empty lists, whatever the records', async () => {
	const today = await seededOn()
	for (const username of ['admin', 'daibiao1']) {
		expect(await load(username, today)).toEqual({ awaiting: [], dueSoon: [] })
	}
	const weiyuan1 = await user('weiyuan1')
	expect(await reportTodos(db(), weiyuan1, today, settings)).toEqual([])
	expect(await meetingTodos(db(), await user('mishu'), today, settings)).toEqual([])
	// A liaison account without an agency sees nothing rather than everything.
	expect(await reportTodos(db(), { id: 0, role: 'agency', agencyId: null }, today, settings)).toEqual([])
	expect(await deliberationTodos(db(), { id: 0, role: 'agency', agencyId: null }, today, settings)).toEqual([])
})

test('a member sees the coming meeting once it is within the horizon, unless excused from it', async () => {
	const today = await seededOn()
	const weiyuan1 = await user('weiyuan1')
	expect(await meetingTodos(db(), weiyuan1, today, settings)).toEqual([])
	const nearer = addDays(today, 12)
	const items = await meetingTodos(db(), weiyuan1, nearer, settings)
	expect(items).toHaveLength(1)
	expect(items[0]).toMatchObject({ kind: 'meeting', action: 'attend', actionable: false, due: addDays(today, 24), title: '第十五届人大常委会第二十二次会议' })
	const split = await load('weiyuan1', nearer)
	expect(split.dueSoon.map((i) => i.action)).toContain('attend')
	// weiyuan6 asked for leave from that meeting.
	expect(await meetingTodos(db(), await user('weiyuan6'), nearer, settings)).toEqual([])
})

test("the agency page's open items follow the viewer's reading rights", async () => {
	const today = await seededOn()
	const edu = await agencyId('edu')
	const asMishu = await listAgencyOpenItems(db(), await user('mishu'), edu, today, settings)
	expect(asMishu.filter((i) => i.kind !== 'concern').map((i) => [i.action, i.overdueDays])).toEqual([['answer', 30]])
	expect((await listAgencyOpenItems(db(), await user('gongan'), edu, today, settings)).filter((i) => i.kind !== 'concern')).toEqual([])
	const psb = await agencyId('psb')
	const asGongan = await listAgencyOpenItems(db(), await user('gongan'), psb, today, settings)
	expect(asGongan.filter((i) => i.kind !== 'concern').map((i) => i.action).sort()).toEqual(['draft', 'resubmit'])
	// A member reads no undistributed report: the police's report to draft is not theirs to see.
	const asMember = await listAgencyOpenItems(db(), await user('weiyuan1'), psb, today, settings)
	expect(asMember.filter((i) => i.kind !== 'concern').map((i) => i.action)).toEqual(['resubmit'])
	const unchanged = await db()
		.select({ id: reports.id })
		.from(reports)
		.where(and(eq(reports.preparingAgencyId, psb), inArray(reports.state, ['scheduled'])))
	expect(unchanged).toHaveLength(1)
})
