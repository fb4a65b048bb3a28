import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { sentStates } from '~/domain/deliberation'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { auditEvents, concerns, deliberations, inspections, users } from '#db/schema'
import { parsePeriod } from '~/domain/dashboard'
import { actorFor } from '#test/helpers'
import { today } from '#test/fixtures/findings'
import { loadSettings } from '../settings.server'
import { isRefused } from '../write.server'
import { publish, withdrawPublication } from './mutations.server'
import { listPublishable, listPublished, listPublications } from './queries.server'

const db = () => getDb()

async function refusalOf(promise: Promise<unknown>) {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught,
	)
	if (!isRefused(error)) throw new Error(`expected a refusal, got ${String(error)}`)
	return error.refusal
}

async function aVotedDeliberation() {
	const [row] = await db()
		.select({ id: deliberations.id, title: deliberations.title })
		.from(deliberations)
		.where(and(eq(deliberations.withVote, true), isNotNull(deliberations.tally), inArray(deliberations.state, sentStates)))
		.limit(1)
	if (!row) throw new Error('the demo data has a deliberation with a result and its letter sent')
	return row
}

test('a satisfaction result is published once, by the office only, audited, and withdrawn with a reason', async () => {
	const mishu = await actorFor('mishu')
	const settings = await loadSettings(db())
	const deliberation = await aVotedDeliberation()
	expect((await listPublishable(db(), settings)).results.map((r) => r.id)).toContain(deliberation.id)
	// Members and liaisons do not decide what is public.
	for (const username of ['weiyuan1', 'gongan', 'admin']) {
		const refusal = await refusalOf(publish(db(), await actorFor(username), { kind: 'satisfaction', deliberationId: deliberation.id }, today(), settings))
		expect(refusal.kind).toBe('forbidden')
	}
	const id = await publish(db(), mishu, { kind: 'satisfaction', deliberationId: deliberation.id }, today(), settings)
	const shown = (await listPublished(db())).find((p) => p.id === id)
	expect(shown?.copy).toMatchObject({ kind: 'satisfaction', title: deliberation.title })
	expect(['satisfied', 'basically_satisfied', 'unsatisfied']).toContain(shown?.copy.kind === 'satisfaction' ? shown.copy.result : null)
	expect((await listPublishable(db(), settings)).results.map((r) => r.id)).not.toContain(deliberation.id)
	// Twice is refused: a correction is a withdrawal and a new publication.
	expect(await refusalOf(publish(db(), mishu, { kind: 'satisfaction', deliberationId: deliberation.id }, today(), settings))).toMatchObject({ code: 'publications.alreadyPublic' })
	const [row] = (await listPublications(db())).filter((p) => p.id === id)
	expect(row.publishedBy).toBeTruthy()
	expect(await refusalOf(withdrawPublication(db(), mishu, { id, version: row.version, reason: '   ' }, today()))).toMatchObject({ code: 'publications.reasonRequired' })
	expect((await refusalOf(withdrawPublication(db(), await actorFor('weiyuan1'), { id, version: row.version, reason: '更正' }, today()))).kind).toBe('forbidden')
	await withdrawPublication(db(), mishu, { id, version: row.version, reason: '测评结果录入有误，更正后重新公开' }, today())
	expect((await listPublished(db())).map((p) => p.id)).not.toContain(id)
	expect((await refusalOf(withdrawPublication(db(), mishu, { id, version: row.version, reason: '再次撤回' }, today()))).kind).toBe('stale')
	const audit = await db()
		.select({ action: auditEvents.action, after: auditEvents.after })
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, 'publication'), eq(auditEvents.entityId, String(id))))
	expect(audit.map((a) => a.action).sort()).toEqual(['publication.publish', 'publication.withdraw'])
	// After the withdrawal it may be published again.
	const again = await publish(db(), mishu, { kind: 'satisfaction', deliberationId: deliberation.id }, today(), settings)
	expect((await listPublished(db())).map((p) => p.id)).toContain(again)
})

test('a result before its letter is sent, and an inspection report not yet deliberated, are not ready', async () => {
	const mishu = await actorFor('mishu')
	const settings = await loadSettings(db())
	// The vote closed, the letter not yet sent: the agencies may not read it yet, nor may the public.
	const [closed] = await db().select({ id: deliberations.id, version: deliberations.version }).from(deliberations).where(isNotNull(deliberations.tally)).limit(1)
	await db().update(deliberations).set({ state: 'vote_closed' }).where(eq(deliberations.id, closed.id))
	expect(await refusalOf(publish(db(), mishu, { kind: 'satisfaction', deliberationId: closed.id }, today(), settings))).toMatchObject({ code: 'publications.notReady' })
	expect((await listPublishable(db(), settings)).results.map((r) => r.id)).not.toContain(closed.id)
	const [open] = await db().select({ id: deliberations.id }).from(deliberations).where(sql`${deliberations.tally} is null`).limit(1)
	if (open) expect(await refusalOf(publish(db(), mishu, { kind: 'satisfaction', deliberationId: open.id }, today(), settings))).toMatchObject({ code: 'publications.notReady' })
	const [draft] = await db()
		.select({ id: inspections.id })
		.from(inspections)
		.where(sql`not exists (select 1 from deliberations d where d.subject_type = 'inspection' and d.subject_id = "inspections"."id")`)
		.limit(1)
	expect(draft).toBeTruthy()
	expect(await refusalOf(publish(db(), mishu, { kind: 'inspection_report', inspectionId: draft.id }, today(), settings))).toMatchObject({ code: 'publications.notReady' })
	expect((await listPublishable(db(), settings)).reports.map((r) => r.id)).not.toContain(draft.id)
	expect((await refusalOf(publish(db(), mishu, { kind: 'inspection_report', inspectionId: 2_000_000_000 }, today(), settings))).kind).toBe('notFound')
})

test('a deliberated inspection report is published as it reads, with its four parts', async () => {
	const mishu = await actorFor('mishu')
	const settings = await loadSettings(db())
	const [report] = (await listPublishable(db(), settings)).reports
	expect(report).toBeTruthy()
	const [row] = await db().select().from(inspections).where(eq(inspections.id, report.id))
	const id = await publish(db(), mishu, { kind: 'inspection_report', inspectionId: report.id }, today(), settings)
	const copy = (await listPublished(db())).find((p) => p.id === id)?.copy
	expect(copy).toMatchObject({ kind: 'inspection_report', parts: { evaluation: row.reportEvaluation, problems: row.reportProblems } })
})

test('a ranking notice is a copy of ranks, scores and cards for its period, once per period, without any item or person', async () => {
	const mishu = await actorFor('mishu')
	const settings = await loadSettings(db())
	const period = parsePeriod(new URLSearchParams(), today())
	const id = await publish(db(), mishu, { kind: 'ranking', period }, today(), settings)
	const copy = (await listPublished(db())).find((p) => p.id === id)?.copy
	expect(copy?.kind).toBe('ranking')
	if (copy?.kind !== 'ranking') return
	expect(copy.groups.length).toBe(2)
	expect(copy.groups.flatMap((g) => g.agencies).length).toBeGreaterThan(5)
	expect(copy.groups.flatMap((g) => g.agencies).some((a) => a.card !== null)).toBe(true)
	const text = JSON.stringify(copy)
	for (const concern of await db().select({ title: concerns.title }).from(concerns)) expect(text).not.toContain(concern.title)
	for (const user of await db().select({ name: users.realName }).from(users)) expect(text).not.toContain(user.name)
	expect(await refusalOf(publish(db(), mishu, { kind: 'ranking', period }, today(), settings))).toMatchObject({ code: 'publications.alreadyPublic' })
	// Another period is another notice; a period that does not end today is not today's notice.
	await publish(db(), mishu, { kind: 'ranking', period: { from: today(), to: today() } }, today(), settings)
	expect(await refusalOf(publish(db(), mishu, { kind: 'ranking', period: { from: period.from, to: period.from } }, today(), settings))).toMatchObject({ code: 'publications.notReady' })
})
