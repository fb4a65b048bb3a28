import { Link } from '@remix-run/react'
import { formatChineseDate } from '~/domain/dates'
import type { CardSpell } from '~/domain/ranking'
import { fill, useT } from '~/i18n/i18n'

// The agency's 警示记录: each spell of a yellow or red card in the period, with the items and
// results behind it; computed from the dated record on every view.
export function CardHistory({ spells, period, lastYear }: { spells: ReadonlyArray<CardSpell>; period: { from: string; to: string }; lastYear: boolean }) {
	const t = useT()
	const c = t.implementation.cardHistory
	const r = t.implementation.ranking
	return (
		<section aria-labelledby="card-history">
			<h2 id="card-history">{c.title}</h2>
			{spells.length === 0 ? (
				<p className="empty">{lastYear ? c.empty : c.emptyPeriod}</p>
			) : (
				<>
					<p className="small muted">{fill(c.note, { from: formatChineseDate(period.from), to: formatChineseDate(period.to) })}</p>
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{c.columns.card}</th>
									<th scope="col">{c.columns.earnedOn}</th>
									<th scope="col">{c.columns.liftedOn}</th>
									<th scope="col">{c.columns.reasons}</th>
								</tr>
							</thead>
							<tbody>
								{spells.map((spell) => (
									<tr key={`${spell.colour}-${spell.earnedOn}`}>
										<th scope="row">
											<span className={`card-badge card-badge--${spell.colour}`}>{r.cards[spell.colour]}</span>
										</th>
										<td>{formatChineseDate(spell.earnedOn)}</td>
										<td>{spell.liftedOn ? formatChineseDate(spell.liftedOn) : c.stillHeld}</td>
										<td>
											<ul className="ranking-deductions">
												{spell.reasons.map((reason) => (
													<li key={reason.reason}>
														{r.reasons[reason.reason]}：
														{reason.items.map((item, index) => (
															<span key={item.href}>
																{index > 0 ? '；' : null}
																<Link to={item.href}>{item.title}</Link>
															</span>
														))}
													</li>
												))}
											</ul>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			)}
		</section>
	)
}
