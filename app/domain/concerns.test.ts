import { describe, expect, test } from 'vitest'
import {
	concernCsvHeaders,
	concernCsvRecord,
	concernListSearch,
	concernOverdueDays,
	concernPolicy,
	concernReadScope,
	concernStates,
	concernSteps,
	identityAccess,
	isConcernListFiltered,
	isPhone,
	maskName,
	maskPhone,
	mayReadAssignmentLetter,
	mayReadConcern,
	mayReadOriginal,
	mayTakeConcernStep,
	nextStep,
	noRelation,
	opinionDueOn,
	parseConcernListQuery,
	rehandleDueOn,
	replyDueOn,
	returnDeadline,
	satisfactionPercent,
	stateAfterRating,
	unratedClosableOn,
	type ConcernCsvRow,
	type ConcernReader,
	type ConcernRelation,
	type ConcernState,
	type ConcernStep,
	type PolicyConcern,
} from './concerns'
import { settingDefaults } from './settings'
import type { Role } from './roles'

const settings = settingDefaults
const forbidden = { ok: false, refusal: { kind: 'forbidden' } }
const ruleRefusal = (code: string, params?: Record<string, unknown>) => ({ ok: false, refusal: params ? { kind: 'rule', code, params } : { kind: 'rule', code } })

// ── Readers and relations ───────────────────────────────────────────────────────────────────

const leadAgency = 21
const coAgency = 22
const otherAgency = 23
const reader = (role: Role, id: number | null = 7, agencyId: number | null = null): ConcernReader => ({ id, role, agencyId })
const relation = (overrides: Partial<ConcernRelation> = {}): ConcernRelation => ({ ...noRelation, ...overrides })

const admin = reader('admin', 1)
const secretariat = reader('secretariat', 2)
const member = reader('member', 3)
const filer = reader('deputy', 4)
const coSigner = reader('deputy', 5)
const follower = reader('deputy', 6)
const strangerDeputy = reader('deputy', 7)
const leadLiaison = reader('agency', 8, leadAgency)
const coLiaison = reader('agency', 9, coAgency)
const otherLiaison = reader('agency', 10, otherAgency)

type Cast = { name: string; user: ConcernReader; relation: ConcernRelation }
const cast: Record<string, Cast> = {
	admin: { name: 'admin', user: admin, relation: noRelation },
	secretariat: { name: 'secretariat', user: secretariat, relation: noRelation },
	member: { name: 'member', user: member, relation: noRelation },
	filer: { name: 'filer', user: filer, relation: relation({ filer: true }) },
	coSigner: { name: 'coSigner', user: coSigner, relation: relation({ coSigner: true }) },
	follower: { name: 'follower', user: follower, relation: relation({ follower: true }) },
	strangerDeputy: { name: 'strangerDeputy', user: strangerDeputy, relation: noRelation },
	lead: { name: 'lead', user: leadLiaison, relation: relation({ agencyRole: 'lead' }) },
	co: { name: 'co', user: coLiaison, relation: relation({ agencyRole: 'co' }) },
	otherAgency: { name: 'otherAgency', user: otherLiaison, relation: noRelation },
}

const concern = (overrides: Partial<PolicyConcern> = {}): PolicyConcern => ({
	state: 'assigned',
	assignedOn: '2027-03-01',
	replyDueOn: '2027-06-01',
	repliedOn: null,
	round: 0,
	opinionsMissing: 0,
	myOpinionGiven: false,
	promisePending: false,
	...overrides,
})

const today = '2027-03-05'
const take = (who: Cast, c: PolicyConcern, step: ConcernStep, on = today) => mayTakeConcernStep(who.user, c, who.relation, step, on, settings)

// ── Deadlines ───────────────────────────────────────────────────────────────────────────────

describe('deadlines', () => {
	test('the defaults are the law’s: three months, six when difficult, ten days to return, a month to re-handle', () => {
		expect(settings.concernAnswerMonths).toBe(3)
		expect(settings.concernAnswerDifficultMonths).toBe(6)
		expect(settings.concernReturnDays).toBe(10)
		expect(settings.concernRehandleMonths).toBe(1)
	})

	test('an answer is due three months after the hand-over, six when difficult', () => {
		expect(replyDueOn('2027-03-01', false, settings)).toBe('2027-06-01')
		expect(replyDueOn('2027-03-01', true, settings)).toBe('2027-09-01')
		expect(replyDueOn('2027-10-15', false, settings)).toBe('2028-01-15')
		expect(replyDueOn('2027-10-15', true, settings)).toBe('2028-04-15')
	})

	test('the periods are settings', () => {
		const custom = { ...settings, concernAnswerMonths: 2, concernAnswerDifficultMonths: 4, concernReturnDays: 15, concernRehandleMonths: 2 }
		expect(replyDueOn('2027-03-01', false, custom)).toBe('2027-05-01')
		expect(replyDueOn('2027-03-01', true, custom)).toBe('2027-07-01')
		expect(returnDeadline('2027-03-01', custom)).toBe('2027-03-16')
		expect(rehandleDueOn('2027-03-01', custom)).toBe('2027-05-01')
	})

	test('a month after a month’s last day is the last day of the shorter month, leap years included', () => {
		expect(replyDueOn('2027-01-31', false, { ...settings, concernAnswerMonths: 1 })).toBe('2027-02-28')
		expect(replyDueOn('2028-01-31', false, { ...settings, concernAnswerMonths: 1 })).toBe('2028-02-29')
		expect(replyDueOn('2027-11-30', false, settings)).toBe('2028-02-29')
		expect(replyDueOn('2026-11-30', false, settings)).toBe('2027-02-28')
		expect(replyDueOn('2028-08-31', true, settings)).toBe('2029-02-28')
		expect(replyDueOn('2027-08-31', true, settings)).toBe('2028-02-29')
		// Three months from the last day of a 31-day month into a 30-day one.
		expect(replyDueOn('2027-03-31', false, settings)).toBe('2027-06-30')
		// Across the year end.
		expect(replyDueOn('2027-12-31', false, settings)).toBe('2028-03-31')
	})

	test('a wrongly assigned concern is returned within ten days of the hand-over', () => {
		expect(returnDeadline('2027-03-01', settings)).toBe('2027-03-11')
		expect(returnDeadline('2027-02-25', settings)).toBe('2027-03-07')
		expect(returnDeadline('2028-02-25', settings)).toBe('2028-03-06')
		expect(returnDeadline('2027-12-28', settings)).toBe('2028-01-07')
	})

	test('co-agencies’ opinions are due one month before the answer, month ends clamped', () => {
		expect(opinionDueOn('2027-06-01')).toBe('2027-05-01')
		expect(opinionDueOn('2027-03-31')).toBe('2027-02-28')
		expect(opinionDueOn('2028-03-31')).toBe('2028-02-29')
		expect(opinionDueOn('2027-01-15')).toBe('2026-12-15')
		expect(opinionDueOn('2028-02-29')).toBe('2028-01-29')
	})

	test('a re-handling is due a month after the rating', () => {
		expect(rehandleDueOn('2027-05-10', settings)).toBe('2027-06-10')
		expect(rehandleDueOn('2027-01-31', settings)).toBe('2027-02-28')
		expect(rehandleDueOn('2028-01-31', settings)).toBe('2028-02-29')
		expect(rehandleDueOn('2027-12-15', settings)).toBe('2028-01-15')
	})

	test('an unrated answer may be closed a month after it was given', () => {
		expect(unratedClosableOn('2027-06-01')).toBe('2027-07-01')
		expect(unratedClosableOn('2027-01-31')).toBe('2027-02-28')
		expect(unratedClosableOn('2028-01-30')).toBe('2028-02-29')
		expect(unratedClosableOn('2027-12-31')).toBe('2028-01-31')
	})

	test('overdue counts from the day after the due day, and only while an answer is owed', () => {
		expect(concernOverdueDays('assigned', '2027-06-01', '2027-05-31')).toBe(0)
		expect(concernOverdueDays('assigned', '2027-06-01', '2027-06-01')).toBe(0)
		expect(concernOverdueDays('assigned', '2027-06-01', '2027-06-02')).toBe(1)
		expect(concernOverdueDays('assigned', '2027-06-01', '2027-07-01')).toBe(30)
		expect(concernOverdueDays('rehandling', '2027-02-28', '2027-03-01')).toBe(1)
		expect(concernOverdueDays('rehandling', '2028-02-28', '2028-03-01')).toBe(2)
		expect(concernOverdueDays('assigned', null, '2027-07-01')).toBe(0)
		for (const state of concernStates.filter((s) => s !== 'assigned' && s !== 'rehandling')) {
			expect(concernOverdueDays(state, '2027-06-01', '2027-12-01'), state).toBe(0)
		}
	})
})

// ── Masking ─────────────────────────────────────────────────────────────────────────────────

describe('masking', () => {
	test('a name keeps its surname only', () => {
		expect(maskName('张三')).toBe('张*')
		expect(maskName('欧阳修')).toBe('欧**')
		expect(maskName('司马相如')).toBe('司***')
		// A single character still gets a star: the mask never shows a whole name.
		expect(maskName('张')).toBe('张*')
		expect(maskName('')).toBe('')
		expect(maskName('   ')).toBe('')
		expect(maskName('  李四 ')).toBe('李*')
		// Characters outside the BMP count as one.
		expect(maskName('𠮷野')).toBe('𠮷*')
	})

	test('a mobile number shows its first three and last four digits', () => {
		expect(maskPhone('13812345678')).toBe('138****5678')
		expect(maskPhone('138 1234 5678')).toBe('138****5678')
		expect(maskPhone('')).toBe('')
		expect(maskPhone('   ')).toBe('')
	})

	test('a landline keeps its area code and last four digits; the middle is hidden', () => {
		const masked = maskPhone('027-85551234')
		expect(masked).toBe('027*****1234')
		expect(masked).not.toContain('8555')
		expect(masked).toHaveLength('027-85551234'.length)
		expect(maskPhone('02785551234')).toBe('027****1234')
	})

	test('a short number shows its last two digits at most', () => {
		expect(maskPhone('12345')).toBe('***45')
		expect(maskPhone('1234567')).toBe('*****67')
		expect(maskPhone('110')).toBe('*10')
		// A local number without its area code hides all but two digits, not one.
		expect(maskPhone('85551234')).toBe('******34')
		expect(maskPhone('8555123456')).toBe('********56')
		expect(maskPhone('12')).toBe('12')
		expect(maskPhone('7')).toBe('7')
		expect(maskPhone('12345678')).toBe('******78')
	})

	test('a phone is a mobile number or a landline with its area code', () => {
		expect(isPhone('13812345678')).toBe(true)
		expect(isPhone('19912345678')).toBe(true)
		expect(isPhone('027-85551234')).toBe(true)
		expect(isPhone('02785551234')).toBe(true)
		expect(isPhone('010-12345678')).toBe(true)
		expect(isPhone('0755-1234567')).toBe(true)
		expect(isPhone('0755-12345678')).toBe(true)

		expect(isPhone('')).toBe(false)
		expect(isPhone('1381234567')).toBe(false) // ten digits
		expect(isPhone('138123456789')).toBe(false) // twelve digits
		expect(isPhone('23812345678')).toBe(false) // not from 1
		expect(isPhone('138 1234 5678')).toBe(false)
		expect(isPhone('+8613812345678')).toBe(false)
		expect(isPhone('85551234')).toBe(false) // no area code
		expect(isPhone('027-123456')).toBe(false) // six-digit local number
		expect(isPhone('027-123456789')).toBe(false) // nine-digit local number
		expect(isPhone('27-85551234')).toBe(false)
		expect(isPhone('138abcd5678')).toBe(false)
		expect(isPhone(' 13812345678')).toBe(false)
	})
})

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

describe('read scope and identity', () => {
	test('the scope follows the role', () => {
		expect(concernReadScope(admin)).toEqual({ kind: 'office' })
		expect(concernReadScope(secretariat)).toEqual({ kind: 'office' })
		expect(concernReadScope(member)).toEqual({ kind: 'handedIn' })
		expect(concernReadScope(filer)).toEqual({ kind: 'deputy', userId: 4 })
		expect(concernReadScope(leadLiaison)).toEqual({ kind: 'agency', agencyId: leadAgency })
		expect(concernReadScope(reader('deputy', null))).toEqual({ kind: 'none' })
		expect(concernReadScope(reader('agency', 9, null))).toEqual({ kind: 'none' })
	})

	const assignedStates: Array<ConcernState> = ['assigned', 'returned', 'replied', 'rehandling', 'closed']
	const handedInNotAssigned: Array<ConcernState> = ['submitted', 'accepted', 'declined', 'merged']

	test('a draft is read by its filer alone', () => {
		const draft = { state: 'draft' as const }
		for (const who of Object.values(cast)) {
			expect(mayReadConcern(who.user, draft, who.relation), who.name).toBe(who.name === 'filer')
		}
	})

	test('the office, members, the filer, co-signers and followers read every concern handed in', () => {
		for (const state of [...handedInNotAssigned, ...assignedStates]) {
			for (const who of [cast.admin, cast.secretariat, cast.member, cast.filer, cast.coSigner, cast.follower]) {
				expect(mayReadConcern(who.user, { state }, who.relation), `${who.name} ${state}`).toBe(true)
			}
			expect(mayReadConcern(strangerDeputy, { state }, noRelation), `stranger ${state}`).toBe(false)
		}
	})

	test('agencies read only what was handed to them, and only once it was handed over', () => {
		for (const state of concernStates) {
			const assigned = assignedStates.includes(state)
			expect(mayReadConcern(cast.lead.user, { state }, cast.lead.relation), `lead ${state}`).toBe(assigned)
			expect(mayReadConcern(cast.co.user, { state }, cast.co.relation), `co ${state}`).toBe(assigned)
			expect(mayReadConcern(cast.otherAgency.user, { state }, cast.otherAgency.relation), `other ${state}`).toBe(false)
		}
	})

	test('a deputy’s or agency’s relation counts only for their own kind of reader', () => {
		// An agency user is not a filer whatever the relation says, and a deputy has no agency role.
		expect(mayReadConcern(reader('agency', 9, otherAgency), { state: 'submitted' }, relation({ filer: true }))).toBe(false)
		expect(mayReadConcern(strangerDeputy, { state: 'assigned' }, relation({ agencyRole: 'lead' }))).toBe(false)
		// Users with no id or agency read nothing.
		expect(mayReadConcern(reader('deputy', null), { state: 'draft' }, relation({ filer: true }))).toBe(false)
		expect(mayReadConcern(reader('agency', 9, null), { state: 'assigned' }, relation({ agencyRole: 'lead' }))).toBe(false)
	})

	test('the constituents: in full to the filing deputy, masked to the office, to nobody else', () => {
		expect(identityAccess(cast.filer.user, cast.filer.relation)).toBe('full')
		expect(identityAccess(admin, noRelation)).toBe('masked')
		expect(identityAccess(secretariat, noRelation)).toBe('masked')
		for (const who of [cast.member, cast.coSigner, cast.follower, cast.strangerDeputy, cast.lead, cast.co, cast.otherAgency]) {
			expect(identityAccess(who.user, who.relation), who.name).toBe('none')
		}
		// A filer relation on a non-deputy never opens the identity.
		expect(identityAccess(member, { filer: true })).toBe('none')
		expect(identityAccess(leadLiaison, { filer: true })).toBe('none')
	})

	test('the deputy’s original words: the office and the concern’s deputies always; members and agencies only when shareable', () => {
		for (const shareable of [false, true]) {
			expect(mayReadOriginal(admin, noRelation, shareable)).toBe(true)
			expect(mayReadOriginal(secretariat, noRelation, shareable)).toBe(true)
			expect(mayReadOriginal(filer, cast.filer.relation, shareable)).toBe(true)
			expect(mayReadOriginal(coSigner, cast.coSigner.relation, shareable)).toBe(true)
			expect(mayReadOriginal(follower, cast.follower.relation, shareable)).toBe(true)
			// A deputy unrelated to the concern never, even when it is shareable.
			expect(mayReadOriginal(strangerDeputy, noRelation, shareable)).toBe(false)
			expect(mayReadOriginal(member, noRelation, shareable)).toBe(shareable)
			expect(mayReadOriginal(leadLiaison, cast.lead.relation, shareable)).toBe(shareable)
			expect(mayReadOriginal(coLiaison, cast.co.relation, shareable)).toBe(shareable)
		}
	})

	test('an assignment letter is read by the office and the agency it was written to', () => {
		expect(mayReadAssignmentLetter(admin, leadAgency)).toBe(true)
		expect(mayReadAssignmentLetter(secretariat, leadAgency)).toBe(true)
		expect(mayReadAssignmentLetter(leadLiaison, leadAgency)).toBe(true)
		expect(mayReadAssignmentLetter(coLiaison, leadAgency)).toBe(false)
		expect(mayReadAssignmentLetter(member, leadAgency)).toBe(false)
		expect(mayReadAssignmentLetter(filer, leadAgency)).toBe(false)
		expect(mayReadAssignmentLetter(reader('agency', 9, null), leadAgency)).toBe(false)
	})

	test('the policy: identity follows reading, and nothing is offered to whom cannot read', () => {
		const submitted = concern({ state: 'submitted', assignedOn: null, replyDueOn: null })
		expect(concernPolicy(admin, submitted, noRelation, today, settings)).toEqual({ read: true, steps: ['showIdentity'], identity: 'masked' })
		expect(concernPolicy(coSigner, submitted, cast.coSigner.relation, today, settings)).toEqual({ read: true, steps: [], identity: 'none' })
		expect(concernPolicy(member, submitted, noRelation, today, settings)).toEqual({ read: true, steps: [], identity: 'none' })
		// The office does not see a draft at all, so not its constituents either.
		const draft = concern({ state: 'draft', assignedOn: null, replyDueOn: null })
		expect(concernPolicy(admin, draft, noRelation, today, settings)).toEqual({ read: false, steps: [], identity: 'none' })
		expect(concernPolicy(secretariat, draft, noRelation, today, settings)).toEqual({ read: false, steps: [], identity: 'none' })
		expect(concernPolicy(filer, draft, cast.filer.relation, today, settings)).toEqual({ read: true, steps: ['edit', 'submit', 'discard'], identity: 'full' })
		expect(concernPolicy(otherLiaison, concern(), noRelation, today, settings)).toEqual({ read: false, steps: [], identity: 'none' })
		expect(concernPolicy(leadLiaison, submitted, cast.lead.relation, today, settings)).toEqual({ read: false, steps: [], identity: 'none' })
	})
})

// ── Steps ───────────────────────────────────────────────────────────────────────────────────

describe('steps: who takes them', () => {
	// For each step, a concern in a state where the state rule allows it, and the one role that
	// may take it.
	const allowedCases: Array<{ step: ConcernStep; c: PolicyConcern; takers: Array<keyof typeof cast> }> = [
		{ step: 'edit', c: concern({ state: 'draft', assignedOn: null, replyDueOn: null }), takers: ['filer'] },
		{ step: 'submit', c: concern({ state: 'draft', assignedOn: null, replyDueOn: null }), takers: ['filer'] },
		{ step: 'discard', c: concern({ state: 'draft', assignedOn: null, replyDueOn: null }), takers: ['filer'] },
		{ step: 'accept', c: concern({ state: 'submitted', assignedOn: null, replyDueOn: null }), takers: ['secretariat'] },
		{ step: 'decline', c: concern({ state: 'submitted', assignedOn: null, replyDueOn: null }), takers: ['secretariat'] },
		{ step: 'merge', c: concern({ state: 'accepted', assignedOn: null, replyDueOn: null }), takers: ['secretariat'] },
		{ step: 'arrange', c: concern({ state: 'accepted', assignedOn: null, replyDueOn: null }), takers: ['secretariat'] },
		{ step: 'assign', c: concern({ state: 'returned' }), takers: ['secretariat'] },
		{ step: 'return', c: concern(), takers: ['lead'] },
		{ step: 'opinion', c: concern(), takers: ['co'] },
		{ step: 'reply', c: concern(), takers: ['lead'] },
		{ step: 'rate', c: concern({ state: 'replied', repliedOn: '2027-05-01', round: 1 }), takers: ['filer'] },
		{ step: 'closeUnrated', c: concern({ state: 'replied', repliedOn: '2027-01-01', round: 1 }), takers: ['secretariat'] },
		{ step: 'fulfil', c: concern({ state: 'closed', repliedOn: '2027-01-01', round: 1, promisePending: true }), takers: ['lead'] },
		{ step: 'showIdentity', c: concern(), takers: ['admin', 'secretariat'] },
	]

	test('every step is covered here', () => {
		expect(allowedCases.map((c) => c.step).sort()).toEqual([...concernSteps].sort())
	})

	for (const { step, c, takers } of allowedCases) {
		test(`${step}: only ${takers.join(', ')}; everyone else is forbidden`, () => {
			for (const who of Object.values(cast)) {
				const verdict = take(who, c, step)
				if (takers.includes(who.name as keyof typeof cast)) expect(verdict, who.name).toEqual({ ok: true })
				else expect(verdict, who.name).toEqual(forbidden)
			}
		})
	}

	test('the administrator reads but does not run the procedure (except to see the constituents)', () => {
		const accepted = concern({ state: 'accepted', assignedOn: null, replyDueOn: null })
		for (const step of ['accept', 'decline', 'merge', 'arrange', 'assign'] as const) expect(take(cast.admin, accepted, step), step).toEqual(forbidden)
		expect(take(cast.admin, concern({ state: 'replied', repliedOn: '2027-01-01', round: 1 }), 'closeUnrated', '2027-06-01')).toEqual(forbidden)
		expect(take(cast.admin, accepted, 'showIdentity')).toEqual({ ok: true })
	})

	test('what cannot be read cannot be acted on: forbidden, before any state rule', () => {
		// The lead agency on a concern not handed over yet (a hand-over being prepared).
		expect(take(cast.lead, concern({ state: 'accepted' }), 'reply')).toEqual(forbidden)
		// The office on a draft.
		expect(take(cast.secretariat, concern({ state: 'draft' }), 'showIdentity')).toEqual(forbidden)
		expect(take(cast.secretariat, concern({ state: 'draft' }), 'accept')).toEqual(forbidden)
		// A deputy with no id.
		expect(mayTakeConcernStep(reader('deputy', null), concern({ state: 'draft' }), relation({ filer: true }), 'edit', today, settings)).toEqual(forbidden)
	})

	test('a co-signer or follower does not rate, edit or submit', () => {
		const replied = concern({ state: 'replied', repliedOn: '2027-05-01', round: 1 })
		for (const who of [cast.coSigner, cast.follower]) {
			expect(take(who, replied, 'rate'), who.name).toEqual(forbidden)
			expect(take(who, concern({ state: 'draft' }), 'edit'), who.name).toEqual(forbidden)
		}
	})
})

describe('steps: the state rules', () => {
	const stateRules: Array<{ step: ConcernStep; who: keyof typeof cast; states: Array<ConcernState> }> = [
		{ step: 'edit', who: 'filer', states: ['draft'] },
		{ step: 'submit', who: 'filer', states: ['draft'] },
		{ step: 'discard', who: 'filer', states: ['draft'] },
		{ step: 'accept', who: 'secretariat', states: ['submitted'] },
		{ step: 'decline', who: 'secretariat', states: ['submitted', 'accepted'] },
		{ step: 'merge', who: 'secretariat', states: ['submitted', 'accepted'] },
		{ step: 'arrange', who: 'secretariat', states: ['submitted', 'accepted', 'assigned', 'returned', 'rehandling'] },
		{ step: 'assign', who: 'secretariat', states: ['submitted', 'accepted', 'assigned', 'returned'] },
		{ step: 'rate', who: 'filer', states: ['replied'] },
		{ step: 'closeUnrated', who: 'secretariat', states: ['replied'] },
		{ step: 'return', who: 'lead', states: ['assigned'] },
		{ step: 'opinion', who: 'co', states: ['assigned'] },
		{ step: 'reply', who: 'lead', states: ['assigned', 'rehandling'] },
	]

	for (const { step, who, states } of stateRules) {
		test(`${step} is taken in ${states.join(', ')} only; elsewhere concerns.state`, () => {
			const actor = cast[who]
			for (const state of concernStates) {
				// Fresh enough to return, old enough to close unrated, nothing missing.
				const c = concern({ state, repliedOn: '2027-01-01' })
				const verdict = take(actor, c, step, '2027-03-05')
				if (!mayReadConcern(actor.user, c, actor.relation)) expect(verdict, state).toEqual(forbidden)
				else if (states.includes(state)) expect(verdict, state).toEqual({ ok: true })
				else expect(verdict, state).toEqual(ruleRefusal('concerns.state'))
			}
		})
	}

	test('the constituents may be shown to the office in any state it reads', () => {
		for (const state of concernStates.filter((s) => s !== 'draft')) {
			expect(take(cast.secretariat, concern({ state }), 'showIdentity'), state).toEqual({ ok: true })
			expect(take(cast.admin, concern({ state }), 'showIdentity'), state).toEqual({ ok: true })
		}
	})
})

describe('steps: return, opinion, reply, closeUnrated, fulfil at their edges', () => {
	test('return: the tenth day after the hand-over is still in time, the eleventh is not', () => {
		const c = concern({ assignedOn: '2027-03-01' })
		expect(take(cast.lead, c, 'return', '2027-03-01')).toEqual({ ok: true })
		expect(take(cast.lead, c, 'return', '2027-03-10')).toEqual({ ok: true })
		expect(take(cast.lead, c, 'return', '2027-03-11')).toEqual({ ok: true })
		expect(take(cast.lead, c, 'return', '2027-03-12')).toEqual(ruleRefusal('concerns.returnTooLate', { date: '2027-03-11' }))
		expect(take(cast.lead, c, 'return', '2027-06-01')).toEqual(ruleRefusal('concerns.returnTooLate', { date: '2027-03-11' }))
		// Across a month end and a leap day.
		const feb = concern({ assignedOn: '2028-02-25' })
		expect(take(cast.lead, feb, 'return', '2028-03-06')).toEqual({ ok: true })
		expect(take(cast.lead, feb, 'return', '2028-03-07')).toEqual(ruleRefusal('concerns.returnTooLate', { date: '2028-03-06' }))
	})

	test('return: a reassignment starts a new ten days from its own day', () => {
		const reassigned = concern({ assignedOn: '2027-04-20' })
		expect(take(cast.lead, reassigned, 'return', '2027-04-30')).toEqual({ ok: true })
		expect(take(cast.lead, reassigned, 'return', '2027-05-01')).toMatchObject({ ok: false, refusal: { code: 'concerns.returnTooLate' } })
	})

	test('return: the period is a setting', () => {
		const c = concern({ assignedOn: '2027-03-01' })
		const custom = { ...settings, concernReturnDays: 15 }
		expect(mayTakeConcernStep(leadLiaison, c, cast.lead.relation, 'return', '2027-03-16', custom)).toEqual({ ok: true })
		expect(mayTakeConcernStep(leadLiaison, c, cast.lead.relation, 'return', '2027-03-17', custom)).toEqual(ruleRefusal('concerns.returnTooLate', { date: '2027-03-16' }))
	})

	test('return: not once an answer was given', () => {
		expect(take(cast.lead, concern({ round: 1 }), 'return', '2027-03-02')).toEqual(ruleRefusal('concerns.returnAfterReply'))
		// The state rule comes first: a re-handling is not in 'assigned'.
		expect(take(cast.lead, concern({ state: 'rehandling', round: 1 }), 'return', '2027-03-02')).toEqual(ruleRefusal('concerns.state'))
	})

	test('return: without a recorded hand-over date the ten days run from today', () => {
		expect(take(cast.lead, concern({ assignedOn: null }), 'return', '2029-01-01')).toEqual({ ok: true })
	})

	test('opinion: a co-agency gives one per round, on the first handling only', () => {
		expect(take(cast.co, concern(), 'opinion')).toEqual({ ok: true })
		expect(take(cast.co, concern({ myOpinionGiven: true }), 'opinion')).toEqual(ruleRefusal('concerns.opinionGiven'))
		// Late opinions are still accepted while the lead has not answered.
		expect(take(cast.co, concern({ replyDueOn: '2027-06-01' }), 'opinion', '2027-07-01')).toEqual({ ok: true })
		expect(take(cast.co, concern({ state: 'rehandling', round: 1 }), 'opinion')).toEqual(ruleRefusal('concerns.state'))
		expect(take(cast.co, concern({ state: 'replied', round: 1 }), 'opinion')).toEqual(ruleRefusal('concerns.state'))
	})

	test('reply: the lead waits for missing opinions until they are due, and answers the day after', () => {
		const c = concern({ replyDueOn: '2027-06-01', opinionsMissing: 2 })
		expect(take(cast.lead, c, 'reply', '2027-03-05')).toEqual(ruleRefusal('concerns.opinionsPending', { count: 2, date: '2027-05-01' }))
		expect(take(cast.lead, c, 'reply', '2027-05-01')).toEqual(ruleRefusal('concerns.opinionsPending', { count: 2, date: '2027-05-01' }))
		expect(take(cast.lead, c, 'reply', '2027-05-02')).toEqual({ ok: true })
		expect(take(cast.lead, c, 'reply', '2027-07-01')).toEqual({ ok: true })
		// With every opinion in, it answers at once.
		expect(take(cast.lead, concern({ replyDueOn: '2027-06-01', opinionsMissing: 0 }), 'reply', '2027-03-02')).toEqual({ ok: true })
	})

	test('reply: the opinions’ due day is clamped at a month end', () => {
		const c = concern({ replyDueOn: '2027-03-31', opinionsMissing: 1 })
		expect(take(cast.lead, c, 'reply', '2027-02-28')).toEqual(ruleRefusal('concerns.opinionsPending', { count: 1, date: '2027-02-28' }))
		expect(take(cast.lead, c, 'reply', '2027-03-01')).toEqual({ ok: true })
	})

	test('reply: a re-handling is the lead’s alone; missing opinions do not block it', () => {
		const c = concern({ state: 'rehandling', round: 1, replyDueOn: '2027-09-01', opinionsMissing: 3 })
		expect(take(cast.lead, c, 'reply', '2027-08-01')).toEqual({ ok: true })
		expect(take(cast.lead, c, 'reply', '2027-09-02')).toEqual({ ok: true })
	})

	test('reply: without a due date, missing opinions do not block', () => {
		expect(take(cast.lead, concern({ replyDueOn: null, opinionsMissing: 1 }), 'reply')).toEqual({ ok: true })
	})

	test('reply: the co-agency never answers', () => {
		expect(take(cast.co, concern(), 'reply')).toEqual(forbidden)
	})

	test('closeUnrated: from one month after the answer, not a day before', () => {
		const c = concern({ state: 'replied', repliedOn: '2027-05-10', round: 1 })
		expect(take(cast.secretariat, c, 'closeUnrated', '2027-05-10')).toEqual(ruleRefusal('concerns.unratedTooEarly', { date: '2027-06-10' }))
		expect(take(cast.secretariat, c, 'closeUnrated', '2027-06-09')).toEqual(ruleRefusal('concerns.unratedTooEarly', { date: '2027-06-10' }))
		expect(take(cast.secretariat, c, 'closeUnrated', '2027-06-10')).toEqual({ ok: true })
		expect(take(cast.secretariat, c, 'closeUnrated', '2027-12-31')).toEqual({ ok: true })
		// A month after 31 January is 28 February.
		const jan = concern({ state: 'replied', repliedOn: '2027-01-31', round: 1 })
		expect(take(cast.secretariat, jan, 'closeUnrated', '2027-02-27')).toEqual(ruleRefusal('concerns.unratedTooEarly', { date: '2027-02-28' }))
		expect(take(cast.secretariat, jan, 'closeUnrated', '2027-02-28')).toEqual({ ok: true })
	})

	test('closeUnrated: without a recorded answer date the month runs from today', () => {
		expect(take(cast.secretariat, concern({ state: 'replied', repliedOn: null, round: 1 }), 'closeUnrated', '2027-06-10')).toMatchObject({
			ok: false,
			refusal: { code: 'concerns.unratedTooEarly', params: { date: '2027-07-10' } },
		})
	})

	test('fulfil: only with a promise pending', () => {
		for (const state of ['replied', 'rehandling', 'closed'] as const) {
			const c = concern({ state, repliedOn: '2027-05-01', round: 1 })
			expect(take(cast.lead, { ...c, promisePending: true }, 'fulfil'), state).toEqual({ ok: true })
			expect(take(cast.lead, c, 'fulfil'), state).toEqual(ruleRefusal('concerns.noPromise'))
		}
		expect(take(cast.co, concern({ state: 'closed', promisePending: true }), 'fulfil')).toEqual(forbidden)
	})

	test('rate: the filer rates an answer, once it is given', () => {
		expect(take(cast.filer, concern({ state: 'replied', round: 1 }), 'rate')).toEqual({ ok: true })
		expect(take(cast.filer, concern({ state: 'assigned' }), 'rate')).toEqual(ruleRefusal('concerns.state'))
		expect(take(cast.filer, concern({ state: 'closed', round: 1 }), 'rate')).toEqual(ruleRefusal('concerns.state'))
	})
})

describe('the policy lists exactly the steps a user can take now', () => {
	test('the office on a concern waiting for acceptance', () => {
		const submitted = concern({ state: 'submitted', assignedOn: null, replyDueOn: null })
		expect(concernPolicy(secretariat, submitted, noRelation, today, settings).steps).toEqual(['accept', 'decline', 'merge', 'arrange', 'assign', 'showIdentity'])
		const accepted = concern({ state: 'accepted', assignedOn: null, replyDueOn: null })
		expect(concernPolicy(secretariat, accepted, noRelation, today, settings).steps).toEqual(['decline', 'merge', 'arrange', 'assign', 'showIdentity'])
		expect(concernPolicy(secretariat, concern({ state: 'returned' }), noRelation, today, settings).steps).toEqual(['arrange', 'assign', 'showIdentity'])
		expect(concernPolicy(secretariat, concern(), noRelation, today, settings).steps).toEqual(['arrange', 'assign', 'showIdentity'])
		expect(concernPolicy(secretariat, concern({ state: 'closed', round: 1 }), noRelation, today, settings).steps).toEqual(['showIdentity'])
	})

	test('the lead agency, before and after the return period, with and without opinions missing', () => {
		const fresh = concern({ assignedOn: '2027-03-01', replyDueOn: '2027-06-01' })
		expect(concernPolicy(leadLiaison, fresh, cast.lead.relation, '2027-03-11', settings)).toEqual({ read: true, steps: ['return', 'reply'], identity: 'none' })
		expect(concernPolicy(leadLiaison, fresh, cast.lead.relation, '2027-03-12', settings).steps).toEqual(['reply'])
		const waiting = { ...fresh, opinionsMissing: 1 }
		expect(concernPolicy(leadLiaison, waiting, cast.lead.relation, '2027-03-11', settings).steps).toEqual(['return'])
		expect(concernPolicy(leadLiaison, waiting, cast.lead.relation, '2027-04-01', settings).steps).toEqual([])
		expect(concernPolicy(leadLiaison, waiting, cast.lead.relation, '2027-05-02', settings).steps).toEqual(['reply'])
		const promised = concern({ state: 'replied', repliedOn: '2027-05-01', round: 1, promisePending: true })
		expect(concernPolicy(leadLiaison, promised, cast.lead.relation, '2027-05-02', settings).steps).toEqual(['fulfil'])
	})

	test('the co-agency and the deputies', () => {
		expect(concernPolicy(coLiaison, concern(), cast.co.relation, today, settings)).toEqual({ read: true, steps: ['opinion'], identity: 'none' })
		expect(concernPolicy(coLiaison, concern({ myOpinionGiven: true }), cast.co.relation, today, settings).steps).toEqual([])
		const replied = concern({ state: 'replied', repliedOn: '2027-05-01', round: 1 })
		expect(concernPolicy(filer, replied, cast.filer.relation, today, settings)).toEqual({ read: true, steps: ['rate'], identity: 'full' })
		expect(concernPolicy(coSigner, replied, cast.coSigner.relation, today, settings)).toEqual({ read: true, steps: [], identity: 'none' })
		expect(concernPolicy(follower, replied, cast.follower.relation, today, settings)).toEqual({ read: true, steps: [], identity: 'none' })
		expect(concernPolicy(strangerDeputy, replied, noRelation, today, settings)).toEqual({ read: false, steps: [], identity: 'none' })
		expect(concernPolicy(member, replied, noRelation, today, settings)).toEqual({ read: true, steps: [], identity: 'none' })
	})
})

// ── After the answer ────────────────────────────────────────────────────────────────────────

test('a rating of 不满意 sends the concern back; the others close it', () => {
	expect(stateAfterRating('unsatisfied')).toBe('rehandling')
	expect(stateAfterRating('satisfied')).toBe('closed')
	expect(stateAfterRating('basically_satisfied')).toBe('closed')
})

test('the next step, and by when', () => {
	const at = (state: ConcernState, replyDue: string | null = '2027-06-01', repliedOn: string | null = '2027-05-10') => nextStep({ state, replyDueOn: replyDue, repliedOn })
	expect(at('draft')).toEqual({ kind: 'draft', by: null })
	for (const state of ['submitted', 'accepted', 'returned'] as const) expect(at(state), state).toEqual({ kind: 'office', by: null })
	expect(at('assigned')).toEqual({ kind: 'agency', by: '2027-06-01' })
	expect(at('rehandling', '2027-07-15')).toEqual({ kind: 'agency', by: '2027-07-15' })
	expect(at('assigned', null)).toEqual({ kind: 'agency', by: null })
	expect(at('replied')).toEqual({ kind: 'deputy', by: '2027-06-10' })
	expect(at('replied', null, '2027-01-31')).toEqual({ kind: 'deputy', by: '2027-02-28' })
	expect(at('replied', null, null)).toEqual({ kind: 'deputy', by: null })
	for (const state of ['declined', 'merged', 'closed'] as const) expect(at(state), state).toEqual({ kind: 'none', by: null })
})

// ── The list's filters ──────────────────────────────────────────────────────────────────────

describe('the list’s filters', () => {
	const parse = (search: string) => parseConcernListQuery(new URLSearchParams(search))

	test('nothing given: the first page, unfiltered', () => {
		expect(parse('')).toEqual({ page: 1 })
		expect(concernListSearch({})).toBe('')
		expect(concernListSearch({ page: 1 })).toBe('')
		expect(isConcernListFiltered({ page: 1 })).toBe(false)
		expect(isConcernListFiltered({ page: 3 })).toBe(false)
		expect(isConcernListFiltered({ page: 1, overdue: true })).toBe(true)
	})

	test('every filter parses and writes back the same', () => {
		const query = { state: 'rehandling', district: '东湖高新区', categoryId: 3, clauseId: 9, agencyId: 2_147_483_647, overdue: true, rating: 'unrated', page: 4 } as const
		const search = concernListSearch(query)
		expect(search.startsWith('?')).toBe(true)
		expect(parse(search.slice(1))).toEqual(query)
		expect(concernListSearch(parse(search.slice(1)))).toBe(search)
		for (const rating of ['satisfied', 'basically_satisfied', 'unsatisfied'] as const) {
			expect(parse(concernListSearch({ rating }).slice(1))).toEqual({ rating, page: 1 })
		}
		for (const state of concernStates) expect(parse(concernListSearch({ state }).slice(1))).toEqual({ state, page: 1 })
	})

	test('the parameter names are the URL’s', () => {
		expect(parse('state=assigned&district=江岸区&category=1&clause=2&agency=3&overdue=1&rating=satisfied&page=2')).toEqual({
			state: 'assigned',
			district: '江岸区',
			categoryId: 1,
			clauseId: 2,
			agencyId: 3,
			overdue: true,
			rating: 'satisfied',
			page: 2,
		})
		expect(concernListSearch({ categoryId: 1, page: 2 })).toBe('?category=1&page=2')
	})

	test('junk values are dropped, not passed on', () => {
		expect(parse('state=bogus&district=火星区&category=abc&clause=0&agency=-1&overdue=true&rating=meh&page=abc')).toEqual({ page: 1 })
		expect(parse('state=ASSIGNED&district=江岸&category=1.5&clause=01&agency=2147483648&overdue=yes&rating=Satisfied')).toEqual({ page: 1 })
		expect(parse('category=99999999999&clause=1e3&agency= 3&overdue=0')).toEqual({ page: 1 })
		expect(parse('state=&district=&rating=')).toEqual({ page: 1 })
		// Property names of Object.prototype are not states.
		expect(parse('state=toString&rating=constructor')).toEqual({ page: 1 })
	})

	test('the page is a whole number from 1, capped', () => {
		expect(parse('page=0').page).toBe(1)
		expect(parse('page=-5').page).toBe(1)
		expect(parse('page=2.9').page).toBe(2)
		expect(parse('page=NaN').page).toBe(1)
		expect(parse('page=Infinity').page).toBe(100_000)
		expect(parse('page=1e12').page).toBe(100_000)
		expect(parse('page=100000').page).toBe(100_000)
		expect(parse('page=100001').page).toBe(100_000)
	})
})

// ── CSV and the annual report ───────────────────────────────────────────────────────────────

describe('CSV', () => {
	const row = (overrides: Partial<ConcernCsvRow> = {}): ConcernCsvRow => ({
		id: 42,
		title: '老年人防骗宣传进社区',
		state: 'closed',
		district: '江汉区',
		categoryName: '老年人防骗',
		filerName: '王代表',
		leadName: '市公安局',
		coNames: ['市民政局', '市委宣传部'],
		assignedOn: '2027-03-01',
		replyDueOn: '2027-06-01',
		repliedOn: '2027-05-20',
		resultClass: 'B',
		rating: 'basically_satisfied',
		closedUnrated: false,
		priority: true,
		...overrides,
	})

	test('one column per header, in order', () => {
		const record = concernCsvRecord(row())
		expect(record).toHaveLength(concernCsvHeaders.length)
		expect(record).toEqual([
			'42',
			'老年人防骗宣传进社区',
			'已办结',
			'江汉区',
			'老年人防骗',
			'王代表',
			'市公安局',
			'市民政局、市委宣传部',
			'2027-03-01',
			'2027-06-01',
			'2027-05-20',
			'B类（列入计划逐步解决）',
			'基本满意',
			'是',
		])
	})

	test('empty cells for what is not there yet', () => {
		const record = concernCsvRecord(
			row({ state: 'accepted', leadName: null, coNames: [], assignedOn: null, replyDueOn: null, repliedOn: null, resultClass: null, rating: null, priority: false }),
		)
		expect(record).toEqual(['42', '老年人防骗宣传进社区', '已受理，待交办', '江汉区', '老年人防骗', '王代表', '', '', '', '', '', '', '', ''])
	})

	test('an answer closed unrated reads 未评价; a rating wins over the flag', () => {
		expect(concernCsvRecord(row({ rating: null, closedUnrated: true }))[12]).toBe('未评价')
		expect(concernCsvRecord(row({ rating: null, closedUnrated: false }))[12]).toBe('')
		expect(concernCsvRecord(row({ rating: 'unsatisfied', closedUnrated: true }))[12]).toBe('不满意')
		expect(concernCsvRecord(row({ rating: 'satisfied' }))[12]).toBe('满意')
	})

	test('every state and result class has its label', () => {
		for (const state of concernStates) expect(concernCsvRecord(row({ state }))[2], state).toMatch(/\S/)
		expect(concernCsvRecord(row({ resultClass: 'A' }))[11]).toBe('A类（已解决或采纳）')
		expect(concernCsvRecord(row({ resultClass: 'C' }))[11]).toBe('C类（因条件限制需以后解决）')
	})

	test('never a constituent: the row has no field for one, and nothing extra leaks through', () => {
		const withExtras = { ...row(), constituentName: '张三', constituentPhone: '13812345678', constituents: [{ name: '李四', phone: '02785551234' }] }
		const record = concernCsvRecord(withExtras)
		expect(record).toHaveLength(concernCsvHeaders.length)
		const text = record.join('|')
		for (const secret of ['张三', '13812345678', '李四', '02785551234', '张*', '138****5678']) expect(text).not.toContain(secret)
		for (const header of concernCsvHeaders) expect(header).not.toMatch(/群众|反映人|联系|电话|手机|身份/)
	})
})

describe('satisfaction', () => {
	const counts = (satisfied: number, basically_satisfied: number, unsatisfied: number, unrated = 0) => ({ satisfied, basically_satisfied, unsatisfied, unrated })

	test('no ratings, no percentage — unrated answers do not count', () => {
		expect(satisfactionPercent(counts(0, 0, 0))).toBeNull()
		expect(satisfactionPercent(counts(0, 0, 0, 12))).toBeNull()
	})

	test('the share of 满意 and 基本满意 among rated answers, to the nearest whole percent', () => {
		expect(satisfactionPercent(counts(1, 0, 0))).toBe(100)
		expect(satisfactionPercent(counts(0, 0, 3))).toBe(0)
		expect(satisfactionPercent(counts(1, 1, 0, 50))).toBe(100)
		expect(satisfactionPercent(counts(1, 1, 1))).toBe(67)
		expect(satisfactionPercent(counts(1, 0, 2))).toBe(33)
		expect(satisfactionPercent(counts(1, 0, 7))).toBe(13) // 12.5 rounds up
		expect(satisfactionPercent(counts(3, 2, 3))).toBe(63) // 62.5 rounds up
		expect(satisfactionPercent(counts(0, 199, 1))).toBe(100) // 99.5 rounds up
		expect(satisfactionPercent(counts(1, 0, 199))).toBe(1) // 0.5 rounds up
		expect(satisfactionPercent(counts(1, 0, 200))).toBe(0) // 0.497…
		expect(satisfactionPercent(counts(198, 0, 2))).toBe(99)
		expect(satisfactionPercent(counts(5, 4, 1, 3))).toBe(90)
	})
})
