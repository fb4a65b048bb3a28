import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import type { Choice } from '~/domain/deliberation'
import type { ItemStateFilter, Period } from '~/domain/dashboard'
import type { IsoDate } from '~/domain/dates'
import { rowsOf } from '../sql.server'
import { allItems, itemHref, type ItemKind } from './sources.server'

// The dashboard's figures, each aggregated in SQL over the item sources (sources.server.ts), and
// the open-items list the charts lead to: the same `items` relation, so that a bar and the list
// behind it count the same things.

// One row per item (an item on several clauses is one item here).
export const distinctItems = () => sql`items as (${allItems()}),
	item as (
		select distinct on (kind, item_id) kind, item_id, parent_id, agency_id, title, opened_on, due_on, closed_on, owes
		from items order by kind, item_id
	)`

export type MonthFlow = { month: string; opened: number; closed: number }

export async function itemsPerMonth(db: Database, period: Period): Promise<Array<MonthFlow>> {
	const result = await db.execute(sql`with ${distinctItems()},
		months as (
			select to_char(m, 'YYYY-MM') as month from generate_series(date_trunc('month', ${period.from}::date), ${period.to}::date, interval '1 month') m
		)
		select months.month,
			(select count(*)::int from item where to_char(item.opened_on, 'YYYY-MM') = months.month and item.opened_on between ${period.from}::date and ${period.to}::date) as opened,
			(select count(*)::int from item where to_char(item.closed_on, 'YYYY-MM') = months.month and item.closed_on between ${period.from}::date and ${period.to}::date) as closed
		from months order by months.month`)
	return rowsOf<MonthFlow>(result).map((row) => ({ month: row.month, opened: Number(row.opened), closed: Number(row.closed) }))
}

// A deliberation's satisfaction result from its tally, as satisfactionResult() in
// app/domain/deliberation.ts words it (tested against it).
export function satisfactionResultSql(thresholdPercent: number): SQL {
	const s = sql`coalesce((d.tally->>'satisfied')::int, 0)`
	const b = sql`coalesce((d.tally->>'basically_satisfied')::int, 0)`
	const u = sql`coalesce((d.tally->>'unsatisfied')::int, 0)`
	const cast = sql`(${s} + ${b} + ${u})`
	return sql`case when d.tally is null or ${cast} = 0 then null
		when ${s} * 100 > ${cast} * ${thresholdPercent} then 'satisfied'
		when (${s} + ${b}) * 100 > ${cast} * ${thresholdPercent} then 'basically_satisfied'
		else 'unsatisfied' end`
}

export type SatisfactionMonth = { month: string } & Record<Choice, number>

// The day a vote's result stands: the meeting's last day, else the day the vote closed (for a
// query over `deliberations d left join meetings m`).
export const resultDay = sql`coalesce(m.ends_on, (d.vote_closed_at at time zone 'Asia/Shanghai')::date)`

// The deliberations whose result is `result`, standing in `month` (YYYY-MM) when given: the list
// behind a bar of the satisfaction chart, by the same expressions the chart counts with.
export function deliberationsWithResult(thresholdPercent: number, result: Choice, month: string | null): SQL {
	return sql`(select d.id from deliberations d left join meetings m on m.id = d.meeting_id
		where d.tally is not null and ${satisfactionResultSql(thresholdPercent)} = ${result}
		${month ? sql`and to_char(${resultDay}, 'YYYY-MM') = ${month}` : sql``})`
}

export async function satisfactionPerMonth(db: Database, period: Period, thresholdPercent: number): Promise<Array<SatisfactionMonth>> {
	const result = await db.execute(sql`with results as (
			select to_char(${resultDay}, 'YYYY-MM') as month, ${satisfactionResultSql(thresholdPercent)} as result
			from deliberations d left join meetings m on m.id = d.meeting_id
			where d.tally is not null and ${resultDay} between ${period.from}::date and ${period.to}::date
		)
		select month,
			count(*) filter (where result = 'satisfied')::int as satisfied,
			count(*) filter (where result = 'basically_satisfied')::int as basically_satisfied,
			count(*) filter (where result = 'unsatisfied')::int as unsatisfied
		from results where result is not null group by month order by month`)
	return rowsOf<SatisfactionMonth>(result).map((row) => ({
		month: row.month,
		satisfied: Number(row.satisfied),
		basically_satisfied: Number(row.basically_satisfied),
		unsatisfied: Number(row.unsatisfied),
	}))
}

export type OverdueRow = { agencyId: number; agency: string; kind: ItemKind; count: number }

// Items overdue today, by agency (official order) and kind.
export async function overdueByAgency(db: Database, today: IsoDate): Promise<Array<OverdueRow>> {
	const result = await db.execute(sql`with ${distinctItems()}
		select a.id as agency_id, a.short_name as agency, item.kind, count(*)::int as count
		from item join agencies a on a.id = item.agency_id
		where item.owes and item.due_on < ${today}::date
		group by a.id, a.short_name, a.display_order, item.kind
		order by a.display_order, a.id, item.kind`)
	return rowsOf<{ agency_id: number; agency: string; kind: ItemKind; count: number }>(result).map((row) => ({
		agencyId: Number(row.agency_id),
		agency: row.agency,
		kind: row.kind,
		count: Number(row.count),
	}))
}

export type OpenItemFilters = {
	kind?: ItemKind
	agencyId?: number
	overdue?: boolean
	state: ItemStateFilter
	// 'YYYY-MM': opened, or closed, in that month.
	openedIn?: string
	closedIn?: string
	period?: { from: IsoDate; to: IsoDate }
}

export type OpenItemRow = {
	kind: ItemKind
	id: number
	href: string
	title: string
	agencyId: number
	agency: string
	openedOn: string | null
	dueOn: string | null
	closedOn: string | null
	overdueDays: number
}

export const openItemsPageSize = 50

// The items behind the charts, across kinds, overdue first.
export async function listOpenItems(db: Database, filters: OpenItemFilters, today: IsoDate, page: number) {
	const conditions: Array<SQL> = []
	if (filters.kind) conditions.push(sql`item.kind = ${filters.kind}`)
	if (filters.agencyId) conditions.push(sql`item.agency_id = ${filters.agencyId}`)
	if (filters.overdue) conditions.push(sql`item.owes and item.due_on < ${today}::date`)
	if (filters.state === 'open') conditions.push(sql`item.closed_on is null`)
	if (filters.state === 'closed') conditions.push(sql`item.closed_on is not null`)
	if (filters.openedIn) conditions.push(sql`to_char(item.opened_on, 'YYYY-MM') = ${filters.openedIn}`)
	if (filters.closedIn) conditions.push(sql`to_char(item.closed_on, 'YYYY-MM') = ${filters.closedIn}`)
	if (filters.period) conditions.push(sql`item.opened_on between ${filters.period.from}::date and ${filters.period.to}::date`)
	const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`
	const [counted] = rowsOf<{ total: number }>(await db.execute(sql`with ${distinctItems()} select count(*)::int as total from item where ${where}`))
	const total = Number(counted?.total ?? 0)
	const offset = (Math.max(1, page) - 1) * openItemsPageSize
	const result = await db.execute(sql`with ${distinctItems()}
		select item.kind, item.item_id, item.parent_id, item.title, item.agency_id, a.short_name as agency,
			item.opened_on::text as opened_on, item.due_on::text as due_on, item.closed_on::text as closed_on,
			case when item.owes and item.due_on < ${today}::date then (${today}::date - item.due_on) else 0 end as overdue_days
		from item join agencies a on a.id = item.agency_id
		where ${where}
		order by overdue_days desc, item.due_on asc nulls last, a.display_order, item.kind, item.item_id
		limit ${openItemsPageSize} offset ${offset}`)
	const rows = rowsOf<{
		kind: ItemKind
		item_id: number
		parent_id: number | null
		title: string
		agency_id: number
		agency: string
		opened_on: string | null
		due_on: string | null
		closed_on: string | null
		overdue_days: number
	}>(result).map(
		(row): OpenItemRow => ({
			kind: row.kind,
			id: Number(row.item_id),
			href: itemHref(row.kind, Number(row.item_id), row.parent_id === null ? null : Number(row.parent_id)),
			title: row.title,
			agencyId: Number(row.agency_id),
			agency: row.agency,
			openedOn: row.opened_on,
			dueOn: row.due_on,
			closedOn: row.closed_on,
			overdueDays: Number(row.overdue_days),
		}),
	)
	return { rows, total, pages: Math.max(1, Math.ceil(total / openItemsPageSize)) }
}

// Deputies' concerns handed in during the period, by district or by category: still being
// handled, overdue (the lead's answer past its date), and closed. Merged duplicates count once,
// with their main concern; a declined one is not handled at all.
export type ConcernGroupRow = { key: string; label: string; handling: number; overdue: number; closed: number }

export async function concernsBy(db: Database, by: 'district' | 'category', period: Period, today: IsoDate): Promise<Array<ConcernGroupRow>> {
	const group = by === 'district' ? sql`c.district as key, c.district as label, 0 as position` : sql`cat.id::text as key, cat.name as label, cat.position`
	const result = await db.execute(sql`select ${group},
			count(*) filter (where c.state not in ('closed') and not (c.state in ('assigned', 'rehandling') and c.reply_due_on < ${today}::date))::int as handling,
			count(*) filter (where c.state in ('assigned', 'rehandling') and c.reply_due_on < ${today}::date)::int as overdue,
			count(*) filter (where c.state = 'closed')::int as closed
		from concerns c join concern_categories cat on cat.id = c.category_id
		where c.state not in ('draft', 'declined', 'merged') and c.submitted_on between ${period.from}::date and ${period.to}::date
		group by 1, 2, 3 order by 3, 2`)
	return rowsOf<ConcernGroupRow>(result).map((r) => ({ key: String(r.key), label: r.label, handling: Number(r.handling), overdue: Number(r.overdue), closed: Number(r.closed) }))
}
