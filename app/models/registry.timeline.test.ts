import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { appMeta, clauses, reports, users } from '#db/schema'
import { addDays } from '~/domain/dates'
import { settingDefaults } from '~/domain/settings'
import { loadClauseTimeline } from '~/models/registry.server'
import type { ProviderUser as TimelineUser } from '~/models/providers.server'

const db = () => getDb()
const settings = { ...settingDefaults }

async function seededOn(): Promise<string> {
	const [row] = await db().select().from(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	return row.value as string
}

async function user(username: string): Promise<TimelineUser> {
	const [row] = await db().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
	return row
}

async function clauseId(label: string) {
	const [row] = await db().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, label))
	return row.id
}

async function reportHref(state: string, titlePart: string) {
	const rows = await db().select({ id: reports.id, title: reports.title, state: reports.state }).from(reports)
	const row = rows.find((r) => r.state === state && r.title.includes(titlePart))
	if (!row) throw new Error(`no ${state} report with ${titlePart}`)
	return `/reports/${row.id}`
}

// The demo data also holds inspection findings on these clauses; these tests are about reports.
function reportEvents<T extends { kind: string }>(events: Array<T>) {
	return events.filter((e) => e.kind.startsWith('report.') || e.kind.startsWith('deliberation.'))
}

test('the clause timeline is one list of events of every report on the clause, newest first', async () => {
	const today = await seededOn()
	const all = await loadClauseTimeline(db(), await user('mishu'), await clauseId('（十五）'), settings)
	const dates = all.map((e) => e.at)
	expect(dates).toEqual([...dates].sort().reverse())
	const events = reportEvents(all)
	const titles = new Set(events.map((e) => e.title))
	// The education bureau's two reports, the justice bureau's and the market regulator's.
	expect(titles.size).toBe(4)
	expect(events[0]).toMatchObject({ kind: 'report.revised_submitted', at: addDays(today, -1), params: { signer: '陈明（示例）（副市长）' } })
	const result = events.find((e) => e.kind.startsWith('deliberation.result.'))
	expect(result).toMatchObject({ kind: 'deliberation.result.unsatisfied', params: { satisfied: 6, basically_satisfied: 12, unsatisfied: 18 } })
	expect(result?.href).toMatch(/^\/deliberations\/\d+$/)
	const letter = events.find((e) => e.kind === 'deliberation.letter_sent')
	expect(letter).toMatchObject({ at: addDays(today, -90), params: { due: addDays(today, -30) } })
})

test('on one day the later step of a report comes first', async () => {
	const events = await loadClauseTimeline(db(), await user('mishu'), await clauseId('（七）'), settings)
	const heard = events.findIndex((e) => e.kind === 'report.heard')
	const result = events.findIndex((e) => e.kind === 'deliberation.result.satisfied')
	expect(heard).toBeGreaterThan(result)
	expect(events.at(-1)?.kind).toBe('report.scheduled')
})

test('a member sees no event of a report not yet distributed to them', async () => {
	const events = await loadClauseTimeline(db(), await user('weiyuan1'), await clauseId('（十五）'), settings)
	const hrefs = new Set(events.map((e) => e.href))
	expect(hrefs.has(await reportHref('draft_submitted', '整改'))).toBe(false)
	expect(hrefs.has(await reportHref('revised_submitted', '市场主体'))).toBe(false)
	expect(hrefs.has(await reportHref('deliberation', '社区矫正'))).toBe(true)
	expect(events.some((e) => e.kind === 'deliberation.result.unsatisfied')).toBe(true)
})

test("an agency sees its own reports' events only, and a deliberation's result once the letter is sent", async () => {
	const clause = await clauseId('（十五）')
	const jiaoyu = reportEvents(await loadClauseTimeline(db(), await user('jiaoyu'), clause, settings))
	expect(new Set(jiaoyu.map((e) => e.title)).size).toBe(2)
	expect(jiaoyu.every((e) => e.title.includes('学校'))).toBe(true)
	expect(jiaoyu.some((e) => e.kind === 'deliberation.result.unsatisfied')).toBe(true)
	expect(reportEvents(await loadClauseTimeline(db(), await user('gongan'), clause, settings))).toEqual([])
	// The supervisory commission's vote is closed but its letter not sent: a deputy reads the
	// report (it is in deliberation) but not yet the deliberation's result.
	const supervision = await loadClauseTimeline(db(), await user('daibiao1'), await clauseId('（六）'), settings)
	expect(supervision[0].kind).toBe('report.heard')
	expect(supervision.some((e) => e.kind.startsWith('deliberation.'))).toBe(false)
	const asMember = await loadClauseTimeline(db(), await user('weiyuan1'), await clauseId('（六）'), settings)
	expect(asMember[0].kind).toBe('deliberation.result.basically_satisfied')
})

test('a clause no report touches has an empty timeline', async () => {
	expect((await loadClauseTimeline(db(), await user('mishu'), await clauseId('（二十）'), settings)).filter((e) => !e.kind.startsWith('concern.'))).toEqual([])
})
