import { expect, test } from 'vitest'
import { withoutNulBytes } from './nul-filter.server'

test('NUL bytes are dropped from the page stream and UTF-8 text survives', async () => {
	const filter = withoutNulBytes()
	const out: Array<Buffer> = []
	filter.on('data', (chunk: Buffer) => out.push(Buffer.from(chunk)))
	const text = '武汉市第十四届人民代表大会常务委员会'
	const bytes = Buffer.from(text)
	filter.write(Buffer.concat([bytes.subarray(0, 10), Buffer.from([0, 0]), bytes.subarray(10)]))
	filter.end()
	await new Promise((resolve) => filter.on('end', resolve))
	expect(Buffer.concat(out).toString('utf8')).toBe(text)
})
