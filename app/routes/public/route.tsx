import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { StatusBadge } from '~/components/status-badge'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
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

// Shared caches may keep it for a few minutes; the server rebuilds it only after a write.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'public, max-age=300' })

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
			{data.clauses.length ? (
				<section aria-labelledby="public-clauses">
					<h2 id="public-clauses">{p.byClause}</h2>
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{p.clause}</th>
									<th scope="col">{t.implementation.statusHeading}</th>
									<th scope="col">{p.tasks}</th>
								</tr>
							</thead>
							<tbody>
								{data.clauses.map((clause) => (
									<tr key={clause.id}>
										<th scope="row">{clause.label}</th>
										<td>{clause.total ? <StatusBadge status={clause.status} /> : null}</td>
										<td>{clause.total ? counts(clause) : p.noTasks}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			) : null}
			{data.agencies.length ? (
				<section aria-labelledby="public-agencies">
					<h2 id="public-agencies">{p.byAgency}</h2>
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{p.agency}</th>
									<th scope="col">{t.implementation.statusHeading}</th>
									<th scope="col">{p.tasks}</th>
								</tr>
							</thead>
							<tbody>
								{data.agencies.map((agency) => (
									<tr key={agency.id}>
										<th scope="row">{agency.name}</th>
										<td>
											<StatusBadge status={agency.status} />
										</td>
										<td>{counts(agency)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			) : null}
		</>
	)
}
