import { expect, test } from 'vitest'
import { and, asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, clauses, tasks } from '#db/schema'
import { actorFor } from '#test/helpers'
import { setTaskAgencies, splitTask } from './mutations.server'

const db = () => getDb()

async function clauseTasks(label: string) {
	return db()
		.select({ id: tasks.id, clauseId: tasks.clauseId, text: tasks.text, version: tasks.version })
		.from(tasks)
		.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
		.where(eq(clauses.label, label))
		.orderBy(asc(tasks.ordinal))
}

test('the rules of an edit hold in the transaction, whatever the form sent', async () => {
	const [task] = await clauseTasks('（十）')
	const mishu = await actorFor('mishu')
	const input = { taskId: task.id, clauseId: task.clauseId, version: task.version, first: task.text, second: '另写的一句。' }
	await expect(splitTask(db(), mishu, input)).rejects.toMatchObject({ refusal: { kind: 'rule', code: 'tasks.splitChanged', status: 400 } })
	await expect(setTaskAgencies(db(), mishu, { taskId: task.id, version: task.version, leadIds: [], coIds: [] })).rejects.toMatchObject({
		refusal: { kind: 'rule', code: 'tasks.noLead' },
	})
	await expect(splitTask(db(), await actorFor('weiyuan1'), input)).rejects.toMatchObject({ refusal: { kind: 'forbidden' } })
	expect(await clauseTasks('（十）')).toEqual([task])
	const events = await db().select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, 'task'), eq(auditEvents.entityId, String(task.id))))
	expect(events).toEqual([])
})
