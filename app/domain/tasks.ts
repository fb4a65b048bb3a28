import { isIsoDate, type IsoDate } from './dates'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import { isOffice, type PolicyUser } from './roles'
import { statusLabels, statuses, type Status } from './status'

// The secretariat's rules for the 责任分解表: which rows a filter selects, how a task is split
// and merged, how ordinals are kept 1..n within a clause, and what a valid deadline is.

export const taskRoles = ['lead', 'co'] as const
export type TaskRole = (typeof taskRoles)[number]
export type AgencyAssignment = { agencyId: number; role: TaskRole }

// ---------------------------------------------------------------------------------------------
// The task's policy: who keeps the 责任分解表
// ---------------------------------------------------------------------------------------------

// The committee's office keeps the table: it edits a task's text, deadline and agencies, splits
// a task into its measures and merges two. Everyone else reads it.
export type TaskPolicy = { edit: boolean; split: boolean; merge: boolean }

export function taskPolicy(user: Pick<PolicyUser, 'role'>): TaskPolicy {
	const office = isOffice(user.role)
	return { edit: office, split: office, merge: office }
}

export function mayEditTask(user: Pick<PolicyUser, 'role'>): Verdict {
	return taskPolicy(user).edit ? allowed : forbiddenVerdict
}

// ---------------------------------------------------------------------------------------------
// Filters of the table, its print view and its CSV (all three read the same URL query)
// ---------------------------------------------------------------------------------------------

export type TaskTableQuery = {
	instrumentId?: number
	partId?: number
	clauseId?: number
	agencyId?: number
	// Only with an agency: the tasks it leads, or those it assists.
	role?: TaskRole
	// Only the tasks whose derived status is this one (the dashboard's bars lead here).
	status?: Status
}

function positiveId(value: string | null): number | undefined {
	if (!value || !/^\d{1,9}$/.test(value)) return undefined
	const id = Number(value)
	return id > 0 ? id : undefined
}

// Values that are not ids are ignored rather than refused: a hand-edited URL shows the whole table.
export function parseTaskTableQuery(params: URLSearchParams): TaskTableQuery {
	const query: TaskTableQuery = {}
	const instrumentId = positiveId(params.get('instrument'))
	const partId = positiveId(params.get('part'))
	const clauseId = positiveId(params.get('clause'))
	const agencyId = positiveId(params.get('agency'))
	const role = params.get('role')
	const status = params.get('status')
	if (status && (statuses as ReadonlyArray<string>).includes(status)) query.status = status as Status
	if (instrumentId) query.instrumentId = instrumentId
	if (partId) query.partId = partId
	if (clauseId) query.clauseId = clauseId
	if (agencyId) {
		query.agencyId = agencyId
		if (role === 'lead' || role === 'co') query.role = role
	}
	return query
}

// '' or '?part=2&agency=7': appended to the links to the print view and the CSV.
export function taskTableSearch(query: TaskTableQuery): string {
	const params = new URLSearchParams()
	if (query.instrumentId) params.set('instrument', String(query.instrumentId))
	if (query.partId) params.set('part', String(query.partId))
	if (query.clauseId) params.set('clause', String(query.clauseId))
	if (query.agencyId) params.set('agency', String(query.agencyId))
	if (query.agencyId && query.role) params.set('role', query.role)
	if (query.status) params.set('status', query.status)
	const search = params.toString()
	return search ? `?${search}` : ''
}

// The table's columns, in Chinese whatever the interface language (exports keep Chinese names).
export const taskTableHeaders = ['序号', '条款', '工作任务', '牵头单位', '配合单位', '完成时限', '落实情况']

type TableTask = {
	clauseLabel: string
	text: string
	deadline: IsoDate | null
	leads: ReadonlyArray<{ name: string }>
	cos: ReadonlyArray<{ name: string }>
}

// One row of the 责任分解表 as text: several agencies joined by 、, a deadline or 长期.
export function taskTableRecord(task: TableTask, serial: number, status: Status): Array<string> {
	return [
		String(serial),
		task.clauseLabel,
		task.text,
		task.leads.map((a) => a.name).join('、'),
		task.cos.map((a) => a.name).join('、'),
		task.deadline ?? '长期',
		statusLabels[status],
	]
}

// ---------------------------------------------------------------------------------------------
// Deadlines: a date, or 长期 (null) for a standing duty, which is never overdue
// ---------------------------------------------------------------------------------------------

export type DeadlineProblem = 'required' | 'invalid' | 'outOfRange' | 'longTermWithDate'

// A deadline is a real calendar date in a plausible range (a mistyped year such as 0202 is
// caught), or 长期 without a date: both at once is a contradiction, not a choice.
export function deadlineProblem(longTerm: boolean, deadline: string | undefined): DeadlineProblem | null {
	const value = deadline?.trim() ?? ''
	if (longTerm) return value ? 'longTermWithDate' : null
	if (!value) return 'required'
	if (!isIsoDate(value)) return 'invalid'
	if (value < '2000-01-01' || value > '2099-12-31') return 'outOfRange'
	return null
}

// Of two deadlines, the one that comes first; 长期 (null) comes after every date.
export function earlierDeadline(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
	if (a === null) return b
	if (b === null) return a
	return a <= b ? a : b
}

// ---------------------------------------------------------------------------------------------
// Agencies of a task
// ---------------------------------------------------------------------------------------------

export type AssignmentProblem = { kind: 'noLead' } | { kind: 'both'; agencyIds: Array<number> }

// At least one lead; an agency is lead or co, never both.
export function assignmentProblem(leadIds: ReadonlyArray<number>, coIds: ReadonlyArray<number>): AssignmentProblem | null {
	if (leadIds.length === 0) return { kind: 'noLead' }
	const both = [...new Set(leadIds.filter((id) => coIds.includes(id)))]
	return both.length ? { kind: 'both', agencyIds: both } : null
}

// The same rule as a verdict, for the mutation; `nameOf` says an agency's name.
export function assignmentRule(
	leadIds: ReadonlyArray<number>,
	coIds: ReadonlyArray<number>,
	nameOf: (agencyId: number) => string,
): Verdict {
	const problem = assignmentProblem(leadIds, coIds)
	if (problem?.kind === 'noLead') return broken('tasks.noLead', undefined, 400)
	if (problem?.kind === 'both') return broken('tasks.both', { names: problem.agencyIds.map(nameOf).join('、') }, 400)
	return allowed
}

export function toAssignments(leadIds: ReadonlyArray<number>, coIds: ReadonlyArray<number>): Array<AgencyAssignment> {
	const leads = [...new Set(leadIds)]
	return [
		...leads.map((agencyId) => ({ agencyId, role: 'lead' as const })),
		...[...new Set(coIds)].filter((id) => !leads.includes(id)).map((agencyId) => ({ agencyId, role: 'co' as const })),
	]
}

// The union of two tasks' agencies; an agency that leads either task leads the merged one.
export function mergeAssignments(
	a: ReadonlyArray<AgencyAssignment>,
	b: ReadonlyArray<AgencyAssignment>,
): Array<AgencyAssignment> {
	const all = [...a, ...b]
	const leads = all.filter((x) => x.role === 'lead').map((x) => x.agencyId)
	const cos = all.filter((x) => x.role === 'co').map((x) => x.agencyId)
	return toAssignments(leads, cos)
}

// ---------------------------------------------------------------------------------------------
// Split
// ---------------------------------------------------------------------------------------------

const sentenceEnd = /[。；！？;!?]/
const closers = /[”’」』）)\]"']/

// Offsets just after each sentence (。；！？ and a closing quote that follows), not counting the
// end of the text: the points at which a task's text can be split into its measures.
export function sentenceBoundaries(text: string): Array<number> {
	const boundaries: Array<number> = []
	for (let i = 0; i < text.length; i++) {
		if (!sentenceEnd.test(text[i])) continue
		let end = i + 1
		while (end < text.length && closers.test(text[end])) end++
		while (end < text.length && /\s/.test(text[end])) end++
		if (end < text.length && text.slice(end).trim() && boundaries.at(-1) !== end) boundaries.push(end)
		i = end - 1
	}
	return boundaries
}

// The two texts a split form starts with: at the chosen sentence boundary (1-based), else at
// the middle one; a text of one sentence starts whole in the first box.
export function splitProposal(text: string, at?: number): { first: string; second: string; at: number | null } {
	const boundaries = sentenceBoundaries(text)
	if (boundaries.length === 0) return { first: text, second: '', at: null }
	const index = at && at >= 1 && at <= boundaries.length ? at : Math.ceil(boundaries.length / 2)
	const offset = boundaries[index - 1]
	return { first: text.slice(0, offset).trim(), second: text.slice(offset).trim(), at: index }
}

export type SplitProblem = 'firstEmpty' | 'secondEmpty' | 'changed'

const whitespace = /\s+/g

// A split divides the text; it does not rewrite it. Both parts must have text, and together
// they must be the original (whitespace aside): a wording change is an edit of its own.
export function splitProblem(original: string, first: string, second: string): SplitProblem | null {
	if (!first.trim()) return 'firstEmpty'
	if (!second.trim()) return 'secondEmpty'
	if ((first + second).replace(whitespace, '') !== original.replace(whitespace, '')) return 'changed'
	return null
}

export function splitRule(original: string, first: string, second: string): Verdict {
	const problem = splitProblem(original, first, second)
	if (problem === 'firstEmpty') return broken('tasks.splitFirstEmpty', undefined, 400)
	if (problem === 'secondEmpty') return broken('tasks.splitSecondEmpty', undefined, 400)
	if (problem === 'changed') return broken('tasks.splitChanged', undefined, 400)
	return allowed
}

// ---------------------------------------------------------------------------------------------
// Merge
// ---------------------------------------------------------------------------------------------

type MergeInput = {
	ordinal: number
	text: string
	deadline: IsoDate | null
	agencies: ReadonlyArray<AgencyAssignment>
}

// Texts in the clause's order; one that does not end a sentence gets a 。 so the two do not run together.
export function joinTaskTexts(first: string, second: string): string {
	const a = first.trim()
	const b = second.trim()
	if (!a) return b
	if (!b) return a
	return /[。；！？;!?.”’」』]$/.test(a) ? `${a}${b}` : `${a}。${b}`
}

// Two different tasks of one clause merge; a task of another clause, or the task itself, not.
export function mergeRule(task: { id: number; clauseId: number }, other: { id: number; clauseId: number }): Verdict {
	return task.id !== other.id && task.clauseId === other.clauseId ? allowed : broken('tasks.mergeOtherClause', undefined, 400)
}

export function mergeTasks(a: MergeInput, b: MergeInput) {
	const [first, second] = a.ordinal <= b.ordinal ? [a, b] : [b, a]
	return {
		text: joinTaskTexts(first.text, second.text),
		deadline: earlierDeadline(a.deadline, b.deadline),
		agencies: mergeAssignments(first.agencies, second.agencies),
	}
}

// ---------------------------------------------------------------------------------------------
// Ordinals within a clause: always 1..n in the clause's order
// ---------------------------------------------------------------------------------------------

export function insertAfter(orderedIds: ReadonlyArray<number>, afterId: number, newId: number): Array<number> {
	const index = orderedIds.indexOf(afterId)
	if (index === -1) throw new Error(`Task ${afterId} is not in the list.`)
	const rest = orderedIds.filter((id) => id !== newId)
	const at = rest.indexOf(afterId) + 1
	return [...rest.slice(0, at), newId, ...rest.slice(at)]
}

// The merged task takes the place of whichever of the two came first; the other leaves.
export function orderAfterMerge(orderedIds: ReadonlyArray<number>, keptId: number, removedId: number): Array<number> {
	const firstIndex = Math.min(orderedIds.indexOf(keptId), orderedIds.indexOf(removedId))
	return orderedIds
		.map((id, index) => (index === firstIndex ? keptId : id))
		.filter((id, index) => id !== removedId && !(id === keptId && index !== firstIndex))
}

// The ordinals that must change so that the tasks read 1..n in the given order.
export function renumber(
	current: ReadonlyArray<{ id: number; ordinal: number }>,
	orderedIds: ReadonlyArray<number>,
): Array<{ id: number; ordinal: number }> {
	const was = new Map(current.map((task) => [task.id, task.ordinal]))
	return orderedIds
		.map((id, index) => ({ id, ordinal: index + 1 }))
		.filter((task) => was.get(task.id) !== task.ordinal)
}
