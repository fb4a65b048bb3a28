import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { formatChineseDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { rankingFor } from '~/models/status/ranking-view.server'

export const meta: MetaFunction = () => [{ title: '排名通报 · 监督追踪' }]

// The committee's ranking notice over its oversight record, in two groups, with each agency's
// deductions and card and the items behind them; printable as it stands.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'ranking:read')
	const url = new URL(args.request.url)
	const ranking = await rankingFor(getDb(), user, url.searchParams)
	return { ...ranking, search: url.search }
}

export default function RankingPage() {
	const { period, groups, ownOnly, today, search } = useLoaderData<typeof loader>()
	const t = useT()
	const r = t.implementation.ranking
	return (
		<article className="ranking-notice">
			<div className="page-head">
				<div>
					<h1>{r.title}</h1>
					<p className="muted small" style={{ margin: 0 }}>
						{r.subtitle} · {formatChineseDate(today)}
					</p>
				</div>
				<span className="toolbar no-print">
					<a className="button button--secondary button--small" href={`/ranking/export.csv${search}`} download>
						{r.export}
					</a>
				</span>
			</div>
			<Form method="get" className="filters no-print" aria-label={t.implementation.dashboard.period}>
				<div className="field">
					<label htmlFor="ranking-from">{t.implementation.dashboard.from}</label>
					<input id="ranking-from" name="from" type="date" defaultValue={period.from} />
				</div>
				<div className="field">
					<label htmlFor="ranking-to">{t.implementation.dashboard.to}</label>
					<input id="ranking-to" name="to" type="date" defaultValue={period.to} />
				</div>
				<div className="toolbar">
					<button type="submit" className="button">
						{t.implementation.dashboard.apply}
					</button>
					<Link to="/ranking" className="button button--secondary">
						{t.implementation.dashboard.lastYear}
					</Link>
				</div>
			</Form>
			<p>{fill(r.periodNote, period)}</p>
			{ownOnly ? <p>{r.ownOnly}</p> : null}
			{groups.map((group) => (
				<section key={group.group} aria-labelledby={`group-${group.group}`} className="ranking-group">
					<h2 id={`group-${group.group}`}>{r.groups[group.group]}</h2>
					{group.agencies.length === 0 ? (
						<p className="empty">{r.empty}</p>
					) : (
						<div className="table-wrap">
							<table className="ranking-table">
								<thead>
									<tr>
										<th scope="col">{r.columns.rank}</th>
										<th scope="col">{r.columns.agency}</th>
										<th scope="col">{r.columns.score}</th>
										<th scope="col">{r.columns.deductions}</th>
										<th scope="col">{r.columns.card}</th>
									</tr>
								</thead>
								<tbody>
									{group.agencies.map((agency) => (
										<tr key={agency.id} id={`agency-${agency.id}`}>
											<td>{agency.rank}</td>
											<th scope="row">
												<Link to={`/agencies/${agency.id}`}>{agency.name}</Link>
											</th>
											<td>{agency.score}</td>
											<td>
												{agency.deductions.length === 0 ? (
													<span className="muted">{r.noDeductions}</span>
												) : (
													<ul className="ranking-deductions">
														{agency.deductions.map((d, index) => (
															<li key={index}>
																{r.causes[d.cause]}：<Link to={d.href}>{d.title}</Link>（{fill(r.points, { points: d.points })}）
															</li>
														))}
													</ul>
												)}
											</td>
											<td>
												{agency.card ? (
													<div>
														<span className={`card-badge card-badge--${agency.card.colour}`}>{r.cards[agency.card.colour]}</span>{' '}
														<span className="small">{fill(r.since, { date: agency.card.since })}</span>
														<ul className="ranking-deductions">
															{agency.card.reasons.map((reason) => (
																<li key={reason.reason}>
																	{r.reasons[reason.reason]}（{fill(r.since, { date: reason.since })}）：
																	{reason.items.map((item, index) => (
																		<span key={item.href + index}>
																			{index > 0 ? '；' : null}
																			<Link to={item.href}>{item.title}</Link>
																		</span>
																	))}
																</li>
															))}
														</ul>
													</div>
												) : null}
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
				</section>
			))}
			<p className="small muted">{r.rules}</p>
		</article>
	)
}
