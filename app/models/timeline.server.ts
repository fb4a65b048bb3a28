import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { deliberations, meetings, reportClauses, reports, type Role } from '#db/schema'
import { shanghaiDate } from '~/domain/dates'
import { mayReadDeliberation, satisfactionResult } from '~/domain/deliberation'
import { meetingLabel } from '~/domain/meetings'
import { mayReadReport, reportReadScope, type ReportReader } from '~/domain/reports'
import type { Settings } from '~/domain/settings'
import { mergeTimeline, type TimelineEvent } from '~/domain/timeline'
import { findingTimeline } from './findings.server'

// The clause page's timeline: one provider per kind of record, each returning the events of its
// records that touch the clause AND that the user may read. Findings, inquiries, concerns,
// resolutions and assessments append their providers to `timelineProviders` later.

export function reportHref(id: number) {
	return `/reports/${id}`
}

export function deliberationHref(id: number) {
	return `/deliberations/${id}`
}

export function meetingHref(id: number) {
	return `/meetings/${id}`
}

export type TimelineUser = { id: number; role: Role; agencyId: number | null }

export type TimelineProvider = (db: Database, user: TimelineUser, clauseId: number, settings: Settings) => Promise<Array<TimelineEvent>>

// The SQL twin of mayReadReport (app/domain/reports.ts): lists stay scoped in their WHERE clause.
export function reportsReadableBy(user: ReportReader): SQL {
	const scope = reportReadScope(user)
	switch (scope.kind) {
		case 'all':
			return sql`true`
		case 'states':
			return scope.states.length ? inArray(reports.state, [...scope.states]) : sql`false`
		case 'agency':
			return or(eq(reports.preparingAgencyId, scope.agencyId), eq(reports.organId, scope.agencyId)) ?? sql`false`
		case 'none':
			return sql`false`
	}
}

// Special work reports on the clause: the hearing scheduled, the draft, the opinions, the
// revised report and its 签发, the distribution, the hearing at the meeting; then its
// deliberation's result, letter and handling report — these only where the user may read the
// deliberation (an agency sees the result once the letter is sent).
export const reportTimeline: TimelineProvider = async (db, user, clauseId, settings) => {
	const rows = await db
		.select({
			report: {
				id: reports.id,
				title: reports.title,
				topic: reports.topic,
				state: reports.state,
				organId: reports.organId,
				preparingAgencyId: reports.preparingAgencyId,
				createdAt: reports.createdAt,
				draftSubmittedOn: reports.draftSubmittedOn,
				opinionsSentOn: reports.opinionsSentOn,
				revisedSubmittedOn: reports.revisedSubmittedOn,
				distributedOn: reports.distributedOn,
				signedOffBy: reports.signedOffBy,
			},
			meeting: { term: meetings.term, session: meetings.session, startsOn: meetings.startsOn },
			deliberation: {
				id: deliberations.id,
				state: deliberations.state,
				organId: deliberations.organId,
				respondingAgencyId: deliberations.respondingAgencyId,
				tally: deliberations.tally,
				voteClosedAt: deliberations.voteClosedAt,
				letterSentOn: deliberations.letterSentOn,
				handlingDueOn: deliberations.handlingDueOn,
				handlingSubmittedOn: deliberations.handlingSubmittedOn,
				handlingAcceptedOn: deliberations.handlingAcceptedOn,
			},
		})
		.from(reports)
		.innerJoin(reportClauses, and(eq(reportClauses.reportId, reports.id), eq(reportClauses.clauseId, clauseId)))
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.leftJoin(deliberations, and(eq(deliberations.subjectType, 'report'), eq(deliberations.subjectId, reports.id)))
		.where(reportsReadableBy(user))
	const events: Array<TimelineEvent> = []
	for (const { report, meeting, deliberation } of rows) {
		// The same rule again, in code: the SQL above is the guard, this the belt.
		if (!mayReadReport(user, report)) continue
		const title = report.title.trim() || report.topic
		const href = reportHref(report.id)
		const label = meetingLabel(meeting)
		const add = (at: string | null, kind: string, step: number, extra: Partial<TimelineEvent> = {}) => {
			if (at) events.push({ at, kind, title, href, step, ...extra })
		}
		add(shanghaiDate(report.createdAt), 'report.scheduled', 1, { params: { meeting: label } })
		add(report.draftSubmittedOn, 'report.draft_submitted', 2)
		add(report.opinionsSentOn, 'report.opinions_sent', 3)
		if (report.signedOffBy) add(report.revisedSubmittedOn, 'report.revised_submitted', 4, { params: { signer: report.signedOffBy } })
		else add(report.revisedSubmittedOn, 'report.revised_submitted_unsigned', 4)
		add(report.distributedOn, 'report.distributed', 5)
		if (!deliberation || deliberation.id === null) continue
		add(meeting.startsOn, 'report.heard', 6, { params: { meeting: label } })
		if (!mayReadDeliberation(user, deliberation)) continue
		const deliberationLink = deliberationHref(deliberation.id)
		const result = deliberation.tally ? satisfactionResult(deliberation.tally, settings.satisfactionThresholdPercent) : null
		if (deliberation.tally && result && deliberation.voteClosedAt) {
			add(shanghaiDate(deliberation.voteClosedAt), `deliberation.result.${result}`, 7, {
				href: deliberationLink,
				params: { ...deliberation.tally },
			})
		}
		add(deliberation.letterSentOn, 'deliberation.letter_sent', 8, {
			href: deliberationLink,
			params: { due: deliberation.handlingDueOn ?? '' },
		})
		add(deliberation.handlingSubmittedOn, 'deliberation.handling_submitted', 9, { href: deliberationLink })
		add(deliberation.handlingAcceptedOn, 'deliberation.handling_accepted', 10, { href: deliberationLink })
	}
	return events
}

export const timelineProviders: Array<TimelineProvider> = [reportTimeline, findingTimeline]

export async function loadClauseTimeline(
	db: Database,
	user: TimelineUser,
	clauseId: number,
	settings: Settings,
	providers: ReadonlyArray<TimelineProvider> = timelineProviders,
): Promise<Array<TimelineEvent>> {
	const lists = await Promise.all(providers.map((provide) => provide(db, user, clauseId, settings)))
	return mergeTimeline(...lists)
}

