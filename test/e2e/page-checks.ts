import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext } from 'playwright-core'

// What every page a browser test visits must pass, checked after the test as the user who
// visited it (the same browser context, so the same session): the W3C Nu HTML checker, on the
// HTML exactly as the server sent it: the pages are saved here into test-results/e2e-html/ and
// `npm run test:html` (validate-html.ts) checks them. A test reaches most pages by clicking
// (client-side navigation, no document of its own), so each address is fetched again.

export type SavedPage = { file: string; url: string; test: string }

export function htmlFolder(resultsDir: string) {
	return path.join(resultsDir, 'e2e-html')
}

export function indexFile(resultsDir: string) {
	return path.join(htmlFolder(resultsDir), 'index.json')
}

/** Empties the folder of saved pages before a run. */
export function resetSavedPages(resultsDir: string) {
	fs.rmSync(htmlFolder(resultsDir), { recursive: true, force: true })
	fs.mkdirSync(htmlFolder(resultsDir), { recursive: true })
	fs.writeFileSync(indexFile(resultsDir), '[]\n')
}

function savePage(resultsDir: string, entry: Omit<SavedPage, 'file'>, html: Buffer) {
	// One file per distinct document: the same page seen twice is checked once.
	const file = `${crypto.createHash('sha256').update(html).digest('hex').slice(0, 16)}.html`
	fs.writeFileSync(path.join(htmlFolder(resultsDir), file), html)
	const index = JSON.parse(fs.readFileSync(indexFile(resultsDir), 'utf8')) as Array<SavedPage>
	index.push({ file, ...entry })
	fs.writeFileSync(indexFile(resultsDir), `${JSON.stringify(index, null, '\t')}\n`)
}

/** Fetches every address the test visited in `context` again and saves the HTML the server sends. */
export async function checkVisitedPages(
	context: BrowserContext,
	urls: Iterable<string>,
	testName: string,
	resultsDir: string,
): Promise<Array<string>> {
	for (const url of urls) {
		const response = await context.request.get(url)
		const type = response.headers()['content-type'] ?? ''
		if (!type.startsWith('text/html')) continue
		savePage(resultsDir, { url: response.url(), test: testName }, await response.body())
	}
	return []
}
