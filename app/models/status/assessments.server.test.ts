import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { auditEvents, taskAgencies, tasks } from '#db/schema'
import { addDays } from '~/domain/dates'
import { actorFor } from '#test/helpers'
import { makeFinding, makeInspection, today } from '#test/fixtures/findings'
import { isRefused } from '../write.server'
import { assessTask, listTaskAssessments } from './assessments.server'
import { loadTaskStatuses } from './queries.server'

const db = () => getDb()

async function aTaskLedByPsb() {
	const [row] = await db()
		.select({ id: tasks.id, version: tasks.version, clauseId: tasks.clauseId })
		.from(tasks)
		.innerJoin(taskAgencies, eq(taskAgencies.taskId, tasks.id))
		.where(and(eq(taskAgencies.role, 'lead')))
		.limit(1)
	return row
}

test('an assessment is dated, audited, kept in history and decides the status; an open finding caps it', async () => {
	const mishu = await actorFor('mishu')
	const task = await aTaskLedByPsb()
	const audited = async () =>
		(await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'task.assess'), eq(auditEvents.entityId, String(task.id))))).length
	const before = await audited()
	await assessTask(db(), mishu, { taskId: task.id, version: task.version, status: 'done', reason: '经核实已建立机制（测试）', assessedOn: today() })
	const status = (await loadTaskStatuses(db(), today(), [task.id])).get(task.id)
	expect(status?.derived).toMatchObject({ step: 'secretariat' })
	expect((await listTaskAssessments(db(), task.id))[0]).toMatchObject({ status: 'done', reason: '经核实已建立机制（测试）' })
	expect(await audited()).toBe(before + 1)
	// The same page submitted twice: the second is stale.
	const again = await assessTask(db(), mishu, { taskId: task.id, version: task.version, status: 'in_progress', reason: '重复提交（测试）', assessedOn: today() }).catch((error: unknown) => error)
	expect(isRefused(again) && again.refusal.kind).toBe('stale')
})

test('only the secretariat assesses', async () => {
	const task = await aTaskLedByPsb()
	for (const who of ['weiyuan1', 'gongan', 'admin']) {
		const outcome = await assessTask(db(), await actorFor(who), { taskId: task.id, version: task.version, status: 'done', reason: '越权（测试）', assessedOn: today() }).catch((error: unknown) => error)
		expect(isRefused(outcome) && outcome.refusal.kind).toBe('forbidden')
	}
})

test('an overdue rectification on the task makes it lag, and a finding recorded against it caps 已落实', async () => {
	const mishu = await actorFor('mishu')
	const [task] = await db().select({ id: tasks.id, version: tasks.version }).from(tasks).orderBy(tasks.id).limit(1)
	await assessTask(db(), mishu, { taskId: task.id, version: task.version, status: 'done', reason: '（测试）', assessedOn: today() })
	const inspection = await makeInspection()
	const finding = await makeFinding(inspection, { dueOn: addDays(today(), 10) })
	await db().execute(`update findings set task_id = ${task.id} where id = ${finding}`)
	expect((await loadTaskStatuses(db(), today(), [task.id])).get(task.id)?.derived).toMatchObject({ status: 'largely_done', capped: true })
	await db().execute(`update findings set rectification_due_on = '${addDays(today(), -1)}' where id = ${finding}`)
	expect((await loadTaskStatuses(db(), today(), [task.id])).get(task.id)?.derived).toMatchObject({ status: 'lagging', step: 'overdue' })
})
