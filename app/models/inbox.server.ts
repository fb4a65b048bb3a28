import { count, max } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { auditEvents } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import type { ProviderUser } from './providers.server'
import { loadTodo } from './registry.server'
import { loadSettings } from './settings.server'

// The count beside 首页 in the navigation, on every page: what awaits the user's action. It is
// the to-do list's "awaiting" length, built by every kind's provider, and it changes only when
// something is written or the day turns. Every write leaves an audit event (write() refuses to
// commit without one), so the audit log's size and newest id say whether anything changed: a page
// costs one small query, and the providers run again only after a write. The count, not only the
// newest id, tells a transaction that committed after a newer one.

type Mark = { key: string; count: number }
const cacheSize = 2_000
const caches = new WeakMap<Database, Map<number, Mark>>()

export async function inboxCount(db: Database, user: ProviderUser, today: IsoDate): Promise<number> {
	const [log] = await db.select({ latest: max(auditEvents.id), total: count() }).from(auditEvents)
	const key = `${today}|${log?.latest ?? 0}|${log?.total ?? 0}|${user.role}|${user.agencyId ?? ''}`
	let cache = caches.get(db)
	if (!cache) caches.set(db, (cache = new Map()))
	const cached = cache.get(user.id)
	if (cached?.key === key) return cached.count
	const todo = await loadTodo(db, user, today, await loadSettings(db))
	const mark = { key, count: todo.awaiting.length }
	if (cache.size >= cacheSize) cache.clear()
	cache.set(user.id, mark)
	return mark.count
}
