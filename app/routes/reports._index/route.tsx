import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyList, ListHead } from '~/components/list-page'
import { redirectToCanonicalList } from '~/http/list-url.server'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { isFiltered, parseReportListQuery, reportListSearch, type StandingFlag } from '~/domain/reports'
import { fill, useT } from '~/i18n/i18n'
import { loadSettings } from '~/models/settings.server'
import { listReports, reportFilterOptions } from '~/models/reports/queries.server'
import { ReportFilters } from './filters'
import { Pagination } from '~/components/pagination'

export const meta: MetaFunction = () => [{ title: '专项工作报告 · 监督追踪' }]

const filterKeys = ['organ', 'department', 'meeting', 'state', 'clause', 'page']

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseReportListQuery(url.searchParams)
	redirectToCanonicalList(url, filterKeys, reportListSearch(query))
	const settings = await loadSettings(db)
	const [list, options] = await Promise.all([
		listReports(db, user, query, { settings, today: shanghaiDate(new Date()) }),
		reportFilterOptions(db),
	])
	return {
		query,
		search: reportListSearch({ ...query, page: 1 }),
		filtered: isFiltered(query),
		...list,
		rows: list.rows.map((r) => ({
			id: r.id,
			title: r.title || r.topic,
			topic: r.topic,
			state: r.state,
			status: r.status,
			organName: r.organName,
			preparingName: r.preparingName,
			meetingId: r.meetingId,
			meetingLabel: r.meetingLabel,
			meetingStartsOn: r.meetingStartsOn,
			standingFlag: r.standingFlag,
			satisfaction: r.satisfaction,
			handlingDueOn: r.handlingDueOn,
			handlingOverdueDays: r.handlingOverdueDays,
		})),
		options,
		role: user.role,
		canSchedule: can(user.role, 'oversight:manage'),
	}
}

function FlagBadge({ flag }: { flag: StandingFlag }) {
	const t = useT()
	return <span className={`standing-flag standing-flag--${flag}`}>{t.reports.flags[flag]}</span>
}

export default function ReportsPage() {
	const { query, search, filtered, rows, total, page, pages, options, role, canSchedule } = useLoaderData<typeof loader>()
	const t = useT()
	const pageHref = (n: number) => `/reports${reportListSearch({ ...query, page: n })}`
	return (
		<>
			<ListHead title={t.reports.title} count={fill(t.reports.count, { count: total })} csvHref={`/reports/export.csv${search}`} create={canSchedule ? { to: '/reports/new', label: t.reports.schedule } : null} />
			<p className="muted small">{t.reports.intro}</p>
			<ReportFilters key={search} query={query} options={options} />
			{rows.length === 0 ? (
				<EmptyList message={filtered ? t.reports.empty.filtered : t.reports.empty[role]} filtered={filtered} clear={{ to: '/reports', label: t.reports.clearFilters }} create={canSchedule ? { to: '/reports/new', label: t.reports.schedule } : null} />
			) : (
				<div className="table-wrap">
					<table className="report-table">
						<thead>
							<tr>
								<th scope="col">{t.reports.titleOrTopic}</th>
								<th scope="col">{t.reports.organ}</th>
								<th scope="col">{t.reports.department}</th>
								<th scope="col">{t.reports.meeting}</th>
								<th scope="col">{t.reports.state}</th>
								<th scope="col">{t.reports.standing}</th>
								<th scope="col">{t.reports.satisfaction}</th>
								<th scope="col">{t.reports.handlingDue}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id}>
									<td className="report-table__title">
										<Link to={`/reports/${row.id}`}>{row.title}</Link>
										{row.title !== row.topic ? <div className="muted small">{row.topic}</div> : null}
									</td>
									<td>{row.organName}</td>
									<td>{row.preparingName}</td>
									<td>
										{row.meetingLabel}
										<div className="muted small nowrap">{formatChineseDate(row.meetingStartsOn)}</div>
									</td>
									<td>
										<span className={`report-state report-state--${row.status}`}>{t.reports.statuses[row.status]}</span>
									</td>
									<td>
										<FlagBadge flag={row.standingFlag} />
									</td>
									<td className={row.satisfaction === 'unsatisfied' ? 'result--unsatisfied' : undefined}>
										{row.satisfaction ? t.reports.results[row.satisfaction] : '—'}
									</td>
									<td className="nowrap">
										{row.handlingDueOn ? formatChineseDate(row.handlingDueOn) : '—'}
										{row.handlingOverdueDays > 0 ? (
											<div className="handling-overdue small">{fill(t.reports.handlingOverdue, { days: row.handlingOverdueDays })}</div>
										) : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={pages} href={pageHref} />
		</>
	)
}
