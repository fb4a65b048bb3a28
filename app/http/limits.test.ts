import net, { type AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { maxUploadRequestBytes } from '~/domain/attachments'
import { bodyVerdict, cutStalledRequests, maxFormBytes, requestLimits } from './limits.server'

const post = (contentType: string | null, contentLength: string | null, transferEncoding: string | null = null) =>
	bodyVerdict({ method: 'POST', contentType, contentLength, transferEncoding })

test('a form is bounded at 1 MB, an upload at its attachments, before anything is read', () => {
	expect(post('application/x-www-form-urlencoded', String(maxFormBytes))).toEqual({ ok: true })
	expect(post('application/x-www-form-urlencoded', String(maxFormBytes + 1))).toEqual({ ok: false, status: 413, limitBytes: maxFormBytes })
	expect(post('multipart/form-data; boundary=x', String(maxUploadRequestBytes))).toEqual({ ok: true })
	expect(post('multipart/form-data; boundary=x', String(maxUploadRequestBytes + 1))).toMatchObject({ ok: false, status: 413 })
})

test('a body no form sends is refused: JSON, text, XML, unknown length', () => {
	for (const type of ['application/json', 'text/plain', 'application/xml', 'text/xml', null]) {
		expect(post(type, '10')).toEqual({ ok: false, status: 400 })
	}
	expect(post('application/x-www-form-urlencoded', null, 'chunked')).toEqual({ ok: false, status: 411 })
	// A button that posts nothing, and any GET, pass.
	expect(post(null, '0')).toEqual({ ok: true })
	expect(post(null, null)).toEqual({ ok: true })
	expect(bodyVerdict({ method: 'GET', contentType: 'application/json', contentLength: '5', transferEncoding: null })).toEqual({ ok: true })
})

let base = ''
let close: () => void = () => {}
let reached = 0

beforeAll(async () => {
	const app = express()
	app.use(requestLimits())
	app.all('*', (_req, res) => {
		reached++
		res.send('reached')
	})
	const server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	close = () => server.close()
})

afterAll(() => close())

test('a 200 MB login body is refused with a 413 page that says the limit, without being read', async () => {
	const before = reached
	const huge = new Uint8Array(200 * 1024 * 1024)
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: huge,
	}).catch(() => null)
	// The server may close the connection while the client is still sending: either way the app
	// was never reached; when the answer arrives, it names the limit.
	if (response) {
		expect(response.status).toBe(413)
		expect(await response.text()).toContain('1 MB')
	}
	expect(reached).toBe(before)
})

test('a JSON post gets a 400 page in Chinese', async () => {
	const response = await fetch(`${base}/reports/1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' })
	expect(response.status).toBe(400)
	expect(await response.text()).toContain('请求格式有误')
})

test('a body that stops arriving is cut: the connection is closed, the handler never gets the form', async () => {
	let handled = 0
	const app = express()
	app.use(requestLimits())
	app.post('*', (req, res) => {
		req.resume()
		req.on('end', () => {
			handled++
			res.send('read')
		})
	})
	const server = app.listen(0, '127.0.0.1')
	// The server's rule with a shorter wait, so that the test need not wait 30 s.
	cutStalledRequests(server, 300)
	await new Promise((resolve) => server.once('listening', resolve))
	const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1')
	await new Promise((resolve) => socket.once('connect', resolve))
	socket.write('POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nusername=a')
	const closed = await new Promise<boolean>((resolve) => {
		const timer = setTimeout(() => resolve(false), 5_000)
		socket.once('close', () => {
			clearTimeout(timer)
			resolve(true)
		})
		socket.resume()
	})
	socket.destroy()
	server.close()
	expect(closed).toBe(true)
	expect(handled).toBe(0)
})
