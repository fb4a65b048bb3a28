import { and, asc, count, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, subjectMappings, users } from '#db/schema'
import { updateVersioned, write, type Actor } from '~/models/write.server'
import type { AgencyValues } from '../admin.agencies._index/queries.server'

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

type EditableAgency = AgencyValues & { displayOrder: number; active: boolean }

function editable(agency: typeof agencies.$inferSelect): EditableAgency {
	const { name, shortName, kind, level, district, displayOrder, active } = agency
	return { name, shortName, kind, level, district, displayOrder, active }
}

export async function updateAgency(db: Database, actor: Actor, agencyId: number, version: number, values: EditableAgency) {
	await write(db, actor, async (tx, audit) => {
		const [before] = await tx.select().from(agencies).where(eq(agencies.id, agencyId))
		const after = await updateVersioned(tx, agencies, agencyId, version, values)
		await audit({ action: 'agency.update', entityType: 'agency', entityId: agencyId, before: editable(before), after: editable(after) })
	})
}
