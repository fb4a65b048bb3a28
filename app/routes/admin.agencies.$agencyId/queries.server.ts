import { and, asc, count, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, subjectMappings, users } from '#db/schema'

export async function loadAgencyDetails(db: Database, agencyId: number) {
	const [[agency], subjects, [liaisons]] = await Promise.all([
		db.select().from(agencies).where(eq(agencies.id, agencyId)),
		db
			.selectDistinct({ subject: subjectMappings.subject })
			.from(subjectMappings)
			.where(eq(subjectMappings.agencyId, agencyId))
			.orderBy(asc(subjectMappings.subject)),
		db
			.select({ total: count() })
			.from(users)
			.where(and(eq(users.agencyId, agencyId), eq(users.disabled, false))),
	])
	if (!agency) return null
	return { agency, subjects: subjects.map((s) => s.subject), liaisons: liaisons.total }
}
