import fs from 'node:fs'
import { count } from 'drizzle-orm'
import type { Database } from '../client.server'
import { agencies, instruments, subjectMappings, users } from '../schema'
import { parseInstrument } from '~/domain/instrument-parser'
import { storeInstrument } from '~/models/instruments.server'
import { systemActor as system, write } from '~/models/write.server'
import { agencyRoster } from './agencies'
import { seedDemo } from './demo.server'
import { subjectMapping } from './subject-mapping'

export const decisionPath = new URL('./wuhan-anti-fraud-decision-2021.txt', import.meta.url)

// Reference data (agencies, subject mapping, the decision) goes into every database, demo or
// real; demo accounts and records only into an EMPTY database with demo on. Safe to run at
// every start: each step checks whether it was done.
export async function prepareDatabase(db: Database, options: { demo: boolean; today?: Date }) {
	const reference = await seedReference(db)
	let demoSeeded = false
	if (options.demo) {
		const [{ value: userCount }] = await db.select({ value: count() }).from(users)
		if (userCount === 0) {
			await seedDemo(db, options.today ?? new Date())
			demoSeeded = true
		}
	}
	return { ...reference, demoSeeded }
}

export async function seedReference(db: Database) {
	const [{ value: agencyCount }] = await db.select({ value: count() }).from(agencies)
	const [{ value: instrumentCount }] = await db.select({ value: count() }).from(instruments)
	if (agencyCount > 0 && instrumentCount > 0) return { referenceSeeded: false }
	await write(db, system, async (tx, audit) => {
		if (agencyCount === 0) {
			const inserted = await tx
				.insert(agencies)
				.values(
					agencyRoster.map((a, index) => ({
						key: a.key,
						name: a.name,
						shortName: a.shortName,
						kind: a.kind,
						level: a.level,
						district: a.district,
						displayOrder: (index + 1) * 10,
					})),
				)
				.returning({ id: agencies.id, key: agencies.key })
			const idByKey = new Map(inserted.map((a) => [a.key, a.id]))
			const mappingRows = subjectMapping.flatMap((entry) =>
				entry.agencies.map((key, position) => {
					const agencyId = idByKey.get(key)
					if (!agencyId) throw new Error(`Subject mapping names an unknown agency key: ${key}`)
					return { subject: entry.subject, agencyId, position }
				}),
			)
			await tx.insert(subjectMappings).values(mappingRows)
			await audit({
				action: 'reference.seed',
				entityType: 'agency',
				after: { agencies: inserted.length, subjectMappings: mappingRows.length },
			})
		}
		if (instrumentCount === 0) {
			const text = fs.readFileSync(decisionPath, 'utf8')
			await storeInstrument(tx, audit, parseInstrument(text), text)
		}
	})
	return { referenceSeeded: true }
}
