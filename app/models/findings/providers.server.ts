import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { clauses, findings } from '#db/schema'
import { shanghaiDate, type IsoDate } from '~/domain/dates'
import { findingTitle, mayReadFinding, type FindingReader } from '~/domain/findings'
import type { Severity } from '~/domain/inspections'
import { findingHref } from '~/domain/links'
import { awaitingAgency, rectificationOverdueDays, verificationDueOn, type RectificationState } from '~/domain/rectification'
import type { TimelineEvent } from '~/domain/timeline'
import { todoItem } from '~/domain/todo'
import type { TimelineProvider, TodoProvider } from '../providers.server'
import { findingsReadableBy, inGroupColumn, listSelect, rectificationHistory, stepsFromRow } from './queries.server'

// What findings contribute to the views every kind of record shares (registered in
// app/models/registry.server.ts): the to-do list, the agency page's open rectifications, the
// clause timeline, and who may read a finding's files.

// Attachments of a finding (the evidence) and of its rectification (the agency's proof): both
// readable by whoever may read the finding.

export async function mayReadFindingById(user: FindingReader, findingId: number, db: Database) {
	const [row] = await db
		.select({
			agencyId: findings.agencyId,
			inGroup: inGroupColumn(user),
		})
		.from(findings)
		.where(eq(findings.id, findingId))
	return row ? mayReadFinding(user, { agencyId: row.agencyId, inGroup: Boolean(row.inGroup) }) : false
}

// ── The agency page: its open rectifications ─────────────────────────────────────────────────

export type OpenFinding = {
	id: number
	title: string
	clauseId: number
	clauseLabel: string
	inspectionTitle: string
	severity: Severity
	rectificationDueOn: IsoDate
	rectificationState: RectificationState
	overdueDays: number
}

// The agency's findings not yet accepted, those the viewer may read (another agency's liaison
// sees none), the most overdue first.
export async function listAgencyOpenFindings(db: Database, viewer: FindingReader, agencyId: number, today: IsoDate): Promise<Array<OpenFinding>> {
	const rows = await listSelect(db)
		.where(and(findingsReadableBy(viewer), eq(findings.agencyId, agencyId), ne(findings.rectificationState, 'accepted')))
		.orderBy(asc(findings.rectificationDueOn), asc(clauses.ordinal), asc(findings.id))
	return rows.map((row) => ({
		id: row.id,
		title: findingTitle(row.description),
		clauseId: row.clauseId,
		clauseLabel: row.clauseLabel,
		inspectionTitle: row.inspectionTitle,
		severity: row.severity,
		rectificationDueOn: row.rectificationDueOn,
		rectificationState: row.rectificationState,
		overdueDays: rectificationOverdueDays(row, today),
	}))
}

// ── The to-do list's provider ────────────────────────────────────────────────────────────────

// An agency's liaison: the findings about their agency to rectify (open) or rectify again
// (reopened, with the reason), by their due date. The secretariat: responses to verify, each due
// rectificationVerifyDays after the response — its delay, never the agency's. Group members
// have nothing to do about a finding once it is recorded.
export const findingTodos: TodoProvider = async (db, user, today, settings) => {
	if (user.role === 'agency') {
		if (!user.agencyId) return []
		const rows = await listSelect(db)
			.where(and(eq(findings.agencyId, user.agencyId), inArray(findings.rectificationState, [...awaitingAgency])))
			.orderBy(asc(findings.rectificationDueOn), asc(findings.id))
		return rows.map((row) =>
			todoItem(
				{
					kind: 'finding',
					action: row.rectificationState === 'reopened' ? 'rectify_again' : 'rectify',
					title: findingTitle(row.description),
					href: findingHref(row.id),
					due: row.rectificationDueOn,
					actionable: true,
					detail: row.rectificationState === 'reopened' && row.reopenReason ? row.reopenReason : `${row.clauseLabel} · ${row.inspectionTitle}`,
				},
				today,
			),
		)
	}
	if (user.role !== 'secretariat') return []
	const rows = await listSelect(db)
		.where(eq(findings.rectificationState, 'responded'))
		.orderBy(asc(findings.respondedOn), asc(findings.id))
	return rows.map((row) =>
		todoItem(
			{
				kind: 'finding',
				action: 'verify',
				title: findingTitle(row.description),
				href: findingHref(row.id),
				due: verificationDueOn(row, settings),
				actionable: true,
				detail: `${row.agencyShortName} · ${row.clauseLabel} · ${row.inspectionTitle}`,
			},
			today,
		),
	)
}

// ── The clause timeline's provider ───────────────────────────────────────────────────────────

// Each finding on the clause that the user may read: recorded (with its severity and due date),
// then every response, reopening and acceptance of its rectification.
export const findingTimeline: TimelineProvider = async (db, user, clauseId) => {
	const rows = await listSelect(db).where(and(eq(findings.clauseId, clauseId), findingsReadableBy(user)))
	const history = await rectificationHistory(
		db,
		rows.map((r) => r.id),
	)
	const events: Array<TimelineEvent> = []
	for (const row of rows) {
		const base = { title: findingTitle(row.description), href: findingHref(row.id) }
		events.push({
			...base,
			at: shanghaiDate(row.createdAt),
			kind: `finding.recorded.${row.severity}`,
			step: 1,
			detail: `${row.inspectionTitle} · ${row.agencyName}`,
			params: { agency: row.agencyShortName, due: row.rectificationDueOn },
		})
		const steps = history.get(row.id) ?? stepsFromRow(row)
		steps.forEach((step, index) => {
			const kind = step.action === 'respond' ? 'finding.responded' : step.action === 'accept' ? 'finding.accepted' : 'finding.reopened'
			events.push({
				...base,
				at: step.on,
				kind,
				step: index + 2,
				params: { agency: row.agencyShortName },
				...(step.action === 'reopen' && step.text ? { detail: step.text } : {}),
			})
		})
	}
	return events
}
