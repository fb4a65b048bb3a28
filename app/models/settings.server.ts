import { eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { settings } from '#db/schema'
import { resolveSettings, settingDefaults, type SettingKey, type Settings } from '~/domain/settings'
import { write, type Actor } from './write.server'

export async function loadSettings(db: Database): Promise<Settings> {
	const stored = await db.select({ key: settings.key, value: settings.value }).from(settings)
	return resolveSettings(stored)
}

export async function saveSettings(
	db: Database,
	actor: Actor,
	changes: Partial<Settings>,
) {
	const before = await loadSettings(db)
	const changed = (Object.entries(changes) as Array<[SettingKey, number]>).filter(
		([key, value]) => before[key] !== value,
	)
	if (changed.length === 0) return 0
	await write(db, actor, async (tx, audit) => {
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
	})
	return changed.length
}
