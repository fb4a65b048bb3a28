import type { Database } from '#db/client.server'
import type { IsoDate } from '~/domain/dates'
import { answerOverdueDays, interpellationPolicy } from '~/domain/interpellations'
import type { Settings } from '~/domain/settings'
import type { CurrentUser } from '~/auth/guards.server'
import {
	clausesOf,
	listMeetingChoices,
	listMemberOptions,
	listRounds,
	listSigners,
	policyContext,
	type LoadedInterpellation,
} from '~/models/interpellations/queries.server'

// Everything the interpellation page shows one reader: the record, its signers, its rounds with
// their answers and verdicts (by name only where the policy says), and the choices each of the
// reader's forms offers.
export async function interpellationPageData(db: Database, user: CurrentUser, loaded: LoadedInterpellation, settings: Settings, today: IsoDate) {
	const i = loaded.interpellation
	const { record, context } = await policyContext(db, loaded, today)
	const policy = interpellationPolicy(user, record, context)
	const [signers, rounds, clauseMap] = await Promise.all([listSigners(db, i.id), listRounds(db, i.id), clausesOf(db, [i.id])])
	const needsMembers = policy.steps.includes('invite') || policy.steps.includes('recordSignature')
	const needsMeetings = policy.steps.includes('refer') || policy.steps.includes('decideReanswer')
	const [members, meetingChoices] = await Promise.all([
		needsMembers ? listMemberOptions(db) : Promise.resolve([]),
		needsMeetings ? listMeetingChoices(db, today) : Promise.resolve([]),
	])
	const involved = new Set(signers.map((s) => s.memberId))
	const standing = new Set(signers.filter((s) => s.status === 'signed').map((s) => s.memberId))
	return {
		interpellation: {
			id: i.id,
			version: i.version,
			matter: i.matter,
			questions: i.questions,
			state: i.state,
			source: i.source,
			target: { id: loaded.target.id, name: loaded.target.name },
			drafterName: loaded.drafterName,
			draftedOn: i.draftedOn,
			submittedOn: i.submittedOn,
			referralDecidedOn: i.referralDecidedOn,
			referralNote: i.referralNote,
			round: i.round,
			closedOn: i.closedOn,
			withdrawnOn: i.withdrawnOn,
			clauses: clauseMap.get(i.id) ?? [],
		},
		// Once handed in, the signers are those whose signature stood; who was asked or withdrew
		// belonged to the drafting.
		signers: i.state === 'draft' ? signers : signers.filter((s) => s.status === 'signed'),
		signerCount: standing.size,
		needed: settings.interpellationMinSigners,
		rounds: rounds.map((round) => ({
			round: round.round,
			decidedOn: round.decidedOn,
			mode: round.mode,
			forum: round.forum,
			meeting: round.meeting,
			specialMeeting: round.specialMeeting,
			dueOn: round.dueOn,
			overdueDays: round.round === i.round ? answerOverdueDays(i.state, round.dueOn, today) : 0,
			answer: round.answeredOn
				? { text: round.answerText ?? '', on: round.answeredOn, name: round.answererName ?? '', title: round.answererTitle ?? '', enteredBy: round.enteredByName }
				: null,
			satisfied: round.verdicts.filter((v) => v.verdict === 'satisfied').length,
			unsatisfied: round.verdicts.filter((v) => v.verdict === 'unsatisfied').length,
			verdicts: policy.readVerdictsByName ? round.verdicts.map((v) => ({ name: v.name, verdict: v.verdict })) : null,
			reanswerRequestedOn: round.reanswerRequestedOn,
			reanswerDecision: round.reanswerDecision,
			reanswerDecidedOn: round.reanswerDecidedOn,
			reanswerNote: round.reanswerNote,
		})),
		verdicts: context.verdicts,
		me: context.me,
		steps: policy.steps,
		inviteChoices: policy.steps.includes('invite') ? members.filter((m) => !involved.has(m.id)) : [],
		paperChoices: policy.steps.includes('recordSignature') ? members.filter((m) => !standing.has(m.id)) : [],
		meetingChoices,
		today,
	}
}
