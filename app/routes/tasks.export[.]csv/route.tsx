import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { notFound, requirePermission } from '~/auth/guards.server'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { shanghaiDate } from '~/domain/dates'
import { parseTaskTableQuery, taskTableHeaders, taskTableRecord } from '~/domain/tasks'
import { loadTaskTable } from '~/models/tasks/queries.server'
import { onlyStatus, withStatus } from '~/models/status/queries.server'

// /tasks/export.csv: the 责任分解表 under the same filters as /tasks, for Excel.
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'record:read')
	const query = parseTaskTableQuery(new URL(args.request.url).searchParams)
	const table = await loadTaskTable(getDb(), query)
	if (!table && query.instrumentId) throw notFound()
	const today = shanghaiDate(new Date())
	const rows = onlyStatus(await withStatus(getDb(), today, table?.rows ?? []), query.status).map((task, index) => taskTableRecord(task, index + 1, task.status))
	return new Response(toCsv(taskTableHeaders, rows), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`责任分解表-${today}.csv`, `tasks-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
