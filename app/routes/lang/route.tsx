import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { safeRedirect } from '~/domain/accounts'
import { langCookieName } from '~/i18n/i18n'
import { readForm } from '~/http/forms.server'

// The language switch is a POST (no GET changes state); it needs no session, so the login
// page can switch too. It stores a preference cookie only.
export async function loader() {
	throw redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
	const form = await readForm(request)
	const lang = form.get('lang') === 'en' ? 'en' : 'zh'
	const target = safeRedirect(String(form.get('redirectTo') ?? '/'))
	return redirect(target, {
		headers: { 'Set-Cookie': `${langCookieName}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` },
	})
}
