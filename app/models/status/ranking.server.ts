import { sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import type { Period } from '~/domain/dashboard'
import type { IsoDate } from '~/domain/dates'
import { concernHref, deliberationHref } from '~/domain/links'
import { cardOf, deductions, rankingGroupOf, rankingGroups, score, type Card, type ConcernRatingFact, type Deduction, type OverdueFact, type RankingGroup, type ResultFact } from '~/domain/ranking'
import type { Settings } from '~/domain/settings'
import { rowsOf } from '../sql.server'
import { distinctItems, resultDay, satisfactionResultSql } from './dashboard.server'
import { itemHref } from './sources.server'

// The ranking notice: every agency but the committee's own, in its group, with its score, its
// deductions and its card, from two queries: the items overdue today (every kind, from the item
// sources) and the satisfaction results of the period. A 不满意 result counts against the agency
// that answers for the deliberated report — for a government report, the department that
// prepared it (the deliberation's responding agency).

export type RankedAgency = {
	id: number
	name: string
	group: RankingGroup
	rank: number
	score: number
	deductions: Array<Deduction>
	card: Card | null
	overdue: number
	unsatisfied: number
}

export async function loadRanking(db: Database, period: Period, today: IsoDate, settings: Settings) {
	const [agencyRows, overdueRows, resultRows, ratingRows] = await Promise.all([
		db.execute(sql`select id, name, kind, level from agencies where active and kind <> 'congress' order by display_order, id`),
		db.execute(sql`with ${distinctItems()}
			select item.agency_id, item.kind, item.item_id, item.parent_id, item.title, item.due_on::text as due_on, (${today}::date - item.due_on) as days
			from item where item.owes and item.due_on < ${today}::date`),
		db.execute(sql`select d.responding_agency_id as agency_id, d.id, d.title,
				${resultDay}::text as on,
				${satisfactionResultSql(settings.satisfactionThresholdPercent)} as result
			from deliberations d left join meetings m on m.id = d.meeting_id
			where d.tally is not null
				and ${resultDay} between ${period.from}::date and ${period.to}::date`),
		db.execute(sql`select r.agency_id, c.id, c.title from concern_replies r join concerns c on c.id = r.concern_id
			where r.rating = 'unsatisfied' and r.rated_on between ${period.from}::date and ${period.to}::date order by r.rated_on, r.id`),
	])
	const ratings = new Map<number, Array<ConcernRatingFact>>()
	for (const row of rowsOf<{ agency_id: number; id: number; title: string }>(ratingRows)) {
		const list = ratings.get(Number(row.agency_id)) ?? []
		list.push({ title: row.title, href: concernHref(Number(row.id)) })
		ratings.set(Number(row.agency_id), list)
	}
	const overdue = new Map<number, Array<OverdueFact>>()
	for (const row of rowsOf<{ agency_id: number; kind: string; item_id: number; parent_id: number | null; title: string; due_on: string; days: number }>(overdueRows)) {
		const list = overdue.get(Number(row.agency_id)) ?? []
		list.push({
			kind: row.kind,
			id: Number(row.item_id),
			title: row.title,
			href: itemHref(row.kind, Number(row.item_id), row.parent_id === null ? null : Number(row.parent_id)),
			dueOn: row.due_on,
			overdueDays: Number(row.days),
		})
		overdue.set(Number(row.agency_id), list)
	}
	const results = new Map<number, Array<ResultFact>>()
	for (const row of rowsOf<{ agency_id: number; id: number; title: string; on: string; result: string | null }>(resultRows)) {
		if (row.result === null) continue
		const list = results.get(Number(row.agency_id)) ?? []
		list.push({ id: Number(row.id), title: row.title, href: deliberationHref(Number(row.id)), on: row.on, unsatisfied: row.result === 'unsatisfied' })
		results.set(Number(row.agency_id), list)
	}
	const ranked: Array<RankedAgency> = []
	for (const agency of rowsOf<{ id: number; name: string; kind: string; level: string }>(agencyRows)) {
		const group = rankingGroupOf(agency)
		if (!group) continue
		const own = overdue.get(Number(agency.id)) ?? []
		const votes = results.get(Number(agency.id)) ?? []
		const list = deductions(own, votes, settings, ratings.get(Number(agency.id)) ?? [])
		ranked.push({
			id: Number(agency.id),
			name: agency.name,
			group,
			rank: 0,
			score: score(list),
			deductions: list,
			card: cardOf(own, votes, settings),
			overdue: own.length,
			unsatisfied: votes.filter((v) => v.unsatisfied).length,
		})
	}
	// Highest score first; equal scores share a rank (1, 1, 3), in the official order.
	const groups = rankingGroups.map((group) => {
		const members = ranked.filter((a) => a.group === group).sort((a, b) => b.score - a.score)
		members.forEach((agency, index) => {
			agency.rank = index > 0 && members[index - 1].score === agency.score ? members[index - 1].rank : index + 1
		})
		return { group, agencies: members }
	})
	return groups
}
