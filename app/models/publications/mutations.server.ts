import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, deliberations, inspections, meetings, publications } from '#db/schema'
import { getInspectionReport, inspectionDeliberation } from '../inspections/queries.server'
import type { Period } from '~/domain/dashboard'
import type { IsoDate } from '~/domain/dates'
import { letterIsSent, satisfactionResult } from '~/domain/deliberation'
import { inspectionReportPublishable, publishVerdict, resultPublishable, withdrawVerdict, type PublicationCopy, type RankingCopy } from '~/domain/publications'
import type { Settings } from '~/domain/settings'
import { isUniqueViolation } from '../constraints.server'
import { loadRanking } from '../status/ranking.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor } from '../write.server'

// Publishing and withdrawing, through the one write path: each is a decision of the office,
// audited with what was made public. The copy is taken inside the transaction that publishes it.

export type PublishInput =
	| { kind: 'satisfaction'; deliberationId: number }
	| { kind: 'inspection_report'; inspectionId: number }
	| { kind: 'ranking'; period: Period }

export async function publish(db: Database, actor: Actor, input: PublishInput, today: IsoDate, settings: Settings): Promise<number> {
	try {
		return await write(db, actor, async (tx, audit) => {
			const { subjectId, period, copy } = await takeCopy(tx, input, settings, today)
			const [current] = await tx
				.select({ id: publications.id })
				.from(publications)
				.where(
					and(
						eq(publications.kind, input.kind),
						isNull(publications.withdrawnOn),
						subjectId === null ? and(eq(publications.periodFrom, period?.from ?? ''), eq(publications.periodTo, period?.to ?? '')) : eq(publications.subjectId, subjectId),
					),
				)
			enforce(publishVerdict(actor, { ready: copy !== null, alreadyPublic: Boolean(current) }))
			const [row] = await tx
				.insert(publications)
				.values({ kind: input.kind, subjectId, periodFrom: period?.from ?? null, periodTo: period?.to ?? null, copy: copy as PublicationCopy, publishedOn: today, publishedBy: actor.id })
				.returning({ id: publications.id })
			await audit({ action: 'publication.publish', entityType: 'publication', entityId: row.id, after: { kind: input.kind, subjectId, period, copy } })
			return row.id
		})
	} catch (error) {
		// Two people publishing the same thing at once: the second meets the unique index.
		if (isUniqueViolation(error)) refuse({ kind: 'rule', code: 'publications.alreadyPublic' })
		throw error
	}
}

export async function withdrawPublication(db: Database, actor: Actor, input: { id: number; version: number; reason: string }, today: IsoDate) {
	return write(db, actor, async (tx, audit) => {
		const publication = await lockVersioned(tx, publications, input.id, input.version)
		enforce(withdrawVerdict(actor, publication, input.reason))
		await updateVersioned(tx, publications, publication.id, input.version, { withdrawnOn: today, withdrawnBy: actor.id, withdrawReason: input.reason.trim() })
		await audit({ action: 'publication.withdraw', entityType: 'publication', entityId: publication.id, before: { kind: publication.kind, publishedOn: publication.publishedOn }, after: { withdrawnOn: today, reason: input.reason.trim() } })
	})
}

type Taken = { subjectId: number | null; period: Period | null; copy: PublicationCopy | null }

// The copy of the subject as it stands, or null when it is not ready to be public. The subject
// row is locked, so that what is copied is what the audit says was published.
async function takeCopy(tx: Database, input: PublishInput, settings: Settings, today: IsoDate): Promise<Taken> {
	switch (input.kind) {
		case 'satisfaction': {
			await lockVersioned(tx, deliberations, input.deliberationId)
			const [row] = await tx
				.select({
					title: deliberations.title,
					withVote: deliberations.withVote,
					tally: deliberations.tally,
					state: deliberations.state,
					agency: agencies.name,
					on: sql<string | null>`coalesce(${meetings.endsOn}, (${deliberations.voteClosedAt} at time zone 'Asia/Shanghai')::date)::text`,
				})
				.from(deliberations)
				.innerJoin(agencies, eq(agencies.id, deliberations.respondingAgencyId))
				.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
				.where(eq(deliberations.id, input.deliberationId))
			const result = row?.withVote && row.tally && resultPublishable(row) ? satisfactionResult(row.tally, settings.satisfactionThresholdPercent) : null
			const copy = row && result && row.on ? ({ kind: 'satisfaction', title: row.title, agency: row.agency, result, on: row.on } as const) : null
			return { subjectId: input.deliberationId, period: null, copy }
		}
		case 'inspection_report': {
			await lockVersioned(tx, inspections, input.inspectionId)
			const [report, deliberation] = await Promise.all([getInspectionReport(tx, input.inspectionId), inspectionDeliberation(tx, input.inspectionId)])
			const ready = report && deliberation && inspectionReportPublishable({ letterSent: letterIsSent(deliberation.state), parts: report.parts })
			// Dated by the meeting it went to (the day the deliberation was opened, without one).
			const [meeting] = ready && report.meetingId ? await tx.select({ startsOn: meetings.startsOn }).from(meetings).where(eq(meetings.id, report.meetingId)) : []
			const copy = ready ? ({ kind: 'inspection_report', title: report.reportTitle, reportedOn: meeting?.startsOn ?? deliberation.openedOn, parts: report.parts } as const) : null
			return { subjectId: input.inspectionId, period: null, copy }
		}
		case 'ranking': {
			// The notice as it reads today: ranks, scores and cards. Its overdue items and cards are
			// today's, so the period ends today (a past period would mix today's items with that
			// period's results). The deductions stay off the public copy: they name items, and a
			// concern's title is the deputy's.
			const groups = await loadRanking(tx, input.period, today, settings)
			const copy: RankingCopy = {
				kind: 'ranking',
				from: input.period.from,
				to: input.period.to,
				groups: groups.map((group) => ({ group: group.group, agencies: group.agencies.map((a) => ({ rank: a.rank, name: a.name, score: a.score, card: a.card?.colour ?? null })) })),
			}
			return { subjectId: null, period: input.period, copy: input.period.from <= input.period.to && input.period.to === today ? copy : null }
		}
	}
}
