import { eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { clauses, tasks } from '#db/schema'
import { listTasks } from '~/models/tasks/queries.server'

// The task and the other tasks of its clause (the candidates for a merge), with agencies.
export async function loadTaskForEdit(db: Database, taskId: number) {
	const [row] = await db
		.select({ instrumentId: clauses.instrumentId, clauseId: tasks.clauseId })
		.from(tasks)
		.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
		.where(eq(tasks.id, taskId))
	if (!row) return null
	const clauseTasks = await listTasks(db, { instrumentId: row.instrumentId, clauseId: row.clauseId })
	const task = clauseTasks.find((t) => t.id === taskId)
	if (!task) return null
	return { task, siblings: clauseTasks.filter((t) => t.id !== taskId) }
}
