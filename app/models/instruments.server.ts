import { asc, count, desc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, instruments, parts, subjectMappings, taskAgencies, tasks } from '#db/schema'
import type { ParsedInstrument } from '~/domain/instrument-parser'
import { resolveSubject } from '~/domain/subjects'
import type { Audit } from './write.server'

export async function loadSubjectMapping(db: Database) {
	const rows = await db
		.select({ subject: subjectMappings.subject, agencyId: subjectMappings.agencyId })
		.from(subjectMappings)
		.innerJoin(agencies, eq(agencies.id, subjectMappings.agencyId))
		.orderBy(asc(subjectMappings.subject), asc(subjectMappings.position), asc(agencies.displayOrder))
	const bySubject = new Map<string, Array<number>>()
	for (const row of rows) {
		const list = bySubject.get(row.subject) ?? []
		list.push(row.agencyId)
		bySubject.set(row.subject, list)
	}
	return [...bySubject].map(([subject, agencyIds]) => ({ subject, agencyIds }))
}

// Lead agencies come from the task's subject, co agencies from its co-subjects; an agency that
// is both stays lead. A subject the mapping does not know leaves the task for the secretariat
// to assign.
export function assignAgencies(
	task: { subject: string; coSubjects: ReadonlyArray<string> },
	mapping: Awaited<ReturnType<typeof loadSubjectMapping>>,
): Array<{ agencyId: number; role: 'lead' | 'co' }> {
	const leads = resolveSubject(task.subject, mapping)
	const cos = task.coSubjects.flatMap((co) => resolveSubject(co, mapping)).filter((id) => !leads.includes(id))
	return [
		...leads.map((agencyId) => ({ agencyId, role: 'lead' as const })),
		...[...new Set(cos)].map((agencyId) => ({ agencyId, role: 'co' as const })),
	]
}

// Stores a parsed instrument with its parts, clauses and tasks, and assigns agencies by the
// subject mapping. Runs inside the caller's write() so the import is one audited transaction.
export async function storeInstrument(tx: Database, audit: Audit, parsed: ParsedInstrument, sourceText: string) {
	const [instrument] = await tx
		.insert(instruments)
		.values({
			title: parsed.title,
			issuer: parsed.issuer,
			documentNumber: parsed.documentNumber,
			adoptedOn: parsed.adoptedOn,
			publishedOn: parsed.publishedOn,
			effectiveOn: parsed.effectiveOn,
			preamble: parsed.preamble,
			finalProvisions: parsed.finalProvisions,
			sourceText,
		})
		.returning()
	const partIds = new Map<string, number>()
	if (parsed.parts.length > 0) {
		const inserted = await tx
			.insert(parts)
			.values(parsed.parts.map((p) => ({ instrumentId: instrument.id, ordinal: p.ordinal, label: p.label, title: p.title, paragraphs: p.paragraphs })))
			.returning({ id: parts.id, label: parts.label })
		for (const p of inserted) partIds.set(p.label, p.id)
	}
	const mapping = await loadSubjectMapping(tx)
	let taskCount = 0
	for (const clause of parsed.clauses) {
		const [storedClause] = await tx
			.insert(clauses)
			.values({
				instrumentId: instrument.id,
				partId: clause.part ? (partIds.get(clause.part) ?? null) : null,
				ordinal: clause.ordinal,
				label: clause.label,
				paragraphs: clause.paragraphs,
			})
			.returning({ id: clauses.id })
		for (const [index, task] of clause.tasks.entries()) {
			const [storedTask] = await tx
				.insert(tasks)
				.values({
					clauseId: storedClause.id,
					ordinal: index + 1,
					text: task.text,
					subject: task.subject,
					coSubjects: task.coSubjects,
				})
				.returning({ id: tasks.id })
			const assigned = assignAgencies(task, mapping)
			if (assigned.length > 0) {
				await tx.insert(taskAgencies).values(assigned.map((a) => ({ ...a, taskId: storedTask.id })))
			}
			taskCount++
		}
	}
	await audit({
		action: 'instrument.import',
		entityType: 'instrument',
		entityId: instrument.id,
		after: {
			title: parsed.title,
			documentNumber: parsed.documentNumber,
			parts: parsed.parts.length,
			clauses: parsed.clauses.length,
			tasks: taskCount,
		},
	})
	return instrument
}

export async function listInstruments(db: Database) {
	return db
		.select({
			id: instruments.id,
			title: instruments.title,
			documentNumber: instruments.documentNumber,
			publishedOn: instruments.publishedOn,
			validity: instruments.validity,
			clauseCount: count(clauses.id),
		})
		.from(instruments)
		.leftJoin(clauses, eq(clauses.instrumentId, instruments.id))
		.groupBy(instruments.id)
		.orderBy(asc(instruments.id))
}

// The decision under supervision is the first instrument; later ones come by import.
export async function primaryInstrumentId(db: Database): Promise<number | null> {
	const [row] = await db.select({ id: instruments.id }).from(instruments).orderBy(asc(instruments.id)).limit(1)
	return row?.id ?? null
}

// Agencies per clause, lead before co, in official order: for the decision page's margin.
export async function clauseAgencies(db: Database, clauseIds: Array<number>) {
	if (clauseIds.length === 0) return new Map<number, Array<{ id: number; shortName: string; role: 'lead' | 'co' }>>()
	const rows = await db
		.selectDistinct({
			clauseId: tasks.clauseId,
			id: agencies.id,
			shortName: agencies.shortName,
			role: taskAgencies.role,
			displayOrder: agencies.displayOrder,
		})
		.from(tasks)
		.innerJoin(taskAgencies, eq(taskAgencies.taskId, tasks.id))
		.innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
		.where(inArray(tasks.clauseId, clauseIds))
		.orderBy(asc(tasks.clauseId), desc(taskAgencies.role), asc(agencies.displayOrder))
	const byClause = new Map<number, Array<{ id: number; shortName: string; role: 'lead' | 'co' }>>()
	for (const row of rows) {
		const list = byClause.get(row.clauseId) ?? []
		const existing = list.find((a) => a.id === row.id)
		// An agency that leads one task and assists another is shown once, as lead.
		if (!existing) list.push({ id: row.id, shortName: row.shortName, role: row.role })
		byClause.set(row.clauseId, list)
	}
	return byClause
}
