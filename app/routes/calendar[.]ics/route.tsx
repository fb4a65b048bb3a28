import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { calendarContentType, calendarFileFor } from '~/models/calendar.server'

// /calendar.ics: the signed-in user's own meetings and visits, for a one-off import into a
// calendar app (the secret feed at /feeds/<token>.ics keeps one up to date).
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const body = await calendarFileFor(getDb(), user, new Date())
	return new Response(body, {
		headers: {
			'Content-Type': calendarContentType,
			'Content-Disposition': 'inline; filename="calendar.ics"',
			'Cache-Control': 'private, no-store',
		},
	})
}
