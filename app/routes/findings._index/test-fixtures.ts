import { eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, clauses, findings, inspectionClauses, inspectionGroup, inspections, tasks, users, visits } from '#db/schema'
import { addDays, shanghaiDate } from '~/domain/dates'
import type { GroupRole, Severity } from '~/domain/inspections'
import type { RectificationState } from '~/domain/rectification'

// Test data for the findings slice, written straight to the database (no audit: this is the
// world the tests start from, not something a user did).

const db = () => getDb()

export const today = () => shanghaiDate(new Date())

export async function userIdOf(username: string) {
	const [row] = await db().select({ id: users.id }).from(users).where(eq(users.username, username))
	if (!row) throw new Error(`no user ${username}`)
	return row.id
}

export async function agencyIdOf(key: string) {
	const [row] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	if (!row) throw new Error(`no agency ${key}`)
	return row.id
}

export async function clauseIdOf(label: string) {
	const [row] = await db().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, label))
	if (!row) throw new Error(`no clause ${label}`)
	return row.id
}

export async function taskIdsOf(label: string) {
	const rows = await db().select({ id: tasks.id }).from(tasks).where(eq(tasks.clauseId, await clauseIdOf(label)))
	return rows.map((r) => r.id)
}

// An inspection with a group and a scope; by default weiyuan2 leads, weiyuan3 is a member and
// daibiao1 an invited deputy (weiyuan1 and daibiao2 are outside it).
export async function makeInspection(
	options: { title?: string; group?: Array<[string, GroupRole]>; clauseLabels?: Array<string> } = {},
) {
	const group = options.group ?? [
		['weiyuan2', 'leader'],
		['weiyuan3', 'member'],
		['daibiao1', 'deputy'],
	]
	const [created] = await db()
		.insert(inspections)
		.values({
			title: options.title ?? '关于反电信网络诈骗工作的执法检查（测试）',
			year: Number(today().slice(0, 4)),
			forms: ['field'],
			startsOn: addDays(today(), -30),
			endsOn: addDays(today(), 30),
			state: 'in_progress',
		})
		.returning({ id: inspections.id })
	for (const [username, role] of group) {
		await db().insert(inspectionGroup).values({ inspectionId: created.id, userId: await userIdOf(username), role })
	}
	const labels = options.clauseLabels ?? ['（七）', '（十一）']
	if (labels.length) {
		const ids = await db().select({ id: clauses.id }).from(clauses).where(inArray(clauses.label, labels))
		await db().insert(inspectionClauses).values(ids.map((c) => ({ inspectionId: created.id, clauseId: c.id })))
	}
	return created.id
}

export async function makeVisit(inspectionId: number, unannounced = false) {
	const [created] = await db()
		.insert(visits)
		.values({ inspectionId, on: addDays(today(), -3), startTime: '09:00', endTime: '11:00', place: '市公安局反诈中心（测试）', unannounced })
		.returning({ id: visits.id })
	return created.id
}

export async function makeFinding(
	inspectionId: number,
	options: {
		agency?: string
		clause?: string
		severity?: Severity
		state?: RectificationState
		dueOn?: string
		description?: string
		recordedBy?: string
		reopenReason?: string
		visitId?: number
	} = {},
) {
	const state = options.state ?? 'open'
	const [created] = await db()
		.insert(findings)
		.values({
			inspectionId,
			clauseId: await clauseIdOf(options.clause ?? '（七）'),
			agencyId: await agencyIdOf(options.agency ?? 'psb'),
			visitId: options.visitId ?? null,
			severity: options.severity ?? 'serious',
			description: options.description ?? '预警劝阻电话接通率偏低，部分预警信息未在规定时限内处置（测试）',
			evidence: '抽查台账 30 份（测试）',
			recordedBy: await userIdOf(options.recordedBy ?? 'weiyuan2'),
			rectificationDueOn: options.dueOn ?? addDays(today(), 60),
			rectificationState: state,
			response: state === 'open' ? '' : '已建立 24 小时值守机制（测试）',
			respondedOn: state === 'open' ? null : addDays(today(), -2),
			verifiedOn: state === 'accepted' || state === 'reopened' ? addDays(today(), -1) : null,
			reopenReason: state === 'reopened' ? (options.reopenReason ?? '未附值守记录（测试）') : null,
		})
		.returning({ id: findings.id })
	return created.id
}

export async function findingRow(id: number) {
	const [row] = await db().select().from(findings).where(eq(findings.id, id))
	return row
}
