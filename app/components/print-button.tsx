import { useEffect, useState } from 'react'
import { useT } from '~/i18n/i18n'

// window.print() needs JavaScript: until the page is hydrated, say how to print instead.
export function PrintButton({ label }: { label?: string }) {
	const t = useT()
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	if (!hydrated) return <span className="muted small">{t.common.printHint}</span>
	return (
		<button type="button" className="button" onClick={() => window.print()}>
			{label ?? t.common.print}
		</button>
	)
}
