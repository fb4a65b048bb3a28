import { expect, test } from 'vitest'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, auditEvents, clauses, taskAgencies, tasks } from '#db/schema'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

const db = () => getDb()

async function agencyId(key: string) {
	const [row] = await db().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	return row.id
}

async function clauseTasks(label: string) {
	return db()
		.select({ id: tasks.id, ordinal: tasks.ordinal, text: tasks.text, version: tasks.version, deadline: tasks.deadline, clauseId: tasks.clauseId })
		.from(tasks)
		.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
		.where(eq(clauses.label, label))
		.orderBy(asc(tasks.ordinal))
}

async function assignments(taskId: number) {
	const rows = await db()
		.select({ key: agencies.key, role: taskAgencies.role })
		.from(taskAgencies)
		.innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
		.where(eq(taskAgencies.taskId, taskId))
		.orderBy(asc(agencies.displayOrder))
	return rows.map((r) => `${r.role}:${r.key}`)
}

function post(taskId: number, form: Record<string, string | Array<string>>, as = 'mishu') {
	return runAction(action, { path: `/tasks/${taskId}/edit`, params: { taskId: String(taskId) }, as, form })
}

test('gongan and weiyuan1 get 403 from the edit page and its action; mishu and admin get the page', async () => {
	const [task] = await clauseTasks('（十一）')
	for (const as of ['gongan', 'weiyuan1', 'daibiao1']) {
		const page = await runLoader(loader, { path: `/tasks/${task.id}/edit`, params: { taskId: String(task.id) }, as })
		expect(page.status).toBe(403)
		const edit = await post(task.id, { intent: 'update', version: String(task.version), text: '篡改', longTerm: 'on' }, as)
		expect(edit.status).toBe(403)
	}
	const anonymous = await runLoader(loader, { path: `/tasks/${task.id}/edit`, params: { taskId: String(task.id) } })
	expect(anonymous.status).toBe(302)
	for (const as of ['mishu', 'admin']) {
		const page = await runLoader(loader, { path: `/tasks/${task.id}/edit`, params: { taskId: String(task.id) }, as })
		expect(page.status).toBe(200)
	}
	const [after] = await clauseTasks('（十一）')
	expect(after.text).toBe(task.text)
})

test('a task that does not exist answers 404', async () => {
	const page = await runLoader(loader, { path: '/tasks/999999/edit', params: { taskId: '999999' }, as: 'mishu' })
	expect(page.status).toBe(404)
})

test('the secretariat changes the lead agency of a task, audited with before and after', async () => {
	const [task] = await clauseTasks('（十一）')
	const psb = await agencyId('psb')
	const edu = await agencyId('edu')
	const amr = await agencyId('amr')
	const outcome = await post(task.id, { intent: 'agencies', version: String(task.version), lead: [String(edu), String(psb)], co: String(amr) })
	expect(outcome.status).toBe(302)
	expect(outcome.location).toBe(`/tasks/${task.id}/edit?done=agencies`)
	expect(await assignments(task.id)).toEqual(['lead:edu', 'lead:psb', 'co:amr'])
	const [after] = await clauseTasks('（十一）')
	expect(after.version).toBe(task.version + 1)
	const [event] = await db()
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'task.agencies'), eq(auditEvents.entityId, String(task.id))))
	const changed = event.after as { leads: Array<{ name: string }>; cos: Array<{ name: string }> }
	expect(changed.leads.map((a) => a.name)).toEqual(['武汉市教育局', '武汉市公安局'])
	expect(changed.cos.map((a) => a.name)).toEqual(['武汉市市场监督管理局'])
	expect(event.before).toBeTruthy()
})

test('a task without a lead, or with an agency as both lead and co, is refused with the input kept', async () => {
	const [task] = await clauseTasks('（十二）')
	const before = await assignments(task.id)
	const psb = String(await agencyId('psb'))
	const noLead = await post(task.id, { intent: 'agencies', version: String(task.version), co: psb })
	expect(noLead.status).toBe(400)
	expect(JSON.stringify(noLead.data)).toContain('请至少选择一个牵头单位')
	const both = await post(task.id, { intent: 'agencies', version: String(task.version), lead: psb, co: psb })
	expect(both.status).toBe(400)
	expect(JSON.stringify(both.data)).toContain('同一单位不能既牵头又配合：武汉市公安局')
	expect(JSON.stringify(both.data)).toContain(psb)
	const unknown = await post(task.id, { intent: 'agencies', version: String(task.version), lead: '999999' })
	expect(unknown.status).toBe(400)
	expect(await assignments(task.id)).toEqual(before)
})

test('a stale version is refused, nothing changes, and the input comes back', async () => {
	const [task] = await clauseTasks('（十三）')
	const first = await post(task.id, { intent: 'update', version: String(task.version), text: `${task.text}（第一次修改）`, longTerm: 'on' })
	expect(first.status).toBe(302)
	const [current] = await clauseTasks('（十三）')
	const stale = await post(task.id, { intent: 'update', version: String(task.version), text: '以旧版本为基础的修改', deadline: '2026-06-30' })
	expect(stale.status).toBe(409)
	const body = JSON.stringify(stale.data)
	expect(body).toContain('该记录已被他人修改')
	expect(body).toContain('以旧版本为基础的修改')
	const [after] = await clauseTasks('（十三）')
	expect(after).toEqual(current)
	const staleAgencies = await post(task.id, { intent: 'agencies', version: String(task.version), lead: String(await agencyId('edu')) })
	expect(staleAgencies.status).toBe(409)
	expect(await clauseTasks('（十三）')).toEqual([current])
})

test('the deadline is a valid date or 长期, and the text is required', async () => {
	const [task] = await clauseTasks('（十四）')
	const cases: Array<[Record<string, string>, string]> = [
		[{ text: task.text }, '请填写完成时限'],
		[{ text: task.text, deadline: '2025-02-30' }, '请填写有效的日期'],
		[{ text: task.text, deadline: '0202-06-30' }, '2000 年至 2099 年'],
		[{ text: task.text, deadline: '2025-12-31', longTerm: 'on' }, '长期任务不设完成时限'],
		[{ text: '   ', longTerm: 'on' }, '此项必填'],
	]
	for (const [form, message] of cases) {
		const outcome = await post(task.id, { intent: 'update', version: String(task.version), ...form })
		expect(outcome.status).toBe(400)
		expect(JSON.stringify(outcome.data)).toContain(message)
	}
	expect((await clauseTasks('（十四）'))[0].version).toBe(task.version)
	const dated = await post(task.id, { intent: 'update', version: String(task.version), text: task.text, deadline: '2026-03-31' })
	expect(dated.status).toBe(302)
	expect((await clauseTasks('（十四）'))[0].deadline).toBe('2026-03-31')
	const longTerm = await post(task.id, { intent: 'update', version: String(task.version + 1), text: task.text, longTerm: 'on' })
	expect(longTerm.status).toBe(302)
	expect((await clauseTasks('（十四）'))[0].deadline).toBeNull()
	const events = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'task.update'), eq(auditEvents.entityId, String(task.id))))
	expect(events.at(-1)?.before).toEqual({ text: task.text, deadline: '2026-03-31' })
	expect(events.at(-1)?.after).toEqual({ text: task.text, deadline: null })
})

test('splitting (七) makes a new task after it with the same agencies and deadline, and moves none of the text', async () => {
	const [seven] = await clauseTasks('（七）')
	await db().update(tasks).set({ deadline: '2026-12-31' }).where(eq(tasks.id, seven.id))
	const agenciesBefore = await assignments(seven.id)
	const cut = seven.text.indexOf('。') + 1
	const page = await runLoader(loader, { path: `/tasks/${seven.id}/edit?at=1`, params: { taskId: String(seven.id) }, as: 'mishu' })
	const proposal = (page.data as { split: { proposal: { first: string; second: string } } }).split.proposal
	expect(proposal.first).toBe(seven.text.slice(0, cut))
	const rewritten = await post(seven.id, { intent: 'split', version: String(seven.version), first: seven.text.slice(0, cut), second: '另写的内容。' })
	expect(rewritten.status).toBe(400)
	expect(JSON.stringify(rewritten.data)).toContain('两段合起来须与原文一致')
	const outcome = await post(seven.id, {
		intent: 'split',
		version: String(seven.version),
		first: seven.text.slice(0, cut),
		second: seven.text.slice(cut),
	})
	expect(outcome.status).toBe(302)
	const [kept, created] = await clauseTasks('（七）')
	expect(outcome.location).toBe(`/tasks/${seven.id}/edit?done=split&new=${created.id}`)
	expect(kept).toMatchObject({ id: seven.id, ordinal: 1, text: seven.text.slice(0, cut), version: seven.version + 1 })
	expect(created).toMatchObject({ ordinal: 2, text: seven.text.slice(cut), deadline: '2026-12-31' })
	expect(await assignments(created.id)).toEqual(agenciesBefore)
	const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'task.split'))
	expect(events.map((e) => e.entityId).sort()).toEqual([String(seven.id), String(created.id)].sort())
})

test('splitting a task in the middle of a clause moves the later tasks down', async () => {
	const before = await clauseTasks('（十五）')
	expect(before.length).toBeGreaterThanOrEqual(3)
	const middle = before[1]
	const cut = Math.floor(middle.text.length / 2)
	const outcome = await post(middle.id, {
		intent: 'split',
		version: String(middle.version),
		first: middle.text.slice(0, cut),
		second: middle.text.slice(cut),
	})
	expect(outcome.status).toBe(302)
	const after = await clauseTasks('（十五）')
	expect(after.map((t) => t.ordinal)).toEqual(after.map((_, i) => i + 1))
	expect(after.map((t) => t.id).filter((id) => before.some((b) => b.id === id))).toEqual(before.map((b) => b.id))
	expect(after[1].id).toBe(middle.id)
	expect(after[2].text).toBe(middle.text.slice(cut))
})

test('merging two tasks of (十二) joins the texts, unites the agencies, keeps the earlier deadline and closes the ordinals', async () => {
	const [first, second] = await clauseTasks('（十二）')
	const psb = await agencyId('psb')
	const edu = await agencyId('edu')
	await db().update(tasks).set({ deadline: '2026-09-30' }).where(eq(tasks.id, first.id))
	await db().update(tasks).set({ deadline: '2026-06-30' }).where(eq(tasks.id, second.id))
	await db().delete(taskAgencies).where(inArray(taskAgencies.taskId, [first.id, second.id]))
	await db().insert(taskAgencies).values([
		{ taskId: first.id, agencyId: psb, role: 'co' },
		{ taskId: second.id, agencyId: psb, role: 'lead' },
		{ taskId: second.id, agencyId: edu, role: 'co' },
	])
	// The second task is kept (the one being edited) and takes the first one's place.
	const outcome = await post(second.id, { intent: 'merge', version: String(second.version), mergeWith: `${first.id}:${first.version}` })
	expect(outcome.status).toBe(302)
	const after = await clauseTasks('（十二）')
	expect(after).toHaveLength(1)
	expect(after[0]).toMatchObject({ id: second.id, ordinal: 1, deadline: '2026-06-30', text: `${first.text}${second.text}` })
	expect(await assignments(second.id)).toEqual(['co:edu', 'lead:psb'])
	expect(await db().select().from(taskAgencies).where(eq(taskAgencies.taskId, first.id))).toHaveLength(0)
	expect(await db().select().from(tasks).where(eq(tasks.id, first.id))).toHaveLength(0)
	const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'task.merge'))
	expect(events.map((e) => e.entityId).sort()).toEqual([String(first.id), String(second.id)].sort())
})

test('a merge with a task of another clause is refused and nothing changes', async () => {
	const [ten] = await clauseTasks('（十）')
	const [nine] = await clauseTasks('（九）')
	const outcome = await post(ten.id, { intent: 'merge', version: String(ten.version), mergeWith: `${nine.id}:${nine.version}` })
	expect(outcome.status).toBe(400)
	expect(JSON.stringify(outcome.data)).toContain('只能与同一条款的任务合并')
	expect(await clauseTasks('（十）')).toEqual([ten])
	expect(await clauseTasks('（九）')).toEqual([nine])
})

test('a merge checks the versions of both tasks', async () => {
	const fifteen = await clauseTasks('（十五）')
	const [a, b] = fifteen
	const staleOther = await post(a.id, { intent: 'merge', version: String(a.version), mergeWith: `${b.id}:${b.version - 1 || 99}` })
	expect(staleOther.status).toBe(409)
	const staleOwn = await post(a.id, { intent: 'merge', version: String(a.version + 5), mergeWith: `${b.id}:${b.version}` })
	expect(staleOwn.status).toBe(409)
	const gone = await post(a.id, { intent: 'merge', version: String(a.version), mergeWith: '999999:1' })
	expect(gone.status).toBe(409)
	expect(await clauseTasks('（十五）')).toEqual(fifteen)
})

test('every form of the edit page gives the browser its constraints (the page renders)', async () => {
	const { getZodConstraint } = await import('@conform-to/zod/v4')
	const { messages } = await import('~/i18n/i18n')
	const { agenciesSchema, mergeSchema, splitSchema, updateTaskSchema } = await import('./schema')
	const t = messages('zh')
	expect(getZodConstraint(updateTaskSchema(t)).text).toMatchObject({ required: true })
	expect(getZodConstraint(agenciesSchema(t, { allowedIds: [], names: new Map() })).lead).toMatchObject({ multiple: true })
	expect(getZodConstraint(splitSchema(t)).second).toMatchObject({ required: true })
	expect(getZodConstraint(mergeSchema(t)).mergeWith).toMatchObject({ required: true })
})
