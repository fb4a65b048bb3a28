import fs from 'node:fs'
import path from 'node:path'
import type { ActionFunction, LoaderFunction } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, clauses, instruments, tasks, users, type Role } from '#db/schema'
import { runAction, runLoader } from './helpers'

// The permission matrix: every route × every role (and no session) with its expected answer.
// A route folder without a row fails the first test, so a new route cannot ship unchecked.
// Loaders are called with a GET; actions with an empty form, so a permitted role gets 400
// (validation) — proof that it passed the permission check without changing anything.

type Who = 'anonymous' | Role
const everyone: Array<Who> = ['anonymous', 'admin', 'secretariat', 'member', 'deputy', 'agency']
const demoUser: Record<Role, string> = {
	admin: 'admin',
	secretariat: 'mishu',
	member: 'weiyuan1',
	deputy: 'daibiao1',
	agency: 'gongan',
}

type Expectations = Record<Who, number>
type Row = {
	path: (ids: Ids) => string
	params?: (ids: Ids) => Record<string, string>
	loader?: Expectations
	action?: Expectations
}

type Ids = { instrument: number; clause: number; task: number; agency: number; user: number }

// Signed-in roles get `status`; without a session the answer is a redirect to /login.
function signedIn(status: number, except: Partial<Record<Role, number>> = {}): Expectations {
	return {
		anonymous: 302,
		admin: except.admin ?? status,
		secretariat: except.secretariat ?? status,
		member: except.member ?? status,
		deputy: except.deputy ?? status,
		agency: except.agency ?? status,
	}
}

function only(roles: Array<Role>, status: number): Expectations {
	const result = signedIn(403)
	for (const role of roles) result[role] = status
	return result
}

function same(status: number): Expectations {
	return Object.fromEntries(everyone.map((who) => [who, status])) as Expectations
}

export const matrix: Record<string, Row> = {
	_index: { path: () => '/', loader: signedIn(200) },
	login: { path: () => '/login', loader: { ...same(302), anonymous: 200 }, action: same(400) },
	logout: { path: () => '/logout', loader: same(302), action: same(302) },
	lang: { path: () => '/lang', loader: same(302), action: same(302) },
	healthz: { path: () => '/healthz', loader: same(200) },
	'account.password': { path: () => '/account/password', loader: signedIn(200), action: signedIn(400) },
	decision: { path: () => '/decision', loader: signedIn(302) },
	'instruments.$instrumentId': {
		path: (ids) => `/instruments/${ids.instrument}`,
		params: (ids) => ({ instrumentId: String(ids.instrument) }),
		loader: signedIn(200),
	},
	'clauses.$clauseId': {
		path: (ids) => `/clauses/${ids.clause}`,
		params: (ids) => ({ clauseId: String(ids.clause) }),
		loader: signedIn(200),
	},
	'admin._index': { path: () => '/admin', loader: only(['admin', 'secretariat'], 200) },
	'admin.users._index': { path: () => '/admin/users', loader: only(['admin'], 200), action: only(['admin'], 400) },
	'admin.users.$userId': {
		path: (ids) => `/admin/users/${ids.user}`,
		params: (ids) => ({ userId: String(ids.user) }),
		loader: only(['admin'], 200),
		action: only(['admin'], 400),
	},
	'admin.agencies._index': {
		path: () => '/admin/agencies',
		loader: only(['admin', 'secretariat'], 200),
		action: only(['admin', 'secretariat'], 400),
	},
	'admin.agencies.$agencyId': {
		path: (ids) => `/admin/agencies/${ids.agency}`,
		params: (ids) => ({ agencyId: String(ids.agency) }),
		loader: only(['admin', 'secretariat'], 200),
		action: only(['admin', 'secretariat'], 400),
	},
	'admin.subjects': {
		path: () => '/admin/subjects',
		loader: only(['admin', 'secretariat'], 200),
		action: only(['admin', 'secretariat'], 400),
	},
	'admin.settings': { path: () => '/admin/settings', loader: only(['admin'], 200), action: only(['admin'], 400) },
	audit: { path: () => '/audit', loader: only(['admin', 'secretariat'], 200) },
	'admin.import': { path: () => '/admin/import', loader: only(['admin'], 200), action: only(['admin'], 400) },
	'tasks._index': { path: () => '/tasks', loader: signedIn(200) },
	'tasks.print': { path: () => '/tasks/print', loader: signedIn(200) },
	'tasks.export[.]csv': { path: () => '/tasks/export.csv', loader: signedIn(200) },
	'tasks.$taskId.edit': {
		path: (ids) => `/tasks/${ids.task}/edit`,
		params: (ids) => ({ taskId: String(ids.task) }),
		loader: only(['admin', 'secretariat'], 200),
		action: only(['admin', 'secretariat'], 400),
	},
	'agencies._index': { path: () => '/agencies', loader: signedIn(200) },
	'agencies.$agencyId': {
		path: (ids) => `/agencies/${ids.agency}`,
		params: (ids) => ({ agencyId: String(ids.agency) }),
		loader: signedIn(200),
	},
}

const routesDir = path.resolve(__dirname, '../app/routes')
const routeFolders = fs
	.readdirSync(routesDir, { withFileTypes: true })
	.filter((entry) => entry.isDirectory() || /\.tsx?$/.test(entry.name))
	.map((entry) => entry.name.replace(/\.tsx?$/, ''))

async function loadIds(): Promise<Ids> {
	const db = getDb()
	const [instrument] = await db.select({ id: instruments.id }).from(instruments).orderBy(asc(instruments.id)).limit(1)
	const [clause] = await db.select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（十一）'))
	const [task] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.clauseId, clause.id)).limit(1)
	const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'psb'))
	const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'weiyuan1'))
	return { instrument: instrument.id, clause: clause.id, task: task.id, agency: agency.id, user: user.id }
}

async function routeModule(folder: string) {
	const file = ['route.tsx', 'route.ts'].map((name) => path.join(routesDir, folder, name)).find(fs.existsSync)
	const target = file ?? path.join(routesDir, `${folder}.tsx`)
	return (await import(target)) as { loader?: LoaderFunction; action?: ActionFunction }
}

test('every route has a row in the permission matrix', () => {
	const missing = routeFolders.filter((folder) => !(folder in matrix))
	expect(missing, `routes without a permission-matrix row: ${missing.join(', ')}`).toEqual([])
	const stale = Object.keys(matrix).filter((key) => !routeFolders.includes(key))
	expect(stale, `matrix rows for routes that no longer exist: ${stale.join(', ')}`).toEqual([])
})

test('every row covers what its route exports', async () => {
	for (const [folder, row] of Object.entries(matrix)) {
		const mod = await routeModule(folder)
		expect(Boolean(mod.loader), `${folder}: loader row vs export`).toBe(Boolean(row.loader))
		expect(Boolean(mod.action), `${folder}: action row vs export`).toBe(Boolean(row.action))
	}
})

describe.each(Object.entries(matrix))('%s', (folder, row) => {
	test.each(everyone)('as %s', async (who) => {
		const ids = await loadIds()
		const mod = await routeModule(folder)
		const as = who === 'anonymous' ? null : demoUser[who]
		const options = { path: row.path(ids), params: row.params?.(ids), as }
		if (row.loader && mod.loader) {
			const outcome = await runLoader(mod.loader, options)
			expect(outcome.status, `GET ${options.path} as ${who}`).toBe(row.loader[who])
			if (who === 'anonymous' && outcome.status === 302 && row.loader.admin !== 302) {
				expect(outcome.location).toMatch(/^\/login/)
			}
		}
		if (row.action && mod.action) {
			const outcome = await runAction(mod.action, { ...options, form: {} })
			expect(outcome.status, `POST ${options.path} as ${who}`).toBe(row.action[who])
		}
	})
})
