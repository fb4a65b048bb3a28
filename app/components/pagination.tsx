import { Link } from '@remix-run/react'
import { fill, useT } from '~/i18n/i18n'

// Previous / "page N of M" / next under a paginated list; nothing when it all fits one page.
// `href` builds the link to a page with the list's current filters kept.
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
	const t = useT()
	if (pages <= 1) return null
	const label = fill(t.common.page, { page, pages })
	return (
		<nav className="pagination" aria-label={label}>
			{page > 1 ? <Link to={href(page - 1)}>{t.common.previous}</Link> : <span />}
			<span>{label}</span>
			{page < pages ? <Link to={href(page + 1)}>{t.common.next}</Link> : <span />}
		</nav>
	)
}
