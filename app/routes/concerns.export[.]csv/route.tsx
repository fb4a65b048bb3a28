import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { concernCsvHeaders, concernCsvRecord, parseConcernListQuery } from '~/domain/concerns'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { shanghaiDate } from '~/domain/dates'
import { listAllConcerns } from '~/models/concerns/queries.server'

// /concerns/export.csv: the list under the same filters, every page, only what the reader may
// read — and never a constituent, for anyone (the office's export with identity is separate and
// audited).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const { page: _page, ...query } = parseConcernListQuery(new URL(args.request.url).searchParams)
	const today = shanghaiDate(new Date())
	const rows = await listAllConcerns(getDb(), user, query, today)
	return new Response(toCsv(concernCsvHeaders, rows.map(concernCsvRecord)), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`代表建议-${today}.csv`, `concerns-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
