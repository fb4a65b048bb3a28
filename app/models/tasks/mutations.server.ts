import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, taskAgencies, tasks } from '#db/schema'
import {
	assignmentRule,
	insertAfter,
	mayEditTask,
	mergeRule,
	mergeTasks,
	orderAfterMerge,
	renumber,
	splitRule,
	toAssignments,
	type AgencyAssignment,
} from '~/domain/tasks'
import { bumpVersion, enforce, lockVersioned, refuse, updateVersioned, write, type Actor } from '../write.server'

// The office's edits of a task (taskPolicy). Each is one audited transaction; each checks the
// version of every task it changes, so an edit based on an outdated page is refused, never
// merged in, and the rules of the edit on the tasks as they are stored.

// Structural edits (split, merge) of one clause run one at a time: each renumbers the clause's
// tasks, and two at once would give two tasks the same ordinal.
async function lockClause(tx: Database, clauseId: number) {
	await tx.select({ id: clauses.id }).from(clauses).where(eq(clauses.id, clauseId)).for('update')
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
		enforce(mayEditTask(actor))
		const before = await lockVersioned(tx, tasks, input.taskId, input.version)
		await updateVersioned(tx, tasks, before.id, input.version, { text: input.text, deadline: input.deadline })
		await audit({
			action: 'task.update',
			entityType: 'task',
			entityId: before.id,
			before: { text: before.text, deadline: before.deadline },
			after: { text: input.text, deadline: input.deadline },
		})
	})
}

// At least one lead; an agency leads or assists, never both (assignmentRule).
export async function setTaskAgencies(
	db: Database,
	actor: Actor,
	input: { taskId: number; version: number; leadIds: ReadonlyArray<number>; coIds: ReadonlyArray<number> },
) {
	await write(db, actor, async (tx, audit) => {
		enforce(mayEditTask(actor))
		const task = await lockVersioned(tx, tasks, input.taskId, input.version)
		const named = await tx
			.select({ id: agencies.id, name: agencies.name })
			.from(agencies)
			.where(inArray(agencies.id, [...input.leadIds, ...input.coIds, -1]))
		enforce(assignmentRule(input.leadIds, input.coIds, (id) => named.find((a) => a.id === id)?.name ?? String(id)))
		const before = await assignmentsOf(tx, task.id)
		await bumpVersion(tx, tasks, task.id, input.version)
		await replaceAssignments(tx, task.id, toAssignments(input.leadIds, input.coIds))
		await audit({
			action: 'task.agencies',
			entityType: 'task',
			entityId: task.id,
			before: describeAssignments(before),
			after: describeAssignments(await assignmentsOf(tx, task.id)),
		})
	})
}

// The first part stays in the task; the second becomes a new task right after it, with the
// same subject, agencies and deadline. Together the parts are the stored text (splitRule).
// Returns the new task's id.
export async function splitTask(
	db: Database,
	actor: Actor,
	input: { taskId: number; clauseId: number; version: number; first: string; second: string },
) {
	return write(db, actor, async (tx, audit) => {
		enforce(mayEditTask(actor))
		await lockClause(tx, input.clauseId)
		const task = await lockVersioned(tx, tasks, input.taskId, input.version)
		if (task.clauseId !== input.clauseId) refuse({ kind: 'stale' })
		enforce(splitRule(task.text, input.first, input.second))
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

// A task of the pair that is gone was merged or split away by someone else meanwhile: the page
// the user chose it on is out of date.
async function lockTaskOfPair(tx: Database, taskId: number) {
	const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for('update')
	if (!task) refuse({ kind: 'stale' })
	return task
}

// The kept task takes the joined text, the union of agencies (lead wins) and the earlier
// deadline, and the place of whichever came first; the other task is deleted (its agencies
// cascade) and the clause's ordinals close up. Only two tasks of one clause merge (mergeRule),
// each as the user saw it.
export async function mergeTask(
	db: Database,
	actor: Actor,
	input: { taskId: number; version: number; otherId: number; otherVersion: number; clauseId: number },
) {
	await write(db, actor, async (tx, audit) => {
		enforce(mayEditTask(actor))
		await lockClause(tx, input.clauseId)
		// Lock in id order, so that two merges of the same pair cannot wait for each other.
		const [low, high] = [input.taskId, input.otherId].sort((a, b) => a - b)
		const lowTask = await lockTaskOfPair(tx, low)
		const highTask = high === low ? lowTask : await lockTaskOfPair(tx, high)
		const kept = lowTask.id === input.taskId ? lowTask : highTask
		const other = highTask.id === input.otherId ? highTask : lowTask
		enforce(mergeRule(kept, other))
		if (kept.clauseId !== input.clauseId || kept.version !== input.version || other.version !== input.otherVersion) refuse({ kind: 'stale' })
		const keptAgencies = await assignmentsOf(tx, kept.id)
		const otherAgencies = await assignmentsOf(tx, other.id)
		const order = orderAfterMerge(
			(await clauseOrder(tx, input.clauseId)).map((t) => t.id),
			kept.id,
			other.id,
		)
		const merged = mergeTasks({ ...kept, agencies: keptAgencies }, { ...other, agencies: otherAgencies })
		await updateVersioned(tx, tasks, kept.id, input.version, { text: merged.text, deadline: merged.deadline })
		await tx.delete(tasks).where(eq(tasks.id, other.id))
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
