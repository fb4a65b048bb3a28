import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { shanghaiDate } from '~/domain/dates'
import { actionOverdueDays, parseResolutionListQuery, resolutionCsvHeaders, resolutionCsvRecord } from '~/domain/resolutions'
import { listAllResolutions } from '~/models/resolutions/queries.server'

// /resolutions/export.csv: one row per required action of every resolution under the list's
// filters — the agency, what, by when, where it stands.
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'record:read')
	const { page: _page, ...query } = parseResolutionListQuery(new URL(args.request.url).searchParams)
	const today = shanghaiDate(new Date())
	const resolutions = await listAllResolutions(getDb(), query, today)
	const records = resolutions.flatMap((resolution) =>
		resolution.rows.map(({ action, agencyName }) =>
			resolutionCsvRecord({
				title: resolution.title,
				kind: resolution.kind,
				meetingLabel: resolution.meetingLabel,
				adoptedOn: resolution.adoptedOn,
				reportDueOn: resolution.reportDueOn,
				agencyName,
				text: action.text,
				dueOn: action.dueOn,
				state: action.state,
				overdueDays: actionOverdueDays(action, today),
			}),
		),
	)
	return new Response(toCsv(resolutionCsvHeaders, records), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`决议决定-${today}.csv`, `resolutions-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
