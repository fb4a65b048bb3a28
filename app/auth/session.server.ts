import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { sessions, users } from '#db/schema'
import { sessionExpired, sessionNeedsTouch } from '~/domain/accounts'
import type { Settings } from '~/domain/settings'

// Sessions as in Lucia's guide (lucia-auth.com, "Sessions"): a random token goes to the
// browser, only its SHA-256 is stored, so a leaked database cannot be replayed as cookies.

export const sessionCookieName = 'oversight_session'

export type SessionUser = {
	id: number
	username: string
	realName: string
	position: string
	role: (typeof users.$inferSelect)['role']
	agencyId: number | null
	mustChangePassword: boolean
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20)
	crypto.getRandomValues(bytes)
	return encodeBase32LowerCaseNoPadding(bytes)
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

export async function createSession(db: Database, userId: number, settings: Settings, now = new Date()) {
	const token = generateSessionToken()
	const session = {
		id: sessionIdFromToken(token),
		userId,
		createdAt: now,
		lastActiveAt: now,
		expiresAt: new Date(now.getTime() + settings.sessionAbsoluteHours * 3_600_000),
	}
	await db.insert(sessions).values(session)
	return { token, session }
}

export async function validateSessionToken(
	db: Database,
	token: string,
	settings: Settings,
	now = new Date(),
): Promise<{ sessionId: string; expiresAt: Date; user: SessionUser } | null> {
	const sessionId = sessionIdFromToken(token)
	const [row] = await db
		.select({
			session: sessions,
			user: {
				id: users.id,
				username: users.username,
				realName: users.realName,
				position: users.position,
				role: users.role,
				agencyId: users.agencyId,
				mustChangePassword: users.mustChangePassword,
				disabled: users.disabled,
			},
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sessionId))
	if (!row) return null
	if (row.user.disabled || sessionExpired(row.session, settings, now)) {
		await db.delete(sessions).where(eq(sessions.id, sessionId))
		return null
	}
	if (sessionNeedsTouch(row.session, now)) {
		await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, sessionId))
	}
	const { disabled: _disabled, ...user } = row.user
	return { sessionId, expiresAt: row.session.expiresAt, user }
}

export async function invalidateSession(db: Database, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId))
}

export async function invalidateUserSessions(db: Database, userId: number) {
	await db.delete(sessions).where(eq(sessions.userId, userId))
}

export function readSessionToken(request: Request): string | null {
	const header = request.headers.get('Cookie')
	if (!header) return null
	for (const part of header.split(';')) {
		const [name, ...rest] = part.trim().split('=')
		if (name === sessionCookieName) return decodeURIComponent(rest.join('='))
	}
	return null
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean) {
	return [
		`${sessionCookieName}=${token}`,
		'Path=/',
		'HttpOnly',
		'SameSite=Lax',
		`Expires=${expiresAt.toUTCString()}`,
		secure ? 'Secure' : '',
	]
		.filter(Boolean)
		.join('; ')
}

export function clearedSessionCookie(secure: boolean) {
	return [`${sessionCookieName}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', secure ? 'Secure' : '']
		.filter(Boolean)
		.join('; ')
}
