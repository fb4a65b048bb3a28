import { eq, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { settings } from '#db/schema'
import { can } from '~/auth/permissions'
import { permitted } from '~/domain/refusal'
import { resolveSettings, seenKey, settingDefaults, settingsVerdict, type SettingKey, type Settings } from '~/domain/settings'
import { memoInRequest } from './request-memo.server'
import { enforce, refuse, write, type Actor } from './write.server'

export function loadSettings(db: Database): Promise<Settings> {
	return memoInRequest(db, 'settings', async () => resolveSettings(await db.select({ key: settings.key, value: settings.value }).from(settings)))
}

// Saves the whole set as the admin's form gives it; only the changed values are written, each
// with its audit event. `seen` is the set the form was loaded with: a set changed since is
// refused as stale. Returns how many values changed.
export async function saveSettings(db: Database, actor: Actor, input: { seen: string; values: Settings }): Promise<number> {
	enforce(permitted(can(actor.role, 'settings:edit')))
	enforce(settingsVerdict(input.values))
	const changedFrom = (before: Settings) =>
		(Object.entries(input.values) as Array<[SettingKey, number]>).filter(([key, value]) => before[key] !== value)
	// Nothing to change writes nothing (and needs no audit event), once the set is still the one seen.
	const current = await loadSettings(db)
	if (seenKey(current) !== input.seen) refuse({ kind: 'stale' })
	if (changedFrom(current).length === 0) return 0
	return write(db, actor, async (tx, audit) => {
		// Two saves one after the other: the second sees the first's values, and is stale.
		await tx.execute(sql`lock table ${settings} in share row exclusive mode`)
		const before = await loadSettings(tx)
		if (seenKey(before) !== input.seen) refuse({ kind: 'stale' })
		const changed = changedFrom(before)
		for (const [key, value] of changed) {
			if (value === settingDefaults[key]) {
				await tx.delete(settings).where(eq(settings.key, key))
			} else {
				await tx
					.insert(settings)
					.values({ key, value })
					.onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } })
			}
			await audit({
				action: 'settings.update',
				entityType: 'setting',
				entityId: key,
				before: { value: before[key] },
				after: { value },
			})
		}
		return changed.length
	})
}
