import { and, asc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, instruments, parts, taskAgencies, tasks } from '#db/schema'
import type { TaskRole } from '~/domain/tasks'
import type { TaskTableQuery } from '~/domain/tasks'
import { listAgencyOptions } from '../agencies/queries.server'
import { primaryInstrumentId } from '../instruments.server'

export type TaskAgency = { id: number; name: string; shortName: string; role: TaskRole }

export type TaskRow = {
	id: number
	clauseId: number
	clauseLabel: string
	clauseOrdinal: number
	partLabel: string | null
	partTitle: string | null
	ordinal: number
	text: string
	subject: string
	deadline: string | null
	version: number
	leads: Array<TaskAgency>
	cos: Array<TaskAgency>
}

export type TaskFilters = {
	instrumentId: number
	partId?: number
	clauseId?: number
	agencyId?: number
	// With an agency: only tasks it leads, or only those it assists.
	role?: TaskRole
	taskIds?: Array<number>
}

// The 责任分解表's rows in the decision's order, with their agencies: two queries (tasks, then
// their agencies) whatever the number of rows, never one per task.
export async function listTasks(db: Database, filters: TaskFilters): Promise<Array<TaskRow>> {
	const conditions: Array<SQL | undefined> = [eq(clauses.instrumentId, filters.instrumentId)]
	if (filters.partId) conditions.push(eq(clauses.partId, filters.partId))
	if (filters.clauseId) conditions.push(eq(tasks.clauseId, filters.clauseId))
	if (filters.taskIds) conditions.push(inArray(tasks.id, filters.taskIds.length ? filters.taskIds : [-1]))
	if (filters.agencyId) {
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(taskAgencies)
					.where(
						and(
							eq(taskAgencies.taskId, tasks.id),
							eq(taskAgencies.agencyId, filters.agencyId),
							filters.role ? eq(taskAgencies.role, filters.role) : undefined,
						),
					),
			),
		)
	}
	const rows = await db
		.select({
			id: tasks.id,
			clauseId: tasks.clauseId,
			clauseLabel: clauses.label,
			clauseOrdinal: clauses.ordinal,
			partLabel: parts.label,
			partTitle: parts.title,
			ordinal: tasks.ordinal,
			text: tasks.text,
			subject: tasks.subject,
			deadline: tasks.deadline,
			version: tasks.version,
		})
		.from(tasks)
		.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
		.leftJoin(parts, eq(parts.id, clauses.partId))
		.where(and(...conditions))
		.orderBy(asc(clauses.ordinal), asc(tasks.ordinal))
	const agencyRows = await taskAgencyRows(
		db,
		rows.map((r) => r.id),
	)
	return rows.map((row) => {
		const own = agencyRows.filter((a) => a.taskId === row.id)
		return {
			...row,
			leads: own.filter((a) => a.role === 'lead').map(stripTaskId),
			cos: own.filter((a) => a.role === 'co').map(stripTaskId),
		}
	})
}

function stripTaskId({ taskId: _taskId, ...agency }: TaskAgency & { taskId: number }): TaskAgency {
	return agency
}

async function taskAgencyRows(db: Database, taskIds: Array<number>) {
	if (taskIds.length === 0) return []
	return db
		.select({
			taskId: taskAgencies.taskId,
			id: agencies.id,
			name: agencies.name,
			shortName: agencies.shortName,
			role: taskAgencies.role,
		})
		.from(taskAgencies)
		.innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
		.where(inArray(taskAgencies.taskId, taskIds))
		.orderBy(asc(agencies.displayOrder))
}

export async function getTask(db: Database, taskId: number) {
	const [row] = await db
		.select({ instrumentId: clauses.instrumentId })
		.from(tasks)
		.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
		.where(eq(tasks.id, taskId))
	if (!row) return null
	const [task] = await listTasks(db, { instrumentId: row.instrumentId, taskIds: [taskId] })
	return task ?? null
}

// The 责任分解表 as its page, print view and CSV show it: the instrument asked for (else the
// decision under supervision) and its tasks under the filters. Null when there is no such
// instrument.
export async function loadTaskTable(db: Database, query: TaskTableQuery) {
	const instrumentId = query.instrumentId ?? (await primaryInstrumentId(db))
	if (!instrumentId) return null
	const [instrument] = await db
		.select({ id: instruments.id, title: instruments.title, documentNumber: instruments.documentNumber })
		.from(instruments)
		.where(eq(instruments.id, instrumentId))
	if (!instrument) return null
	const rows = await listTasks(db, {
		instrumentId,
		partId: query.partId,
		clauseId: query.clauseId,
		agencyId: query.agencyId,
		role: query.agencyId ? query.role : undefined,
	})
	return { instrument, rows }
}

// What the table's filters offer: the instrument's parts and clauses in order, agencies in
// official order, and the instruments to choose from when there are several.
export async function taskTableOptions(db: Database, instrumentId: number) {
	const [instrumentRows, partRows, clauseRows, agencyRows] = await Promise.all([
		db.select({ id: instruments.id, title: instruments.title }).from(instruments).orderBy(asc(instruments.id)),
		db
			.select({ id: parts.id, label: parts.label, title: parts.title })
			.from(parts)
			.where(eq(parts.instrumentId, instrumentId))
			.orderBy(asc(parts.ordinal)),
		db
			.select({ id: clauses.id, label: clauses.label, partId: clauses.partId })
			.from(clauses)
			.where(eq(clauses.instrumentId, instrumentId))
			.orderBy(asc(clauses.ordinal)),
		listAgencyOptions(db),
	])
	return { instruments: instrumentRows, parts: partRows, clauses: clauseRows, agencies: agencyRows }
}
