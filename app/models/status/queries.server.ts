import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import type { IsoDate } from '~/domain/dates'
import { deriveTaskStatus, rollUp, type AssessedStatus, type DerivedStatus, type RolledUp, type Status, type StatusEvidence } from '~/domain/status'
import { rowsOf } from '../sql.server'
import { allItems, itemHref } from './sources.server'

// Implementation status for many tasks at once: the evidence of every task is gathered in one
// SQL statement (counts and the two latest assessments per task), and the rule in
// app/domain/status.ts turns each row into a status. Status is computed on each read, never
// stored, so no write can leave it stale.

// An item is linked to a task when it was recorded against that task (a finding may be), or when
// it concerns the task's clause and one of the task's agencies (lead or co).
function linkedItems(today: IsoDate): SQL {
	return sql`items as (${allItems()}),
	linked as (
		select i.task_id, i.kind, i.item_id, i.parent_id, i.agency_id, i.title, i.due_on, i.closed_on, i.owes, i.caps,
			i.owes and i.due_on < ${today}::date as overdue
		from items i where i.task_id is not null
		union
		select ta.task_id, i.kind, i.item_id, i.parent_id, i.agency_id, i.title, i.due_on, i.closed_on, i.owes, i.caps,
			i.owes and i.due_on < ${today}::date as overdue
		from items i
		join tasks lt on lt.clause_id = i.clause_id
		join task_agencies ta on ta.task_id = lt.id and ta.agency_id = i.agency_id
		where i.task_id is null
	)`
}

// Reports count from the revised, signed-off report on: a draft is the agency's, not evidence.
const reportedStates = sql.raw(`('revised_submitted', 'distributed', 'deliberation')`)

type EvidenceRow = {
	task_id: number
	deadline: string | null
	sa_status: AssessedStatus | null
	sa_on: string | null
	rp_status: AssessedStatus | null
	rp_on: string | null
	overdue: number
	caps: number
	items: number
	reports: number
}

export type TaskStatus = { evidence: StatusEvidence; derived: DerivedStatus }

export async function loadTaskStatuses(db: Database, today: IsoDate, taskIds?: ReadonlyArray<number>): Promise<Map<number, TaskStatus>> {
	const only = taskIds ? (taskIds.length ? sql`t.id in (${sql.join(taskIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`) : sql`true`
	const result = await db.execute(sql`with ${linkedItems(today)}
		select t.id as task_id, t.deadline::text as deadline,
			sa.status as sa_status, sa.assessed_on::text as sa_on,
			rp.self_assessment as rp_status, rp.on::text as rp_on,
			(select count(distinct (l.kind, l.item_id))::int from linked l where l.task_id = t.id and l.overdue) as overdue,
			(select count(distinct (l.kind, l.item_id))::int from linked l where l.task_id = t.id and l.caps) as caps,
			(select count(distinct (l.kind, l.item_id))::int from linked l where l.task_id = t.id) as items,
			(select count(*)::int from report_task_progress p join reports r on r.id = p.report_id
				where p.task_id = t.id and r.state in ${reportedStates}) as reports
		from tasks t
		left join lateral (
			select a.status, a.assessed_on from task_assessments a where a.task_id = t.id
			order by a.assessed_on desc, a.id desc limit 1
		) sa on true
		left join lateral (
			select p.self_assessment, coalesce(r.revised_submitted_on, r.draft_submitted_on) as on
			from report_task_progress p join reports r on r.id = p.report_id
			where p.task_id = t.id and p.self_assessment is not null and r.state in ${reportedStates}
			order by coalesce(r.revised_submitted_on, r.draft_submitted_on) desc nulls last, r.id desc limit 1
		) rp on true
		where ${only}`)
	const statuses = new Map<number, TaskStatus>()
	for (const row of rowsOf<EvidenceRow>(result)) {
		const evidence: StatusEvidence = {
			deadline: row.deadline,
			secretariat: row.sa_status && row.sa_on ? { status: row.sa_status, on: row.sa_on } : null,
			report: row.rp_status && row.rp_on ? { status: row.rp_status, on: row.rp_on } : null,
			overdueItems: Number(row.overdue),
			openCaps: Number(row.caps),
			evidenceItems: Number(row.items) + Number(row.reports),
		}
		statuses.set(Number(row.task_id), { evidence, derived: deriveTaskStatus(evidence, today) })
	}
	return statuses
}

// The status of each task asked for; a task missing from the map (none should be) reads 未启动.
export function statusOf(statuses: Map<number, TaskStatus>, taskId: number): Status {
	return statuses.get(taskId)?.derived.status ?? 'not_started'
}

export function rollUpTasks(statuses: Map<number, TaskStatus>, taskIds: Iterable<number>): RolledUp {
	return rollUp([...taskIds].map((id) => statusOf(statuses, id)))
}

export type LinkedItem = {
	kind: string
	id: number
	href: string
	title: string
	agencyName: string
	dueOn: string | null
	closedOn: string | null
	owes: boolean
	caps: boolean
	overdue: boolean
}

type LinkedRow = {
	kind: string
	item_id: number
	parent_id: number | null
	title: string
	agency_name: string
	due_on: string | null
	closed_on: string | null
	owes: boolean
	caps: boolean
	overdue: boolean
}

// The items behind one task's status, for its "why" panel: overdue first, then open, then
// closed, each by due date.
export async function loadTaskLinkedItems(db: Database, taskId: number, today: IsoDate): Promise<Array<LinkedItem>> {
	const result = await db.execute(sql`with ${linkedItems(today)}
		select distinct l.kind, l.item_id, l.parent_id, l.title, ag.short_name as agency_name, l.due_on::text as due_on,
			l.closed_on::text as closed_on, l.owes, l.caps, l.overdue, ag.display_order
		from linked l join agencies ag on ag.id = l.agency_id
		where l.task_id = ${taskId}
		order by l.overdue desc, l.owes desc, l.due_on::text asc, l.kind asc, l.item_id asc`)
	return rowsOf<LinkedRow>(result).map((row) => ({
		kind: row.kind,
		id: Number(row.item_id),
		href: itemHref(row.kind, Number(row.item_id), row.parent_id === null ? null : Number(row.parent_id)),
		title: row.title,
		agencyName: row.agency_name,
		dueOn: row.due_on,
		closedOn: row.closed_on,
		owes: Boolean(row.owes),
		caps: Boolean(row.caps),
		overdue: Boolean(row.overdue),
	}))
}

// Rows of tasks (a table, a clause's or an agency's tasks) with their derived status: one query
// whatever the number of rows.
export async function withStatus<T extends { id: number }>(db: Database, today: IsoDate, rows: ReadonlyArray<T>): Promise<Array<T & { status: Status }>> {
	const statuses = await loadTaskStatuses(
		db,
		today,
		rows.map((row) => row.id),
	)
	return rows.map((row) => ({ ...row, status: statusOf(statuses, row.id) }))
}

export type StatusGroup = { id: number; label: string; title: string; href: string } & RolledUp

// The decision as a whole, by part and by agency (lead or co-operating), rolled up from its
// tasks' statuses. The rule runs per task on the evidence gathered in SQL; the roll-up counts
// a few dozen statuses.
export async function loadStatusOverview(db: Database, today: IsoDate, instrumentId: number) {
	const taskRows = rowsOf<{ id: number; part_id: number | null; part_label: string | null; part_title: string | null }>(
		await db.execute(sql`select t.id, p.id as part_id, p.label as part_label, p.title as part_title
			from tasks t join clauses c on c.id = t.clause_id left join parts p on p.id = c.part_id
			where c.instrument_id = ${instrumentId} order by p.ordinal nulls first, c.ordinal, t.ordinal`),
	)
	const agencyRows = rowsOf<{ task_id: number; agency_id: number; name: string; short_name: string; kind: string }>(
		await db.execute(sql`select ta.task_id, a.id as agency_id, a.name, a.short_name, a.kind
			from task_agencies ta join agencies a on a.id = ta.agency_id
			join tasks t on t.id = ta.task_id join clauses c on c.id = t.clause_id
			where c.instrument_id = ${instrumentId} order by a.display_order, a.id`),
	)
	const statuses = await loadTaskStatuses(
		db,
		today,
		taskRows.map((row) => Number(row.id)),
	)
	const byPart = new Map<number, { label: string; title: string; ids: Array<number> }>()
	for (const row of taskRows) {
		if (row.part_id === null) continue
		const part = byPart.get(Number(row.part_id)) ?? { label: row.part_label ?? '', title: row.part_title ?? '', ids: [] }
		part.ids.push(Number(row.id))
		byPart.set(Number(row.part_id), part)
	}
	const byAgency = new Map<number, { label: string; title: string; ids: Array<number> }>()
	for (const row of agencyRows) {
		const agency = byAgency.get(Number(row.agency_id)) ?? { label: row.short_name, title: row.name, ids: [] }
		agency.ids.push(Number(row.task_id))
		byAgency.set(Number(row.agency_id), agency)
	}
	const group = (href: (id: number) => string) => ([id, entry]: [number, { label: string; title: string; ids: Array<number> }]): StatusGroup => ({
		id,
		label: entry.label,
		title: entry.title,
		href: href(id),
		...rollUpTasks(statuses, entry.ids),
	})
	return {
		taskStatuses: taskRows.map((row) => ({ id: Number(row.id), status: statusOf(statuses, Number(row.id)) })),
		whole: rollUpTasks(
			statuses,
			taskRows.map((row) => Number(row.id)),
		),
		parts: [...byPart].map(group((id) => `/tasks?part=${id}`)),
		agencies: [...byAgency].map(group((id) => `/tasks?agency=${id}`)),
	}
}

// The table's status filter: applied after the rule, since status is never stored.
export function onlyStatus<T extends { status: Status }>(rows: Array<T>, status: Status | undefined): Array<T> {
	return status ? rows.filter((row) => row.status === status) : rows
}
