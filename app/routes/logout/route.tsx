import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { isSecureRequest } from '~/config.server'
import { getCurrentUser } from '~/auth/guards.server'
import { clearedSessionCookie } from '~/auth/session.server'
import { endSession } from '~/models/login.server'

// Logging out is a POST; the session's row goes (endSession) and the cookie is cleared.
export async function loader() {
	throw redirect('/')
}

export async function action(args: ActionFunctionArgs) {
	const user = await getCurrentUser(args)
	if (user) await endSession(getDb(), user, { sessionId: user.sessionId })
	const secure = isSecureRequest(args.request)
	return redirect('/login?loggedOut', { headers: { 'Set-Cookie': clearedSessionCookie(secure) } })
}
