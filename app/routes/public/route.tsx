import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { StatusBadge } from '~/components/status-badge'
import { ScrollableTable } from '~/components/table-wrap'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { reportPartHeadings, reportParagraphs, reportParts } from '~/domain/inspection-report'
import { statuses } from '~/domain/status'
import { fill, useT } from '~/i18n/i18n'
import { loadPublicStatus } from '~/models/status/public.server'

export const meta: MetaFunction = () => [{ title: '决定落实情况公开 · 监督追踪' }]

// Open to everyone, without a session: where the decision's implementation stands, per clause
// and per agency. Only organisations and counts: no person, no draft, no vote, no concern.
export async function loader(_args: LoaderFunctionArgs) {
	const today = shanghaiDate(new Date())
	return { today, ...(await loadPublicStatus(getDb(), today)) }
}

// A withdrawn document must leave the page at once: caches ask again each time (the server
// answers from its own copy, rebuilt only after a write, so asking costs one small query).
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'public, no-cache' })

export default function PublicPage() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	const p = t.implementation.public
	const counts = (rolled: { counts: Record<(typeof statuses)[number], number> }) =>
		statuses
			.filter((status) => rolled.counts[status] > 0)
			.map((status) => fill(t.implementation.countOf, { label: t.status[status], count: rolled.counts[status] }))
			.join('，')
	return (
		<>
			<div className="page-head">
				<div>
					<h1>{p.title}</h1>
					{data.instrument ? (
						<p className="muted small" style={{ margin: 0 }}>
							{data.instrument.title}
							{data.instrument.documentNumber ? `（${data.instrument.documentNumber}）` : null}
						</p>
					) : null}
				</div>
				<span className="muted">{fill(p.asOf, { date: formatChineseDate(data.today) })}</span>
			</div>
			{data.whole ? (
				<p>
					{p.whole} <StatusBadge status={data.whole.status} /> {counts(data.whole)}
				</p>
			) : (
				<p className="empty">{p.empty}</p>
			)}
			<p className="small muted">{p.rule}</p>
			<StatusSection id="public-clauses" title={p.byClause} rowHeader={p.clause} rows={data.clauses.map((clause) => ({ key: clause.id, label: clause.label, rolled: clause }))} counts={counts} />
			<StatusSection id="public-agencies" title={p.byAgency} rowHeader={p.agency} rows={data.agencies.map((agency) => ({ key: agency.id, label: agency.name, rolled: agency }))} counts={counts} />
			<Published published={data.published} />
		</>
	)
}

type Rolled = { status: (typeof statuses)[number]; total: number; counts: Record<(typeof statuses)[number], number> }

// One table of where things stand: per clause or per agency, its status and its tasks by status.
function StatusSection({ id, title, rowHeader, rows, counts }: { id: string; title: string; rowHeader: string; rows: Array<{ key: number; label: string; rolled: Rolled }>; counts: (rolled: Rolled) => string }) {
	const t = useT()
	if (rows.length === 0) return null
	return (
		<section aria-labelledby={id}>
			<h2 id={id}>{title}</h2>
			<ScrollableTable label={title}>
				<table>
					<thead>
						<tr>
							<th scope="col">{rowHeader}</th>
							<th scope="col">{t.implementation.statusHeading}</th>
							<th scope="col">{t.implementation.public.tasks}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((row) => (
							<tr key={row.key}>
								<th scope="row">{row.label}</th>
								<td>{row.rolled.total ? <StatusBadge status={row.rolled.status} /> : null}</td>
								<td>{row.rolled.total ? counts(row.rolled) : t.implementation.public.noTasks}</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollableTable>
		</section>
	)
}

type Publication = ReturnType<typeof useLoaderData<typeof loader>>['published'][number]

// The copies the office published, by kind: a table of results, each report in full, each
// ranking notice with its groups.
function Published({ published }: { published: Array<Publication> }) {
	const t = useT()
	const p = t.implementation.public
	const results = published.flatMap((item) => (item.copy.kind === 'satisfaction' ? [{ ...item.copy, id: item.id, publishedOn: item.publishedOn }] : []))
	const reports = published.flatMap((item) => (item.copy.kind === 'inspection_report' ? [{ ...item.copy, id: item.id, publishedOn: item.publishedOn }] : []))
	const groups: Record<string, string> = t.implementation.ranking.groups
	const groupName = (group: string) => groups[group] ?? group
	const notices = published.flatMap((item) => (item.copy.kind === 'ranking' ? [{ ...item.copy, id: item.id, publishedOn: item.publishedOn }] : []))
	return (
		<>
			{results.length ? (
				<section aria-labelledby="public-results">
					<h2 id="public-results">{p.results}</h2>
					<ScrollableTable label={p.results}>
						<table>
							<thead>
								<tr>
									<th scope="col">{p.resultColumns.subject}</th>
									<th scope="col">{p.resultColumns.agency}</th>
									<th scope="col">{p.resultColumns.on}</th>
									<th scope="col">{p.resultColumns.result}</th>
								</tr>
							</thead>
							<tbody>
								{results.map((result) => (
									<tr key={result.id}>
										<th scope="row">{result.title}</th>
										<td>{result.agency}</td>
										<td>{formatChineseDate(result.on)}</td>
										<td>{t.deliberation.choices[result.result]}</td>
									</tr>
								))}
							</tbody>
						</table>
					</ScrollableTable>
				</section>
			) : null}
			{reports.length ? (
				<section aria-labelledby="public-reports">
					<h2 id="public-reports">{p.reports}</h2>
					{reports.map((report) => (
						<article key={report.id} className="card public-report" aria-labelledby={`public-report-${report.id}`}>
							<h3 id={`public-report-${report.id}`}>{report.title}</h3>
							<p className="muted small">
								{fill(p.reportOn, { date: formatChineseDate(report.reportedOn) })} · {fill(p.publishedOn, { date: formatChineseDate(report.publishedOn) })}
							</p>
							{reportParts.map((part) =>
								report.parts[part].trim() ? (
									<section key={part}>
										<h4>{reportPartHeadings[part]}</h4>
										{reportParagraphs(report.parts[part]).map((paragraph, index) => (
											<p key={index}>{paragraph}</p>
										))}
									</section>
								) : null,
							)}
						</article>
					))}
				</section>
			) : null}
			{notices.length ? (
				<section aria-labelledby="public-ranking">
					<h2 id="public-ranking">{p.ranking}</h2>
					{notices.map((notice) => (
						<article key={notice.id} className="card" aria-labelledby={`public-ranking-${notice.id}`}>
							<h3 id={`public-ranking-${notice.id}`}>{fill(p.rankingPeriod, { from: formatChineseDate(notice.from), to: formatChineseDate(notice.to) })}</h3>
							<p className="muted small">{fill(p.publishedOn, { date: formatChineseDate(notice.publishedOn) })}</p>
							{notice.groups.map((group) => (
								<ScrollableTable key={group.group} label={groupName(group.group)}>
									<table>
										<caption>{groupName(group.group)}</caption>
										<thead>
											<tr>
												<th scope="col">{t.implementation.ranking.columns.rank}</th>
												<th scope="col">{t.implementation.ranking.columns.agency}</th>
												<th scope="col">{t.implementation.ranking.columns.score}</th>
												<th scope="col">{t.implementation.ranking.columns.card}</th>
											</tr>
										</thead>
										<tbody>
											{group.agencies.map((agency) => (
												<tr key={agency.name}>
													<td>{agency.rank}</td>
													<th scope="row">{agency.name}</th>
													<td>{agency.score}</td>
													<td>{agency.card ? <span className={`card-badge card-badge--${agency.card}`}>{t.implementation.ranking.cards[agency.card]}</span> : null}</td>
												</tr>
											))}
										</tbody>
									</table>
								</ScrollableTable>
							))}
						</article>
					))}
				</section>
			) : null}
		</>
	)
}
