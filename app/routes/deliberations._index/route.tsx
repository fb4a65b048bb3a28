import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { handlingOverdueDays, isChoice, listFilters, satisfactionResult, subjectPath, type ListFilter } from '~/domain/deliberation'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { fill, useLang, useT, type Lang } from '~/i18n/i18n'
import { countDeliberations, listDeliberations, withResult } from '~/models/deliberation/queries.server'
import { loadSettings } from '~/models/settings.server'

export const meta: MetaFunction = () => [{ title: '审议 · 监督追踪' }]

// Every deliberation the user may read (scoped in the query: an agency sees only the letters
// sent to it, a deputy only published ones), by state: open votes, letters to compose, handling
// reports awaited or to check, overdue ones (computed from today).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const params = new URL(args.request.url).searchParams
	const requested = params.get('state')
	const filter: ListFilter = listFilters.find((f) => f === requested) ?? 'all'
	// From a bar of the dashboard's satisfaction chart: the results of one kind, in one month.
	const result = params.get('result')
	const month = params.get('month')
	const byResult = isChoice(result) ? { result, month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null } : null
	const today = shanghaiDate(new Date())
	const settings = await loadSettings(db)
	const also = byResult ? withResult(settings.satisfactionThresholdPercent, byResult.result, byResult.month) : undefined
	const [rows, counts] = await Promise.all([listDeliberations(db, user, filter, today, also), countDeliberations(db, user, today)])
	return {
		filter,
		byResult,
		counts,
		rows: rows.map((row) => ({
			id: row.id,
			title: row.title,
			subjectType: row.subjectType,
			subjectHref: subjectPath(row.subjectType, row.subjectId),
			state: row.state,
			meetingLabel: row.meetingLabel,
			organName: row.organName,
			respondingName: row.respondingName,
			voted: row.state === 'open' ? row.voted : null,
			result: row.tally ? satisfactionResult(row.tally, settings.satisfactionThresholdPercent) : null,
			handlingDueOn: row.handlingDueOn && row.letterSentOn ? row.handlingDueOn : null,
			overdueDays: handlingOverdueDays(row.state, row.handlingDueOn, today),
		})),
	}
}

export default function DeliberationList() {
	const { filter, byResult, counts, rows } = useLoaderData<typeof loader>()
	const t = useT()
	const lang = useLang()
	return (
		<>
			<div className="page-head">
				<h1>{t.deliberation.listTitle}</h1>
			</div>
			<p className="muted">{t.deliberation.listIntro}</p>
			<nav className="filter-tabs" aria-label={t.deliberation.filterLabel}>
				{listFilters.map((f) => (
					<Link key={f} to={f === 'all' ? '/deliberations' : `/deliberations?state=${f}`} aria-current={f === filter ? 'page' : undefined} className={`filter-tab${f === filter ? ' filter-tab--current' : ''}${f === 'overdue' && counts.overdue > 0 ? ' filter-tab--alert' : ''}`}>
						{t.deliberation.filters[f]} <span className="filter-tab__count">{counts[f]}</span>
					</Link>
				))}
			</nav>
			{byResult ? (
				<p className="filter-note">
					{fill(byResult.month ? t.deliberation.resultFilterMonth : t.deliberation.resultFilter, { result: t.deliberation.choices[byResult.result], month: byResult.month ? monthLabel(byResult.month, lang) : '', count: rows.length })}{' '}
					<Link to={filter === 'all' ? '/deliberations' : `/deliberations?state=${filter}`}>{t.deliberation.resultFilterClear}</Link>
				</p>
			) : null}
			{rows.length === 0 ? (
				<p className="empty">{filter === 'all' ? t.deliberation.listEmpty : t.deliberation.listEmptyFiltered}</p>
			) : (
				<div className="table-wrap">
					<table className="deliberation-table">
						<thead>
							<tr>
								<th scope="col">{t.deliberation.titleColumn}</th>
								<th scope="col">{t.deliberation.meeting}</th>
								<th scope="col">{t.deliberation.responding}</th>
								<th scope="col">{t.deliberation.stateColumn}</th>
								<th scope="col">{t.deliberation.result}</th>
								<th scope="col">{t.deliberation.dueOn}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id}>
									<td>
										<Link to={`/deliberations/${row.id}`}>{row.title}</Link>
										<div className="muted small">
											<Link to={row.subjectHref}>{t.deliberation.subjectTypes[row.subjectType]}</Link> · {row.organName}
										</div>
									</td>
									<td>{row.meetingLabel ?? t.common.none}</td>
									<td>{row.respondingName}</td>
									<td>
										<span className={`badge deliberation-state deliberation-state--${row.state}`}>{t.deliberation.states[row.state]}</span>
										{row.voted !== null ? <div className="muted small">{fill(t.deliberation.votedCount, { count: row.voted })}</div> : null}
									</td>
									<td>{row.result ? <span className={`satisfaction satisfaction--${row.result}`}>{t.deliberation.choices[row.result]}</span> : <span className="muted">—</span>}</td>
									<td>
										{row.handlingDueOn ? formatChineseDate(row.handlingDueOn) : <span className="muted">—</span>}
										{row.overdueDays > 0 ? <div className="overdue">{fill(t.deliberation.overdueBy, { days: row.overdueDays })}</div> : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	)
}

// '2026-03' as the reader says it: 2026年3月.
function monthLabel(month: string, lang: Lang): string {
	const [year, number] = month.split('-').map(Number)
	return lang === 'zh' ? `${year}年${number}月` : month
}
