import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { shanghaiDate } from '~/domain/dates'
import { exportIdentities } from '~/models/concerns/mutations.server'

// The office's list of constituents with their concerns, for its own work (calling back, the
// handling report to the congress): each export is an audit event naming the concerns it holds.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'concerns:manage')
	const rows = await exportIdentities(getDb(), user)
	const today = shanghaiDate(new Date())
	const records = rows.map((r) => [String(r.id), r.title, r.district, r.filer, String(r.position), r.name, r.phone])
	return new Response(toCsv(['编号', '标题', '区', '领衔代表', '序号', '群众姓名', '联系电话'], records), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`代表建议群众信息-${today}.csv`, `concern-constituents-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
