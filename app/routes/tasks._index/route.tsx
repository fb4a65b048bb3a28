import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { notFound, requirePermission } from '~/auth/guards.server'
import { AgencyBadge } from '~/components/agency-badge'
import { StatusBadge } from '~/components/status-badge'
import { shanghaiDate } from '~/domain/dates'
import { parseTaskTableQuery, taskPolicy, taskTableSearch } from '~/domain/tasks'
import { fill, useT } from '~/i18n/i18n'
import { loadTaskTable, taskTableOptions } from '~/models/tasks/queries.server'
import { onlyStatus, withStatus } from '~/models/status/queries.server'
import { TaskTableFilters } from './filters'
import { TaskTableHead } from './table-head'

export const meta: MetaFunction = () => [{ title: '责任分解表 · 监督追踪' }]

const filterKeys = ['instrument', 'part', 'clause', 'agency', 'role', 'status']

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseTaskTableQuery(url.searchParams)
	// A submitted filter form sends empty fields too: show the short, shareable URL instead.
	const own = new URLSearchParams([...url.searchParams].filter(([key]) => filterKeys.includes(key))).toString()
	if ((own ? `?${own}` : '') !== taskTableSearch(query)) throw redirect(`/tasks${taskTableSearch(query)}`)
	const table = await loadTaskTable(db, query)
	if (!table && query.instrumentId) throw notFound()
	const tasks = onlyStatus(await withStatus(db, shanghaiDate(new Date()), table?.rows ?? []), query.status)
	return {
		instrument: table?.instrument ?? null,
		query,
		search: taskTableSearch(query),
		filtered: Boolean(query.partId || query.clauseId || query.agencyId || query.status),
		options: table ? await taskTableOptions(db, table.instrument.id) : null,
		rows: tasks.map((task, index) => ({
			id: task.id,
			serial: index + 1,
			clauseId: task.clauseId,
			clauseLabel: task.clauseLabel,
			text: task.text,
			leads: task.leads,
			cos: task.cos,
			deadline: task.deadline,
			status: task.status,
		})),
		canEdit: taskPolicy(user).edit,
	}
}

export default function TaskTablePage() {
	const { instrument, query, search, filtered, options, rows, canEdit } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>{t.tasks.title}</h1>
					{instrument ? <p className="muted small" style={{ margin: 0 }}>{instrument.title}</p> : null}
				</div>
				{instrument ? (
					<span className="toolbar no-print">
						<span className="muted">{fill(t.tasks.count, { count: rows.length })}</span>
						<Link className="button button--secondary button--small" to={`/tasks/print${search}`}>
							{t.tasks.printView}
						</Link>
						<a className="button button--secondary button--small" href={`/tasks/export.csv${search}`} download>
							{t.common.exportCsv}
						</a>
					</span>
				) : null}
			</div>
			{options ? <TaskTableFilters key={search} query={query} options={options} /> : null}
			{rows.length === 0 ? (
				<p className="empty">
					{filtered ? t.tasks.empty : t.tasks.noTasks}{' '}
					{filtered ? <Link to="/tasks">{t.tasks.clearFilters}</Link> : null}
				</p>
			) : (
				<div className="table-wrap">
					<table className="task-table">
						<TaskTableHead actions={canEdit} />
						<tbody>
							{rows.map((row) => (
								<tr key={row.id} id={`task-${row.id}`}>
									<td className="task-table__serial">{row.serial}</td>
									<td className="task-table__clause">
										<Link to={`/clauses/${row.clauseId}`}>{row.clauseLabel}</Link>
									</td>
									<td className="task-table__text">{row.text}</td>
									<td className="task-table__agencies">
										{row.leads.length ? (
											row.leads.map((agency) => <AgencyBadge key={agency.id} agency={agency} />)
										) : (
											<span className="muted">{t.tasks.unassigned}</span>
										)}
									</td>
									<td className="task-table__agencies">
										{row.cos.map((agency) => (
											<AgencyBadge key={agency.id} agency={agency} />
										))}
									</td>
									<td className="task-table__deadline">{row.deadline ?? t.common.longTerm}</td>
									<td>
										<Link to={`/tasks/${row.id}#why`} aria-label={`${t.implementation.viewWhy}：${t.status[row.status]}`}>
											<StatusBadge status={row.status} />
										</Link>
									</td>
									{canEdit ? (
										<td className="no-print">
											<Link className="button button--secondary button--small" to={`/tasks/${row.id}/edit`}>
												{t.common.edit}
											</Link>
										</td>
									) : null}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	)
}
