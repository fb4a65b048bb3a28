import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core'
import { is, sql } from 'drizzle-orm'
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { getDb } from '#db/client.server'
import * as schema from '#db/schema'
import { cookieFor } from '#test/helpers'
import { paramIds } from './params'
import { loadRoutes, startApp, type AppRoute } from './app-server'
import { extractForms, type PageForm } from './forms'

// Every action and loader of every route, discovered from the route files, as every role, with
// hostile input sent through the real HTTP stack (the Origin rule and the body limits included).
// Whatever arrives, the app must:
// - never answer 5xx;
// - never write part of a refused request: after a 4xx every table's row count and versions are
//   as before (the login throttle's attempts, sessions and the audit events of refusals aside);
// - audit every write it accepts: when any table changed, the audit log grew.
// `npm test` runs it with a fixed seed and few runs; `npm run test:fuzz` with a random seed and
// many (FUZZ_SEED, FUZZ_RUNS).

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_204
const runs = Number(process.env.FUZZ_RUNS ?? 1)
const thorough = runs > 1


// Rows the app writes also when it refuses: the login throttle counts failed attempts, a session
// is renewed by any request, and refusals of interest are audited.
const writtenOnRefusal = new Set(['login_attempts', 'sessions', 'audit_events'])

const roles = ['anonymous', 'admin', 'mishu', 'weiyuan1', 'daibiao1', 'gongan'] as const

let app: { base: string; close: () => Promise<void> }
let routes: Array<AppRoute>
const cookies = new Map<string, string>()
const params = new Map<string, string>()

beforeAll(async () => {
	app = await startApp()
	routes = await loadRoutes()
	for (const role of roles) if (role !== 'anonymous') cookies.set(role, await cookieFor(role))
	for (const [name, query] of Object.entries(paramIds)) {
		const [row] = await rowsOf<{ id: unknown }>(sql.raw(`${query} as id`))
		params.set(name, String(row?.id ?? 1))
	}
}, 60_000)

afterAll(async () => {
	await app?.close()
})

// The app's own errors fail the test as everywhere (a console.error is a bug). React's
// development build also warns about props that hostile input produces — a select sent its field
// twice gets two values back — which the production build renders without a word; those are not
// the app's answer and are let through.
let consoleErrors: Array<string> = []
beforeEach(() => {
	consoleErrors = []
	vi.spyOn(console, 'error').mockImplementation((...args: Array<unknown>) => {
		const text = args.map(String).join(' ')
		if (!text.startsWith('Warning: ')) consoleErrors.push(text.slice(0, 500))
	})
})
afterEach(() => {
	expect(consoleErrors).toEqual([])
})

function urlOf(route: AppRoute): string {
	return route.path.replace(/:(\w+)/g, (_all, name: string) => params.get(name) ?? '1')
}

// ── What the database looks like, in one query ──────────────────────────────────────────────

const tables = (Object.values(schema) as Array<unknown>).filter((value): value is PgTable => is(value, PgTableClass))

function snapshotQuery() {
	const parts = tables.map((table) => {
		const config = getTableConfig(table)
		const versioned = config.columns.some((c) => c.name === 'version')
		return `'${config.name}', json_build_array((select count(*) from "${config.name}"), ${versioned ? `(select coalesce(sum(version), 0) from "${config.name}")` : '0'})`
	})
	// A function takes at most 100 arguments (two per table): objects of 40 tables, merged.
	const chunks: Array<string> = []
	for (let index = 0; index < parts.length; index += 40) chunks.push(`jsonb_build_object(${parts.slice(index, index + 40).join(', ')})`)
	return sql.raw(`select (${chunks.join(' || ')}) as snapshot`)
}

// PGlite answers { rows }, postgres.js the rows themselves.
async function rowsOf<T>(query: ReturnType<typeof sql.raw>): Promise<Array<T>> {
	const result = (await getDb().execute(query)) as unknown as { rows?: Array<T> } & Array<T>
	return result.rows ?? result
}

async function snapshot(): Promise<Record<string, [number, number]>> {
	const [row] = await rowsOf<{ snapshot: unknown }>(snapshotQuery())
	const value = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot
	return value as Record<string, [number, number]>
}

function changedTables(before: Record<string, [number, number]>, after: Record<string, [number, number]>) {
	return Object.keys(after).filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
}

// ── Hostile input ───────────────────────────────────────────────────────────────────────────

const nastyStrings = [
	'',
	'\u0000',
	'a\u0000b',
	'\u202Eevil\u202C',
	'\u0007\u001b[31m',
	'line\rbreak',
	'<script>alert(1)</script>',
	"'; drop table users; --",
	'x'.repeat(100_000),
	'２０２６年',
	'😀',
	'\uD800',
	'0',
	'-1',
	'2147483647',
	'2147483648',
	String(2 ** 53),
	'99999999999999999999',
	'1e309',
	'NaN',
	'1.5',
	'2026-02-30',
	'2026-13-01',
	'9999-12-31',
	'0000-00-00',
	'25:61',
	'true',
	'on',
	'/\t/evil.example/phish',
	'https://evil.example/',
]

const commonKeys = [
	'intent',
	'version',
	'title',
	'text',
	'topic',
	'body',
	'reason',
	'username',
	'password',
	'redirectTo',
	'clauseIds',
	'agencyId',
	'memberId',
	'meetingId',
	'organId',
	'preparingAgencyId',
	'taskId',
	'opinionId',
	'attachmentId',
	'choice',
	'on',
	'dueOn',
	'startTime',
	'endTime',
	'term',
	'session',
	'year',
	'page',
]

// The literals a route's own files use (intents, field names, choices): the fuzzer aims at them
// so that it gets past "unknown intent" into each form's own validation.
function routeWords(route: AppRoute): Array<string> {
	const folder = path.join(fileURLToPath(new URL('../../app', import.meta.url)), route.id)
	if (!fs.existsSync(folder)) return []
	const words = new Set<string>()
	for (const file of fs.readdirSync(folder)) {
		const text = fs.readFileSync(path.join(folder, file), 'utf8')
		for (const match of text.matchAll(/'([a-zA-Z_][a-zA-Z0-9_]{1,30})'/g)) words.add(match[1])
	}
	return [...words]
}

function bodyArbitrary(route: AppRoute) {
	const words = routeWords(route)
	const key = fc.oneof(fc.constantFrom(...commonKeys, ...(words.length ? words : ['x'])), fc.string({ maxLength: 12 }))
	const value = fc.oneof(
		fc.constantFrom(...nastyStrings),
		fc.constantFrom(...(words.length ? words : ['x'])),
		fc.constantFrom(...params.values()),
		fc.string({ unit: 'binary', maxLength: 40 }),
	)
	const fields = fc.array(fc.tuple(key, value), { maxLength: 14 })
	const kind = fc.constantFrom('urlencoded', 'urlencoded', 'urlencoded', 'multipart', 'json', 'text', 'xml', 'broken-multipart', 'no-origin')
	return fc.record({ fields, kind }).map((body): FuzzBody => body)
}

type FuzzBody = { fields: Array<[string, string]>; kind: string; action?: string | null }

// A form the page offers, spoiled in one way: sent as it is, one field's value replaced by a
// hostile one, one field sent twice, one left out, or every value carrying a NUL byte.
function spoiledForm(forms: Array<PageForm>) {
	return fc
		.record({
			form: fc.constantFrom(...forms),
			how: fc.constantFrom('as-is', 'replace', 'replace', 'replace', 'duplicate', 'drop', 'nul'),
			index: fc.nat(),
			value: fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ unit: 'binary', maxLength: 40 })),
		})
		.map(({ form, how, index, value }): FuzzBody => {
			const fields = [...form.fields]
			const at = fields.length ? index % fields.length : 0
			if (how === 'replace' && fields.length) fields[at] = [fields[at][0], value]
			if (how === 'duplicate' && fields.length) fields.push([fields[at][0], value])
			if (how === 'drop' && fields.length) fields.splice(at, 1)
			const spoiled = how === 'nul' ? fields.map(([k, v]): [string, string] => [k, k === 'intent' ? v : `${v}\u0000`]) : fields
			return { fields: spoiled, kind: form.multipart ? 'multipart' : 'urlencoded', action: form.action }
		})
}

function encode(body: FuzzBody): { headers: Record<string, string>; payload: BodyInit } {
	switch (body.kind) {
		case 'multipart': {
			const form = new FormData()
			for (const [k, v] of body.fields) form.append(k, v)
			return { headers: {}, payload: form }
		}
		case 'json':
			return { headers: { 'Content-Type': 'application/json' }, payload: JSON.stringify(Object.fromEntries(body.fields)) }
		case 'text':
			return { headers: { 'Content-Type': 'text/plain' }, payload: body.fields.map(([k, v]) => `${k}=${v}`).join('\n') }
		case 'xml':
			return { headers: { 'Content-Type': 'application/xml' }, payload: `<form>${body.fields.map(([k]) => `<${k}/>`).join('')}</form>` }
		case 'broken-multipart':
			return {
				headers: { 'Content-Type': 'multipart/form-data; boundary=----fuzz' },
				payload: `------wrong\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${body.fields[0]?.[1] ?? ''}`,
			}
		default:
			return {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				payload: new URLSearchParams(body.fields).toString(),
			}
	}
}

async function send(url: string, init: { method: string; role: string; headers?: Record<string, string>; body?: BodyInit; origin?: boolean }) {
	const headers: Record<string, string> = { ...init.headers }
	if (init.origin !== false) headers.Origin = app.base
	const cookie = cookies.get(init.role)
	if (cookie) headers.Cookie = cookie
	const response = await fetch(`${app.base}${url}`, { method: init.method, headers, body: init.body, redirect: 'manual' })
	await response.arrayBuffer()
	return response.status
}

// ── The properties ──────────────────────────────────────────────────────────────────────────

test('every route parameter has a demo id to fuzz with', () => {
	const missing = [...new Set(routes.flatMap((r) => r.params))].filter((name) => !(name in paramIds))
	expect(missing, 'add the parameter to paramIds in test/fuzz/params.ts').toEqual([])
})

// The forms that post to the route: on its own page, or (for routes without a page of their own,
// such as the language switch and logout in the app's frame) on the home page.
function systematicSpoils(form: PageForm): Array<FuzzBody> {
	const kind = form.multipart ? 'multipart' : 'urlencoded'
	const keepIntent = (k: string, v: string, spoiled: string) => (k === 'intent' ? v : spoiled)
	return [
		{ kind, action: form.action, fields: form.fields.map(([k, v]): [string, string] => [k, keepIntent(k, v, `${v}\u0000\u0007\u000c`)]) },
		{ kind, action: form.action, fields: form.fields.map(([k, v]): [string, string] => [k, /^\d+$/.test(v) ? '99999999999999999999' : v]) },
		{ kind, action: form.action, fields: form.fields.map(([k, v]): [string, string] => [k, /^\d+$/.test(v) ? '2147483648' : v]) },
		{ kind, action: form.action, fields: form.fields.flatMap(([k, v]): Array<[string, string]> => [[k, v], [k, v]]) },
	]
}

async function pageForms(url: string, role: string): Promise<Array<PageForm>> {
	const headers: Record<string, string> = {}
	const cookie = cookies.get(role)
	if (cookie) headers.Cookie = cookie
	const postsHere = (page: string) => (form: PageForm) => new URL(form.action ?? page, `${app.base}${page}`).pathname === url
	for (const page of [url, '/']) {
		const response = await fetch(`${app.base}${page}`, { headers, redirect: 'manual' })
		const html = await response.text()
		const forms = response.ok ? extractForms(html).filter(postsHere(page)) : []
		if (forms.length) return forms
	}
	return []
}

test('no action answers 5xx, writes part of a refused request, or writes without an audit event', async () => {
	const failures: Array<string> = []
	const statuses = new Map<number, number>()
	// The database as the last check left it: only GET requests (which write nothing but
	// sessions) come between two checks, so one check's "after" is the next one's "before".
	let last: Record<string, [number, number]> | null = null
	async function check(role: string, url: string, body: FuzzBody) {
		const before = last ?? (await snapshot())
		const { headers, payload } = encode(body)
		const target = body.action ? new URL(body.action, `${app.base}${url}`) : null
		const postTo = target ? `${target.pathname}${target.search}` : url
		const status = await send(postTo, { method: 'POST', role, headers, body: payload, origin: body.kind !== 'no-origin' })
		const after = await snapshot()
		last = after
		const changed = changedTables(before, after)
		const what = `${role} POST ${postTo} (${body.kind}) → ${status}`
		statuses.set(status, (statuses.get(status) ?? 0) + 1)
		if (status >= 500) failures.push(`${what}: server error`)
		if (status >= 400 && changed.some((t) => !writtenOnRefusal.has(t))) failures.push(`${what}: refused but wrote ${changed.join(', ')}`)
		if (changed.some((t) => !writtenOnRefusal.has(t)) && !changed.includes('audit_events')) failures.push(`${what}: wrote ${changed.join(', ')} without an audit event`)
	}
	for (const route of routes.filter((r) => typeof r.module.action === 'function')) {
		const url = urlOf(route)
		// Fresh sessions for every route: a valid logout or password form ends the last ones.
		for (const role of roles) if (role !== 'anonymous') cookies.set(role, await cookieFor(role))
		last = null
		const spoiledAlready = new Set<string>()
		for (const role of roles) {
			const forms = await pageForms(url, role)
			// Each form the page offers, spoiled in the ways that broke pages before: a NUL and
			// control characters in every value, numbers past an integer column, every field twice.
			// In the suite each distinct form is spoiled so as the first role offered it (the
			// random runs below still reach every role); `npm run test:fuzz` spoils it as each.
			for (const body of forms.flatMap(systematicSpoils)) {
				const key = JSON.stringify([body.action, body.fields.map(([k]) => k), body.fields.map(([, v]) => v.length)])
				if (!thorough && spoiledAlready.has(key)) continue
				spoiledAlready.add(key)
				await check(role, url, body)
			}
			const bodies = forms.length ? fc.oneof(spoiledForm(forms), spoiledForm(forms), bodyArbitrary(route)) : bodyArbitrary(route)
			await fc.assert(
				fc.asyncProperty(bodies, async (body) => {
					await check(role, url, body)
					return true
				}),
				{ seed, numRuns: runs },
			)
		}
	}
	if (process.env.FUZZ_VERBOSE) process.stdout.write(`statuses: ${JSON.stringify([...statuses])}\n`)
	expect(failures).toEqual([])
}, 300_000)

test('no page answers 5xx to hostile query strings', async () => {
	const failures: Array<string> = []
	const query = fc.array(fc.tuple(fc.constantFrom(...commonKeys, 'organ', 'department', 'meeting', 'state', 'clause', 'agency', 'actor', 'from', 'to', 'view', 'date'), fc.constantFrom(...nastyStrings.filter((s) => s.length < 1000))), { maxLength: 5 })
	for (const route of routes.filter((r) => typeof r.module.loader === 'function')) {
		for (const role of roles) {
			await fc.assert(
				fc.asyncProperty(query, async (pairs) => {
					const url = `${urlOf(route)}?${new URLSearchParams(pairs).toString()}`
					const status = await send(url, { method: 'GET', role })
					if (status >= 500) failures.push(`${role} GET ${url} → ${status}`)
					return true
				}),
				{ seed, numRuns: runs },
			)
		}
	}
	expect(failures).toEqual([])
}, 300_000)
