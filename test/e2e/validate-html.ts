import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { indexFile, htmlFolder, type SavedPage } from './page-checks'

// `npm run test:html`: the W3C Nu HTML checker (the vnu-jar package, run with the machine's
// Java: Debian's default-jre-headless) over every page the browser tests visited, as the
// server sent it (saved by `npm run test:e2e` into test-results/e2e-html/). Any error fails;
// warnings are not reported. Run `npm run test:e2e` first.

const root = fileURLToPath(new URL('../..', import.meta.url))
const resultsDir = path.join(root, 'test-results')

type Message = { type: string; subType?: string; url: string; message: string; extract?: string; lastLine?: number; lastColumn?: number }

function fail(message: string): never {
	console.error(`test:html: ${message}`)
	process.exit(1)
}

function vnuJar(): string {
	try {
		const packageJson = createRequire(import.meta.url).resolve('vnu-jar/package.json')
		return path.join(path.dirname(packageJson), 'build/dist/vnu.jar')
	} catch {
		fail('the vnu-jar package is missing: npm ci')
	}
}

function main() {
	if (!fs.existsSync(indexFile(resultsDir))) fail(`${path.relative(root, indexFile(resultsDir))} is missing: run npm run test:e2e first`)
	const index = JSON.parse(fs.readFileSync(indexFile(resultsDir), 'utf8')) as Array<SavedPage>
	const files = [...new Set(index.map((page) => page.file))]
	if (!files.length) fail('the browser tests saved no page: nothing to check')
	const java = spawnSync('java', ['-version'], { encoding: 'utf8' })
	if (java.error) fail('java is missing: apt-get install -y default-jre-headless')

	const started = Date.now()
	const result = spawnSync(
		'java',
		['-Xss1m', '-jar', vnuJar(), '--errors-only', '--format', 'json', '--stdout', ...files.map((file) => path.join(htmlFolder(resultsDir), file))],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
	)
	if (result.error) fail(`the checker did not run: ${result.error.message}`)
	let messages: Array<Message>
	try {
		messages = (JSON.parse(result.stdout) as { messages: Array<Message> }).messages
	} catch {
		fail(`the checker's output is not JSON (exit status ${result.status}):\n${result.stdout}\n${result.stderr}`)
	}
	const errors = messages.filter((message) => message.type !== 'info')
	const byFile = new Map<string, Array<Message>>()
	for (const error of errors) {
		const file = path.basename(decodeURIComponent(new URL(error.url).pathname))
		byFile.set(file, [...(byFile.get(file) ?? []), error])
	}
	for (const file of files) {
		const pages = index.filter((page) => page.file === file)
		const found = byFile.get(file) ?? []
		const where = `${new URL(pages[0].url).pathname}${new URL(pages[0].url).search}`
		console.log(`  ${found.length ? '✖' : '✔'} ${where} (${pages[0].test}${pages.length > 1 ? ` and ${pages.length - 1} more visits` : ''})`)
		for (const error of found) {
			console.log(`      line ${error.lastLine ?? '?'}:${error.lastColumn ?? '?'} ${error.message}${error.extract ? `\n        ${error.extract.replace(/\n/g, ' ')}` : ''}`)
		}
	}
	const failed = files.filter((file) => byFile.has(file)).length
	console.log(`\nW3C Nu checker on the pages the browser tests visited (${path.relative(root, htmlFolder(resultsDir))}, ${((Date.now() - started) / 1000).toFixed(1)}s)`)
	console.log(`${files.length - failed} passed, ${failed} failed`)
	process.exit(failed ? 1 : 0)
}

main()
