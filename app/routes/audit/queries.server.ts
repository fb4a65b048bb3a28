import { and, asc, count, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client.server'
import { agencies, auditEvents, users } from '#db/schema'
import { addDays, type IsoDate } from '~/domain/dates'

export const auditPageSize = 50

export type AuditFilters = {
	actor?: number | 'system'
	action?: string
	entityType?: string
	entityId?: string
	from?: IsoDate
	to?: IsoDate
}

// Midnight at the start of a calendar day in Asia/Shanghai (UTC+8, no daylight saving).
function shanghaiMidnight(date: IsoDate) {
	return new Date(`${date}T00:00:00+08:00`)
}

function whereFor(filters: AuditFilters): SQL | undefined {
	const { actor, action, entityType, entityId, from, to } = filters
	return and(
		actor === 'system' ? isNull(auditEvents.actorId) : actor ? eq(auditEvents.actorId, actor) : undefined,
		action ? eq(auditEvents.action, action) : undefined,
		entityType ? eq(auditEvents.entityType, entityType) : undefined,
		entityId ? eq(auditEvents.entityId, entityId) : undefined,
		from ? gte(auditEvents.at, shanghaiMidnight(from)) : undefined,
		// `to` is inclusive: everything before the next day's midnight.
		to ? lt(auditEvents.at, shanghaiMidnight(addDays(to, 1))) : undefined,
	)
}

const subjectUser = alias(users, 'subject_user')

// One page, newest first, and the total: both filtered and counted in SQL. Accounts and
// agencies the events are about are named, not just numbered.
export async function listAuditEvents(db: Database, filters: AuditFilters, page: number) {
	const where = whereFor(filters)
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: auditEvents.id,
				at: auditEvents.at,
				actorId: auditEvents.actorId,
				actorName: users.realName,
				action: auditEvents.action,
				entityType: auditEvents.entityType,
				entityId: auditEvents.entityId,
				before: auditEvents.before,
				after: auditEvents.after,
				address: auditEvents.address,
				entityName: sql<string | null>`coalesce(${subjectUser.realName}, ${agencies.shortName})`,
			})
			.from(auditEvents)
			.leftJoin(users, eq(users.id, auditEvents.actorId))
			.leftJoin(subjectUser, and(eq(auditEvents.entityType, 'user'), eq(sql`${subjectUser.id}::text`, auditEvents.entityId)))
			.leftJoin(agencies, and(eq(auditEvents.entityType, 'agency'), eq(sql`${agencies.id}::text`, auditEvents.entityId)))
			.where(where)
			.orderBy(desc(auditEvents.at), desc(auditEvents.id))
			.limit(auditPageSize)
			.offset((page - 1) * auditPageSize),
		db.select({ total: count() }).from(auditEvents).where(where),
	])
	return { rows, total }
}

export function listActorChoices(db: Database) {
	return db.select({ id: users.id, realName: users.realName, username: users.username }).from(users).orderBy(asc(users.id))
}

// Distinct values for the filters' selects; sorted in JS so both databases agree.
export async function listFilterValues(db: Database) {
	const [actions, entityTypes] = await Promise.all([
		db.selectDistinct({ value: auditEvents.action }).from(auditEvents),
		db.selectDistinct({ value: auditEvents.entityType }).from(auditEvents),
	])
	const sorted = (rows: Array<{ value: string }>) => rows.map((r) => r.value).sort()
	return { actions: sorted(actions), entityTypes: sorted(entityTypes) }
}
