import { sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { can } from '~/auth/permissions'
import { parsePeriod, periodSearch, type Period } from '~/domain/dashboard'
import type { IsoDate } from '~/domain/dates'
import { deliberationHref } from '~/domain/links'
import { cardHistory, type CardSpell, type DatedItem, type ResultFact } from '~/domain/ranking'
import type { Role } from '~/domain/roles'
import type { Settings } from '~/domain/settings'
import { rowsOf } from '../sql.server'
import { distinctItems, resultDay, satisfactionResultSql } from './dashboard.server'
import { itemHref } from './sources.server'

// An agency's 警示记录: its yellow and red cards over the period, replayed from the dated record
// the ranking reads (the item sources and the satisfaction results), never stored.
//
// Items: every item of the agency with a due date that is still owed or was closed — closed ones
// too, even long ago, so that a card already held when the period begins keeps the day it was
// earned. An item answered and awaiting the committee's check (neither owed nor closed) counts
// for no card, as on the ranking notice today. Results: every result of the agency up to the
// period's end, since consecutive 不满意 results count across all of them; a result counts
// against the agency that answers for the deliberated report.
export async function loadCardHistory(db: Database, agencyId: number, period: Period, settings: Settings): Promise<Array<CardSpell>> {
	const [agency] = rowsOf<{ kind: string }>(await db.execute(sql`select kind from agencies where id = ${agencyId}`))
	// The committee itself is never carded.
	if (!agency || agency.kind === 'congress') return []
	const [itemRows, resultRows] = await Promise.all([
		db.execute(sql`with ${distinctItems()}
			select item.kind, item.item_id, item.parent_id, item.title, item.due_on::text as due_on, item.closed_on::text as closed_on
			from item
			where item.agency_id = ${agencyId} and item.due_on is not null and item.due_on < ${period.to}::date
				and (item.owes or item.closed_on is not null)
			order by item.due_on, item.kind, item.item_id`),
		db.execute(sql`select d.id, d.title,
				${resultDay}::text as on,
				${satisfactionResultSql(settings.satisfactionThresholdPercent)} as result
			from deliberations d left join meetings m on m.id = d.meeting_id
			where d.tally is not null and d.responding_agency_id = ${agencyId}
				and ${resultDay} <= ${period.to}::date`),
	])
	const items: Array<DatedItem> = rowsOf<{ kind: string; item_id: number; parent_id: number | null; title: string; due_on: string; closed_on: string | null }>(itemRows).map(
		(row) => ({
			kind: row.kind,
			id: Number(row.item_id),
			title: row.title,
			href: itemHref(row.kind, Number(row.item_id), row.parent_id === null ? null : Number(row.parent_id)),
			dueOn: row.due_on,
			closedOn: row.closed_on,
		}),
	)
	const results: Array<ResultFact> = []
	for (const row of rowsOf<{ id: number; title: string; on: string; result: string | null }>(resultRows)) {
		if (row.result === null) continue
		results.push({ id: Number(row.id), title: row.title, href: deliberationHref(Number(row.id)), on: row.on, unsatisfied: row.result === 'unsatisfied' })
	}
	return cardHistory(items, results, settings, period.from, period.to)
}

// The 警示记录 as a reader of the agency's page may see it: like the ranking notice, the
// committee's bodies and members see any agency's, a liaison only its own agency's (null: not
// shown). The period is the URL's, by default the last 12 months.
export async function cardHistoryFor(
	db: Database,
	user: { role: Role; agencyId: number | null },
	agencyId: number,
	params: URLSearchParams,
	today: IsoDate,
	settings: Settings,
): Promise<{ period: Period; lastYear: boolean; spells: Array<CardSpell> } | null> {
	if (!can(user.role, 'ranking:read') || (user.role === 'agency' && user.agencyId !== agencyId)) return null
	// Never beyond today: the record does not know the future.
	const asked = parsePeriod(params, today)
	const period = { from: asked.from <= today ? asked.from : today, to: asked.to <= today ? asked.to : today }
	return { period, lastYear: periodSearch(period, today) === '', spells: await loadCardHistory(db, agencyId, period, settings) }
}
