import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'

// What every page a browser test visits must pass, checked after the test as the user who
// visited it (the same browser context, so the same session and viewport):
// - axe-core's WCAG 2.1 A and AA rules, in the browser (colour contrast included);
// - the W3C Nu HTML checker, on the HTML exactly as the server sent it: the pages are saved
//   here into test-results/e2e-html/ and `npm run test:html` (validate-html.ts) checks them.
// A test reaches most pages by clicking (client-side navigation, no document of its own), so
// each address is loaded again afterwards as a document.

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

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

/** axe's findings on the page as it is now, one line per rule broken. */
export async function axeViolations(page: Page): Promise<Array<string>> {
	const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
	return results.violations.map((violation) => {
		const nodes = violation.nodes
			.slice(0, 3)
			.map((node) => {
				const why = node.any[0]?.message ?? node.failureSummary ?? ''
				return `${node.target.join(' ')}${why ? ` (${why})` : ''}`
			})
			.join('; ')
		const more = violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ''
		return `${violation.id} [${violation.impact}] ${violation.help}: ${nodes}${more}`
	})
}

// A context without JavaScript (a test of the pages without it) cannot run axe: the same pages
// are checked where other tests visit them.
function withoutScripts(error: unknown): Array<string> {
	if (error instanceof Error && error.message.includes('cannot run scripts')) return []
	throw error
}

/**
 * Loads every address the test visited in `context` again, saves the HTML the server sends and
 * runs axe on the rendered page. Returns the problems found, one line each. `seen` holds what
 * was checked already in this run (user, width and address): the same page as the same user is
 * checked once.
 */
export async function checkVisitedPages(
	context: BrowserContext,
	user: string,
	urls: Iterable<string>,
	testName: string,
	resultsDir: string,
	seen: Set<string>,
): Promise<Array<string>> {
	const problems: Array<string> = []
	const page = await context.newPage()
	const width = page.viewportSize()?.width ?? 0
	try {
		for (const url of urls) {
			const key = `${user}|${width}|${url}`
			if (seen.has(key)) continue
			seen.add(key)
			const response = await context.request.get(url)
			const type = response.headers()['content-type'] ?? ''
			if (!type.startsWith('text/html')) continue
			savePage(resultsDir, { url: response.url(), test: testName }, await response.body())
			// The server-rendered page is complete at `load`; hydration changes nothing axe reads.
			await page.goto(url, { waitUntil: 'load' })
			for (const violation of await axeViolations(page).catch(withoutScripts)) problems.push(`axe on ${url}: ${violation}`)
		}
	} finally {
		await page.close()
	}
	return problems
}
