import { expect, test } from 'vitest'
import { runLoader } from '#test/helpers'
import { loader } from './route'

test('the admin home shows the counts behind each admin page', async () => {
	const outcome = await runLoader(loader, { path: '/admin', as: 'admin' })
	expect(outcome.status).toBe(200)
	const { counts } = outcome.data as { counts: Record<string, number> }
	expect(counts.users).toBeGreaterThanOrEqual(16)
	expect(counts.disabledUsers).toBe(0)
	expect(counts.agencies).toBeGreaterThan(20)
	expect(counts.subjects).toBeGreaterThan(10)
	expect(counts.changedSettings).toBe(0)
})

test('the secretariat sees only the administration pages it may use', async () => {
	const outcome = await runLoader(loader, { path: '/admin', as: 'mishu' })
	expect(outcome.status).toBe(200)
	expect((outcome.data as { allowed: Array<string> }).allowed).toEqual(['/admin/agencies', '/admin/subjects', '/audit'])
	const admin = await runLoader(loader, { path: '/admin', as: 'admin' })
	expect((admin.data as { allowed: Array<string> }).allowed).toHaveLength(7)
})

test('members, deputies and liaisons get 403 from the admin home, and a visitor is sent to log in', async () => {
	for (const as of ['weiyuan1', 'daibiao1', 'gongan', 'jiaoyu']) {
		expect((await runLoader(loader, { path: '/admin', as })).status).toBe(403)
	}
	const visitor = await runLoader(loader, { path: '/admin' })
	expect(visitor.location).toBe('/login?redirectTo=%2Fadmin')
})
