import { count, countDistinct, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, settings, subjectMappings, users } from '#db/schema'

// Aggregates without GROUP BY always answer one row, even on an empty table.
export async function loadAdminCounts(db: Database) {
	const [[userCounts], [agencyCounts], [subjectCounts], [settingCounts]] = await Promise.all([
		db
			.select({ total: count(), disabled: sql<number>`count(*) filter (where ${users.disabled})`.mapWith(Number) })
			.from(users),
		db
			.select({ total: count(), inactive: sql<number>`count(*) filter (where not ${agencies.active})`.mapWith(Number) })
			.from(agencies),
		db.select({ total: countDistinct(subjectMappings.subject) }).from(subjectMappings),
		db.select({ total: count() }).from(settings),
	])
	return {
		users: userCounts.total,
		disabledUsers: userCounts.disabled,
		agencies: agencyCounts.total,
		inactiveAgencies: agencyCounts.inactive,
		subjects: subjectCounts.total,
		changedSettings: settingCounts.total,
	}
}
