import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, planItemClauses, planItems } from '#db/schema'
import type { PlanItemKind } from '~/domain/meetings'
import { staleRecord, updateVersioned, type Audit } from '../write.server'
import { countReportsOfPlanItem } from './queries.server'

// The annual oversight plan written: items added, changed and, while nothing carries them out
// yet, deleted; each audited with its organ and clauses by name.

export type PlanItemInput = {
	year: number
	kind: PlanItemKind
	title: string
	organId: number | null
	plannedMonth: number | null
	clauseIds: Array<number>
	notes: string
}

async function describe(db: Database, input: PlanItemInput) {
	const [organ] = input.organId ? await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, input.organId)) : []
	const labels = input.clauseIds.length
		? await db
				.select({ label: clauses.label })
				.from(clauses)
				.where(inArray(clauses.id, input.clauseIds))
				.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
		: []
	return {
		year: input.year,
		kind: input.kind,
		title: input.title,
		organ: organ?.name ?? null,
		plannedMonth: input.plannedMonth,
		clauses: labels.map((c) => c.label),
		notes: input.notes,
	}
}

async function replaceClauses(tx: Database, planItemId: number, clauseIds: Array<number>) {
	await tx.delete(planItemClauses).where(eq(planItemClauses.planItemId, planItemId))
	const unique = [...new Set(clauseIds)]
	if (unique.length) await tx.insert(planItemClauses).values(unique.map((clauseId) => ({ planItemId, clauseId })))
}

function columns(input: PlanItemInput) {
	return {
		year: input.year,
		kind: input.kind,
		title: input.title,
		organId: input.organId,
		plannedMonth: input.plannedMonth,
		notes: input.notes,
	}
}

export async function createPlanItem(tx: Database, audit: Audit, input: PlanItemInput) {
	const [created] = await tx.insert(planItems).values(columns(input)).returning({ id: planItems.id })
	await replaceClauses(tx, created.id, input.clauseIds)
	await audit({ action: 'plan.create', entityType: 'plan_item', entityId: created.id, before: null, after: await describe(tx, input) })
	return created.id
}

async function currentInput(tx: Database, id: number): Promise<PlanItemInput | null> {
	const [item] = await tx.select().from(planItems).where(eq(planItems.id, id)).for('update')
	if (!item) return null
	const linked = await tx.select({ clauseId: planItemClauses.clauseId }).from(planItemClauses).where(eq(planItemClauses.planItemId, id))
	return { ...item, clauseIds: linked.map((c) => c.clauseId) }
}

export async function updatePlanItem(tx: Database, audit: Audit, id: number, version: number, input: PlanItemInput) {
	const before = await currentInput(tx, id)
	if (!before) throw staleRecord()
	await updateVersioned(tx, planItems, id, version, columns(input))
	await replaceClauses(tx, id, input.clauseIds)
	await audit({ action: 'plan.update', entityType: 'plan_item', entityId: id, before: await describe(tx, before), after: await describe(tx, input) })
}

// An item a report or an inspection already points at stays: its history is part of that report's. Returns
// 'referenced' instead of deleting; a stale version throws staleRecord().
export async function deletePlanItem(tx: Database, audit: Audit, id: number, version: number): Promise<'deleted' | 'referenced'> {
	const before = await currentInput(tx, id)
	if (!before) throw staleRecord()
	if ((await countReportsOfPlanItem(tx, id)) > 0) return 'referenced'
	const description = await describe(tx, before)
	const removed = await tx
		.delete(planItems)
		.where(and(eq(planItems.id, id), eq(planItems.version, version)))
		.returning({ id: planItems.id })
	if (removed.length !== 1) throw staleRecord()
	await audit({ action: 'plan.delete', entityType: 'plan_item', entityId: id, before: description, after: null })
	return 'deleted'
}

