import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useT } from '~/i18n/i18n'

// One error page for every route: a status the user can act on, never a stack trace.
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const t = useT()
	let title = t.errors.unexpected
	let hint: string | null = null
	let status = 500
	if (isRouteErrorResponse(error)) {
		status = error.status
		if (status === 403) {
			title = t.errors.forbidden
			hint = t.errors.forbiddenHint
		} else if (status === 404) {
			title = t.errors.notFound
			hint = t.errors.notFoundHint
		} else if (status === 503) {
			title = t.errors.unavailable
		} else if (status === 400) {
			title = t.errors.badRequest
		}
	} else if (typeof document === 'undefined') {
		console.error(error)
	}
	return (
		<section className="error-page" role="alert">
			<p className="error-page__status">{status}</p>
			<h1>{title}</h1>
			{hint ? <p>{hint}</p> : null}
			<p>
				<Link to="/">{t.errors.goHome}</Link>
			</p>
		</section>
	)
}
