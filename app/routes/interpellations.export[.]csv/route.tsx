import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { shanghaiDate } from '~/domain/dates'
import { interpellationCsvHeaders, interpellationCsvRecord, parseInterpellationListQuery } from '~/domain/interpellations'
import { listAllInterpellations } from '~/models/interpellations/queries.server'

// /interpellations/export.csv: the list under the same filters, every page, only what the reader
// may read (the list's own WHERE clause: a liaison never gets one not yet referred to them).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const { page: _page, ...query } = parseInterpellationListQuery(new URL(args.request.url).searchParams)
	const today = shanghaiDate(new Date())
	const rows = await listAllInterpellations(getDb(), user, query, today)
	const records = rows.map((row) =>
		interpellationCsvRecord({
			matter: row.matter,
			targetName: row.targetName,
			source: row.source,
			drafterName: row.drafterName,
			signerNames: row.signerNames,
			state: row.state,
			submittedOn: row.submittedOn,
			referralDecidedOn: row.referralDecidedOn,
			mode: row.mode,
			forum: row.forum,
			answerDueOn: row.dueOn,
			round: row.round,
			verdicts: row.verdicts,
		}),
	)
	return new Response(toCsv(interpellationCsvHeaders, records), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`质询案-${today}.csv`, `interpellations-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
