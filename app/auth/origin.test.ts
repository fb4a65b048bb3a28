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
	expect(isForeignOrigin({ method: 'POST', origin: null, expected })).toBe(false)
})

test('behind a proxy the public URL decides what is the site', () => {
	const publicUrl = new URL('https://jiandu.whrd.gov.cn/')
	const origin = expectedOrigin({ publicUrl, protocol: 'http', host: '127.0.0.1:3000' })
	expect(origin).toBe('https://jiandu.whrd.gov.cn')
	expect(isForeignOrigin({ method: 'POST', origin: 'http://127.0.0.1:3000', expected: origin })).toBe(true)
	expect(isForeignOrigin({ method: 'POST', origin: 'https://jiandu.whrd.gov.cn', expected: origin })).toBe(false)
})
