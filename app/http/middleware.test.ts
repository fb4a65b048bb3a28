import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { securityMiddleware } from './middleware.server'

let base = ''
let close: () => void = () => {}

beforeAll(async () => {
	const app = express()
	app.use(securityMiddleware({ publicUrl: null }))
	app.all('*', (_req, res) => {
		res.send('reached')
	})
	const server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	close = () => server.close()
})

afterAll(() => close())

test('a POST with a foreign Origin gets 403 and never reaches the app', async () => {
	const response = await fetch(`${base}/login`, { method: 'POST', headers: { Origin: 'https://evil.example' }, body: 'username=a' })
	expect(response.status).toBe(403)
	expect(await response.text()).not.toContain('reached')
})

test('a POST with no Origin, no Sec-Fetch-Site and no Referer of ours gets 403', async () => {
	const bare = await fetch(`${base}/login`, { method: 'POST', body: 'username=a' })
	expect(bare.status).toBe(403)
	const vouched = await fetch(`${base}/login`, { method: 'POST', headers: { 'Sec-Fetch-Site': 'same-origin' }, body: 'x' })
	expect(await vouched.text()).toBe('reached')
	const referred = await fetch(`${base}/login`, { method: 'POST', headers: { Referer: `${base}/login` }, body: 'x' })
	expect(await referred.text()).toBe('reached')
})

test('a POST from the same origin, and a GET from anywhere, reach the app', async () => {
	const same = await fetch(`${base}/login`, { method: 'POST', headers: { Origin: base }, body: 'x' })
	expect(await same.text()).toBe('reached')
	const get = await fetch(`${base}/`, { headers: { Origin: 'https://evil.example' } })
	expect(get.status).toBe(200)
	expect(get.headers.get('x-frame-options')).toBe('DENY')
})
