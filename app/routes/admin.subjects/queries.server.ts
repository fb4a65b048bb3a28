import { asc, eq } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, subjectMappings } from '#db/schema'

// Phrases sorted in JS by a Chinese collator: the database's collation differs between PGlite
// and PostgreSQL, and the order must not.
const collator = new Intl.Collator('zh-CN')

export async function listMapping(db: Database) {
	const rows = await db
		.select({
			subject: subjectMappings.subject,
			id: agencies.id,
			shortName: agencies.shortName,
			active: agencies.active,
		})
		.from(subjectMappings)
		.innerJoin(agencies, eq(agencies.id, subjectMappings.agencyId))
		.orderBy(asc(subjectMappings.position), asc(agencies.displayOrder), asc(agencies.id))
	const bySubject = new Map<string, Array<{ id: number; shortName: string; active: boolean }>>()
	for (const { subject, ...agency } of rows) {
		bySubject.set(subject, [...(bySubject.get(subject) ?? []), agency])
	}
	return [...bySubject]
		.map(([subject, mapped]) => ({ subject, agencies: mapped }))
		.sort((a, b) => collator.compare(a.subject, b.subject))
}

export function listAgencyChoices(db: Database) {
	return db
		.select({ id: agencies.id, name: agencies.name, active: agencies.active })
		.from(agencies)
		.orderBy(asc(agencies.displayOrder), asc(agencies.id))
}
