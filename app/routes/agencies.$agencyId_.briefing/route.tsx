import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { StatusCounts } from '~/components/status-summary'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { getAgency } from '~/models/agencies/queries.server'
import { loadSettings } from '~/models/settings.server'
import { loadAgencyBriefing } from '~/models/status/briefing.server'
import type { RouteHandle } from '~/root'

export const handle: RouteHandle = { bare: true }

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.agency.name} 情况简报` : '情况简报' }]

// A one-page summary of an agency for members before a meeting, laid out for A4.
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'dashboard:read')
	const db = getDb()
	const agency = await getAgency(db, parseId(args.params.agencyId))
	invariantFound(agency)
	const today = shanghaiDate(new Date())
	const briefing = await loadAgencyBriefing(db, agency.id, today, await loadSettings(db))
	return { agency: { id: agency.id, name: agency.name }, today, ...briefing }
}

export default function BriefingPage() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	const b = t.implementation.briefing
	const r = t.implementation.ranking
	return (
		<article className="briefing">
			<p className="no-print">
				<Link to={`/agencies/${data.agency.id}`}>‹ {data.agency.name}</Link>
			</p>
			<h1>{fill(b.title, { agency: data.agency.name })}</h1>
			<p className="muted">{fill(b.printedOn, { date: formatChineseDate(data.today) })}</p>
			<section aria-labelledby="briefing-status">
				<h2 id="briefing-status">{b.status}</h2>
				{data.tasks.length ? (
					<>
						<p>
							<StatusCounts rolled={data.rolled} search={`?agency=${data.agency.id}`} />
						</p>
						<table>
							<thead>
								<tr>
									<th scope="col">{t.tasks.clause}</th>
									<th scope="col">{b.task}</th>
									<th scope="col">{t.tasks.deadline}</th>
									<th scope="col">{t.implementation.statusHeading}</th>
								</tr>
							</thead>
							<tbody>
								{data.tasks.map((task) => (
									<tr key={task.id}>
										<td>{task.clauseLabel}</td>
										<td>
											{task.lead ? `${b.lead} ` : `${b.co} `}
											<Link to={`/tasks/${task.id}#why`}>{task.text.length > 60 ? `${task.text.slice(0, 60)}……` : task.text}</Link>
										</td>
										<td>{task.deadline ?? t.common.longTerm}</td>
										<td>{t.status[task.status]}</td>
									</tr>
								))}
							</tbody>
						</table>
					</>
				) : (
					<p>{b.noTasks}</p>
				)}
			</section>
			<section aria-labelledby="briefing-open">
				<h2 id="briefing-open">{fill(b.open, { total: data.openTotal, overdue: data.overdue })}</h2>
				{data.open.length ? (
					<ul>
						{data.open.map((item) => (
							<li key={`${item.kind}-${item.id}`}>
								{t.implementation.itemKinds[item.kind]}：<Link to={item.href}>{item.title}</Link>（{item.dueOn}
								{item.overdueDays > 0 ? `，${fill(t.implementation.openItems.overdueDays, { days: item.overdueDays })}` : ''}）
							</li>
						))}
					</ul>
				) : (
					<p>{b.noOpen}</p>
				)}
			</section>
			<section aria-labelledby="briefing-card">
				<h2 id="briefing-card">{b.ranking}</h2>
				{data.ranked ? (
					<p>
						{fill(b.rankLine, { group: r.groups[data.ranked.group], rank: data.ranked.rank, score: data.ranked.score })}
						{data.ranked.card ? ` ${r.cards[data.ranked.card.colour]}（${fill(r.since, { date: data.ranked.card.since })}：${data.ranked.card.reasons.map((reason) => r.reasons[reason.reason]).join('；')}）` : ` ${b.noCard}`}
					</p>
				) : (
					<p>{b.notRanked}</p>
				)}
			</section>
			<section aria-labelledby="briefing-report">
				<h2 id="briefing-report">{b.report}</h2>
				{data.report ? (
					<p>
						<Link to={`/reports/${data.report.id}`}>{data.report.title}</Link>（{data.report.heardOn}）
						{data.report.result ? `：${t.deliberation.choices[data.report.result]}` : `：${b.noResult}`}
					</p>
				) : (
					<p>{b.noReport}</p>
				)}
			</section>
			<section aria-labelledby="briefing-commitments">
				<h2 id="briefing-commitments">{b.commitments}</h2>
				{data.commitments.length ? (
					<ul>
						{data.commitments.map((item) => (
							<li key={item.id}>
								<Link to={item.href}>{item.title}</Link>（{item.dueOn}）
							</li>
						))}
					</ul>
				) : (
					<p>{b.noCommitments}</p>
				)}
			</section>
		</article>
	)
}
