import { addDays, daysOverdue, type IsoDate } from './dates'

// The home page's to-do list: every kind of record contributes items through its own provider
// (app/models/todo.server.ts); the rule that orders them and splits them into "awaiting my
// action" and "due in the next N days" lives here, once, for all of them.

// What the user is asked to do. A later kind of record adds its verbs here and their labels
// in the i18n `todo.actions` section.
export const todoActions = [
	'draft', // write a report's draft
	'revise', // revise a report after the opinions and have it signed off
	'collect', // collect opinions on a draft and send them back to the organ
	'distribute', // distribute a revised report to the members
	'open', // open the deliberation of a report heard at a meeting
	'opinion', // write a deliberation opinion
	'vote', // cast a satisfaction ballot
	'close', // close a satisfaction vote
	'send', // compose and send the consolidated opinion letter
	'answer', // submit the written handling report
	'resubmit', // submit again a handling report that was returned
	'check', // accept or return a handling report
	'attend', // attend a standing committee meeting
	'rectify', // rectify an inspection finding and report what was done
	'rectify_again', // rectify again a finding whose response was reopened
	'verify', // verify an agency's rectification: accept or reopen
	'publish_record', // check and publish an inquiry session's record
	'commitment_report', // report what was done on a commitment made at an inquiry
	'commitment_report_again', // report again on a commitment whose report was reopened
	'commitment_verify', // verify an agency's report on a commitment: accept or reopen
	'cosign', // co-sign an interpellation one was asked to sign
	'judge', // say whether one is satisfied with an interpellation's answer
	'refer', // record the chairpersons' council's decision on an interpellation
	'decide_reanswer', // record the council's decision on a request for a re-answer
	'record_answer', // record an oral answer given at a meeting
	'answer_interpellation', // answer an interpellation in writing
	'answer_orally', // answer an interpellation in person at a meeting
	'execute', // report on an action a resolution requires
	'execute_again', // report again on an action sent back
	'review_action', // close a reported action or send it back
	'report_execution', // report on a resolution's execution
	'concern_submit', // a deputy's draft concern, not handed in yet
	'concern_rate', // the deputy rates an answer
	'concern_triage', // the office accepts and hands over a concern
	'concern_reassign', // returned by its lead agency: hand it over again
	'concern_close_unrated', // unrated for a month: the office may close it as 未评价
	'concern_reply', // the lead agency answers
	'concern_rehandle', // rated 不满意: the lead handles it again
	'concern_opinion', // a co-agency gives the lead its opinion
	'concern_promise', // a class-B promise whose date has come
] as const
export type TodoAction = (typeof todoActions)[number]

export type TodoItem = {
	// The kind of record ('report', 'deliberation', 'meeting', later 'inspection' …).
	kind: string
	action: TodoAction
	// The record's own title, as written.
	title: string
	href: string
	due: IsoDate | null
	// Computed from `due` and today (never stored); 0 when not overdue.
	overdueDays: number
	// False for a date to keep in view that is not yet the user's move: a meeting to attend, a
	// revised report due while the office still collects opinions on the draft.
	actionable: boolean
	// Context in data form: the meeting, the agency, a return reason.
	detail?: string
}

export type TodoInput = Omit<TodoItem, 'overdueDays'>

export function todoItem(input: TodoInput, today: IsoDate): TodoItem {
	return { ...input, overdueDays: daysOverdue(input.due, today) }
}

export type TodoLists = {
	awaiting: Array<TodoItem>
	dueSoon: Array<TodoItem>
}

// Overdue first (the longest overdue on top), then by due date, undated last; ties by title so
// the order is stable.
export function compareTodo(a: TodoItem, b: TodoItem): number {
	if (a.overdueDays !== b.overdueDays) return b.overdueDays - a.overdueDays
	if (a.due !== b.due) {
		if (a.due === null) return 1
		if (b.due === null) return -1
		return a.due < b.due ? -1 : 1
	}
	return a.title < b.title ? -1 : a.title > b.title ? 1 : 0
}

// "Awaiting my action": everything the user can act on now, whatever its date. "Due in the next
// N days": every dated item due soon (isDueSoon), the user's move or not — a report to draft in
// four days is both. A date beyond the horizon that needs no action yet is left out.
export function splitTodo(items: ReadonlyArray<TodoItem>, today: IsoDate, horizonDays: number): TodoLists {
	const current = items.map((item) => ({ ...item, overdueDays: daysOverdue(item.due, today) }))
	const unique = dedupe(current)
	const awaiting = unique.filter((item) => item.actionable).sort(compareTodo)
	const dueSoon = unique.filter((item) => isDueSoon(item, today, horizonDays)).sort(compareTodo)
	return { awaiting, dueSoon }
}

// The one meaning of "due soon" on the home page: a date from today to N days ahead, or one
// already past (shown first, in red) — an overdue item is the most pressing of all.
export function isDueSoon(item: Pick<TodoItem, 'due'>, today: IsoDate, horizonDays: number): boolean {
	return item.due !== null && item.due <= addDays(today, horizonDays)
}

// Two providers may name the same step of the same record (a secretariat user who is also
// listed elsewhere): keep one.
function dedupe(items: Array<TodoItem>): Array<TodoItem> {
	const seen = new Set<string>()
	return items.filter((item) => {
		const key = todoKey(item)
		if (seen.has(key)) return false
		seen.add(key)
		return true
	})
}

export function todoKey(item: Pick<TodoItem, 'kind' | 'href' | 'action'>): string {
	return `${item.kind}|${item.href}|${item.action}`
}
