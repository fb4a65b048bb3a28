import { sql, type SQL } from 'drizzle-orm'
import { commitmentHref, concernHref, deliberationHref, findingHref, resolutionHref } from '~/domain/links'

// The dated items agencies owe the committee, one SQL source per kind of record, named once
// here. Everything that counts items across kinds reads this map: a task's status and its
// "why" panel, the open-items list, the dashboard's charts, the ranking's deductions and cards.
// A new kind of item (a concern's reply) adds ONE entry; nothing else changes.
//
// Each source is a SELECT with the same columns, one row per item and clause it concerns (an
// item on no clause has one row with a null clause):
//   kind text, item_id int, parent_id int|null (the record whose page shows the item), agency_id int, clause_id int|null, task_id int|null (a finding
//   recorded against one task), title text, opened_on date, due_on date, closed_on date|null,
//   owes boolean (the agency's clock runs: it has not answered, or its answer was reopened),
//   caps boolean (an open finding or commitment: the task is not 已落实 while it is open).
// Dates are Asia/Shanghai calendar dates; "overdue" is `owes and due_on < today`, computed by
// the reader from today, never stored.

export type ItemSource = {
	// The SELECT described above.
	rows: SQL
	// Where the item lives in the app.
	href: (id: number, parentId: number | null) => string
}

const findingSource: ItemSource = {
	rows: sql.raw(`select 'finding'::text as kind, f.id as item_id, null::int as parent_id, f.agency_id, f.clause_id, f.task_id,
		f.description as title, (f.created_at at time zone 'Asia/Shanghai')::date as opened_on,
		f.rectification_due_on as due_on,
		case when f.rectification_state = 'accepted' then coalesce(f.verified_on, f.responded_on) end as closed_on,
		f.rectification_state in ('open', 'reopened') as owes, f.rectification_state <> 'accepted' as caps
		from findings f`),
	href: findingHref,
}

const commitmentSource: ItemSource = {
	rows: sql.raw(`select 'commitment'::text as kind, c.id as item_id, null::int as parent_id, c.agency_id, ic.clause_id, null::int as task_id,
		c.text as title, q.held_on as opened_on, c.due_on,
		case when c.state = 'accepted' then coalesce(c.verified_on, c.responded_on) end as closed_on,
		c.state in ('open', 'reopened') as owes, c.state <> 'accepted' as caps
		from commitments c join inquiries q on q.id = c.inquiry_id
		left join inquiry_clauses ic on ic.inquiry_id = c.inquiry_id`),
	href: commitmentHref,
}

const resolutionActionSource: ItemSource = {
	rows: sql.raw(`select 'resolution_action'::text as kind, a.id as item_id, a.resolution_id as parent_id, a.agency_id, rc.clause_id, null::int as task_id,
		a.text as title, r.adopted_on as opened_on, a.due_on,
		case when a.state = 'accepted' then coalesce(a.accepted_on, a.responded_on) end as closed_on,
		a.state in ('open', 'reopened') as owes, false as caps
		from resolution_actions a join resolutions r on r.id = a.resolution_id
		left join resolution_clauses rc on rc.resolution_id = a.resolution_id`),
	// An action is shown on its resolution's page.
	href: (id, parentId) => `${resolutionHref(parentId ?? 0)}#action-${id}`,
}

// The written handling report (研究处理情况报告) on a deliberation's opinion letter, owed by the
// responding agency from the day the letter is sent. Its clauses are those of what was
// deliberated: a report, an inspection, or the inquiry a respondent answered in.
const handlingReportSource: ItemSource = {
	rows: sql.raw(`select 'handling_report'::text as kind, d.id as item_id, null::int as parent_id, d.responding_agency_id as agency_id, dc.clause_id,
		null::int as task_id, d.title, d.letter_sent_on as opened_on, d.handling_due_on as due_on,
		d.handling_accepted_on as closed_on, d.state = 'letter_sent' as owes, false as caps
		from deliberations d
		left join lateral (
			select rc.clause_id from report_clauses rc where d.subject_type = 'report' and rc.report_id = d.subject_id
			union all
			select ic.clause_id from inspection_clauses ic where d.subject_type = 'inspection' and ic.inspection_id = d.subject_id
			union all
			select qc.clause_id from inquiry_respondents qr join inquiry_clauses qc on qc.inquiry_id = qr.inquiry_id
			where d.subject_type = 'inquiry' and qr.id = d.subject_id
		) dc on true
		where d.letter_sent_on is not null and d.handling_due_on is not null`),
	href: deliberationHref,
}

// A deputy's concern handed to a lead agency: the answer is due three months after the hand-over
// (six when difficult, one after a 不满意 rating); the clock runs while it is handed over or
// handled again. Its clauses are those the deputy named.
const concernReplySource: ItemSource = {
	rows: sql.raw(`select 'concern_reply'::text as kind, c.id as item_id, null::int as parent_id, ca.agency_id, cc.clause_id, null::int as task_id,
		c.title, c.assigned_on as opened_on, c.reply_due_on as due_on,
		case when c.state in ('replied', 'closed') then c.replied_on end as closed_on,
		c.state in ('assigned', 'rehandling') as owes, false as caps
		from concerns c join concern_agencies ca on ca.concern_id = c.id and ca.role = 'lead'
		left join concern_clauses cc on cc.concern_id = c.id
		where c.assigned_on is not null and c.state in ('assigned', 'rehandling', 'replied', 'closed')`),
	href: concernHref,
}

// A class-B answer's promise: back among the agency's items when its date passes, until the
// agency reports it kept.
const concernPromiseSource: ItemSource = {
	rows: sql.raw(`select 'concern_promise'::text as kind, r.id as item_id, c.id as parent_id, r.agency_id, cc.clause_id, null::int as task_id,
		c.title, r.replied_on as opened_on, r.promised_on as due_on, r.fulfilled_on as closed_on,
		r.fulfilled_on is null as owes, false as caps
		from concern_replies r join concerns c on c.id = r.concern_id and r.round = c.round
		left join concern_clauses cc on cc.concern_id = c.id
		where r.result_class = 'B' and r.promised_on is not null and c.state in ('replied', 'closed')`),
	// A promise is shown on its concern's page.
	href: (_id, parentId) => concernHref(parentId ?? 0),
}

export const itemSources = {
	finding: findingSource,
	commitment: commitmentSource,
	resolution_action: resolutionActionSource,
	handling_report: handlingReportSource,
	concern_reply: concernReplySource,
	concern_promise: concernPromiseSource,
} satisfies Record<string, ItemSource>

export type ItemKind = keyof typeof itemSources
export const itemKinds = Object.keys(itemSources) as Array<ItemKind>

export function isItemKind(value: string): value is ItemKind {
	return Object.hasOwn(itemSources, value)
}

// Every source as one relation, for a `with items as (…)` clause.
export function allItems(): SQL {
	return sql.join(
		itemKinds.map((kind) => sql`(${itemSources[kind].rows})`),
		sql` union all `,
	)
}

export function itemHref(kind: string, id: number, parentId: number | null): string {
	return isItemKind(kind) ? itemSources[kind].href(id, parentId) : '#'
}
