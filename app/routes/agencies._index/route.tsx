import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { ListTable } from '~/components/list-table'
import { useT } from '~/i18n/i18n'
import { listAgenciesWithCounts } from '~/models/agencies/queries.server'

export const meta: MetaFunction = () => [{ title: '责任单位 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'record:read')
	return { agencies: await listAgenciesWithCounts(getDb()) }
}

export default function AgenciesPage() {
	const { agencies } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="page-head">
				<h1>{t.agencies.title}</h1>
				<span className="muted">{t.common.total.replace('{count}', String(agencies.length))}</span>
			</div>
			<ListTable rows={agencies} empty={t.agencies.empty} headers={[t.agencies.name, t.agencies.kind, t.agencies.level, t.agencies.leadCount, t.agencies.coCount]}>
				{(agency) => (
					<tr key={agency.id}>
						<td>
							<Link to={`/agencies/${agency.id}`}>{agency.name}</Link>
							{agency.active ? null : <span className="badge"> {t.agencies.inactive}</span>}
						</td>
						<td>{t.agencyKinds[agency.kind]}</td>
						<td>
							{agency.level}
							{agency.district && agency.level === '区' ? ` · ${agency.district}` : null}
						</td>
						<td>{agency.leadCount}</td>
						<td>{agency.coCount}</td>
					</tr>
				)}
			</ListTable>
		</>
	)
}
