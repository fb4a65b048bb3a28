import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, deliberations, inspections, meetings, publications, users } from '#db/schema'
import { satisfactionResult, sentStates, type Choice } from '~/domain/deliberation'
import type { PublicationCopy, PublicationKind } from '~/domain/publications'
import { inspectionReportPublishable } from '~/domain/publications'
import type { Settings } from '~/domain/settings'
import { outer } from '../sql.server'

// What is public now, newest first: the public page shows these copies and nothing else of them.
export async function listPublished(db: Database): Promise<Array<{ id: number; kind: PublicationKind; publishedOn: string; copy: PublicationCopy }>> {
	return db
		.select({ id: publications.id, kind: publications.kind, publishedOn: publications.publishedOn, copy: publications.copy })
		.from(publications)
		.where(isNull(publications.withdrawnOn))
		.orderBy(desc(publications.publishedOn), desc(publications.id))
}

// The office's view: every publication, withdrawn ones too, with who decided.
export async function listPublications(db: Database) {
	const publisher = sql<string | null>`(select u.real_name from ${users} u where u.id = ${outer(publications.publishedBy)})`
	const withdrawer = sql<string | null>`(select u.real_name from ${users} u where u.id = ${outer(publications.withdrawnBy)})`
	return db
		.select({
			id: publications.id,
			kind: publications.kind,
			version: publications.version,
			copy: publications.copy,
			publishedOn: publications.publishedOn,
			publishedBy: publisher,
			withdrawnOn: publications.withdrawnOn,
			withdrawnBy: withdrawer,
			withdrawReason: publications.withdrawReason,
		})
		.from(publications)
		.orderBy(sql`${publications.withdrawnOn} is not null`, desc(publications.publishedOn), desc(publications.id))
}

// What could be published and is not public now: satisfaction results and inspection reports
// whose opinion letter was sent (resultPublishable, inspectionReportPublishable).
export async function listPublishable(db: Database, settings: Settings) {
	const publicNow = (kind: PublicationKind, id: typeof deliberations.id | typeof inspections.id) =>
		sql`not exists (select 1 from ${publications} p where p.kind = ${kind} and p.subject_id = ${outer(id)} and p.withdrawn_on is null)`
	const [results, reports] = await Promise.all([
		db
			.select({
				id: deliberations.id,
				title: deliberations.title,
				agency: agencies.name,
				tally: deliberations.tally,
				on: sql<string | null>`coalesce(${meetings.endsOn}, (${deliberations.voteClosedAt} at time zone 'Asia/Shanghai')::date)::text`,
			})
			.from(deliberations)
			.innerJoin(agencies, eq(agencies.id, deliberations.respondingAgencyId))
			.leftJoin(meetings, eq(meetings.id, deliberations.meetingId))
			.where(and(eq(deliberations.withVote, true), isNotNull(deliberations.tally), inArray(deliberations.state, sentStates), publicNow('satisfaction', deliberations.id)))
			.orderBy(desc(deliberations.id)),
		db
			.select({ id: inspections.id, title: inspections.title, evaluation: inspections.reportEvaluation, problems: inspections.reportProblems })
			.from(inspections)
			.where(
				and(
					sql`exists (select 1 from ${deliberations} d where d.subject_type = 'inspection' and d.subject_id = ${outer(inspections.id)}
						and d.state in (${sql.join(sentStates.map((state) => sql`${state}`), sql`, `)}))`,
					publicNow('inspection_report', inspections.id),
				),
			)
			.orderBy(desc(inspections.id)),
	])
	return {
		results: results.flatMap((row) => {
			const result: Choice | null = row.tally ? satisfactionResult(row.tally, settings.satisfactionThresholdPercent) : null
			return result && row.on ? [{ id: row.id, title: row.title, agency: row.agency, result, on: row.on }] : []
		}),
		reports: reports.filter((row) => inspectionReportPublishable({ letterSent: true, parts: row })).map((row) => ({ id: row.id, title: row.title })),
	}
}
