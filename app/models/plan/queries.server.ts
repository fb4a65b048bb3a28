import { stateOrganKinds } from '~/domain/agencies'
import { asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { clausesByOwner } from '../lookups.server'
import type { Database } from '#db/client.server'
import { agencies, clauses, inspections, instruments, planItemClauses, planItems, reports } from '#db/schema'
import { planItemKinds, type PlanItemKind } from '~/domain/meetings'
import { outer } from '../sql.server'

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


function clausesOf(db: Database, ids: Array<number>) {
	return clausesByOwner(db, { owner: planItemClauses.planItemId, clause: planItemClauses.clauseId }, ids)
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

// Records that carry out a plan item: special work reports and inspections.
export async function countReportsOfPlanItem(db: Database, id: number) {
	const [row] = await db
		.select({
			count: sql<number>`(select count(*) from ${reports} where ${reports.planItemId} = ${id}) + (select count(*) from ${inspections} where ${inspections.planItemId} = ${id})`.mapWith(Number),
		})
		.from(sql`(select 1) as one`)
	return row?.count ?? 0
}

// What the plan item form offers: organs (inactive ones only when already chosen) and clauses.
export async function loadPlanFormOptions(db: Database, keepOrganId?: number | null) {
	const organs = (await listPlanOrganOptions(db)).filter((o) => o.active || o.id === keepOrganId)
	return { organs, clauses: await listClauseOptions(db) }
}
