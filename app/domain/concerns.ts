import { addDays, addMonths, daysOverdue, type IsoDate } from './dates'
import { parseRecordId } from './ids'
import { allowed, broken, forbiddenVerdict, type Verdict } from './refusal'
import { isOffice, type PolicyUser } from './roles'
import type { Settings } from './settings'

// Deputies' constituent concerns and suggestions (群众意见 / 代表建议), Deputies Law Art. 51–52: a
// deputy relays what constituents told them; the committee's office accepts it and hands it to
// the agencies concerned (交办); the lead agency answers within three months of the hand-over, six
// when the matter is wide-ranging or difficult; the deputy rates the answer.
//
// The constituents' identity is protected (个人信息保护法; the decision's clause (九) on informants):
// the deputy who recorded it sees it, the office and admin see it masked and in full only on an
// explicit, audited "show"; nobody else ever receives it.

export const concernStates = [
	'draft', // the deputy is writing it; nobody else sees it
	'submitted', // handed to the office, waiting to be accepted
	'accepted', // accepted by the office, not yet handed to agencies
	'declined', // not accepted, with the office's reason (the deputy sees it)
	'merged', // a duplicate, handled together with another concern (the deputy follows that one)
	'assigned', // handed to a lead agency and co-agencies: the lead's clock runs
	'returned', // the lead returned it as wrongly assigned; the office reassigns it
	'replied', // the lead has answered; the deputy rates the answer
	'rehandling', // rated 不满意: handled again, answer due within a month
	'closed', // rated, or closed unrated by the office a month after the answer
] as const
export type ConcernState = (typeof concernStates)[number]

export function isConcernState(value: unknown): value is ConcernState {
	return typeof value === 'string' && (concernStates as ReadonlyArray<string>).includes(value)
}

// The states in which the lead agency owes an answer: its clock runs.
export const concernOwesStates: ReadonlyArray<ConcernState> = ['assigned', 'rehandling']

// Handed to agencies, now or before: from here on they read it.
export const concernAssignedStates: ReadonlyArray<ConcernState> = ['assigned', 'returned', 'replied', 'rehandling', 'closed']

// The office's triage queue: what waits for acceptance, hand-over or reassignment.
export const concernTriageStates: ReadonlyArray<ConcernState> = ['submitted', 'accepted', 'returned']

export const resultClasses = ['A', 'B', 'C'] as const
export type ResultClass = (typeof resultClasses)[number]

export const concernRatings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type ConcernRating = (typeof concernRatings)[number]

export function isConcernRating(value: unknown): value is ConcernRating {
	return typeof value === 'string' && (concernRatings as ReadonlyArray<string>).includes(value)
}

export const agencyRoles = ['lead', 'co'] as const
export type ConcernAgencyRole = (typeof agencyRoles)[number]

// The 13 districts in the official order, then the functional zones (功能区), which carry district
// duties. Agencies' `district` column names them the same way.
export const districts = [
	'江岸区',
	'江汉区',
	'硚口区',
	'汉阳区',
	'武昌区',
	'青山区',
	'洪山区',
	'东西湖区',
	'汉南区',
	'蔡甸区',
	'江夏区',
	'黄陂区',
	'新洲区',
	'东湖高新区',
	'武汉经开区',
	'东湖风景区',
	'长江新区',
] as const
export type District = (typeof districts)[number]

export function isDistrict(value: unknown): value is District {
	return typeof value === 'string' && (districts as ReadonlyArray<string>).includes(value)
}

// The categories a new database starts with (a list in settings, which an administrator edits):
// the decision's own fields of work.
export const defaultConcernCategories = ['反诈宣传', '涉诈资金与账户', '电话卡与互联网账号', '校园反诈', '老年人防骗', '重点人员管控', '其他'] as const

// ── Deadlines (Deputies Law Art. 51 and local practice), Asia/Shanghai calendar dates ───────────

type DeadlineSettings = Pick<Settings, 'concernAnswerMonths' | 'concernAnswerDifficultMonths' | 'concernReturnDays' | 'concernRehandleMonths'>

// Three months from the hand-over, six when marked wide-ranging or difficult; a reassignment
// starts a new period from its own day.
export function replyDueOn(assignedOn: IsoDate, difficult: boolean, settings: DeadlineSettings): IsoDate {
	return addMonths(assignedOn, difficult ? settings.concernAnswerDifficultMonths : settings.concernAnswerMonths)
}

// A wrongly assigned concern is returned within ten days of the hand-over (the tenth day counts).
export function returnDeadline(assignedOn: IsoDate, settings: Pick<Settings, 'concernReturnDays'>): IsoDate {
	return addDays(assignedOn, settings.concernReturnDays)
}

// Co-agencies give their opinion to the lead a month before the lead's answer is due.
export function opinionDueOn(replyDue: IsoDate): IsoDate {
	return addMonths(replyDue, -1)
}

// Rated 不满意: the agency answers again within a month of the rating.
export function rehandleDueOn(ratedOn: IsoDate, settings: Pick<Settings, 'concernRehandleMonths'>): IsoDate {
	return addMonths(ratedOn, settings.concernRehandleMonths)
}

// An answer the deputy has not rated for a month may be closed by the office as 未评价.
export function unratedClosableOn(repliedOn: IsoDate): IsoDate {
	return addMonths(repliedOn, 1)
}

// Overdue is computed from today, never stored; the due day itself is not late.
export function concernOverdueDays(state: ConcernState, dueOn: IsoDate | null, today: IsoDate): number {
	return concernOwesStates.includes(state) ? daysOverdue(dueOn, today) : 0
}

// ── Identity: masked for the office's lists, never shown to anyone else ─────────────────────

// 张三 → 张*, 欧阳修 → 欧**: the surname alone says nothing about who it is.
export function maskName(name: string): string {
	const chars = [...name.trim()]
	if (chars.length === 0) return ''
	return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}

// 13812345678 → 138****5678; a short or odd number shows its last two digits at most.
export function maskPhone(phone: string): string {
	const digits = phone.replace(/\s+/g, '')
	if (digits.length === 0) return ''
	// A full mobile number or a landline with its area code keeps its ends (138****5678); a
	// shorter one (a local 8-digit number) would keep almost every digit that way: its last two only.
	if (digits.length >= 11) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
	return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`
}

// A mobile number (11 digits from 1) or a landline with its area code, as people write them.
export function isPhone(value: string): boolean {
	return /^1\d{10}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value)
}

// ── Who may read a concern, and how much of it ──────────────────────────────────────────────

export type ConcernReader = Pick<PolicyUser, 'id' | 'role' | 'agencyId'>

export type ConcernReadScope =
	// The office runs the procedure, admin reads what it reads: every concern handed in.
	| { kind: 'office' }
	// Members read the oversight record: every concern handed in, never the constituents.
	| { kind: 'handedIn' }
	// A deputy: the concerns they filed or co-signed, and those theirs were merged into.
	| { kind: 'deputy'; userId: number }
	// A liaison: the concerns handed to their agency, as lead or co-agency.
	| { kind: 'agency'; agencyId: number }
	| { kind: 'none' }

export function concernReadScope(user: ConcernReader): ConcernReadScope {
	switch (user.role) {
		case 'admin':
		case 'secretariat':
			return { kind: 'office' }
		case 'member':
			return { kind: 'handedIn' }
		case 'deputy':
			return user.id === null ? { kind: 'none' } : { kind: 'deputy', userId: user.id }
		case 'agency':
			return user.agencyId === null ? { kind: 'none' } : { kind: 'agency', agencyId: user.agencyId }
	}
}

// What the reader is to the concern, as the model finds it.
export type ConcernRelation = {
	filer: boolean // filed it
	coSigner: boolean // co-signed it
	follower: boolean // filed or co-signed a concern merged into this one
	agencyRole: ConcernAgencyRole | null // the reader's agency's part in the current hand-over
}

export const noRelation: ConcernRelation = { filer: false, coSigner: false, follower: false, agencyRole: null }

export type PolicyConcern = {
	state: ConcernState
	assignedOn: IsoDate | null
	replyDueOn: IsoDate | null
	repliedOn: IsoDate | null
	// The number of answers given (a re-handling adds one).
	round: number
	// Co-agencies of the current hand-over whose opinion is not in yet.
	opinionsMissing: number
	// The reader's agency has given its opinion on the current round.
	myOpinionGiven: boolean
	// The latest answer promised later work (class B) that the agency has not reported done.
	promisePending: boolean
}

export function mayReadConcern(user: ConcernReader, concern: Pick<PolicyConcern, 'state'>, relation: ConcernRelation): boolean {
	const scope = concernReadScope(user)
	switch (scope.kind) {
		case 'office':
		case 'handedIn':
			return concern.state !== 'draft'
		case 'deputy':
			return relation.filer || ((relation.coSigner || relation.follower) && concern.state !== 'draft')
		case 'agency':
			return relation.agencyRole !== null && concernAssignedStates.includes(concern.state)
		case 'none':
			return false
	}
}

// How much of the constituents a reader receives: the recording deputy in full; the office and
// admin masked (full only through the audited "show"); everyone else nothing at all — not even
// how many there are.
export type IdentityAccess = 'full' | 'masked' | 'none'

export function identityAccess(user: ConcernReader, relation: Pick<ConcernRelation, 'filer'>): IdentityAccess {
	if (user.role === 'deputy' && relation.filer) return 'full'
	if (isOffice(user.role)) return 'masked'
	return 'none'
}

// The deputy's own words and files reach an agency (and members) only when the office marks them
// shareable; otherwise they read the office's 交办 text, cleared of personal details.
export function mayReadOriginal(user: ConcernReader, relation: ConcernRelation, shareable: boolean): boolean {
	if (isOffice(user.role)) return true
	if (user.role === 'deputy') return relation.filer || relation.coSigner || relation.follower
	return shareable
}

// The 交办函 to one agency: the office, and that agency's liaisons; no agency reads what another
// was asked.
export function mayReadAssignmentLetter(user: ConcernReader, agencyId: number): boolean {
	return isOffice(user.role) || (user.role === 'agency' && user.agencyId === agencyId)
}

// ── The steps ──────────────────────────────────────────────────────────────────────────────

export const concernSteps = [
	'edit', // the deputy edits the draft
	'submit', // the deputy hands it to the office
	'discard', // the deputy withdraws a draft
	'accept', // the office accepts it
	'decline', // the office declines it, with a reason
	'merge', // the office merges it into another concern as a duplicate
	'arrange', // the office marks it 重点督办 / difficult / shareable and writes the 交办 text
	'assign', // the office hands it to a lead agency and co-agencies (again: a new period)
	'return', // the lead returns it as wrongly assigned, within ten days
	'opinion', // a co-agency gives its opinion to the lead
	'reply', // the lead answers with a result class
	'rate', // the filing deputy rates the answer
	'closeUnrated', // the office closes an answer left unrated for a month
	'fulfil', // the lead reports a class-B promise done
	'showIdentity', // the office sees the constituents in full (audited)
] as const
export type ConcernStep = (typeof concernSteps)[number]

function taker(user: ConcernReader, step: ConcernStep, relation: ConcernRelation): boolean {
	switch (step) {
		case 'edit':
		case 'submit':
		case 'discard':
		case 'rate':
			return user.role === 'deputy' && relation.filer
		case 'accept':
		case 'decline':
		case 'merge':
		case 'arrange':
		case 'assign':
		case 'closeUnrated':
			return user.role === 'secretariat'
		case 'showIdentity':
			return isOffice(user.role)
		case 'return':
		case 'reply':
		case 'fulfil':
			return user.role === 'agency' && relation.agencyRole === 'lead'
		case 'opinion':
			return user.role === 'agency' && relation.agencyRole === 'co'
	}
}

function inStates(state: ConcernState, states: ReadonlyArray<ConcernState>): Verdict {
	return states.includes(state) ? allowed : broken('concerns.state')
}

function stateRule(step: ConcernStep, c: PolicyConcern, today: IsoDate, settings: DeadlineSettings): Verdict {
	switch (step) {
		case 'edit':
		case 'submit':
		case 'discard':
			return inStates(c.state, ['draft'])
		case 'accept':
			return inStates(c.state, ['submitted'])
		case 'decline':
		case 'merge':
			return inStates(c.state, ['submitted', 'accepted'])
		case 'arrange':
			return inStates(c.state, ['submitted', 'accepted', 'assigned', 'returned', 'rehandling'])
		case 'assign':
			return inStates(c.state, ['submitted', 'accepted', 'assigned', 'returned'])
		case 'return': {
			const state = inStates(c.state, ['assigned'])
			if (!state.ok) return state
			if (c.round > 0) return broken('concerns.returnAfterReply')
			const last = returnDeadline(c.assignedOn ?? today, settings)
			return today <= last ? allowed : broken('concerns.returnTooLate', { date: last })
		}
		case 'opinion': {
			// Co-agencies inform the lead's first answer; a re-handling is the lead's alone.
			const state = inStates(c.state, ['assigned'])
			if (!state.ok) return state
			return c.myOpinionGiven ? broken('concerns.opinionGiven') : allowed
		}
		case 'reply': {
			const state = inStates(c.state, ['assigned', 'rehandling'])
			if (!state.ok) return state
			// The lead waits for its co-agencies' opinions until they are due; after that it answers
			// without them (the missing ones are theirs to explain).
			if (c.state === 'assigned' && c.opinionsMissing > 0 && c.replyDueOn && today <= opinionDueOn(c.replyDueOn)) {
				return broken('concerns.opinionsPending', { count: c.opinionsMissing, date: opinionDueOn(c.replyDueOn) })
			}
			return allowed
		}
		case 'rate':
			return inStates(c.state, ['replied'])
		case 'closeUnrated': {
			const state = inStates(c.state, ['replied'])
			if (!state.ok) return state
			const from = unratedClosableOn(c.repliedOn ?? today)
			return today >= from ? allowed : broken('concerns.unratedTooEarly', { date: from })
		}
		case 'fulfil':
			return c.promisePending ? allowed : broken('concerns.noPromise')
		case 'showIdentity':
			return allowed
	}
}

export function mayTakeConcernStep(
	user: ConcernReader,
	concern: PolicyConcern,
	relation: ConcernRelation,
	step: ConcernStep,
	today: IsoDate,
	settings: DeadlineSettings,
): Verdict {
	if (!mayReadConcern(user, concern, relation) || !taker(user, step, relation)) return forbiddenVerdict
	return stateRule(step, concern, today, settings)
}

export type ConcernPolicy = {
	read: boolean
	steps: Array<ConcernStep>
	identity: IdentityAccess
}

export function concernPolicy(
	user: ConcernReader,
	concern: PolicyConcern,
	relation: ConcernRelation,
	today: IsoDate,
	settings: DeadlineSettings,
): ConcernPolicy {
	const read = mayReadConcern(user, concern, relation)
	return {
		read,
		steps: read ? concernSteps.filter((step) => mayTakeConcernStep(user, concern, relation, step, today, settings).ok) : [],
		identity: read ? identityAccess(user, relation) : 'none',
	}
}

// A rating of 不满意 sends the concern back for re-handling; the others close it.
export function stateAfterRating(rating: ConcernRating): ConcernState {
	return rating === 'unsatisfied' ? 'rehandling' : 'closed'
}

// What the deputy's list says happens next, and by when.
export type NextStep = { kind: 'draft' | 'office' | 'agency' | 'deputy' | 'none'; by: IsoDate | null }

export function nextStep(c: Pick<PolicyConcern, 'state' | 'replyDueOn' | 'repliedOn'>): NextStep {
	switch (c.state) {
		case 'draft':
			return { kind: 'draft', by: null }
		case 'submitted':
		case 'accepted':
		case 'returned':
			return { kind: 'office', by: null }
		case 'assigned':
		case 'rehandling':
			return { kind: 'agency', by: c.replyDueOn }
		case 'replied':
			return { kind: 'deputy', by: c.repliedOn ? unratedClosableOn(c.repliedOn) : null }
		case 'declined':
		case 'merged':
		case 'closed':
			return { kind: 'none', by: null }
	}
}

// ── The list's filters, its CSV and the annual report ─────────────────────────────────────────

export type ConcernListQuery = {
	state?: ConcernState
	district?: District
	categoryId?: number
	clauseId?: number
	agencyId?: number
	overdue?: boolean
	rating?: ConcernRating | 'unrated'
	page: number
}

export function parseConcernListQuery(params: URLSearchParams): ConcernListQuery {
	const query: ConcernListQuery = { page: Math.min(Math.max(1, Math.trunc(Number(params.get('page'))) || 1), 100_000) }
	const state = params.get('state')
	if (isConcernState(state)) query.state = state
	const district = params.get('district')
	if (isDistrict(district)) query.district = district
	const categoryId = parseRecordId(params.get('category'))
	if (categoryId) query.categoryId = categoryId
	const clauseId = parseRecordId(params.get('clause'))
	if (clauseId) query.clauseId = clauseId
	const agencyId = parseRecordId(params.get('agency'))
	if (agencyId) query.agencyId = agencyId
	if (params.get('overdue') === '1') query.overdue = true
	const rating = params.get('rating')
	if (isConcernRating(rating) || rating === 'unrated') query.rating = rating
	return query
}

export function concernListSearch(query: Omit<ConcernListQuery, 'page'> & { page?: number }): string {
	const params = new URLSearchParams()
	if (query.state) params.set('state', query.state)
	if (query.district) params.set('district', query.district)
	if (query.categoryId) params.set('category', String(query.categoryId))
	if (query.clauseId) params.set('clause', String(query.clauseId))
	if (query.agencyId) params.set('agency', String(query.agencyId))
	if (query.overdue) params.set('overdue', '1')
	if (query.rating) params.set('rating', query.rating)
	if (query.page && query.page > 1) params.set('page', String(query.page))
	const search = params.toString()
	return search ? `?${search}` : ''
}

export function isConcernListFiltered(query: ConcernListQuery): boolean {
	return concernListSearch({ ...query, page: 1 }) !== ''
}

// Excel-safe CSV: Chinese column names whatever the interface language, and never a constituent.
export const concernCsvHeaders = ['编号', '标题', '状态', '区', '类别', '领衔代表', '承办单位', '协办单位', '交办日期', '答复期限', '答复日期', '办理结果', '满意度', '重点督办'] as const

export const concernStateLabels: Record<ConcernState, string> = {
	draft: '草稿',
	submitted: '已提交，待受理',
	accepted: '已受理，待交办',
	declined: '不予受理',
	merged: '已并案办理',
	assigned: '已交办，办理中',
	returned: '承办单位退回，待重新交办',
	replied: '已答复，待评价',
	rehandling: '不满意，重新办理中',
	closed: '已办结',
}

export const resultClassLabels: Record<ResultClass, string> = {
	A: 'A类（已解决或采纳）',
	B: 'B类（列入计划逐步解决）',
	C: 'C类（因条件限制需以后解决）',
}

export const ratingLabels: Record<ConcernRating, string> = {
	satisfied: '满意',
	basically_satisfied: '基本满意',
	unsatisfied: '不满意',
}

export type ConcernCsvRow = {
	id: number
	title: string
	state: ConcernState
	district: string
	categoryName: string
	filerName: string
	leadName: string | null
	coNames: Array<string>
	assignedOn: IsoDate | null
	replyDueOn: IsoDate | null
	repliedOn: IsoDate | null
	resultClass: ResultClass | null
	rating: ConcernRating | null
	closedUnrated: boolean
	priority: boolean
}

export function concernCsvRecord(row: ConcernCsvRow): Array<string> {
	return [
		String(row.id),
		row.title,
		concernStateLabels[row.state],
		row.district,
		row.categoryName,
		row.filerName,
		row.leadName ?? '',
		row.coNames.join('、'),
		row.assignedOn ?? '',
		row.replyDueOn ?? '',
		row.repliedOn ?? '',
		row.resultClass ? resultClassLabels[row.resultClass] : '',
		row.rating ? ratingLabels[row.rating] : row.closedUnrated ? '未评价' : '',
		row.priority ? '是' : '',
	]
}

// The annual handling report to the standing committee (Art. 51 para. 3): counts only.
export type AnnualCounts = {
	filed: number
	assigned: number
	replied: number
	byClass: Record<ResultClass, number>
	byRating: Record<ConcernRating | 'unrated', number>
	overdue: number
}

// The share of rated answers the deputies found 满意 or 基本满意, as a whole percentage.
export function satisfactionPercent(byRating: AnnualCounts['byRating']): number | null {
	const rated = byRating.satisfied + byRating.basically_satisfied + byRating.unsatisfied
	if (rated === 0) return null
	return Math.round(((byRating.satisfied + byRating.basically_satisfied) * 100) / rated)
}
