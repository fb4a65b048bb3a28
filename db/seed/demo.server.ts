import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../client.server'
import { agencies, appMeta, clauses, tasks } from '../schema'
import { demoAccounts, demoPassword } from './demo-accounts'
import { seedDemoConcerns } from './demo-concerns.server'
import { seedDemoInspections } from './demo-inspections.server'
import { seedDemoInquiries } from './demo-inquiries.server'
import { seedDemoInterpellations } from './demo-interpellations.server'
import { seedDemoOversight } from './demo-oversight.server'
import { seedDemoStatus } from './demo-status.server'
import { addDays, addMonths, shanghaiDate } from '~/domain/dates'
import { insertUser } from '~/models/users/mutations.server'
import { systemActor, write } from '~/models/write.server'

// Demo accounts and records, dated relative to `today` so that a demo stays alive: something
// is due soon, something is overdue.
export async function seedDemo(db: Database, now: Date) {
	const today = shanghaiDate(now)
	const agencyRows = await db.select({ id: agencies.id, key: agencies.key }).from(agencies)
	const agencyId = (key: string) => {
		const row = agencyRows.find((a) => a.key === key)
		if (!row) throw new Error(`Demo data needs the agency '${key}'.`)
		return row.id
	}
	await write(db, systemActor, async (tx, audit) => {
		for (const account of demoAccounts) {
			await insertUser(tx, audit, {
				...account,
				password: demoPassword,
				phone: '027-0000' + String(demoAccounts.indexOf(account)).padStart(4, '0'),
				agencyId: account.agencyKey ? agencyId(account.agencyKey) : null,
				mustChangePassword: false,
			})
		}
		// Deadlines the secretariat would have set on the 责任分解表: one soon, one next quarter,
		// one already past.
		const deadlines: Array<[string, string]> = [
			['（八）', addDays(today, 10)],
			['（九）', addMonths(today, 3)],
			['（十三）', addDays(today, -20)],
			['（十七）', addMonths(today, 1)],
		]
		const clauseRows = await tx
			.select({ id: clauses.id, label: clauses.label })
			.from(clauses)
			.where(inArray(clauses.label, deadlines.map(([label]) => label)))
		for (const [label, deadline] of deadlines) {
			const clause = clauseRows.find((c) => c.label === label)
			if (!clause) continue
			const [first] = await tx
				.select({ id: tasks.id })
				.from(tasks)
				.where(eq(tasks.clauseId, clause.id))
				.orderBy(asc(tasks.ordinal))
				.limit(1)
			if (!first) continue
			await tx.update(tasks).set({ deadline }).where(and(eq(tasks.id, first.id)))
			await audit({ action: 'task.update', entityType: 'task', entityId: first.id, after: { deadline } })
		}
		await tx.insert(appMeta).values({ key: 'demoSeededOn', value: today }).onConflictDoNothing()
		await audit({ action: 'demo.seed', entityType: 'instance', after: { seededOn: today } })
	})
	// Meetings, the plan, reports and their deliberation, written through the app's own functions.
	await seedDemoOversight(db, today)
	// Law-enforcement inspections: one finished and in deliberation, one planned.
	await seedDemoInspections(db, today)
	// Inquiries and their commitments: a 专题询问 with its record published, one in progress, one to come.
	await seedDemoInquiries(db, today)
	// Interpellations (one through a second round, one being co-signed) and a resolution.
	await seedDemoInterpellations(db, today)
	// The secretariat's assessments of tasks, so that the status charts show every status.
	await seedDemoStatus(db, today)
	// Deputies' concerns in every state, across every district.
	await seedDemoConcerns(db, today)
}
