import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, planItemClauses, planItems } from '#db/schema'
import { mayDeletePlanItem, mayManagePlan, type PlanItemKind } from '~/domain/meetings'
import { enforce, lockVersioned, updateVersioned, write, type Actor } from '../write.server'
import { countReportsOfPlanItem } from './queries.server'

// The annual oversight plan written by the secretariat (planPolicy): items added, changed and,
// while nothing carries them out yet, deleted; each audited with its organ and clauses by name.

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

export async function createPlanItem(db: Database, actor: Actor, input: PlanItemInput): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		enforce(mayManagePlan(actor))
		const [created] = await tx.insert(planItems).values(columns(input)).returning({ id: planItems.id })
		await replaceClauses(tx, created.id, input.clauseIds)
		await audit({ action: 'plan.create', entityType: 'plan_item', entityId: created.id, before: null, after: await describe(tx, input) })
		return created.id
	})
}

// The item as the user saw it (its version), locked, with its clauses.
async function lockPlanItem(tx: Database, id: number, version: number): Promise<PlanItemInput & { id: number }> {
	const item = await lockVersioned(tx, planItems, id, version)
	const linked = await tx.select({ clauseId: planItemClauses.clauseId }).from(planItemClauses).where(eq(planItemClauses.planItemId, id))
	return { ...item, clauseIds: linked.map((c) => c.clauseId) }
}

export async function updatePlanItem(db: Database, actor: Actor, input: PlanItemInput & { itemId: number; version: number }) {
	await write(db, actor, async (tx, audit) => {
		enforce(mayManagePlan(actor))
		const before = await lockPlanItem(tx, input.itemId, input.version)
		await updateVersioned(tx, planItems, before.id, input.version, columns(input))
		await replaceClauses(tx, before.id, input.clauseIds)
		await audit({ action: 'plan.update', entityType: 'plan_item', entityId: before.id, before: await describe(tx, before), after: await describe(tx, input) })
	})
}

// An item a report or an inspection already points at stays (mayDeletePlanItem).
export async function deletePlanItem(db: Database, actor: Actor, input: { itemId: number; version: number }) {
	await write(db, actor, async (tx, audit) => {
		enforce(mayManagePlan(actor))
		const before = await lockPlanItem(tx, input.itemId, input.version)
		enforce(mayDeletePlanItem(await countReportsOfPlanItem(tx, before.id)))
		const description = await describe(tx, before)
		await tx.delete(planItems).where(eq(planItems.id, before.id))
		await audit({ action: 'plan.delete', entityType: 'plan_item', entityId: before.id, before: description, after: null })
	})
}
