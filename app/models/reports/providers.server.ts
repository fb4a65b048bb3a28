import { and, asc, eq, inArray, lte, notExists, or, sql } from 'drizzle-orm'
import { agencies, deliberations, meetings, reportClauses, reports } from '#db/schema'
import { shanghaiDate } from '~/domain/dates'
import { mayReadDeliberation, satisfactionResult } from '~/domain/deliberation'
import { deliberationHref, reportHref } from '~/domain/links'
import { meetingLabel } from '~/domain/meetings'
import { mayReadReport, reportDeadlines, type ReportState } from '~/domain/reports'
import type { TimelineEvent } from '~/domain/timeline'
import { todoItem } from '~/domain/todo'
import type { MayReadOwner } from '../attachments.server'
import type { OpenItemProvider, TimelineProvider, TodoProvider } from '../providers.server'
import { reportsReadableBy } from './queries.server'

// What special work reports contribute to the views every kind of record shares (registered in
// app/models/registry.server.ts): the to-do list, the agency page's open items, the clause
// timeline, and who may read a report's files.

function reportTitle(row: { title: string; topic: string }) {
	return row.title.trim() || row.topic
}

const reportColumns = {
	id: reports.id,
	title: reports.title,
	topic: reports.topic,
	state: reports.state,
	startsOn: meetings.startsOn,
	term: meetings.term,
	session: meetings.session,
	preparingName: agencies.shortName,
}

// Special work reports: the preparing agency drafts and revises; the office collects opinions,
// distributes, and opens the deliberation once the meeting has begun.
export const reportTodos: TodoProvider = async (db, user, today, settings) => {
	if (user.role === 'agency') {
		if (!user.agencyId) return []
		const rows = await db
			.select(reportColumns)
			.from(reports)
			.innerJoin(meetings, eq(meetings.id, reports.meetingId))
			.innerJoin(agencies, eq(agencies.id, reports.preparingAgencyId))
			.where(
				and(
					eq(reports.preparingAgencyId, user.agencyId),
					inArray(reports.state, ['scheduled', 'draft_submitted', 'opinions_sent'] satisfies Array<ReportState>),
				),
			)
			.orderBy(asc(meetings.startsOn), asc(reports.id))
		return rows.map((row) => {
			const due = reportDeadlines(row.startsOn, settings)
			const base = { kind: 'report', title: reportTitle(row), href: reportHref(row.id), detail: meetingLabel(row) }
			if (row.state === 'scheduled') return todoItem({ ...base, action: 'draft', due: due.draft, actionable: true }, today)
			// With the draft at the office, the revised report's date is one to keep in view.
			return todoItem({ ...base, action: 'revise', due: due.revised, actionable: row.state === 'opinions_sent' }, today)
		})
	}
	if (user.role !== 'secretariat') return []
	const rows = await db
		.select(reportColumns)
		.from(reports)
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.innerJoin(agencies, eq(agencies.id, reports.preparingAgencyId))
		.where(
			or(
				inArray(reports.state, ['draft_submitted', 'revised_submitted'] satisfies Array<ReportState>),
				and(
					eq(reports.state, 'distributed'),
					lte(meetings.startsOn, today),
					notExists(
						db
							.select({ one: sql`1` })
							.from(deliberations)
							.where(and(eq(deliberations.subjectType, 'report'), eq(deliberations.subjectId, reports.id))),
					),
				),
			),
		)
		.orderBy(asc(meetings.startsOn), asc(reports.id))
	return rows.map((row) => {
		const due = reportDeadlines(row.startsOn, settings)
		const base = {
			kind: 'report',
			title: reportTitle(row),
			href: reportHref(row.id),
			detail: `${row.preparingName} · ${meetingLabel(row)}`,
			actionable: true,
		}
		// The opinions must reach the organ in time for the revised report (Art. 14–15).
		if (row.state === 'draft_submitted') return todoItem({ ...base, action: 'collect', due: due.revised }, today)
		if (row.state === 'revised_submitted') return todoItem({ ...base, action: 'distribute', due: due.distribution }, today)
		return todoItem({ ...base, action: 'open', due: row.startsOn }, today)
	})
}


// The agency page's open items: the agency's reports to draft or revise, only where the viewer
// may read them (another agency's liaison sees none; a member sees no undistributed report).
export const reportOpenItems: OpenItemProvider = async (db, viewer, agencyId, today, settings) => {
	const reportRows = await db
		.select({ ...reportColumns, organId: reports.organId, preparingAgencyId: reports.preparingAgencyId })
		.from(reports)
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.innerJoin(agencies, eq(agencies.id, reports.preparingAgencyId))
		.where(
			and(
				eq(reports.preparingAgencyId, agencyId),
				inArray(reports.state, ['scheduled', 'opinions_sent'] satisfies Array<ReportState>),
				reportsReadableBy(viewer),
			),
		)
	return reportRows
		.map((row) => {
			const due = reportDeadlines(row.startsOn, settings)
			const scheduled = row.state === 'scheduled'
			return todoItem(
				{
					kind: 'report',
					action: scheduled ? 'draft' : 'revise',
					title: reportTitle(row),
					href: reportHref(row.id),
					due: scheduled ? due.draft : due.revised,
					actionable: true,
					detail: meetingLabel(row),
				},
				today,
			)
		})
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


// A report's files are read by whoever may read the report.
export const mayReadReportFiles: MayReadOwner = async (user, reportId, db) => {
	const [report] = await db
		.select({ state: reports.state, preparingAgencyId: reports.preparingAgencyId, organId: reports.organId })
		.from(reports)
		.where(eq(reports.id, reportId))
	return Boolean(report && mayReadReport(user, report))
}
