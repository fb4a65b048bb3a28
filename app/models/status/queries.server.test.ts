import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import {
	commitments,
	concernAgencies,
	concernClauses,
	concernReplies,
	concerns,
	deliberations,
	findings,
	inquiryClauses,
	inquiryRespondents,
	inspectionClauses,
	reportClauses,
	reportTaskProgress,
	reports,
	resolutionActions,
	resolutionClauses,
	resolutions,
	taskAgencies,
	taskAssessments,
	tasks,
} from '#db/schema'
import { addDays } from '~/domain/dates'
import { agencyItemStates, type AgencyItemState } from '~/domain/agency-items'
import { assessedStatuses, deriveTaskStatus, type DatedAssessment, type StatusEvidence } from '~/domain/status'
import { agencyIdOf, makeFinding, makeInspection, today } from '#test/fixtures/findings'
import { loadTaskLinkedItems, loadTaskStatuses } from './queries.server'

const db = () => getDb()

// A small deterministic generator, so that a failure can be replayed with its seed.
function random(seed: number) {
	let state = seed >>> 0
	return () => {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
		return state / 2 ** 32
	}
}

type Item = { kind: string; id: number; agencyId: number; clauseIds: Array<number | null>; taskId: number | null; dueOn: string; owes: boolean; caps: boolean }

// The plain reference: every source table read as rows, the link and the counts done in
// JavaScript, item by item, as the rule is written in words.
async function reference(on: string) {
	const taskRows = await db().select().from(tasks)
	const assignments = await db().select().from(taskAgencies)
	const owes = (state: AgencyItemState) => state === 'open' || state === 'reopened'
	const items: Array<Item> = []
	for (const f of await db().select().from(findings)) {
		items.push({ kind: 'finding', id: f.id, agencyId: f.agencyId, clauseIds: [f.clauseId], taskId: f.taskId, dueOn: f.rectificationDueOn, owes: owes(f.rectificationState), caps: f.rectificationState !== 'accepted' })
	}
	const inquiryClauseRows = await db().select().from(inquiryClauses)
	const clausesOfInquiry = (id: number) => {
		const found = inquiryClauseRows.filter((r) => r.inquiryId === id).map((r) => r.clauseId)
		return found.length ? found : [null]
	}
	for (const c of await db().select().from(commitments)) {
		items.push({ kind: 'commitment', id: c.id, agencyId: c.agencyId, clauseIds: clausesOfInquiry(c.inquiryId), taskId: null, dueOn: c.dueOn, owes: owes(c.state), caps: c.state !== 'accepted' })
	}
	const resolutionClauseRows = await db().select().from(resolutionClauses)
	for (const a of await db().select().from(resolutionActions)) {
		const found = resolutionClauseRows.filter((r) => r.resolutionId === a.resolutionId).map((r) => r.clauseId)
		items.push({ kind: 'resolution_action', id: a.id, agencyId: a.agencyId, clauseIds: found.length ? found : [null], taskId: null, dueOn: a.dueOn, owes: owes(a.state), caps: false })
	}
	const reportClauseRows = await db().select().from(reportClauses)
	const inspectionClauseRows = await db().select().from(inspectionClauses)
	const respondents = await db().select().from(inquiryRespondents)
	for (const d of await db().select().from(deliberations)) {
		if (!d.letterSentOn || !d.handlingDueOn) continue
		const clauseIds =
			d.subjectType === 'report'
				? reportClauseRows.filter((r) => r.reportId === d.subjectId).map((r) => r.clauseId)
				: d.subjectType === 'inspection'
					? inspectionClauseRows.filter((r) => r.inspectionId === d.subjectId).map((r) => r.clauseId)
					: respondents.filter((r) => r.id === d.subjectId).flatMap((r) => clausesOfInquiry(r.inquiryId).filter((id) => id !== null))
		items.push({ kind: 'handling_report', id: d.id, agencyId: d.respondingAgencyId, clauseIds: clauseIds.length ? clauseIds : [null], taskId: null, dueOn: d.handlingDueOn, owes: d.state === 'letter_sent', caps: false })
	}
	// A deputy's concern counts for its lead agency on the clauses the deputy named: the answer
	// owed from the hand-over, and a class-B answer's promise in the current round.
	const concernClauseRows = await db().select().from(concernClauses)
	const clausesOfConcern = (id: number) => {
		const found = concernClauseRows.filter((r) => r.concernId === id).map((r) => r.clauseId)
		return found.length ? found : [null]
	}
	const leads = (await db().select().from(concernAgencies)).filter((a) => a.role === 'lead')
	const concernRows = await db().select().from(concerns)
	for (const c of concernRows) {
		const lead = leads.find((a) => a.concernId === c.id)
		if (!lead || !c.assignedOn || !c.replyDueOn || !['assigned', 'rehandling', 'replied', 'closed'].includes(c.state)) continue
		items.push({ kind: 'concern_reply', id: c.id, agencyId: lead.agencyId, clauseIds: clausesOfConcern(c.id), taskId: null, dueOn: c.replyDueOn, owes: c.state === 'assigned' || c.state === 'rehandling', caps: false })
	}
	for (const r of await db().select().from(concernReplies)) {
		const c = concernRows.find((row) => row.id === r.concernId)
		if (!c || r.round !== c.round || r.resultClass !== 'B' || !r.promisedOn || !['replied', 'closed'].includes(c.state)) continue
		items.push({ kind: 'concern_promise', id: r.id, agencyId: r.agencyId, clauseIds: clausesOfConcern(c.id), taskId: null, dueOn: r.promisedOn, owes: r.fulfilledOn === null, caps: false })
	}
	const assessments = await db().select().from(taskAssessments)
	const progress = await db().select({ taskId: reportTaskProgress.taskId, self: reportTaskProgress.selfAssessment, state: reports.state, revised: reports.revisedSubmittedOn, draft: reports.draftSubmittedOn, reportId: reports.id }).from(reportTaskProgress).innerJoin(reports, eq(reports.id, reportTaskProgress.reportId))
	const reported = progress.filter((p) => ['revised_submitted', 'distributed', 'deliberation'].includes(p.state))
	const result = new Map<number, StatusEvidence>()
	for (const task of taskRows) {
		const agencyIds = new Set(assignments.filter((a) => a.taskId === task.id).map((a) => a.agencyId))
		const linked = items.filter((item) => (item.taskId !== null ? item.taskId === task.id : item.clauseIds.includes(task.clauseId) && agencyIds.has(item.agencyId)))
		const own = assessments.filter((a) => a.taskId === task.id).sort((a, b) => b.assessedOn.localeCompare(a.assessedOn) || b.id - a.id)[0]
		const ownReports = reported.filter((p) => p.taskId === task.id)
		const latestReport = ownReports
			.filter((p) => p.self !== null && (p.revised ?? p.draft))
			.sort((a, b) => (b.revised ?? b.draft ?? '').localeCompare(a.revised ?? a.draft ?? '') || b.reportId - a.reportId)[0]
		result.set(task.id, {
			deadline: task.deadline,
			secretariat: own ? ({ status: own.status, on: own.assessedOn } as DatedAssessment) : null,
			report: latestReport && latestReport.self ? { status: latestReport.self, on: (latestReport.revised ?? latestReport.draft) as string } : null,
			overdueItems: linked.filter((item) => item.owes && item.dueOn < on).length,
			openCaps: linked.filter((item) => item.caps).length,
			evidenceItems: linked.length + ownReports.length,
		})
	}
	return result
}

test('the evidence gathered in SQL agrees with a plain computation over random data', async () => {
	const seed = Number(process.env.STATUS_SEED ?? 20_261_205)
	const next = random(seed)
	const pick = <T>(list: ReadonlyArray<T>): T => list[Math.floor(next() * list.length)]
	const on = today()
	const day = () => addDays(on, Math.floor(next() * 120) - 60)
	const taskRows = await db().select({ id: tasks.id, clauseId: tasks.clauseId }).from(tasks)
	const assignments = await db().select().from(taskAgencies)
	const agencyKeys = ['psb', 'city_gov', 'procuratorate']
	const inspectionId = await makeInspection()
	// Findings on tasks' clauses, by a task agency or not, some recorded against a task.
	for (let i = 0; i < 40; i++) {
		const task = pick(taskRows)
		const mine = assignments.filter((a) => a.taskId === task.id)
		const agencyId = mine.length && next() < 0.7 ? pick(mine).agencyId : await agencyIdOf(pick(agencyKeys)).catch(() => pick(assignments).agencyId)
		const id = await makeFinding(inspectionId, { state: pick(agencyItemStates), dueOn: day() })
		await db()
			.update(findings)
			.set({ clauseId: task.clauseId, agencyId, taskId: next() < 0.3 ? pick(taskRows).id : null })
			.where(eq(findings.id, id))
	}
	for (const row of await db().select({ id: commitments.id }).from(commitments)) {
		await db().update(commitments).set({ state: pick(agencyItemStates), dueOn: day() }).where(eq(commitments.id, row.id))
	}
	for (const row of await db().select({ id: resolutionActions.id }).from(resolutionActions)) {
		await db().update(resolutionActions).set({ state: pick(agencyItemStates), dueOn: day() }).where(eq(resolutionActions.id, row.id))
	}
	for (const row of await db().select({ id: resolutions.id }).from(resolutions)) {
		if (next() < 0.5) await db().insert(resolutionClauses).values({ resolutionId: row.id, clauseId: pick(taskRows).clauseId }).onConflictDoNothing()
	}
	for (let i = 0; i < 60; i++) {
		const task = pick(taskRows)
		await db().insert(taskAssessments).values({ taskId: task.id, status: pick(assessedStatuses), reason: '随机评估（测试）', assessedOn: day() })
	}
	for (const task of taskRows) {
		if (next() < 0.2) await db().update(tasks).set({ deadline: day() }).where(eq(tasks.id, task.id))
	}

	const expected = await reference(on)
	const actual = await loadTaskStatuses(db(), on)
	expect(actual.size).toBe(expected.size)
	for (const [taskId, evidence] of expected) {
		expect({ taskId, ...actual.get(taskId)?.evidence }).toEqual({ taskId, ...evidence })
		expect(actual.get(taskId)?.derived).toEqual(deriveTaskStatus(evidence, on))
	}
	// The "why" panel lists exactly the items the counts are made of.
	for (const taskId of [...expected.keys()].slice(0, 15)) {
		const listed = await loadTaskLinkedItems(db(), taskId, on)
		const evidence = expected.get(taskId)
		expect(listed.filter((item) => item.overdue).length).toBe(evidence?.overdueItems)
		expect(listed.filter((item) => item.caps).length).toBe(evidence?.openCaps)
	}
	// Something of every kind of outcome was exercised.
	const seen = new Set([...actual.values()].map((s) => s.derived.status))
	expect(seen.size).toBeGreaterThanOrEqual(3)
}, 120_000)

test('a subset of tasks is computed alone, and an empty one is empty', async () => {
	const [first] = await db().select({ id: tasks.id }).from(tasks).limit(1)
	expect([...(await loadTaskStatuses(db(), today(), [first.id])).keys()]).toEqual([first.id])
	expect((await loadTaskStatuses(db(), today(), [])).size).toBe(0)
})
