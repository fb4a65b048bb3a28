import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { appMeta, clauses, users } from '#db/schema'
import { settingDefaults } from '~/domain/settings'
import { loadAgencyOpenItems, loadClauseTimeline, loadTodo } from '~/models/registry.server'
import { agencyIdOf } from '#test/fixtures/inquiries'
import { inquiryTodos } from '../inquiries/providers.server'
import { commitmentTodos } from './providers.server'

const db = () => getDb()
const settings = { ...settingDefaults }

async function seededOn(): Promise<string> {
	const [row] = await db().select().from(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	return row.value as string
}

async function user(username: string) {
	const [row] = await db().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
	return row
}

async function clauseId(label: string) {
	const [row] = await db().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, label))
	return row.id
}

test("the local finance bureau's page shows the commitments it owes, the overdue one first, to whoever may read them", async () => {
	const today = await seededOn()
	const localFinance = await agencyIdOf('local-finance')
	const items = (await loadAgencyOpenItems(db(), await user('mishu'), localFinance, today, settings)).filter((i) => i.kind === 'commitment')
	expect(items.map((i) => i.action)).toEqual(['commitment_report', 'commitment_report_again', 'commitment_report'])
	expect(items[0].overdueDays).toBe(60)
	expect(items[1].detail).toMatch(/仅有草案/)
	// Another agency's liaison sees none of them; a deputy those of the published record only.
	expect((await loadAgencyOpenItems(db(), await user('gongan'), localFinance, today, settings)).filter((i) => i.kind === 'commitment')).toEqual([])
	const deputy = (await loadAgencyOpenItems(db(), await user('daibiao1'), localFinance, today, settings)).filter((i) => i.kind === 'commitment')
	expect(deputy).toHaveLength(2)
})

test('the secretariat is asked to verify the reports on commitments and to publish a held record; the police owe nothing open', async () => {
	const today = await seededOn()
	const mishu = await commitmentTodos(db(), await user('mishu'), today, settings)
	expect(mishu.map((i) => i.action)).toEqual(['commitment_verify'])
	expect(mishu[0]).toMatchObject({ actionable: true, due: null, detail: '市公安局' })
	const publish = await inquiryTodos(db(), await user('mishu'), today, settings)
	expect(publish.map((i) => i.action)).toEqual(['publish_record'])
	expect(await commitmentTodos(db(), await user('gongan'), today, settings)).toEqual([])
	for (const username of ['weiyuan1', 'daibiao1', 'admin']) {
		expect(await commitmentTodos(db(), await user(username), today, settings)).toEqual([])
		expect(await inquiryTodos(db(), await user(username), today, settings)).toEqual([])
	}
	const home = await loadTodo(db(), await user('mishu'), today, settings)
	expect(home.awaiting.some((i) => i.kind === 'commitment')).toBe(true)
})

test('the clause timeline shows the sessions on the clause and their commitments, as far as the reader may read them', async () => {
	const clause = await clauseId('（十一）')
	const mishu = await loadClauseTimeline(db(), await user('mishu'), clause, settings)
	const kinds = new Set(mishu.map((e) => e.kind))
	for (const kind of ['inquiry.scheduled.special', 'inquiry.held.special', 'inquiry.published', 'inquiry.held.inquiry', 'commitment.made', 'commitment.responded', 'commitment.accepted', 'commitment.reopened']) {
		expect(kinds, kind).toContain(kind)
	}
	// The police's liaison: the sessions the police answer in, and only the police's commitments.
	const gongan = await loadClauseTimeline(db(), await user('gongan'), clause, settings)
	const commitmentsSeen = gongan.filter((e) => e.kind.startsWith('commitment.'))
	expect(commitmentsSeen.length).toBeGreaterThan(0)
	expect(commitmentsSeen.every((e) => e.params?.agency === '市公安局')).toBe(true)
	// A deputy: the published 专题询问, not the 询问 whose record is not published.
	const deputy = await loadClauseTimeline(db(), await user('daibiao1'), clause, settings)
	expect(deputy.some((e) => e.kind === 'inquiry.published')).toBe(true)
	expect(deputy.some((e) => e.kind === 'inquiry.held.inquiry')).toBe(false)
})
