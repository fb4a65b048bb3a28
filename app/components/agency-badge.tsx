import { Link } from '@remix-run/react'
import { useLang } from '~/i18n/i18n'

export function AgencyBadge({ agency }: { agency: { id: number; shortName: string; role: 'lead' | 'co' } }) {
	const lang = useLang()
	const role = agency.role === 'lead' ? (lang === 'zh' ? '牵头' : 'lead') : lang === 'zh' ? '配合' : 'co'
	return (
		<Link to={`/agencies/${agency.id}`} className={`badge badge--${agency.role}`} title={role}>
			{agency.shortName}
			<span className="visually-hidden">（{role}）</span>
		</Link>
	)
}
