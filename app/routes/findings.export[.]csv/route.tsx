import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { shanghaiDate } from '~/domain/dates'
import { findingCsvHeaders, findingCsvRecord, parseFindingListQuery } from '~/domain/findings'
import { listAllFindings } from '~/models/findings/queries.server'

// /findings/export.csv: the findings list under the same filters, every page, only the findings
// the requesting user may read (the list's own WHERE clause: an agency gets those about itself).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const { page: _page, ...query } = parseFindingListQuery(new URL(args.request.url).searchParams)
	const today = shanghaiDate(new Date())
	const rows = await listAllFindings(db, user, query, today)
	const records = rows.map((row) =>
		findingCsvRecord(
			{
				inspectionTitle: row.inspectionTitle,
				clauseLabel: row.clauseLabel,
				taskLabel: row.taskLabel,
				agencyName: row.agencyName,
				severity: row.severity,
				description: row.description,
				recordedOn: row.recordedOn,
				rectificationDueOn: row.rectificationDueOn,
				rectificationState: row.rectificationState,
				response: row.response,
				respondedOn: row.respondedOn,
				verifiedOn: row.verifiedOn,
				reopenReason: row.reopenReason,
			},
			today,
		),
	)
	return new Response(toCsv(findingCsvHeaders, records), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`执法检查问题整改-${today}.csv`, `findings-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
