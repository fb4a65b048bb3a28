import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { calendarContentType, calendarFileFor } from '~/models/calendar.server'
import { userForFeedToken } from '~/models/calendar-feeds.server'

// /feeds/<token>.ics: a user's secret calendar feed, for calendar apps, which cannot sign in:
// the token is the only credential (DESIGN §1: no session needed). An unknown, replaced or
// revoked token, or a disabled account, gets a bare 404 — nothing to tell them apart.
export async function loader({ params }: LoaderFunctionArgs) {
	const token = (params.token ?? '').replace(/\.ics$/, '')
	const db = getDb()
	const user = await userForFeedToken(db, token)
	if (!user) {
		return new Response('Not found\n', {
			status: 404,
			headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
		})
	}
	const body = await calendarFileFor(db, user, new Date())
	return new Response(body, {
		headers: {
			'Content-Type': calendarContentType,
			'Content-Disposition': 'inline; filename="calendar.ics"',
			'Cache-Control': 'no-store',
			'X-Robots-Tag': 'noindex',
		},
	})
}
