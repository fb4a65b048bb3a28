import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { PrintButton } from '~/components/print-button'
import { FilterActions } from '~/components/filter-actions'
import { SelectFilter } from '~/components/select-filter'
import { concernRatings, resultClasses, satisfactionPercent } from '~/domain/concerns'
import { shanghaiDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { annualReport, concernYears } from '~/models/concerns/queries.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.year ?? ''}年代表建议办理情况报告 · 监督追踪` }]

// The annual report on the handling of deputies' concerns to the standing committee (Deputies
// Law Art. 51 para. 3: reported, printed for the next congress session, and public). It counts;
// it names agencies, never a constituent, and no concern's own words.
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'record:read')
	const db = getDb()
	const today = shanghaiDate(new Date())
	const years = await concernYears(db)
	const asked = Number(new URL(args.request.url).searchParams.get('year'))
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2099 ? asked : Number(today.slice(0, 4))
	const report = await annualReport(db, year, today)
	return { year, years: years.includes(year) ? years : [year, ...years].sort((a, b) => b - a), ...report, satisfaction: satisfactionPercent(report.counts.byRating) }
}

export default function ConcernReportPage() {
	const { year, years, counts, perAgency, satisfaction } = useLoaderData<typeof loader>()
	const t = useT()
	const r = t.concerns.report
	return (
		<>
			<nav className="breadcrumbs no-print" aria-label={t.concerns.breadcrumbs}>
				<Link to="/concerns">{t.concerns.title}</Link> › {t.concerns.annualReport}
			</nav>
			<div className="toolbar no-print">
				<Form method="get" className="filters" aria-label={r.year}>
					<SelectFilter id="report-year" name="year" label={r.year} value={year} choices={years.map((y) => ({ value: y, label: String(y) }))} />
					<FilterActions resetTo="/concerns/report" />
				</Form>
				<PrintButton label={r.print} />
			</div>
			<article className="briefing">
				<h1>{fill(r.title, { year })}</h1>
				<p>{fill(r.intro, { year, filed: counts.filed, assigned: counts.assigned, replied: counts.replied })}</p>
				<p>{satisfaction === null ? r.noRatings : fill(r.satisfaction, { percent: satisfaction })}</p>
				<p>{fill(r.overdue, { count: counts.overdue })}</p>
				<h2>{r.byClass}</h2>
				<table>
					<tbody>
						{resultClasses.map((c) => (
							<tr key={c}>
								<th scope="row">{t.concerns.resultClasses[c]}</th>
								<td>{counts.byClass[c]}</td>
							</tr>
						))}
					</tbody>
				</table>
				<h2>{r.bySatisfaction}</h2>
				<table>
					<tbody>
						{concernRatings.map((c) => (
							<tr key={c}>
								<th scope="row">{t.concerns.ratings[c]}</th>
								<td>{counts.byRating[c]}</td>
							</tr>
						))}
						<tr>
							<th scope="row">{t.concerns.unrated}</th>
							<td>{counts.byRating.unrated}</td>
						</tr>
					</tbody>
				</table>
				<h2>{r.perAgency}</h2>
				{perAgency.length === 0 ? (
					<p className="muted">{t.concerns.assignmentPending}</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{r.agency}</th>
									<th scope="col">{r.total}</th>
									<th scope="col">A</th>
									<th scope="col">B</th>
									<th scope="col">C</th>
									<th scope="col">{t.concerns.ratings.satisfied}/{t.concerns.ratings.basically_satisfied}</th>
									<th scope="col">{t.concerns.ratings.unsatisfied}</th>
									<th scope="col">{t.concerns.overdue}</th>
								</tr>
							</thead>
							<tbody>
								{perAgency.map((a) => (
									<tr key={a.id}>
										<th scope="row">{a.name}</th>
										<td>{a.total}</td>
										<td>{a.a}</td>
										<td>{a.b}</td>
										<td>{a.c}</td>
										<td>{a.satisfied}</td>
										<td>{a.unsatisfied}</td>
										<td>{a.overdue}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				<p className="muted small">{r.footer}</p>
			</article>
		</>
	)
}
