import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { commitmentCsvHeaders, commitmentCsvRecord, parseCommitmentListQuery } from '~/domain/commitments'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { shanghaiDate } from '~/domain/dates'
import { listAllCommitments } from '~/models/commitments/queries.server'

// /commitments/export.csv: the commitments list under the same filters, every page, only what
// the requesting user may read (the list's own WHERE clause: a liaison, their agency's).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const { page: _page, ...query } = parseCommitmentListQuery(new URL(args.request.url).searchParams)
	const today = shanghaiDate(new Date())
	const rows = await listAllCommitments(getDb(), user, query, today)
	const records = rows.map((row) =>
		commitmentCsvRecord({
			agencyName: row.agencyName,
			text: row.text,
			source: row.source,
			meetingLabel: row.meetingLabel,
			clauseLabels: row.clauseLabels,
			dueOn: row.dueOn,
			state: row.state,
			overdueDays: row.overdueDays,
			response: row.response,
			respondedOn: row.respondedOn,
			verifiedOn: row.verifiedOn,
			reopenReason: row.reopenReason,
		}),
	)
	return new Response(toCsv(commitmentCsvHeaders, records), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`承诺事项-${today}.csv`, `commitments-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
