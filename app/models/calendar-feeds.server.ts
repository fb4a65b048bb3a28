import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { and, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { calendarFeeds, users } from '#db/schema'
import type { CalendarUser } from './calendar.server'
import { write, type Actor } from './write.server'

// Each user's secret calendar feed address (/feeds/<token>.ics), for calendar apps that cannot
// sign in. As with sessions, only the SHA-256 of the token is stored: the address is shown once,
// when it is generated; a new one replaces the old, which then answers 404; turning the feed
// off deletes the row. The audit log records that it happened, never the token.

// 32 random bytes, base32 (lower case, no padding): 52 characters of [a-z2-7].
export function generateFeedToken(): string {
	const bytes = new Uint8Array(32)
	crypto.getRandomValues(bytes)
	return encodeBase32LowerCaseNoPadding(bytes)
}

export function feedTokenHash(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

export function isFeedTokenShape(token: string): boolean {
	return /^[a-z2-7]{52}$/.test(token)
}

export function feedPath(token: string): string {
	return `/feeds/${token}.ics`
}

export async function getFeedStatus(db: Database, userId: number): Promise<{ createdAt: Date } | null> {
	const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId))
	return row ?? null
}

// A new address for the user, replacing any earlier one; returns the token (to show once).
export async function generateFeed(db: Database, actor: Actor, userId: number): Promise<string> {
	const token = generateFeedToken()
	const tokenHash = feedTokenHash(token)
	await write(db, actor, async (tx, audit) => {
		const [existing] = await tx.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).for('update')
		await tx
			.insert(calendarFeeds)
			.values({ userId, tokenHash })
			.onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: new Date() } })
		await audit({ action: 'calendar.feed.generate', entityType: 'calendar_feed', entityId: userId, after: { replaced: Boolean(existing) } })
	})
	return token
}

// Turns the feed off; false when there was none.
export async function revokeFeed(db: Database, actor: Actor, userId: number): Promise<boolean> {
	const existing = await getFeedStatus(db, userId)
	if (!existing) return false
	await write(db, actor, async (tx, audit) => {
		await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId))
		await audit({ action: 'calendar.feed.revoke', entityType: 'calendar_feed', entityId: userId })
	})
	return true
}

// The owner of a feed token, if the token is current and the account is not disabled.
export async function userForFeedToken(db: Database, token: string): Promise<CalendarUser | null> {
	if (!isFeedTokenShape(token)) return null
	const [row] = await db
		.select({ id: users.id, role: users.role, agencyId: users.agencyId })
		.from(calendarFeeds)
		.innerJoin(users, eq(users.id, calendarFeeds.userId))
		.where(and(eq(calendarFeeds.tokenHash, feedTokenHash(token)), eq(users.disabled, false)))
	return row ?? null
}
