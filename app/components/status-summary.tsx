import { Link } from '@remix-run/react'
import { StatusBadge } from '~/components/status-badge'
import { statuses, type RolledUp } from '~/domain/status'
import { fill, useT } from '~/i18n/i18n'

// A roll-up as officials read it: the status, then how many tasks stand in each status, each
// count leading to those tasks in the 责任分解表.
export function StatusCounts({ rolled, search = '' }: { rolled: RolledUp; search?: string }) {
	const t = useT()
	const joiner = search ? '&' : '?'
	return (
		<span className="status-counts">
			<StatusBadge status={rolled.status} /> {fill(t.implementation.summary, { total: rolled.total })}{' '}
			{statuses
				.filter((status) => rolled.counts[status] > 0)
				.map((status, index) => (
					<span key={status}>
						{index > 0 ? '，' : null}
						<Link to={`/tasks${search}${joiner}status=${status}`}>{fill(t.implementation.countOf, { label: t.status[status], count: rolled.counts[status] })}</Link>
					</span>
				))}
		</span>
	)
}
