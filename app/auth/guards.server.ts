import { data, redirect, type AppLoadContext } from '@remix-run/node'
import { getDb } from '#db/client.server'
import type { Role } from '~/domain/roles'
import { loadSettings } from '~/models/settings.server'
import { parseRecordId } from '~/domain/ids'
import { can, type Permission } from './permissions'
import { readSessionToken, validateSessionToken, type SessionUser } from './session.server'

// Every loader and action calls one of these itself: loaders run in parallel, so a parent
// layout's check protects nothing.

export type RequestArgs = { request: Request; context: AppLoadContext }

// The signed-in user is the Actor of every mutation they make: their role and agency for the
// record's policy, their address for the audit log.
export type CurrentUser = SessionUser & { sessionId: string; address: string | null }

// The session is validated once per request. For a page, the root and the route loaders each
// get a Request object of their own but share the request's load context (one per HTTP
// request), so the context is the key. After a form post the loaders run again in the same
// request, possibly after the action changed the session (a new password): a post is not
// remembered by context.
const cache = new WeakMap<object, Promise<CurrentUser | null>>()

export function getCurrentUser(args: RequestArgs): Promise<CurrentUser | null> {
	const reading = args.request.method === 'GET' || args.request.method === 'HEAD'
	const key: object = reading && args.context ? args.context : args.request
	let pending = cache.get(key)
	if (!pending) {
		pending = loadCurrentUser(args)
		cache.set(key, pending)
	}
	return pending
}

async function loadCurrentUser({ request, context }: RequestArgs): Promise<CurrentUser | null> {
	const token = readSessionToken(request)
	if (!token) return null
	const db = getDb()
	const result = await validateSessionToken(db, token, await loadSettings(db))
	if (!result) return null
	return {
		...result.user,
		sessionId: result.sessionId,
		address: context.clientAddress ?? null,
	}
}

export function loginRedirect(request: Request) {
	const url = new URL(request.url)
	const target = url.pathname + url.search
	const query = target === '/' ? '' : `?${new URLSearchParams({ redirectTo: target })}`
	return redirect(`/login${query}`)
}

export async function requireUser(
	args: RequestArgs,
	options: { allowPendingPasswordChange?: boolean } = {},
): Promise<CurrentUser> {
	const user = await getCurrentUser(args)
	if (!user) throw loginRedirect(args.request)
	// An account an admin created (or reset) must choose its own password before anything else.
	if (user.mustChangePassword && !options.allowPendingPasswordChange) {
		throw redirect('/account/password')
	}
	return user
}

export async function requirePermission(args: RequestArgs, permission: Permission): Promise<CurrentUser> {
	const user = await requireUser(args)
	if (!can(user.role, permission)) throw forbidden()
	return user
}

export async function requireRole(args: RequestArgs, roles: ReadonlyArray<Role>): Promise<CurrentUser> {
	const user = await requireUser(args)
	if (!roles.includes(user.role)) throw forbidden()
	return user
}

export function forbidden() {
	return data({ message: 'Forbidden' }, { status: 403 })
}

export function notFound() {
	return data({ message: 'Not found' }, { status: 404 })
}

// Missing or out-of-scope records answer 404: the same answer, so scope cannot be probed.
export function invariantFound<T>(value: T | null | undefined): asserts value is T {
	if (value === null || value === undefined) throw notFound()
}

// An id from the URL: anything that cannot name a record is simply not found.
export function parseId(value: string | undefined): number {
	const id = parseRecordId(value)
	if (id === null) throw notFound()
	return id
}
