import assert from 'node:assert/strict'
import { logIn, test } from './harness'

test('a visitor without a session is sent to the login page and back to /tasks after logging in', async ({ newPage }) => {
	const page = await newPage()
	await page.goto('/tasks')
	await page.waitForURL((url) => url.pathname === '/login')
	const login = new URL(page.url())
	assert.equal(login.pathname + login.search, '/login?redirectTo=%2Ftasks')

	await logIn(page, 'mishu')
	assert.equal(new URL(page.url()).pathname, '/tasks')
	await page.getByRole('heading', { level: 1, name: /责任分解表/ }).waitFor()
})
