import type { Status } from '~/domain/status'
import { useT } from '~/i18n/i18n'

export function StatusBadge({ status }: { status: Status }) {
	const t = useT()
	return <span className={`status status--${status}`}>{t.status[status]}</span>
}
