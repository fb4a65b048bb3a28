import { expect, test } from 'vitest'
import { expectedOrigin, isForeignOrigin } from './origin'

const expected = 'http://localhost:3000'

test('a POST from another site is foreign', () => {
	expect(isForeignOrigin({ method: 'POST', origin: 'https://evil.example', expected })).toBe(true)
	expect(isForeignOrigin({ method: 'POST', origin: 'null', expected })).toBe(true)
})

test('a POST from the site itself, and any GET, pass', () => {
	expect(isForeignOrigin({ method: 'POST', origin: 'http://localhost:3000', expected })).toBe(false)
	expect(isForeignOrigin({ method: 'GET', origin: 'https://evil.example', expected })).toBe(false)
	expect(isForeignOrigin({ method: 'GET', origin: null, expected })).toBe(false)
})

test('a POST without Origin is accepted only when the browser vouches for it: same-origin fetch, or our own Referer', () => {
	expect(isForeignOrigin({ method: 'POST', origin: null, expected })).toBe(true)
	expect(isForeignOrigin({ method: 'POST', origin: null, secFetchSite: 'same-origin', expected })).toBe(false)
	expect(isForeignOrigin({ method: 'POST', origin: null, secFetchSite: 'cross-site', expected })).toBe(true)
	expect(isForeignOrigin({ method: 'POST', origin: null, secFetchSite: 'same-site', expected })).toBe(true)
	expect(isForeignOrigin({ method: 'POST', origin: null, referer: 'http://localhost:3000/reports/1', expected })).toBe(false)
	expect(isForeignOrigin({ method: 'POST', origin: null, referer: 'https://evil.example/x', expected })).toBe(true)
	expect(isForeignOrigin({ method: 'POST', origin: null, referer: 'not a url', expected })).toBe(true)
	// Sec-Fetch-Site, when sent, is the browser's own word and wins over a Referer.
	expect(isForeignOrigin({ method: 'POST', origin: null, secFetchSite: 'cross-site', referer: 'http://localhost:3000/', expected })).toBe(true)
})

test('behind a proxy the public URL decides what is the site', () => {
	const publicUrl = new URL('https://jiandu.whrd.gov.cn/')
	const origin = expectedOrigin({ publicUrl, protocol: 'http', host: '127.0.0.1:3000' })
	expect(origin).toBe('https://jiandu.whrd.gov.cn')
	expect(isForeignOrigin({ method: 'POST', origin: 'http://127.0.0.1:3000', expected: origin })).toBe(true)
	expect(isForeignOrigin({ method: 'POST', origin: 'https://jiandu.whrd.gov.cn', expected: origin })).toBe(false)
})
