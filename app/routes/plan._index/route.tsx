import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { shanghaiDate } from '~/domain/dates'
import { currentYear, planItemKinds, planPolicy, planYears } from '~/domain/meetings'
import { fill, useT } from '~/i18n/i18n'
import { listPlanItems, listPlanYears } from '~/models/plan/queries.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.year ?? ''}年度监督工作计划 · 监督追踪` }]

const doneKinds = ['created', 'saved', 'deleted'] as const

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'plan:read')
	const db = getDb()
	const today = shanghaiDate(new Date())
	const url = new URL(args.request.url)
	const asked = Number(url.searchParams.get('year'))
	const year = url.searchParams.get('year') && Number.isInteger(asked) && asked >= 2000 && asked <= 2099 ? asked : currentYear(today)
	const items = await listPlanItems(db, year)
	return {
		year,
		years: planYears(await listPlanYears(db), today).filter((y) => y >= 2000 && y <= 2099),
		items,
		canManage: planPolicy(user).manage,
		done: doneKinds.find((kind) => kind === url.searchParams.get('done')) ?? null,
	}
}

export default function PlanPage() {
	const { year, years, items, canManage, done } = useLoaderData<typeof loader>()
	const t = useT()
	const notices = { created: t.plan.created, saved: t.plan.saved, deleted: t.plan.deleted }
	return (
		<>
			<div className="page-head">
				<h1>{fill(t.plan.yearTitle, { year })}</h1>
				<span className="toolbar">
					<span className="muted">{fill(t.plan.count, { count: items.length })}</span>
					{canManage ? (
						<Link className="button button--small" to={`/plan/new?year=${year}`}>
							{t.plan.add}
						</Link>
					) : null}
				</span>
			</div>
			<p className="muted small">{t.plan.intro}</p>
			{done ? <Notice kind="ok">{notices[done]}</Notice> : null}
			<Form method="get" className="filters">
				<div className="field">
					<label htmlFor="plan-year">{t.plan.year}</label>
					<select id="plan-year" name="year" defaultValue={year} key={year}>
						{years.map((y) => (
							<option key={y} value={y}>
								{fill(t.plan.yearValue, { year: y })}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="button button--secondary">
					{t.plan.show}
				</button>
			</Form>
			{items.length === 0 ? (
				<p className="empty">
					{fill(t.plan.empty, { year })} {canManage ? t.plan.emptyManage : t.plan.emptyRead}
				</p>
			) : (
				planItemKinds.map((kind) => {
					const ofKind = items.filter((item) => item.kind === kind)
					return (
						<section key={kind} className="card" aria-labelledby={`plan-${kind}`}>
							<h2 id={`plan-${kind}`} style={{ marginTop: 0 }}>
								{t.plan.kinds[kind]} <span className="muted small">{fill(t.plan.count, { count: ofKind.length })}</span>
							</h2>
							<ListTable
								rows={ofKind}
								empty={t.plan.noneOfKind}
								className="plan-table"
								headers={[t.plan.itemTitle, t.plan.organ, t.plan.plannedMonth, t.plan.clauses, t.plan.notes, ...(canManage ? [t.common.actions] : [])]}
							>
								{(item) => (
									<tr key={item.id} id={`item-${item.id}`}>
										<td>
											{item.title}
											{item.reportCount > 0 ? <div className="muted small">{fill(t.plan.reportsLinked, { count: item.reportCount })}</div> : null}
										</td>
										<td>{item.organName ?? <span className="muted">{t.plan.organNone}</span>}</td>
										<td className="nowrap">{item.plannedMonth ? fill(t.plan.month, { month: item.plannedMonth }) : t.plan.monthNone}</td>
										<td>
											{item.clauses.length ? (
												<span className="badge-list plan-clauses">
													{item.clauses.map((clause) => (
														<Link key={clause.id} className="badge" to={`/clauses/${clause.id}`}>
															{clause.label}
														</Link>
													))}
												</span>
											) : (
												<span className="muted">{t.common.none}</span>
											)}
										</td>
										<td className="plan-table__notes">{item.notes}</td>
										{canManage ? (
											<td>
												<Link to={`/plan/${item.id}/edit`}>{t.plan.edit}</Link>
											</td>
										) : null}
									</tr>
								)}
							</ListTable>
						</section>
					)
				})
			)}
		</>
	)
}
