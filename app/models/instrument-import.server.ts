import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, instruments } from '#db/schema'
import { can } from '~/auth/permissions'
import type { ParsedInstrument } from '~/domain/instrument-parser'
import { countTasks, instrumentOutline, type InstrumentOutline } from '~/domain/instrument-outline'
import { permitted } from '~/domain/refusal'
import { assignAgencies, loadSubjectMapping, storeInstrument } from './instruments.server'
import { enforce, write, type Actor } from './write.server'

// Importing an instrument (admin page and `npm run import`): a preview that stores nothing and
// shows which agencies the current subject mapping would make responsible, then one audited
// write that stores it.

type AgencyRef = { id: number; shortName: string }

export type PreviewTask = InstrumentOutline['clauses'][number]['tasks'][number] & {
	leads: Array<AgencyRef>
	cos: Array<AgencyRef>
}

export type ImportPreview = Omit<InstrumentOutline, 'clauses'> & {
	clauses: Array<Omit<InstrumentOutline['clauses'][number], 'tasks'> & { tasks: Array<PreviewTask> }>
	taskCount: number
	tasksWithoutLead: number
	// An instrument already stored under the same title or document number: importing it again
	// would duplicate every clause and task.
	existing: { id: number; title: string } | null
}

export async function previewImport(db: Database, parsed: ParsedInstrument): Promise<ImportPreview> {
	const outline = instrumentOutline(parsed)
	const mapping = await loadSubjectMapping(db)
	const assigned = outline.clauses.map((clause) => clause.tasks.map((task) => assignAgencies(task, mapping)))
	const agencyIds = [...new Set(assigned.flat(2).map((a) => a.agencyId))]
	const rows =
		agencyIds.length === 0
			? []
			: await db
					.select({ id: agencies.id, shortName: agencies.shortName })
					.from(agencies)
					.where(inArray(agencies.id, agencyIds))
					.orderBy(asc(agencies.displayOrder))
	const order = new Map(rows.map((row, index) => [row.id, index]))
	const byId = new Map(rows.map((row) => [row.id, row]))
	const refs = (list: ReturnType<typeof assignAgencies>, role: 'lead' | 'co') =>
		list
			.filter((a) => a.role === role && byId.has(a.agencyId))
			.sort((a, b) => (order.get(a.agencyId) ?? 0) - (order.get(b.agencyId) ?? 0))
			.map((a) => byId.get(a.agencyId) as AgencyRef)
	const clauses = outline.clauses.map((clause, clauseIndex) => ({
		...clause,
		tasks: clause.tasks.map((task, taskIndex) => ({
			...task,
			leads: refs(assigned[clauseIndex][taskIndex], 'lead'),
			cos: refs(assigned[clauseIndex][taskIndex], 'co'),
		})),
	}))
	return {
		...outline,
		clauses,
		taskCount: countTasks(outline),
		tasksWithoutLead: clauses.flatMap((c) => c.tasks).filter((t) => t.leads.length === 0).length,
		existing: await findExistingInstrument(db, outline),
	}
}

export async function findExistingInstrument(db: Database, outline: Pick<InstrumentOutline, 'title' | 'documentNumber'>) {
	const [byTitle] = await db
		.select({ id: instruments.id, title: instruments.title })
		.from(instruments)
		.where(eq(instruments.title, outline.title))
		.limit(1)
	if (byTitle || !outline.documentNumber) return byTitle ?? null
	const [byNumber] = await db
		.select({ id: instruments.id, title: instruments.title })
		.from(instruments)
		.where(eq(instruments.documentNumber, outline.documentNumber))
		.limit(1)
	return byNumber ?? null
}

export type ImportResult = {
	id: number
	title: string
	parts: number
	clauses: number
	tasks: number
	tasksWithoutLead: number
}

// One transaction with its audit event (instrument.import), by the given actor: a signed-in
// admin, a named account on the command line, or the system.
export async function importInstrument(
	db: Database,
	actor: Actor,
	parsed: ParsedInstrument,
	sourceText: string,
): Promise<ImportResult> {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'instruments:import')))
		const mapping = await loadSubjectMapping(tx)
		const instrument = await storeInstrument(tx, audit, parsed, sourceText)
		const tasks = parsed.clauses.flatMap((clause) => clause.tasks)
		return {
			id: instrument.id,
			title: instrument.title,
			parts: parsed.parts.length,
			clauses: parsed.clauses.length,
			tasks: tasks.length,
			tasksWithoutLead: tasks.filter((task) => !assignAgencies(task, mapping).some((a) => a.role === 'lead')).length,
		}
	})
}
