import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { messages } from '~/i18n/i18n'
import { listInspections } from '~/models/inspections/queries.server'
import { parseInspectionListQuery } from '~/domain/inspections'

// Exports keep Chinese column names and values, whatever the interface language.
const headers = ['检查名称', '年度', '检查形式', '检查期间', '检查组组长', '状态', '走访次数', '问题数']

// /inspections/export.csv: the list under the same filters, only what the user may read — and
// for a liaison only the visits and findings they may see (no 暗访 in the counts).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const zh = messages('zh').inspections
	const rows = await listInspections(getDb(), user, parseInspectionListQuery(new URL(args.request.url).searchParams))
	const records = rows.map((row) => [
		row.title,
		String(row.year),
		row.forms.map((f) => zh.formNames[f]).join('、'),
		`${formatChineseDate(row.startsOn)}至${formatChineseDate(row.endsOn)}`,
		row.leaderName ?? '',
		zh.statuses[row.status],
		String(row.visitCount),
		String(row.findingCount),
	])
	const today = shanghaiDate(new Date())
	return new Response(toCsv(headers, records), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`执法检查-${today}.csv`, `inspections-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
