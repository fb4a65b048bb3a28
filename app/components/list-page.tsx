import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useT } from '~/i18n/i18n'

type LinkTo = { to: string; label: string }

// The head of every list of records: its title, how many there are, the CSV of what the
// filters show, and the button that starts a new record for those who may.
export function ListHead({ title, count, csvHref, create, children }: { title: string; count?: string; csvHref?: string; create?: LinkTo | null; children?: ReactNode }) {
	const t = useT()
	return (
		<div className="page-head">
			<h1>{title}</h1>
			<span className="toolbar no-print">
				{count ? <span className="muted">{count}</span> : null}
				{children}
				{csvHref ? (
					<a className="button button--secondary button--small" href={csvHref} download>
						{t.common.exportCsv}
					</a>
				) : null}
				{create ? (
					<Link className="button button--small" to={create.to}>
						{create.label}
					</Link>
				) : null}
			</span>
		</div>
	)
}

// What an empty list says: that the filters found nothing (and how to clear them), or what
// this reader can do to fill it.
export function EmptyList({ message, filtered, clear, create, next }: { message: string; filtered: boolean; clear: LinkTo; create?: LinkTo | null; next?: LinkTo }) {
	return (
		<div className="empty">
			<p>{message}</p>
			{filtered ? <Link to={clear.to}>{clear.label}</Link> : null}
			{!filtered && create ? (
				<Link className="button" to={create.to}>
					{create.label}
				</Link>
			) : null}
			{!filtered && next ? <Link to={next.to}>{next.label}</Link> : null}
		</div>
	)
}
