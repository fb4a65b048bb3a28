import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { shanghaiDate } from '~/domain/dates'
import { parseReportListQuery, reportCsvHeaders, reportCsvRecord } from '~/domain/reports'
import { loadSettings } from '~/models/settings.server'
import { listAllReports } from '~/models/reports/queries.server'

// /reports/export.csv: the reports list under the same filters, every page, only the reports
// the requesting user may read (the list's own WHERE clause).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const { page: _page, ...query } = parseReportListQuery(new URL(args.request.url).searchParams)
	const today = shanghaiDate(new Date())
	const rows = await listAllReports(db, user, query, { settings: await loadSettings(db), today })
	const records = rows.map((row) =>
		reportCsvRecord({
			title: row.title,
			topic: row.topic,
			organName: row.organName,
			preparingName: row.preparingName,
			meetingLabel: row.meetingLabel,
			meetingStartsOn: row.meetingStartsOn,
			clauseLabels: row.clauses.map((c) => c.label),
			status: row.status,
			standing: row.standing,
			signedOffBy: row.signedOffBy,
			satisfaction: row.satisfactionLabel,
			handlingDueOn: row.handlingDueOn,
		}),
	)
	return new Response(toCsv(reportCsvHeaders, records), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`专项工作报告-${today}.csv`, `reports-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
