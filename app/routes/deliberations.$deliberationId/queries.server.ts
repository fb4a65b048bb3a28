import type { Database } from '#db/client.server'
import type { CurrentUser } from '~/auth/guards.server'
import {
	composeLetterBody,
	distribution,
	handlingOverdueDays,
	handlingReportDue,
	isRespondingLiaison,
	letterDefaults,
	letterIsSent,
	letterTitle,
	mayChangeOpinion,
	satisfactionResult,
	subjectPath,
	tallyTotal,
	type DeliberationPolicy,
} from '~/domain/deliberation'
import type { IsoDate } from '~/domain/dates'
import type { Settings } from '~/domain/settings'
import { listAttachments } from '~/models/attachments.server'
import {
	listClauseOptions,
	listMembers,
	listOpinions,
	participation,
	votedAt,
	type LoadedDeliberation,
} from '~/models/deliberation/queries.server'

// What the deliberation page shows, decided by the deliberation's policy here, on the server: the
// page offers only the forms the actions would accept. Nothing in it ever says how a member
// voted: a member learns only THAT they voted; everyone who may read the deliberation sees the
// tally once the vote is closed.
export async function deliberationPageData(
	db: Database,
	user: CurrentUser,
	d: LoadedDeliberation,
	policy: DeliberationPolicy,
	settings: Settings,
	today: IsoDate,
) {
	const seesOpinions = policy.readOpinions
	const opinionRows = seesOpinions ? await listOpinions(db, d.id) : []
	const sent = letterIsSent(d.state)

	const vote = {
		open: d.withVote && d.state === 'open',
		// A tally from the meeting's voting system replaces the app's ballots: no count of them then.
		participation: seesOpinions && d.tallySource !== 'meeting_system' ? await participation(db, d.id) : null,
		// Only for the member themself, and only the fact and time of voting.
		myVoteAt: policy.readOwnVote ? ((await votedAt(db, d.id, user.id))?.toISOString() ?? null) : null,
		mayVote: policy.vote,
	}

	const result = d.tally
		? {
				result: satisfactionResult(d.tally, settings.satisfactionThresholdPercent),
				total: tallyTotal(d.tally),
				distribution: distribution(d.tally),
				source: d.tallySource,
				thresholdPercent: settings.satisfactionThresholdPercent,
			}
		: null

	// The draft letter is the secretariat's working paper; once sent it is published.
	const letter = policy.readLetter
		? {
				title: letterTitle(d.title, d.subjectType),
				number: d.letterNumber,
				to: d.letterTo,
				cc: d.letterCc,
				body: d.letterBody,
				sentOn: d.letterSentOn,
				dueOn: d.handlingDueOn,
				saved: d.letterBody.trim() !== '',
			}
		: null

	const draft = policy.composeLetter
		? {
				defaults: {
					...letterDefaults({ id: d.organId, name: d.organName }, { id: d.respondingAgencyId, name: d.respondingName }),
					body: composeLetterBody(opinionRows),
				},
				defaultDue: handlingReportDue(today, settings, null, d.subjectType),
			}
		: null

	// Everyone who may read a sent letter sees when the answer is due and whether it is late; the
	// report's text follows mayReadHandlingReport.
	const handling = sent
		? {
				dueOn: d.handlingDueOn,
				overdueDays: handlingOverdueDays(d.state, d.handlingDueOn, today),
				text: policy.readHandlingReport ? d.handlingText : null,
				attachments: policy.readHandlingReport
					? (await listAttachments(db, 'handling_report', d.id)).map((a) => ({ id: a.id, fileName: a.fileName, size: a.size }))
					: [],
				submittedOn: d.handlingSubmittedOn,
				acceptedOn: d.handlingAcceptedOn,
				returnReason: seesOpinions || isRespondingLiaison(user, d) ? d.handlingReturnReason : null,
			}
		: null

	return {
		deliberation: {
			id: d.id,
			version: d.version,
			title: d.title,
			subjectType: d.subjectType,
			subjectHref: subjectPath(d.subjectType, d.subjectId),
			state: d.state,
			withVote: d.withVote,
			meetingLabel: d.meetingLabel,
			organName: d.organName,
			respondingName: d.respondingName,
			voteClosedAt: d.voteClosedAt?.toISOString() ?? null,
		},
		today,
		can: {
			writeOpinion: policy.writeOpinion,
			proxyOpinion: policy.proxyOpinion,
			closeVote: policy.closeVote,
			enterTally: policy.enterTally,
			sendLetter: policy.sendLetter,
			submitHandling: policy.answer,
			reviewHandling: policy.reviewHandling,
		},
		opinions: seesOpinions
			? opinionRows.map((o) => ({
					id: o.id,
					version: o.version,
					memberName: o.memberName,
					clauseId: o.clauseId,
					clauseLabel: o.clauseLabel,
					text: o.text,
					proxy: o.enteredBy !== null,
					editable: mayChangeOpinion(user, d, o).ok,
				}))
			: null,
		// For the opinion forms: a member's own, the secretariat's on a member's behalf, and the
		// edits of either (which the same state allows).
		clauseOptions: policy.writeOpinion || policy.proxyOpinion ? await listClauseOptions(db) : [],
		memberOptions: policy.proxyOpinion ? await listMembers(db) : [],
		vote,
		result,
		letter,
		draft,
		handling,
	}
}

export type DeliberationPageData = Awaited<ReturnType<typeof deliberationPageData>>
