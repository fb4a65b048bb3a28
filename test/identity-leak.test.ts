import { afterAll, beforeAll, expect, test } from 'vitest'
import { sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { concernCategories } from '#db/schema'
import { addDays, shanghaiDate } from '~/domain/dates'
import { assignConcern, fileConcern } from '~/models/concerns/mutations.server'
import { rowsOf } from '~/models/sql.server'
import { actorFor, cookieFor } from '#test/helpers'
import { loadRoutes, startApp, type AppRoute } from './fuzz/app-server'
import { paramIds } from './fuzz/params'

// Constituents' identity never leaves for anyone but the deputy who recorded it (and the office
// through its audited show and export): every page of the app, and every page's data response,
// is requested as every kind of user over real HTTP, and no constituent's name or phone may
// appear in what comes back — except on the recording deputy's own concern and its draft form.
// The concerns are the demo's (every state) and one made here, co-signed and handed to the
// police, so that the co-signer and the liaison each have one to read.

const db = () => getDb()
const users = ['admin', 'mishu', 'weiyuan1', 'daibiao1', 'daibiao2', 'gongan', 'jiaoyu'] as const

type Identity = { concernId: number; filer: string; name: string; phone: string }

let app: { base: string; close: () => Promise<void> }
let routes: Array<AppRoute>
let identities: Array<Identity>
let concernIds: Array<number>
let psbId = '1'
const cookies = new Map<string, string>()
const params = new Map<string, string>()

beforeAll(async () => {
	const today = shanghaiDate(new Date())
	const [category] = await db().select({ id: concernCategories.id }).from(concernCategories).limit(1)
	const deputy = await actorFor('daibiao1')
	const cosigner = await actorFor('daibiao2')
	const [{ id: psb }] = rowsOf<{ id: number }>(await db().execute(sql`select agency_id as id from users where username = 'gongan'`))
	const id = await fileConcern(db(), deputy, {
		title: '身份保护测试建议',
		description: '小区老人反映接到冒充医保局的电话。',
		district: '洪山区',
		community: '测试社区',
		categoryId: category.id,
		clauseIds: [],
		constituents: [{ name: '泄露测试甲', phone: '13977770001' }],
		cosignerIds: [cosigner.id as number],
		files: [],
		submit: true,
		today: addDays(today, -2),
	})
	await assignConcern(db(), await actorFor('mishu'), { concernId: id, version: 1, leadId: psb, coIds: [], today: addDays(today, -1) })
	psbId = String(psb)
	identities = rowsOf<Identity>(
		await db().execute(sql`select k.concern_id as "concernId", u.username as filer, k.name, k.phone
			from concern_constituents k join concerns c on c.id = k.concern_id join users u on u.id = c.filer_id`),
	)
	concernIds = rowsOf<{ id: number }>(await db().execute(sql`select id from concerns order by id`)).map((r) => Number(r.id))
	app = await startApp()
	routes = await loadRoutes()
	for (const user of users) cookies.set(user, await cookieFor(user))
	for (const [name, query] of Object.entries(paramIds)) {
		const [row] = rowsOf<{ id: unknown }>(await db().execute(sql.raw(`${query} as id`)))
		params.set(name, String(row?.id ?? 1))
	}
}, 120_000)

afterAll(async () => {
	await app?.close()
})

// Every address to try: each page with its parameters from the demo data, and each concern page
// (its letters too) for every concern there is.
function addresses(): Array<string> {
	const urls = new Set<string>()
	for (const route of routes) {
		if (!route.module.loader) continue
		const concernRoute = route.params.includes('concernId')
		const ids = concernRoute ? concernIds.map(String) : [null]
		for (const concernId of ids) {
			let path = route.path
			for (const name of route.params) path = path.replace(`:${name}`, name === 'concernId' && concernId ? concernId : (params.get(name) ?? '1'))
			if (route.path.endsWith('/letter')) {
				urls.add(`${path}?reply=1`)
				urls.add(`${path}?reply=2`)
				for (const agency of ['1', psbId]) urls.add(`${path}?agency=${agency}`)
			} else urls.add(path)
		}
	}
	return [...urls]
}

// The page itself, and its data as the browser fetches it on navigation (single fetch).
function variants(url: string): Array<string> {
	const [pathname, search] = url.split('?')
	const data = `${pathname === '/' ? '/_root' : pathname.replace(/\/$/, '')}.data${search ? `?${search}` : ''}`
	return [url, data]
}

// The recording deputy's own concern page and draft form; the office's export with identity
// (audited, tested below).
function allowed(user: string, url: string, identity: Identity): boolean {
	if (user === 'mishu' && url.startsWith('/concerns/identities.csv')) return true
	const own = identity.filer === user
	return own && new RegExp(`^/concerns/${identity.concernId}(/edit)?(\\.data)?(\\?|$)`).test(url)
}

test('no page, export or data response carries a constituent to anyone but the deputy who recorded it', async () => {
	expect(identities.length).toBeGreaterThan(0)
	const leaks: Array<string> = []
	let checked = 0
	for (const url of addresses()) {
		for (const user of users) {
			for (const target of variants(url)) {
				const response = await fetch(`${app.base}${target}`, { headers: { Cookie: cookies.get(user) ?? '' }, redirect: 'manual' })
				const body = await response.text()
				checked++
				for (const identity of identities) {
					if (allowed(user, target, identity)) continue
					for (const secret of [identity.name, identity.phone].filter((s) => s.length >= 2)) {
						if (body.includes(secret)) leaks.push(`${user} ${target} (${response.status}) shows "${secret}" of concern ${identity.concernId}`)
					}
				}
			}
		}
	}
	expect(leaks).toEqual([])
	expect(checked).toBeGreaterThan(1000)
}, 600_000)

test('the recording deputy sees their constituents in full; the office sees them masked until it asks, and the asking is audited', async () => {
	const mine = identities.find((i) => i.name === '泄露测试甲') as Identity
	const own = await (await fetch(`${app.base}/concerns/${mine.concernId}`, { headers: { Cookie: cookies.get('daibiao1') ?? '' } })).text()
	expect(own).toContain('泄露测试甲')
	expect(own).toContain('13977770001')
	const office = await (await fetch(`${app.base}/concerns/${mine.concernId}`, { headers: { Cookie: cookies.get('mishu') ?? '' } })).text()
	expect(office).toContain('泄*')
	expect(office).toContain('139****0001')
	const before = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from audit_events where action = 'concern.identity_shown'`))[0].n
	const shown = await fetch(`${app.base}/concerns/${mine.concernId}`, {
		method: 'POST',
		headers: { Cookie: cookies.get('mishu') ?? '', Origin: app.base, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: 'intent=showIdentity',
	})
	const page = await shown.text()
	expect(shown.status).toBe(200)
	expect(page).toContain('泄露测试甲')
	const after = rowsOf<{ n: number; json: string }>(
		await db().execute(sql`select count(*)::int as n, max(after::text) as json from audit_events where action = 'concern.identity_shown'`),
	)[0]
	expect(after.n).toBe(before + 1)
	// The audit log, read by the office, records who saw whose identity without repeating it.
	expect(after.json).not.toContain('泄露测试甲')
	expect(after.json).not.toContain('13977770001')
	// The liaison handling it and the co-signer are refused the show.
	for (const user of ['gongan', 'daibiao2', 'weiyuan1']) {
		const refused = await fetch(`${app.base}/concerns/${mine.concernId}`, {
			method: 'POST',
			headers: { Cookie: cookies.get(user) ?? '', Origin: app.base, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'intent=showIdentity',
		})
		const text = await refused.text()
		expect(refused.status, user).toBeGreaterThanOrEqual(400)
		expect(text).not.toContain('泄露测试甲')
	}
})

test('the export with identity is the office’s alone, and each export is audited', async () => {
	const csv = await fetch(`${app.base}/concerns/identities.csv`, { headers: { Cookie: cookies.get('mishu') ?? '' } })
	expect(csv.status).toBe(200)
	expect(await csv.text()).toContain('13977770001')
	const [audited] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from audit_events where action = 'concern.identity_export'`))
	expect(audited.n).toBeGreaterThan(0)
	for (const user of ['admin', 'weiyuan1', 'daibiao1', 'gongan']) {
		const refused = await fetch(`${app.base}/concerns/identities.csv`, { headers: { Cookie: cookies.get(user) ?? '' }, redirect: 'manual' })
		expect(refused.status, user).toBe(403)
		expect(await refused.text()).not.toContain('13977770001')
	}
})
