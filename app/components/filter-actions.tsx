import { Link } from '@remix-run/react'
import { useT } from '~/i18n/i18n'

// The end of a filter bar: apply the filters (a GET submit, so it works without JavaScript), or
// go back to the unfiltered list at `resetTo`.
export function FilterActions({ resetTo }: { resetTo: string }) {
	const t = useT()
	return (
		<div className="toolbar">
			<button type="submit" className="button">
				{t.common.search}
			</button>
			<Link to={resetTo} className="button button--secondary">
				{t.common.reset}
			</Link>
		</div>
	)
}
