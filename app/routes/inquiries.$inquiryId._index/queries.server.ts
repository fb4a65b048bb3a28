import type { Database } from '#db/client.server'
import type { CurrentUser } from '~/auth/guards.server'
import type { IsoDate } from '~/domain/dates'
import { inquiryPolicy, mayChangeRegistration } from '~/domain/inquiries'
import {
	activeMembers,
	loadLog,
	loadRegistrations,
	respondentDeliberations,
	sessionFacts,
	type LoadedInquiry,
} from '~/models/inquiries/queries.server'

// What the session page shows, decided by the session's policy here on the server: the page
// offers only the forms the actions would accept, and a liaison before publication gets only
// the questions put to their agency — the rest never leaves the server.
export async function sessionPageData(db: Database, user: CurrentUser, inquiry: LoadedInquiry, today: IsoDate) {
	const facts = await sessionFacts(db, inquiry)
	const policy = inquiryPolicy(user, { ...facts, respondentAgencyIds: inquiry.respondentAgencyIds }, today)
	const [log, registrations, deliberations, members] = await Promise.all([
		loadLog(db, inquiry.id, policy.log, today),
		loadRegistrations(db, inquiry.id, policy.registrations),
		inquiry.kind === 'special' ? respondentDeliberations(db, user, inquiry.id) : Promise.resolve([]),
		policy.record ? activeMembers(db) : Promise.resolve([]),
	])
	const askerIds = new Set(inquiry.askers.map((a) => a.id))
	return {
		inquiry: {
			id: inquiry.id,
			version: inquiry.version,
			kind: inquiry.kind,
			topic: inquiry.topic,
			state: inquiry.state,
			heldOn: inquiry.heldOn,
			publishedOn: inquiry.publishedOn,
			withVote: inquiry.withVote,
			meeting: inquiry.meeting,
			report: inquiry.reportId ? { id: inquiry.reportId, title: inquiry.reportTitle ?? '' } : null,
			inspection: inquiry.inspectionId ? { id: inquiry.inspectionId, title: inquiry.inspectionTitle ?? '' } : null,
			planItem: inquiry.planItem,
			clauses: inquiry.clauses,
			respondents: inquiry.respondents,
			askers: inquiry.askers,
		},
		facts: { logged: facts.logged, unanswered: facts.unanswered, deliberationOpened: facts.deliberationOpened },
		can: {
			register: policy.register,
			record: policy.record,
			order: policy.order,
			publish: policy.publish,
			openDeliberation: policy.openDeliberation,
			print: policy.print,
		},
		// Before publication a liaison reads only what was put to their agency: the page says so.
		partialLog: policy.log.kind === 'agency',
		log,
		registrations: registrations.map((r) => ({
			...r,
			editable: mayChangeRegistration(user, r, facts, today).ok,
		})),
		// The office sees every member's registrations; a member their own.
		registrationsView: policy.registrations.kind,
		deliberations,
		// The clerk's choice of asker: the designated askers first, then every other member.
		members: [...members.filter((m) => askerIds.has(m.id)), ...members.filter((m) => !askerIds.has(m.id))],
		today,
	}
}

export type SessionPageData = Awaited<ReturnType<typeof sessionPageData>>
