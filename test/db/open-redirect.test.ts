import { expect, test } from 'vitest'
import { action, loader } from '~/routes/login/route'
import { runAction, runLoader } from '#test/helpers'

// After signing in the app goes back where the user came from — on this site only.
test('a signed-in visit to /login with a tab-smuggled target goes home, not to another site', async () => {
	for (const target of ['/%09/evil.example/phish', '/%0a/evil.example', '//evil.example', '/%5Cevil.example']) {
		const outcome = await runLoader(loader, { path: `/login?redirectTo=${target}`, as: 'mishu' })
		expect(outcome.status).toBe(302)
		expect(outcome.location).toBe('/')
	}
})

test('a login posting a target with a line break or a tab goes home, never a 500', async () => {
	for (const redirectTo of ['/\r\nSet-Cookie: x=1', '/\t/evil.example/phish', '/reports?x=1\n']) {
		const outcome = await runAction(action, { path: '/login', form: { username: 'mishu', password: 'oversight-demo', redirectTo } })
		expect(outcome.status).toBe(302)
		expect(outcome.location).toBe('/')
	}
	const kept = await runAction(action, { path: '/login', form: { username: 'mishu', password: 'oversight-demo', redirectTo: '/reports?state=distributed' } })
	expect(kept.location).toBe('/reports?state=distributed')
})
