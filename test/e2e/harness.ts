import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core'

// A small browser-test harness: `*.e2e.ts` files register tests with `test()`, and run.ts runs
// them against one production server, each in fresh browser contexts. Every page a test opens
// records console errors and uncaught page errors; any of them fails the test, unless the test
// declared it expected (a 403 page logs the failed document load, on purpose). Every address a
// page shows is remembered, so that run.ts can check each visited page afterwards
// (page-checks.ts: axe and the Nu HTML checker).

export type TestContext = {
	baseURL: string
	/** A page in a fresh context (desktop, 1280×800 unless `options` says otherwise). */
	newPage: (options?: BrowserContextOptions) => Promise<Page>
	/** Console errors matching this are expected for the rest of the test. */
	allowConsoleError: (pattern: RegExp) => void
	/** A folder under test-results/ for artefacts a person may want to look at. */
	resultsDir: string
}

export type TestFn = (t: TestContext) => Promise<void>

export type RegisteredTest = { name: string; file: string; fn: TestFn; timeoutMs: number }

const registry: Array<RegisteredTest> = []
let currentFile = ''

export function test(name: string, fn: TestFn, options: { timeoutMs?: number } = {}) {
	registry.push({ name, file: currentFile, fn, timeoutMs: options.timeoutMs ?? 90_000 })
}

export function setCurrentFile(file: string) {
	currentFile = file
}

export function registeredTests(): ReadonlyArray<RegisteredTest> {
	return registry
}

export type TestSession = {
	context: TestContext
	pages: () => ReadonlyArray<Page>
	/** The app's addresses each context's pages showed, in the order first seen. */
	visited: () => Array<{ context: BrowserContext; urls: Array<string> }>
	problems: () => Array<string>
	close: () => Promise<void>
}

export const defaultViewport = { width: 1280, height: 800 }

export function openSession(browser: Browser, baseURL: string, resultsDir: string): TestSession {
	const contexts: Array<BrowserContext> = []
	const pages: Array<Page> = []
	const problems: Array<string> = []
	const allowed: Array<RegExp> = []
	const visited = new Map<BrowserContext, Set<string>>()
	const origin = new URL(baseURL).origin

	function remember(context: BrowserContext, page: Page) {
		const urls = visited.get(context) ?? new Set<string>()
		visited.set(context, urls)
		page.on('framenavigated', (frame) => {
			if (frame !== page.mainFrame()) return
			const url = new URL(frame.url())
			url.hash = ''
			if (url.origin === origin) urls.add(url.href)
		})
	}

	function watch(page: Page) {
		page.on('console', (message) => {
			if (message.type() !== 'error') return
			const text = message.text()
			if (allowed.some((pattern) => pattern.test(text))) return
			const where = message.location().url
			problems.push(`console error on ${page.url()}: ${text}${where ? ` (${where})` : ''}`)
		})
		page.on('pageerror', (error) => {
			problems.push(`uncaught page error on ${page.url()}: ${error.stack ?? error.message}`)
		})
	}

	async function newPage(options: BrowserContextOptions = {}) {
		const context = await browser.newContext({
			baseURL,
			viewport: defaultViewport,
			locale: 'zh-CN',
			timezoneId: 'Asia/Shanghai',
			acceptDownloads: true,
			...options,
		})
		// Fail a step well before the test's own timeout, with the locator in the message.
		context.setDefaultTimeout(15_000)
		context.setDefaultNavigationTimeout(20_000)
		contexts.push(context)
		const page = await context.newPage()
		watch(page)
		remember(context, page)
		pages.push(page)
		return page
	}

	return {
		context: {
			baseURL,
			newPage,
			allowConsoleError: (pattern) => void allowed.push(pattern),
			resultsDir,
		},
		pages: () => pages,
		visited: () => [...visited].map(([context, urls]) => ({ context, urls: [...urls] })),
		problems: () => problems,
		close: async () => {
			for (const context of contexts) await context.close().catch(() => {})
		},
	}
}

// ── Helpers the tests share ──

export const demoPassword = 'oversight-demo'

// Who logged in in which context: run.ts checks a page once per user (page-checks.ts).
const loggedIn = new WeakMap<BrowserContext, string>()

export function userOf(context: BrowserContext): string | undefined {
	return loggedIn.get(context)
}

/** Logs in through the login form, as a person would, and waits to leave /login. */
export async function logIn(page: Page, username: string, options: { from?: string } = {}) {
	if (options.from !== undefined || !page.url().includes('/login')) {
		await page.goto(options.from ?? '/login')
	}
	await page.locator('input[name="username"]').fill(username)
	await page.locator('input[name="password"]').fill(demoPassword)
	await page.getByRole('button', { name: '登录', exact: true }).click()
	await page.waitForURL((url) => url.pathname !== '/login')
	await page.waitForLoadState('networkidle')
	loggedIn.set(page.context(), username)
}

/**
 * A link of the main menu, ready to click: the groups holding it (监督工作 ▸ 专项工作报告, and on a
 * phone the 菜单 button) are opened first, as a person would.
 */
export async function menuLink(page: Page, name: string | RegExp): Promise<Locator> {
	const nav = page.getByRole('navigation', { name: '菜单' })
	// Hidden links too: the ones inside a closed group are what we are after.
	const holders = nav.locator('details').filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) })
	for (let index = 0; index < (await holders.count()); index++) {
		const holder = holders.nth(index)
		if (!(await holder.evaluate((details) => (details as HTMLDetailsElement).open))) {
			await holder.locator(':scope > summary').click()
		}
	}
	return nav.getByRole('link', { name, exact: true })
}

/** A clause's label in either bracket style: the seed text writes ASCII, the app full-width. */
export function clauseLabel(numeral: string) {
	return new RegExp(`^\\s*[（(]${numeral}[）)]\\s*$`)
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): Array<Array<string>> {
	const rows: Array<Array<string>> = []
	let row: Array<string> = []
	let field = ''
	let quoted = false
	for (let i = 0; i < text.length; i++) {
		const char = text[i]
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"'
				i++
			} else if (char === '"') {
				quoted = false
			} else {
				field += char
			}
		} else if (char === '"') {
			quoted = true
		} else if (char === ',') {
			row.push(field)
			field = ''
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++
			row.push(field)
			rows.push(row)
			row = []
			field = ''
		} else {
			field += char
		}
	}
	if (field !== '' || row.length) {
		row.push(field)
		rows.push(row)
	}
	return rows
}
