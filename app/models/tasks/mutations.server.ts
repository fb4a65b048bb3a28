import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, taskAgencies, tasks } from '#db/schema'
import {
	insertAfter,
	mergeTasks,
	orderAfterMerge,
	renumber,
	type AgencyAssignment,
} from '~/domain/tasks'
import { bumpVersion, staleRecord, updateVersioned, write, type Actor } from '../write.server'

// The secretariat's edits of a task. Each is one audited transaction; each checks the version
// of every task it changes, so an edit based on an outdated page is refused, never merged in.

// Structural edits (split, merge) of one clause run one at a time: each renumbers the clause's
// tasks, and two at once would give two tasks the same ordinal.
async function lockClause(tx: Database, clauseId: number) {
	await tx.select({ id: clauses.id }).from(clauses).where(eq(clauses.id, clauseId)).for('update')
}

async function lockTask(tx: Database, taskId: number, version: number) {
	const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for('update')
	if (!task || task.version !== version) throw staleRecord()
	return task
}

async function assignmentsOf(tx: Database, taskId: number) {
	return tx
		.select({ agencyId: taskAgencies.agencyId, role: taskAgencies.role, name: agencies.name })
		.from(taskAgencies)
		.innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
		.where(eq(taskAgencies.taskId, taskId))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}

// For the audit log: who leads and who assists, by id and by name.
function describeAssignments(rows: Array<{ agencyId: number; role: 'lead' | 'co'; name: string }>) {
	const pick = (role: 'lead' | 'co') => rows.filter((r) => r.role === role).map((r) => ({ id: r.agencyId, name: r.name }))
	return { leads: pick('lead'), cos: pick('co') }
}

async function replaceAssignments(tx: Database, taskId: number, assignments: ReadonlyArray<AgencyAssignment>) {
	await tx.delete(taskAgencies).where(eq(taskAgencies.taskId, taskId))
	if (assignments.length) {
		await tx.insert(taskAgencies).values(assignments.map((a) => ({ taskId, agencyId: a.agencyId, role: a.role })))
	}
}

async function clauseOrder(tx: Database, clauseId: number) {
	return tx
		.select({ id: tasks.id, ordinal: tasks.ordinal })
		.from(tasks)
		.where(eq(tasks.clauseId, clauseId))
		.orderBy(asc(tasks.ordinal), asc(tasks.id))
}

// Ordinals are the clause's order, not content: moving a task does not bump its version.
async function renumberClause(tx: Database, clauseId: number, orderedIds: Array<number>) {
	for (const change of renumber(await clauseOrder(tx, clauseId), orderedIds)) {
		await tx.update(tasks).set({ ordinal: change.ordinal }).where(eq(tasks.id, change.id))
	}
}

export async function updateTask(
	db: Database,
	actor: Actor,
	input: { taskId: number; version: number; text: string; deadline: string | null },
) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockTask(tx, input.taskId, input.version)
		await updateVersioned(tx, tasks, input.taskId, input.version, { text: input.text, deadline: input.deadline })
		await audit({
			action: 'task.update',
			entityType: 'task',
			entityId: input.taskId,
			before: { text: before.text, deadline: before.deadline },
			after: { text: input.text, deadline: input.deadline },
		})
	})
}

export async function setTaskAgencies(
	db: Database,
	actor: Actor,
	input: { taskId: number; version: number; assignments: ReadonlyArray<AgencyAssignment> },
) {
	await write(db, actor, async (tx, audit) => {
		await lockTask(tx, input.taskId, input.version)
		const before = await assignmentsOf(tx, input.taskId)
		await bumpVersion(tx, tasks, input.taskId, input.version)
		await replaceAssignments(tx, input.taskId, input.assignments)
		await audit({
			action: 'task.agencies',
			entityType: 'task',
			entityId: input.taskId,
			before: describeAssignments(before),
			after: describeAssignments(await assignmentsOf(tx, input.taskId)),
		})
	})
}

// The first part stays in the task; the second becomes a new task right after it, with the
// same subject, agencies and deadline. Returns the new task's id.
export async function splitTask(
	db: Database,
	actor: Actor,
	input: { taskId: number; clauseId: number; version: number; first: string; second: string },
) {
	return write(db, actor, async (tx, audit) => {
		await lockClause(tx, input.clauseId)
		const task = await lockTask(tx, input.taskId, input.version)
		if (task.clauseId !== input.clauseId) throw staleRecord()
		await updateVersioned(tx, tasks, task.id, input.version, { text: input.first })
		const [created] = await tx
			.insert(tasks)
			.values({
				clauseId: task.clauseId,
				ordinal: task.ordinal + 1,
				text: input.second,
				subject: task.subject,
				coSubjects: task.coSubjects,
				deadline: task.deadline,
			})
			.returning({ id: tasks.id })
		const assigned = await assignmentsOf(tx, task.id)
		await replaceAssignments(tx, created.id, assigned)
		const ids = (await clauseOrder(tx, task.clauseId)).map((t) => t.id).filter((id) => id !== created.id)
		await renumberClause(tx, task.clauseId, insertAfter(ids, task.id, created.id))
		await audit({
			action: 'task.split',
			entityType: 'task',
			entityId: task.id,
			before: { text: task.text },
			after: { text: input.first, newTaskId: created.id },
		})
		await audit({
			action: 'task.split',
			entityType: 'task',
			entityId: created.id,
			before: null,
			after: {
				splitFrom: task.id,
				clauseId: task.clauseId,
				text: input.second,
				deadline: task.deadline,
				...describeAssignments(assigned),
			},
		})
		return created.id
	})
}

// The kept task takes the joined text, the union of agencies (lead wins) and the earlier
// deadline, and the place of whichever came first; the other task is deleted (its agencies
// cascade) and the clause's ordinals close up.
export async function mergeTask(
	db: Database,
	actor: Actor,
	input: { taskId: number; version: number; otherId: number; otherVersion: number; clauseId: number },
) {
	await write(db, actor, async (tx, audit) => {
		await lockClause(tx, input.clauseId)
		// Lock in id order, so that two merges of the same pair cannot wait for each other.
		const pair = [
			{ id: input.taskId, version: input.version },
			{ id: input.otherId, version: input.otherVersion },
		].sort((a, b) => a.id - b.id)
		const locked = new Map<number, typeof tasks.$inferSelect>()
		for (const { id, version } of pair) locked.set(id, await lockTask(tx, id, version))
		const kept = locked.get(input.taskId)
		const other = locked.get(input.otherId)
		if (!kept || !other || kept.id === other.id || kept.clauseId !== input.clauseId || other.clauseId !== input.clauseId) {
			throw new Error('Only two different tasks of one clause can be merged.')
		}
		const keptAgencies = await assignmentsOf(tx, kept.id)
		const otherAgencies = await assignmentsOf(tx, other.id)
		const order = orderAfterMerge(
			(await clauseOrder(tx, input.clauseId)).map((t) => t.id),
			kept.id,
			other.id,
		)
		const merged = mergeTasks({ ...kept, agencies: keptAgencies }, { ...other, agencies: otherAgencies })
		await updateVersioned(tx, tasks, kept.id, input.version, { text: merged.text, deadline: merged.deadline })
		const removed = await tx
			.delete(tasks)
			.where(and(eq(tasks.id, other.id), eq(tasks.version, input.otherVersion)))
			.returning({ id: tasks.id })
		if (removed.length !== 1) throw staleRecord()
		await replaceAssignments(tx, kept.id, merged.agencies)
		await renumberClause(tx, input.clauseId, order)
		const after = await assignmentsOf(tx, kept.id)
		const snapshot = (task: typeof kept, rows: typeof keptAgencies) => ({
			id: task.id,
			ordinal: task.ordinal,
			text: task.text,
			deadline: task.deadline,
			...describeAssignments(rows),
		})
		await audit({
			action: 'task.merge',
			entityType: 'task',
			entityId: kept.id,
			before: { kept: snapshot(kept, keptAgencies), removed: snapshot(other, otherAgencies) },
			after: { text: merged.text, deadline: merged.deadline, ...describeAssignments(after) },
		})
		await audit({
			action: 'task.merge',
			entityType: 'task',
			entityId: other.id,
			before: snapshot(other, otherAgencies),
			after: { mergedInto: kept.id },
		})
	})
}
