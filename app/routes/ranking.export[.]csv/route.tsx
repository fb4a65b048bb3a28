import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { attachmentDisposition, csvContentType, toCsv } from '~/domain/csv'
import { messages } from '~/i18n/i18n'
import { rankingFor } from '~/models/status/ranking-view.server'

// /ranking/export.csv: the notice for Excel, in Chinese whatever the interface language.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'ranking:read')
	const { groups, today } = await rankingFor(getDb(), user, new URL(args.request.url).searchParams)
	const r = messages('zh').implementation.ranking
	const rows = groups.flatMap((group) =>
		group.agencies.map((agency) => [
			String(agency.rank),
			agency.name,
			String(agency.score),
			agency.card ? r.cards[agency.card.colour] : '',
			agency.card ? agency.card.reasons.map((reason) => `${r.reasons[reason.reason]}（${reason.since} 起：${reason.items.map((i) => i.title).join('；')}）`).join('；') : '',
			r.groups[group.group],
		]),
	)
	return new Response(toCsv(['排名', '单位', '得分', '警示', '原因', '分组'], rows), {
		headers: {
			'Content-Type': csvContentType,
			'Content-Disposition': attachmentDisposition(`排名通报-${today}.csv`, `ranking-${today}.csv`),
			'Cache-Control': 'private, no-store',
		},
	})
}
