import type { ActionFunction, AppLoadContext, LoaderFunction } from '@remix-run/node'
import { eq, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { users } from '#db/schema'
import { createSession, sessionCookieName } from '~/auth/session.server'
import { loadSettings } from '~/models/settings.server'
import type { Actor } from '~/models/write.server'

// Calls route loaders and actions the way Remix does, as a given demo user (or none), and
// normalises what they return or throw: a Response, data(), a redirect, or plain data.

export type Outcome = {
	status: number
	location: string | null
	headers: Headers
	data: unknown
}

export async function cookieFor(username: string): Promise<string> {
	const db = getDb()
	const [user] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(sql`lower(${users.username})`, username.toLowerCase()))
	if (!user) throw new Error(`No test user '${username}'`)
	const { token } = await createSession(db, user.id, await loadSettings(db))
	return `${sessionCookieName}=${token}`
}

// A demo user as the Actor of a mutation (its role and agency for the record's policy).
export async function actorFor(username: string): Promise<Actor> {
	const [user] = await getDb()
		.select({ id: users.id, role: users.role, agencyId: users.agencyId })
		.from(users)
		.where(eq(sql`lower(${users.username})`, username.toLowerCase()))
	if (!user) throw new Error(`No test user '${username}'`)
	return { ...user, address: '127.0.0.1' }
}

export async function userId(username: string): Promise<number> {
	const [user] = await getDb()
		.select({ id: users.id })
		.from(users)
		.where(eq(sql`lower(${users.username})`, username.toLowerCase()))
	if (!user) throw new Error(`No test user '${username}'`)
	return user.id
}

type CallOptions = {
	path: string
	params?: Record<string, string>
	as?: string | null
	form?: Record<string, string | Array<string>> | FormData
	headers?: Record<string, string>
	method?: string
}

export async function buildRequest(options: CallOptions): Promise<Request> {
	const headers = new Headers(options.headers)
	if (options.as) headers.set('Cookie', await cookieFor(options.as))
	const url = new URL(options.path, 'http://localhost')
	if (!options.form && !options.method) return new Request(url, { headers })
	let body: FormData | undefined
	if (options.form instanceof FormData) {
		body = options.form
	} else if (options.form) {
		body = new FormData()
		for (const [key, value] of Object.entries(options.form)) {
			for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
		}
	}
	return new Request(url, { method: options.method ?? 'POST', headers, body })
}

// A fresh load context per call, as the server makes one per HTTP request.
const context = (): AppLoadContext => ({ clientAddress: '127.0.0.1' })

export async function runLoader(loader: LoaderFunction, options: CallOptions): Promise<Outcome> {
	const request = await buildRequest({ ...options, method: options.method ?? 'GET' })
	return settle(() => loader({ request, params: options.params ?? {}, context: context() }))
}

export async function runAction(action: ActionFunction, options: CallOptions): Promise<Outcome> {
	const request = await buildRequest({ ...options, method: options.method ?? 'POST' })
	return settle(() => action({ request, params: options.params ?? {}, context: context() }))
}

async function settle(call: () => unknown): Promise<Outcome> {
	try {
		return await normalise(await call())
	} catch (thrown) {
		if (thrown instanceof Response || isDataWithInit(thrown)) return normalise(thrown)
		throw thrown
	}
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { type?: string }).type === 'DataWithResponseInit'
	)
}

async function normalise(value: unknown): Promise<Outcome> {
	if (value instanceof Response) {
		const type = value.headers.get('Content-Type') ?? ''
		const body = type.includes('json') ? await value.json() : await value.text()
		return { status: value.status, location: value.headers.get('Location'), headers: value.headers, data: body }
	}
	if (isDataWithInit(value)) {
		const headers = new Headers(value.init?.headers)
		return { status: value.init?.status ?? 200, location: headers.get('Location'), headers, data: value.data }
	}
	return { status: 200, location: null, headers: new Headers(), data: value }
}
