import { expect, test } from 'vitest'
import { closingTagsLast } from './document-end.server'

async function through(chunks: Array<string>): Promise<string> {
	const stream = closingTagsLast()
	const out: Array<Buffer> = []
	stream.on('data', (chunk: Buffer) => out.push(Buffer.from(chunk)))
	const ended = new Promise((resolve) => stream.on('end', resolve))
	for (const chunk of chunks) stream.write(Buffer.from(chunk))
	stream.end()
	await ended
	return Buffer.concat(out).toString('utf8')
}

const streamed = '<script>window.__remixContext.streamController.enqueue("[…]")</script>'

test('the data scripts streamed after the shell end up inside the body, the closing tags last', async () => {
	const page = await through(['<!DOCTYPE html><html><head></head><body><p>监督追踪</p></body></html>', streamed, '<!--/$-->'])
	expect(page).toBe(`<!DOCTYPE html><html><head></head><body><p>监督追踪</p>${streamed}<!--/$--></body></html>`)
})

test('closing tags split across chunks, at every byte, are still moved', async () => {
	const whole = '<body><p>委员会</p></body></html>'
	for (let cut = 1; cut < whole.length; cut++) {
		const page = await through([whole.slice(0, cut), whole.slice(cut), streamed])
		expect(page).toBe(`<body><p>委员会</p>${streamed}</body></html>`)
	}
})

test('a stream without the closing tags passes unchanged', async () => {
	expect(await through(['<p>第一', '段</p>'])).toBe('<p>第一段</p>')
	expect(await through([])).toBe('')
})
