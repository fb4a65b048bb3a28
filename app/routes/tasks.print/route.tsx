import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { PrintButton } from '~/components/print-button'
import { notFound, requirePermission } from '~/auth/guards.server'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { statusLabels } from '~/domain/status'
import { parseTaskTableQuery, taskTableSearch, type TaskTableQuery } from '~/domain/tasks'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import type { RouteHandle } from '~/root'
import { loadTaskTable, taskTableOptions } from '~/models/tasks/queries.server'
import { onlyStatus, withStatus } from '~/models/status/queries.server'
import { TaskTableHead } from '../tasks._index/table-head'

export const handle: RouteHandle = { bare: true }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data?.instrument ? `《${data.instrument.title}》责任分解表` : '责任分解表' },
]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'record:read')
	const db = getDb()
	const query = parseTaskTableQuery(new URL(args.request.url).searchParams)
	const table = await loadTaskTable(db, query)
	if (!table) throw notFound()
	const options = await taskTableOptions(db, table.instrument.id)
	const today = shanghaiDate(new Date())
	const rows = onlyStatus(await withStatus(db, today, table.rows), query.status)
	return {
		instrument: table.instrument,
		search: taskTableSearch(query),
		filters: describeFilters(query, options, messagesFor(args.request)),
		printedOn: formatChineseDate(today),
		rows: rows.map((task, index) => ({
			id: task.id,
			serial: index + 1,
			clauseLabel: task.clauseLabel,
			text: task.text,
			leads: task.leads.map((a) => a.name).join('、'),
			cos: task.cos.map((a) => a.name).join('、'),
			deadline: task.deadline,
			status: statusLabels[task.status],
		})),
	}
}

// The printed sheet says which part of the table it is: 第三部分 · 武汉市公安局（牵头）.
function describeFilters(
	query: TaskTableQuery,
	options: Awaited<ReturnType<typeof taskTableOptions>>,
	t: Messages,
) {
	const parts: Array<string> = []
	const part = options.parts.find((p) => p.id === query.partId)
	if (part) parts.push(`${part.label}${part.title}`)
	const clause = options.clauses.find((c) => c.id === query.clauseId)
	if (clause) parts.push(clause.label)
	const agency = options.agencies.find((a) => a.id === query.agencyId)
	const roleLabels = { lead: t.tasks.roleLead, co: t.tasks.roleCo }
	if (agency) parts.push(query.role ? `${agency.name}（${roleLabels[query.role]}）` : agency.name)
	if (query.status) parts.push(`${t.implementation.statusHeading}：${t.status[query.status]}`)
	return parts.join(' · ')
}

export default function TaskTablePrint() {
	const { instrument, search, filters, printedOn, rows } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<article className="print-sheet">
			<div className="toolbar no-print print-sheet__tools">
				<Link to={`/tasks${search}`}>‹ {t.tasks.backToTable}</Link>
				<PrintButton />
			</div>
			<h1 className="print-sheet__title">{fill(t.tasks.printTitle, { title: instrument.title })}</h1>
			<p className="print-sheet__meta">
				{instrument.documentNumber ? <span>{instrument.documentNumber}</span> : null}
				{filters ? <span>{fill(t.tasks.filteredBy, { filters })}</span> : null}
				<span>{fill(t.tasks.count, { count: rows.length })}</span>
				<span>{fill(t.tasks.printedOn, { date: printedOn })}</span>
			</p>
			{rows.length === 0 ? (
				<p className="empty">{t.tasks.empty}</p>
			) : (
				<div className="table-wrap">
					<table className="task-table task-table--print">
						<TaskTableHead actions={false} />
						<tbody>
							{rows.map((row) => (
								<tr key={row.id}>
									<td className="task-table__serial">{row.serial}</td>
									<td className="task-table__clause">{row.clauseLabel}</td>
									<td className="task-table__text">{row.text}</td>
									<td>{row.leads}</td>
									<td>{row.cos}</td>
									<td className="task-table__deadline">{row.deadline ?? t.common.longTerm}</td>
									<td>{row.status}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</article>
	)
}

