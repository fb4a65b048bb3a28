import { afterAll, beforeAll, expect, test } from 'vitest'
import { startApp } from '#test/fuzz/app-server'
import { cookieFor } from '#test/helpers'

// How many SQL statements a page costs, as the server answers it over HTTP (root loader and
// route loader together), on the demo data. The budgets hold what the pages cost today, so that
// a change that adds a query per row or reads the session twice fails here, without timing
// anything; lower a budget when a page gets cheaper. The aim is at most 6 statements a page:
// the home page still reads the to-do items one query per record kind, and several lists count
// their filters apart from the rows.

const budgets: Record<string, number> = {
	'/': 19,
	'/tasks': 13,
	'/reports': 11,
	'/deliberations': 6,
	'/inspections': 6,
	'/findings': 9,
	'/inquiries': 12,
	'/interpellations': 8,
	'/resolutions': 9,
	'/commitments': 9,
	'/concerns': 9,
	'/open-items': 7,
	'/dashboard': 13,
	'/ranking': 8,
	'/calendar': 8,
	'/agencies': 5,
	'/public': 5,
}

const counted = new Map<string, number>()
let app: { base: string; close: () => Promise<void> }
let cookie = ''

beforeAll(async () => {
	app = await startApp({ onStatements: (url, statements) => counted.set(url, statements) })
	cookie = await cookieFor('mishu')
}, 60_000)
afterAll(async () => {
	await app?.close()
})

async function statementsOf(path: string): Promise<number> {
	counted.delete(path)
	const response = await fetch(`${app.base}${path}`, { headers: { Cookie: cookie } })
	expect({ path, status: response.status }).toEqual({ path, status: 200 })
	await response.arrayBuffer()
	// The count arrives when the response has finished on the server's side.
	for (let i = 0; i < 100 && !counted.has(path); i++) await new Promise((resolve) => setTimeout(resolve, 10))
	return counted.get(path) ?? Number.NaN
}

test('each page sends no more SQL statements than its budget', async () => {
	// Once, so that caches that last longer than a request (the public page, the inbox count)
	// are as a second visitor finds them.
	for (const path of Object.keys(budgets)) await statementsOf(path)
	const measured: Record<string, number> = {}
	for (const path of Object.keys(budgets)) measured[path] = await statementsOf(path)
	console.info(`SQL statements per page (mishu, demo data): ${JSON.stringify(measured)}`)
	for (const [path, budget] of Object.entries(budgets)) expect({ path, statements: measured[path] }).toEqual({ path, statements: Math.min(measured[path], budget) })
}, 120_000)
