import { stateOrganKinds } from '~/domain/agencies'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, inspections, instruments, planItemClauses, planItems, reports } from '#db/schema'
import { planItemKinds, type PlanItemKind } from '~/domain/meetings'
import { staleRecord, updateVersioned, type Audit } from './write.server'
import { outer } from './sql.server'

// The annual oversight plan (年度监督工作计划, Supervision Law Art. 63): per year, the report
// hearings, inspections and inquiries the committee will hold, each with its clauses and organ.

// The organs an item can be aimed at: the government, the supervisory commission, the court
// and the procuratorate of the city.

export function listPlanOrganOptions(db: Database) {
	return db
		.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, active: agencies.active })
		.from(agencies)
		.where(inArray(agencies.kind, [...stateOrganKinds]))
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}

// Every clause of every instrument, the instrument's own order: the plan's checkbox list.
export function listClauseOptions(db: Database) {
	return db
		.select({ id: clauses.id, label: clauses.label, instrumentId: instruments.id, instrumentTitle: instruments.title })
		.from(clauses)
		.innerJoin(instruments, eq(instruments.id, clauses.instrumentId))
		.orderBy(asc(instruments.id), asc(clauses.ordinal))
}

export async function listPlanYears(db: Database): Promise<Array<number>> {
	const rows = await db.selectDistinct({ year: planItems.year }).from(planItems).orderBy(desc(planItems.year))
	return rows.map((r) => r.year)
}

type ClauseRef = { id: number; label: string }

async function clausesOf(db: Database, itemIds: Array<number>) {
	const byItem = new Map<number, Array<ClauseRef>>()
	if (itemIds.length === 0) return byItem
	const rows = await db
		.select({ planItemId: planItemClauses.planItemId, id: clauses.id, label: clauses.label })
		.from(planItemClauses)
		.innerJoin(clauses, eq(clauses.id, planItemClauses.clauseId))
		.where(inArray(planItemClauses.planItemId, itemIds))
		.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
	for (const row of rows) {
		const list = byItem.get(row.planItemId) ?? []
		list.push({ id: row.id, label: row.label })
		byItem.set(row.planItemId, list)
	}
	return byItem
}

const kindOrder = sql`array_position(array[${sql.join(
	planItemKinds.map((k) => sql`${k}`),
	sql`, `,
)}]::text[], ${planItems.kind})`

// One year's plan, by kind (hearings, inspections, inquiries), then month (unfixed last).
export async function listPlanItems(db: Database, year: number) {
	const rows = await db
		.select({
			id: planItems.id,
			year: planItems.year,
			kind: planItems.kind,
			title: planItems.title,
			organId: planItems.organId,
			organName: agencies.name,
			plannedMonth: planItems.plannedMonth,
			notes: planItems.notes,
			version: planItems.version,
			reportCount: sql<number>`(select count(*) from ${reports} where ${reports.planItemId} = ${outer(planItems.id)})`.mapWith(Number),
		})
		.from(planItems)
		.leftJoin(agencies, eq(agencies.id, planItems.organId))
		.where(eq(planItems.year, year))
		.orderBy(kindOrder, sql`${planItems.plannedMonth} asc nulls last`, asc(planItems.id))
	const clauseMap = await clausesOf(db, rows.map((r) => r.id))
	return rows.map((r) => ({ ...r, clauses: clauseMap.get(r.id) ?? [] }))
}

export async function getPlanItem(db: Database, id: number) {
	const [row] = await db
		.select({ item: planItems, organName: agencies.name })
		.from(planItems)
		.leftJoin(agencies, eq(agencies.id, planItems.organId))
		.where(eq(planItems.id, id))
	if (!row) return null
	const clauseMap = await clausesOf(db, [id])
	return { ...row.item, organName: row.organName, clauses: clauseMap.get(id) ?? [] }
}

// Report hearings of the plan, for the form that schedules a hearing: newest year first.
export async function listPlanItemOptions(db: Database, kind: PlanItemKind = 'report_hearing') {
	return db
		.select({ id: planItems.id, year: planItems.year, title: planItems.title, organId: planItems.organId, plannedMonth: planItems.plannedMonth })
		.from(planItems)
		.where(eq(planItems.kind, kind))
		.orderBy(desc(planItems.year), sql`${planItems.plannedMonth} asc nulls last`, asc(planItems.id))
}

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

// Records that carry out a plan item: special work reports and inspections.
export async function countReportsOfPlanItem(db: Database, id: number) {
	const [row] = await db
		.select({
			count: sql<number>`(select count(*) from ${reports} where ${reports.planItemId} = ${id}) + (select count(*) from ${inspections} where ${inspections.planItemId} = ${id})`.mapWith(Number),
		})
		.from(sql`(select 1) as one`)
	return row?.count ?? 0
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

// What the plan item form offers: organs (inactive ones only when already chosen) and clauses.
export async function loadPlanFormOptions(db: Database, keepOrganId?: number | null) {
	const organs = (await listPlanOrganOptions(db)).filter((o) => o.active || o.id === keepOrganId)
	return { organs, clauses: await listClauseOptions(db) }
}
