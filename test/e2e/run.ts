import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { openSession, registeredTests, setCurrentFile, userOf, type RegisteredTest, type TestSession } from './harness'
import { checkVisitedPages, resetSavedPages } from './page-checks'

// `npm run test:e2e [-- FILTER…]`: the browser tests against the production build.
// Starts `node --import tsx server.ts` (NODE_ENV=production) on a free port of 127.0.0.1 with a
// fresh PGlite folder seeded with demo data, runs every test of test/e2e/*.e2e.ts in its own
// browser contexts (a FILTER keeps tests whose file or name contains it), screenshots a failing
// test's pages into test-results/e2e-failures/, then stops the server with SIGTERM and checks
// that it exits with 0 and releases its PGlite lock. Exits non-zero on any failure.
// After each test that passed, every page it visited is loaded again as the user who visited it
// and checked with axe (WCAG 2.1 AA; a violation fails the test), and its HTML is saved into
// test-results/e2e-html/ for `npm run test:html` (the W3C Nu checker) — page-checks.ts.

const root = fileURLToPath(new URL('../..', import.meta.url))
const e2eDir = path.join(root, 'test/e2e')
const resultsDir = path.join(root, 'test-results')
const failuresDir = path.join(resultsDir, 'e2e-failures')
const serverLogFile = path.join(resultsDir, 'e2e-server.log')
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// The flags that work on these machines (STYLE.md): without the background-networking ones
// Chromium keeps trying to reach Google's hosts through a closed network.
const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
]

type Outcome = { name: string; ok: boolean; ms: number; error?: string }

const started = Date.now()
const outcomes: Array<Outcome> = []
let server: ChildProcess | undefined
let browser: Browser | undefined
let scratch: string | undefined
let serverLog = ''

function seconds(ms: number) {
	return `${(ms / 1000).toFixed(1)}s`
}

function indent(text: string, by = '      ') {
	return text
		.split('\n')
		.map((line) => by + line)
		.join('\n')
}

function slug(text: string) {
	return (
		text
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 80) || 'test'
	)
}

function ensureBuild() {
	if (fs.existsSync(path.join(root, 'build/server/index.js'))) return
	console.log('e2e: build/server/index.js is missing, so running `npm run build` first (CI builds before this step).')
	const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
	if (result.status !== 0) {
		console.error('e2e: `npm run build` failed; no browser test ran.')
		process.exit(1)
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer()
		probe.unref()
		probe.on('error', reject)
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address()
			const port = typeof address === 'object' && address ? address.port : 0
			probe.close(() => resolve(port))
		})
	})
}

// db/lock.server.ts keeps the lock beside the data folder: <parent>/<folder>.server.lock
function lockFileFor(pgliteDir: string) {
	return path.join(path.dirname(pgliteDir), `${path.basename(pgliteDir)}.server.lock`)
}

function startServer(port: number, pgliteDir: string) {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		PGLITE_DIR: pgliteDir,
		DEMO: 'true',
	}
	// The browser tests always run on a fresh embedded database, whatever the shell points at.
	delete env.DATABASE_URL
	delete env.PUBLIC_URL
	delete env.TRUST_PROXY
	// node itself, not npx or npm, so that the PID held here is the server's (STYLE.md).
	const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	const log = fs.createWriteStream(serverLogFile)
	for (const stream of [child.stdout, child.stderr]) {
		stream?.on('data', (chunk: Buffer) => {
			serverLog += chunk.toString()
			log.write(chunk)
		})
	}
	child.on('exit', () => log.end())
	return child
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
	}
	return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}

async function waitForHealth(baseURL: string, child: ChildProcess, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs
	let last = ''
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`the server exited during start-up (code ${child.exitCode}, signal ${child.signalCode})`)
		}
		try {
			const response = await fetch(`${baseURL}/healthz`)
			const body = (await response.json()) as { status?: string; database?: string }
			if (response.ok && body.status === 'ok') return body
			last = `${response.status} ${JSON.stringify(body)}`
		} catch (error) {
			last = error instanceof Error ? error.message : String(error)
		}
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	throw new Error(`/healthz did not answer ok within ${timeoutMs / 1000}s (last: ${last})`)
}

async function loadTests(filters: Array<string>): Promise<Array<RegisteredTest>> {
	const files = fs
		.readdirSync(e2eDir)
		.filter((file) => file.endsWith('.e2e.ts'))
		.sort()
	for (const file of files) {
		setCurrentFile(file)
		await import(pathToFileURL(path.join(e2eDir, file)).href)
	}
	const all = registeredTests()
	if (!filters.length) return [...all]
	return all.filter((t) => filters.some((f) => t.file.includes(f) || t.name.includes(f)))
}

async function runTest(entry: RegisteredTest, baseURL: string): Promise<Outcome> {
	const session = openSession(browser as Browser, baseURL, resultsDir)
	const begun = Date.now()
	let error: string | undefined
	let timer: NodeJS.Timeout | undefined
	try {
		await Promise.race([
			entry.fn(session.context),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`timed out after ${seconds(entry.timeoutMs)}`)), entry.timeoutMs)
			}),
		])
	} catch (caught) {
		error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)
	} finally {
		clearTimeout(timer)
	}
	if (!error && !session.problems().length) {
		error = await checkPages(session, entry.name)
	}
	const problems = session.problems()
	if (problems.length) {
		error = [error, ...problems].filter(Boolean).join('\n')
	}
	if (error) {
		const shots: Array<string> = []
		for (const [index, page] of session.pages().entries()) {
			if (page.isClosed()) continue
			const file = path.join(failuresDir, `${slug(entry.name)}${index ? `-${index + 1}` : ''}.png`)
			await page
				.screenshot({ path: file, fullPage: true, timeout: 10_000 })
				.then(() => shots.push(path.relative(root, file)))
				.catch(() => {})
		}
		if (shots.length) error += `\nscreenshot: ${shots.join(', ')}`
	}
	await session.close()
	return { name: entry.name, ok: !error, ms: Date.now() - begun, error }
}

// Pages checked so far in this run, by user, width and address.
const checkedPages = new Set<string>()

// Every page the test visited, as the user who visited it: axe, and the HTML saved for Nu.
async function checkPages(session: TestSession, testName: string): Promise<string | undefined> {
	const found: Array<string> = []
	try {
		for (const { context, urls } of session.visited()) {
			found.push(...(await checkVisitedPages(context, userOf(context) ?? 'anonymous', urls, testName, resultsDir, checkedPages)))
		}
	} catch (caught) {
		found.push(`checking the visited pages failed: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}`)
	}
	return found.length ? found.join('\n') : undefined
}

function report(outcome: Outcome) {
	outcomes.push(outcome)
	console.log(`  ${outcome.ok ? '✔' : '✖'} ${outcome.name} (${seconds(outcome.ms)})`)
	if (outcome.error) console.log(indent(outcome.error))
}

async function stopServer(child: ChildProcess, pgliteDir: string): Promise<Outcome> {
	const begun = Date.now()
	const exit = exited(child)
	child.kill('SIGTERM')
	const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref())
	const result = await Promise.race([exit, timeout])
	const name = 'the server stops cleanly on SIGTERM (exit code 0, PGlite lock released)'
	if (result === 'timeout') {
		child.kill('SIGKILL')
		await exit
		return { name, ok: false, ms: Date.now() - begun, error: 'the server did not exit within 20s of SIGTERM; killed it' }
	}
	const problems: Array<string> = []
	if (result.code !== 0) problems.push(`exit code ${result.code}${result.signal ? `, signal ${result.signal}` : ''}`)
	if (fs.existsSync(lockFileFor(pgliteDir))) problems.push(`the lock file ${lockFileFor(pgliteDir)} is still there`)
	return { name, ok: !problems.length, ms: Date.now() - begun, error: problems.join('; ') || undefined }
}

function printServerLogTail() {
	const lines = serverLog.trimEnd().split('\n').slice(-40)
	console.log(`\n── last lines of the server's output (all of it: ${path.relative(root, serverLogFile)}) ──`)
	console.log(lines.join('\n'))
}

function finish(): never {
	const passed = outcomes.filter((o) => o.ok).length
	const failed = outcomes.length - passed
	if (failed) printServerLogTail()
	console.log(`\n${passed} passed, ${failed} failed (${seconds(Date.now() - started)})`)
	process.exit(failed ? 1 : 0)
}

async function main() {
	const filters = process.argv.slice(2).filter((arg) => arg !== '--')
	ensureBuild()
	if (!fs.existsSync(chromiumPath)) {
		console.error(`e2e: ${chromiumPath} is missing: apt-get install -y chromium fonts-noto-cjk (never npx playwright install).`)
		process.exit(1)
	}
	fs.rmSync(failuresDir, { recursive: true, force: true })
	fs.mkdirSync(failuresDir, { recursive: true })
	resetSavedPages(resultsDir)

	const tests = await loadTests(filters)
	if (!tests.length) {
		console.error(`e2e: no test matches ${filters.join(' ')}`)
		process.exit(1)
	}

	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-e2e-'))
	const pgliteDir = path.join(scratch, 'pglite')
	const port = await freePort()
	const baseURL = `http://127.0.0.1:${port}`
	const child = startServer(port, pgliteDir)
	server = child
	const boot = Date.now()
	try {
		const health = await waitForHealth(baseURL, child)
		console.log(`e2e: server ${baseURL} up in ${seconds(Date.now() - boot)} (${health.database}, ${pgliteDir}, demo data)`)
	} catch (error) {
		report({ name: 'the server starts and answers /healthz', ok: false, ms: Date.now() - boot, error: String(error) })
		child.kill('SIGTERM')
		await exited(child)
		fs.rmSync(scratch, { recursive: true, force: true })
		finish()
	}

	browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
	let currentFile = ''
	for (const entry of tests) {
		if (entry.file !== currentFile) {
			currentFile = entry.file
			console.log(`▶ ${entry.file}`)
		}
		report(await runTest(entry, baseURL))
	}
	await browser.close()
	browser = undefined

	console.log('▶ shutdown')
	report(await stopServer(child, pgliteDir))
	server = undefined
	fs.rmSync(scratch, { recursive: true, force: true })
	finish()
}

// Ctrl-C or a crash of the runner must not leave a server holding a PGlite folder.
async function abort(reason: string) {
	console.error(`\ne2e: ${reason}; stopping the server.`)
	await browser?.close().catch(() => {})
	if (server && server.exitCode === null) {
		server.kill('SIGTERM')
		await exited(server)
	}
	if (scratch) fs.rmSync(scratch, { recursive: true, force: true })
	process.exit(1)
}
process.on('SIGINT', () => void abort('interrupted'))
process.on('SIGTERM', () => void abort('terminated'))
// Whatever ends this process, the server does not outlive it.
process.on('exit', () => {
	if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM')
})
// Output piped into `head` must not end the run half-way (EPIPE), leaving the server behind.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {})

main().catch((error: unknown) => {
	void abort(`the runner failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
})
