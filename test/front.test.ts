import { afterAll, beforeAll, expect, test } from 'vitest'
import { startApp } from '#test/fuzz/app-server'

// The server's front: pages travel compressed when the browser says it can take it, and as
// they are when it does not; the security headers stay on either way.

let app: { base: string; close: () => Promise<void> }
beforeAll(async () => {
	app = await startApp()
}, 60_000)
afterAll(async () => {
	await app?.close()
})

test('a page is sent with brotli or gzip as the browser accepts, and plain otherwise', async () => {
	const brotli = await fetch(`${app.base}/login`, { headers: { 'Accept-Encoding': 'br, gzip' } })
	expect(brotli.headers.get('content-encoding')).toBe('br')
	expect(brotli.headers.get('vary')).toMatch(/Accept-Encoding/i)
	expect(brotli.headers.get('x-content-type-options')).toBe('nosniff')
	const page = await brotli.text()
	expect(page).toContain('<form')
	const gzip = await fetch(`${app.base}/login`, { headers: { 'Accept-Encoding': 'gzip' } })
	expect(gzip.headers.get('content-encoding')).toBe('gzip')
	const plain = await fetch(`${app.base}/login`, { headers: { 'Accept-Encoding': 'identity' } })
	expect(plain.headers.get('content-encoding')).toBeNull()
	expect(await plain.text()).toContain('<form')
})
