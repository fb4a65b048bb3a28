import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { isSecureRequest } from '~/config.server'
import { getCurrentUser } from '~/auth/guards.server'
import { clearedSessionCookie, invalidateSession } from '~/auth/session.server'
import { write } from '~/models/write.server'

// Logging out deletes the session row, so the old cookie is worthless even if it was copied.
export async function loader() {
	throw redirect('/')
}

export async function action(args: ActionFunctionArgs) {
	const user = await getCurrentUser(args)
	if (user) {
		await write(getDb(), user, async (tx, audit) => {
			await invalidateSession(tx, user.sessionId)
			await audit({ action: 'logout', entityType: 'user', entityId: user.id })
		})
	}
	const secure = isSecureRequest(args.request)
	return redirect('/login?loggedOut', { headers: { 'Set-Cookie': clearedSessionCookie(secure) } })
}
