import { expect, test } from 'vitest'
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { attachments, auditEvents, clauses, deliberationOpinions, deliberations, users } from '#db/schema'
import { addDays, shanghaiDate } from '~/domain/dates'
import { settingDefaults } from '~/domain/settings'
import { mayReadAttachmentOwner } from '~/models/registry.server'
import { getDeliberationFor } from '~/models/deliberation/queries.server'
import { runLoader, userId } from '#test/helpers'
import { loader as letterLoader } from '../deliberations.$deliberationId_.letter/route'
import { deliberationRow, openTestDeliberation, page, pageJson, post } from '#test/fixtures/deliberation'

// The whole path: open → opinions → vote → closed → letter sent → handling report submitted →
// returned → resubmitted → accepted (closed), with the refusals on the way and who sees what.

const today = () => shanghaiDate(new Date())

async function clauseId(label: string) {
	const [row] = await getDb().select({ id: clauses.id }).from(clauses).where(eq(clauses.label, label)).orderBy(asc(clauses.instrumentId)).limit(1)
	return row.id
}

function letter(id: number, as: string) {
	return runLoader(letterLoader, { path: `/deliberations/${id}/letter`, params: { deliberationId: String(id) }, as })
}

function pdf(name: string) {
	return new File([new TextEncoder().encode('%PDF-1.4\n% 示例附件\n')], name, { type: 'application/pdf' })
}

function handlingForm(text: string, version: number, files: Array<File> = []) {
	const form = new FormData()
	form.append('intent', 'submitHandling')
	form.append('version', String(version))
	form.append('text', text)
	for (const file of files) form.append('files', file)
	return form
}

test('the lifecycle from opening to closing, each step audited', async () => {
	const [{ last }] = await getDb().select({ last: sql<number>`coalesce(max(${auditEvents.id}), 0)`.mapWith(Number) }).from(auditEvents)
	const id = await openTestDeliberation()
	expect(await getDeliberationFor(getDb(), 'report', (await deliberationRow(id)).subjectId)).toEqual({
		id,
		state: 'open',
		result: null,
		handlingDueOn: null,
	})

	// Opinions: a member on a clause, a general one, one entered from group deliberation.
	const ten = await clauseId('（十）')
	expect((await post(id, 'weiyuan1', { intent: 'opinion', clauseId: String(ten), text: '建议加大涉诈资金查控和返还力度。' })).status).toBe(302)
	expect((await post(id, 'weiyuan2', { intent: 'opinion', text: '报告内容翔实，数据清楚。' })).status).toBe(302)
	const weiyuan3 = await userId('weiyuan3')
	expect((await post(id, 'mishu', { intent: 'proxy', memberId: String(weiyuan3), clauseId: String(ten), text: '建议完善跨部门协作机制。' })).status).toBe(302)
	const opinions = (await pageJson(id, 'weiyuan1')).opinions!
	expect(opinions.map((o) => [o.memberName, o.clauseLabel, o.proxy])).toEqual([
		[expect.any(String), '（十）', false],
		[expect.any(String), null, false],
		[expect.any(String), '（十）', true],
	])
	expect(opinions.map((o) => o.editable)).toEqual([true, false, false])
	const proxyRow = await getDb()
		.select()
		.from(deliberationOpinions)
		.where(and(eq(deliberationOpinions.deliberationId, id), eq(deliberationOpinions.memberId, weiyuan3)))
	expect(proxyRow[0].enteredBy).toBe(await userId('mishu'))

	// Vote and close.
	for (const as of ['weiyuan1', 'weiyuan2', 'weiyuan3']) expect((await post(id, as, { intent: 'vote', choice: 'unsatisfied' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	expect((await deliberationRow(id)).state).toBe('vote_closed')

	// The letter: prefilled from the opinions grouped by clause, saved, previewed, sent.
	const composing = await pageJson(id, 'mishu')
	expect(composing.draft?.defaults.to).toBe('武汉市人民政府')
	expect(composing.draft?.defaults.cc).toBe('武汉市公安局')
	expect(composing.draft?.defaults.body).toBe(
		['一、总体意见', '报告内容翔实，数据清楚。', '二、关于决定第（十）项', '建议加大涉诈资金查控和返还力度。', '建议完善跨部门协作机制。'].join('\n\n'),
	)
	expect(composing.draft?.defaultDue).toBe(addDays(today(), settingDefaults.handlingReportDueDays))
	const saved = await post(id, 'mishu', {
		intent: 'saveLetter',
		version: 'current',
		number: '武人常办〔2026〕12号',
		to: composing.draft!.defaults.to,
		cc: composing.draft!.defaults.cc,
		body: `${composing.draft!.defaults.body}\n\n三、其他\n\n请认真研究处理。`,
		dueOn: '',
	})
	expect(saved.status).toBe(302)
	expect((await letter(id, 'mishu')).status).toBe(200)
	expect((await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })).status).toBe(302)
	const sent = await deliberationRow(id)
	expect(sent).toMatchObject({ state: 'letter_sent', letterSentOn: today(), handlingDueOn: addDays(today(), 60) })

	// The agency submits, the secretariat returns with a reason, the agency resubmits with a file.
	expect((await post(id, 'gongan', handlingForm('已逐条研究审议意见，整改措施如下。', sent.version))).status).toBe(302)
	expect((await deliberationRow(id)).state).toBe('handling_submitted')
	expect((await pageJson(id, 'mishu')).handling?.text).toBe('已逐条研究审议意见，整改措施如下。')
	const missingReason = await post(id, 'mishu', { intent: 'returnHandling', version: 'current', reason: ' ' })
	expect(missingReason.status).toBe(400)
	expect(JSON.stringify(missingReason.data)).toContain('请填写退回理由')
	expect((await post(id, 'mishu', { intent: 'returnHandling', version: 'current', reason: '未说明资金返还措施的完成时限。' })).status).toBe(302)
	const returned = await deliberationRow(id)
	expect(returned).toMatchObject({ state: 'letter_sent', handlingReturnReason: '未说明资金返还措施的完成时限。', handlingDueOn: sent.handlingDueOn })
	const agencyView = await pageJson(id, 'gongan')
	expect(agencyView.handling?.returnReason).toBe('未说明资金返还措施的完成时限。')
	expect(agencyView.handling?.text).toBe('已逐条研究审议意见，整改措施如下。')
	expect(agencyView.can.submitHandling).toBe(true)
	const resubmitted = await post(id, 'gongan', handlingForm('已补充完成时限：2026年底前。', returned.version, [pdf('研究处理情况报告.pdf')]))
	expect(resubmitted.status).toBe(302)
	const files = await getDb().select().from(attachments).where(and(eq(attachments.ownerType, 'handling_report'), eq(attachments.ownerId, id)))
	expect(files.map((f) => f.fileName)).toEqual(['研究处理情况报告.pdf'])
	expect((await pageJson(id, 'mishu')).handling?.attachments.map((a) => a.fileName)).toEqual(['研究处理情况报告.pdf'])
	expect((await post(id, 'mishu', { intent: 'acceptHandling', version: 'current' })).status).toBe(302)
	expect(await deliberationRow(id)).toMatchObject({ state: 'closed', handlingAcceptedOn: today(), handlingText: '已补充完成时限：2026年底前。' })

	const events = await getDb()
		.select({ action: auditEvents.action })
		.from(auditEvents)
		.where(and(gt(auditEvents.id, last), inArray(auditEvents.entityType, ['deliberation', 'deliberation_opinion', 'handling_report'])))
		.orderBy(asc(auditEvents.id))
	expect(events.map((e) => e.action)).toEqual([
		'deliberation.open',
		'deliberation.opinion.create',
		'deliberation.opinion.create',
		'deliberation.opinion.create',
		'deliberation.vote',
		'deliberation.vote',
		'deliberation.vote',
		'deliberation.vote.close',
		'deliberation.letter.save',
		'deliberation.letter.send',
		'deliberation.handling.submit',
		'deliberation.handling.return',
		'attachment.add',
		'deliberation.handling.submit',
		'deliberation.handling.accept',
	])
	expect(await getDeliberationFor(getDb(), 'report', sent.subjectId)).toMatchObject({ id, state: 'closed', result: 'unsatisfied' })
})

test('who sees what: deputies and the responding agency only once the letter is sent, other agencies never', async () => {
	const id = await openTestDeliberation()
	expect((await post(id, 'weiyuan1', { intent: 'opinion', text: '建议加强宣传。' })).status).toBe(302)
	expect((await post(id, 'weiyuan1', { intent: 'vote', choice: 'satisfied' })).status).toBe(302)
	for (const as of ['daibiao1', 'gongan', 'jiaoyu']) expect((await page(id, as)).status, as).toBe(404)
	for (const as of ['admin', 'mishu', 'weiyuan1', 'weiyuan5']) expect((await page(id, as)).status, as).toBe(200)
	expect((await page(id, null)).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	for (const as of ['daibiao1', 'gongan', 'jiaoyu']) expect((await page(id, as)).status, as).toBe(404)
	// The draft letter is the secretariat's: members, deputies and agencies cannot print it.
	expect((await post(id, 'mishu', { intent: 'saveLetter', version: 'current', number: '武人常办〔2026〕3号', to: '武汉市人民政府', body: '意见。' })).status).toBe(302)
	expect((await letter(id, 'mishu')).status).toBe(200)
	expect((await letter(id, 'admin')).status).toBe(200)
	for (const as of ['weiyuan1', 'daibiao1', 'gongan']) expect((await letter(id, as)).status, as).toBe(404)
	expect((await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })).status).toBe(302)

	const agency = await pageJson(id, 'gongan')
	expect(agency.opinions).toBe(null)
	expect(agency.vote.participation).toBe(null)
	expect(agency.result).toMatchObject({ result: 'satisfied', total: 1 })
	expect(agency.letter).toMatchObject({ number: '武人常办〔2026〕3号', body: '意见。' })
	expect(JSON.stringify(agency)).not.toContain('建议加强宣传')
	expect(agency.can.submitHandling).toBe(true)
	const deputy = await pageJson(id, 'daibiao1')
	expect(deputy.opinions).toBe(null)
	expect(deputy.result).toMatchObject({ result: 'satisfied' })
	expect(deputy.letter?.number).toBe('武人常办〔2026〕3号')
	expect(deputy.can.submitHandling).toBe(false)
	expect(JSON.stringify(deputy)).not.toContain('建议加强宣传')
	expect((await page(id, 'jiaoyu')).status).toBe(404)
	for (const as of ['weiyuan1', 'daibiao1', 'gongan']) expect((await letter(id, as)).status, as).toBe(200)
	expect((await letter(id, 'jiaoyu')).status).toBe(404)

	// The handling report: deputies read it once accepted, members once submitted.
	expect((await post(id, 'gongan', handlingForm('研究处理情况。', (await deliberationRow(id)).version))).status).toBe(302)
	expect((await pageJson(id, 'weiyuan1')).handling?.text).toBe('研究处理情况。')
	expect((await pageJson(id, 'daibiao1')).handling?.text).toBe(null)
	expect((await post(id, 'mishu', { intent: 'acceptHandling', version: 'current' })).status).toBe(302)
	expect((await pageJson(id, 'daibiao1')).handling?.text).toBe('研究处理情况。')
})

test('the print view is in official format: number, title, addressee, body, issuer, date in Chinese, 抄送', async () => {
	const id = await openTestDeliberation({ title: '市人民政府关于反诈工作情况的报告（示例）' })
	expect((await post(id, 'weiyuan1', { intent: 'vote', choice: 'satisfied' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	const body = '一、总体意见\n\n报告客观。\n第二段。'
	const due = addDays(today(), 30)
	expect((await post(id, 'mishu', { intent: 'saveLetter', version: 'current', number: '武人常办〔2026〕7号', to: '武汉市人民政府', cc: '武汉市公安局', body, dueOn: due })).status).toBe(302)
	// A proposed due date is not a due date until the letter is sent.
	const { subjectId } = await deliberationRow(id)
	expect((await getDeliberationFor(getDb(), 'report', subjectId))?.handlingDueOn).toBe(null)
	expect((await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })).status).toBe(302)
	expect((await getDeliberationFor(getDb(), 'report', subjectId))?.handlingDueOn).toBe(due)
	const view = await letter(id, 'gongan')
	expect(view.status).toBe(200)
	const [y, m, d] = due.split('-').map(Number)
	expect(view.data).toMatchObject({
		draft: false,
		number: '武人常办〔2026〕7号',
		title: '关于《市人民政府关于反诈工作情况的报告（示例）》的审议意见',
		to: '武汉市人民政府',
		cc: '武汉市公安局',
		paragraphs: ['一、总体意见', '报告客观。', '第二段。', `请于${y}年${m}月${d}日前将研究处理情况书面报告市人大常委会。`],
		issuer: '武汉市人大常委会办公厅',
	})
	expect((view.data as { date: string }).date).toMatch(/^二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/)
	expect((await deliberationRow(id)).handlingDueOn).toBe(due)
	const { handle } = await import('../deliberations.$deliberationId_.letter/route')
	expect(handle).toEqual({ bare: true })
})

test('refused steps: an opinion after the letter, a letter before the close, a report by another agency or too early, accepting nothing', async () => {
	const id = await openTestDeliberation()
	// Before the close: no letter can be saved or sent, the agency cannot even see it.
	const early = await post(id, 'mishu', { intent: 'saveLetter', version: 'current', number: '武人常办〔2026〕1号', to: '武汉市人民政府', body: '意见。' })
	expect(early.status).toBe(409)
	expect(JSON.stringify(early.data)).toContain('表决尚未结束，不能撰写或发出审议意见书')
	const sendEarly = await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })
	expect(sendEarly.status).toBe(409)
	expect(JSON.stringify(sendEarly.data)).toContain('表决尚未结束，不能撰写或发出审议意见书')
	expect((await post(id, 'gongan', handlingForm('过早提交', (await deliberationRow(id)).version))).status).toBe(404)
	const acceptNothing = await post(id, 'mishu', { intent: 'acceptHandling', version: 'current' })
	expect(acceptNothing.status).toBe(409)
	expect(JSON.stringify(acceptNothing.data)).toContain('尚未收到研究处理情况报告')

	expect((await post(id, 'weiyuan1', { intent: 'vote', choice: 'basically_satisfied' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	// Sending an unsaved letter is refused too.
	const unsaved = await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })
	expect(unsaved.status).toBe(409)
	expect(JSON.stringify(unsaved.data)).toContain('请先填写并保存审议意见书')
	// Opinions are still taken after the close, until the letter goes out.
	expect((await post(id, 'weiyuan2', { intent: 'opinion', text: '补充意见。' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'saveLetter', version: 'current', number: '武人常办〔2026〕2号', to: '武汉市人民政府', body: '意见。' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })).status).toBe(302)

	const late = await post(id, 'weiyuan2', { intent: 'opinion', text: '发文后的意见。' })
	expect(late.status).toBe(409)
	expect(JSON.stringify(late.data)).toContain('审议意见书已发出，不能再提出')
	expect(JSON.stringify(late.data)).toContain('发文后的意见。')
	const [own] = await getDb().select().from(deliberationOpinions).where(eq(deliberationOpinions.deliberationId, id))
	const lateEdit = await post(id, 'weiyuan2', { intent: 'editOpinion', opinionId: String(own.id), version: String(own.version), text: '改。' })
	expect(lateEdit.status).toBe(409)
	const lateDelete = await post(id, 'weiyuan2', { intent: 'deleteOpinion', opinionId: String(own.id), version: String(own.version) })
	expect(lateDelete.status).toBe(409)
	const lateProxy = await post(id, 'mishu', { intent: 'proxy', memberId: String(await userId('weiyuan4')), text: '代录。' })
	expect(lateProxy.status).toBe(409)
	const resend = await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })
	expect(resend.status).toBe(409)
	expect(JSON.stringify(resend.data)).toContain('审议意见书已发出')

	// Another agency gets 404; other roles may not submit for the agency (403).
	expect((await post(id, 'jiaoyu', handlingForm('冒名提交', (await deliberationRow(id)).version))).status).toBe(404)
	for (const as of ['mishu', 'weiyuan1', 'daibiao1', 'admin']) {
		expect((await post(id, as, handlingForm('代交', (await deliberationRow(id)).version))).status, as).toBe(403)
	}
	const emptyReport = await post(id, 'gongan', handlingForm('  ', (await deliberationRow(id)).version))
	expect(emptyReport.status).toBe(400)
	const notAPdf = await post(id, 'gongan', handlingForm('报告。', (await deliberationRow(id)).version, [new File(['MZ…'], '报告.pdf')]))
	expect(notAPdf.status).toBe(400)
	expect(JSON.stringify(notAPdf.data)).toContain('“报告.pdf”的内容与文件类型不符')
	expect((await deliberationRow(id)).state).toBe('letter_sent')
	expect((await post(id, 'gongan', handlingForm('报告。', (await deliberationRow(id)).version))).status).toBe(302)
	const twice = await post(id, 'gongan', handlingForm('再次提交。', (await deliberationRow(id)).version))
	expect(twice.status).toBe(409)
	expect(JSON.stringify(twice.data)).toContain('研究处理情况报告已提交，正在审核')
	// Only the secretariat checks it.
	for (const as of ['weiyuan1', 'admin', 'gongan']) {
		expect((await post(id, as, { intent: 'acceptHandling', version: 'current' })).status, as).toBe(403)
	}
})

test('a member edits and deletes only their own opinions, with versions; the secretariat only those it entered', async () => {
	const id = await openTestDeliberation()
	expect((await post(id, 'weiyuan1', { intent: 'opinion', text: '第一稿。' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'proxy', memberId: String(await userId('weiyuan2')), text: '代录稿。' })).status).toBe(302)
	const [mine, proxied] = await getDb().select().from(deliberationOpinions).where(eq(deliberationOpinions.deliberationId, id)).orderBy(asc(deliberationOpinions.id))
	const edit = (as: string, opinion: typeof mine, text: string, version = opinion.version) =>
		post(id, as, { intent: 'editOpinion', opinionId: String(opinion.id), version: String(version), text })
	expect((await edit('weiyuan2', mine, '他人修改。')).status).toBe(403)
	expect((await edit('mishu', mine, '办公厅修改委员本人的意见。')).status).toBe(403)
	expect((await edit('weiyuan1', mine, '第二稿。')).status).toBe(302)
	const stale = await edit('weiyuan1', mine, '基于旧版本的修改。')
	expect(stale.status).toBe(409)
	expect(JSON.stringify(stale.data)).toContain('该记录已被他人修改')
	expect(JSON.stringify(stale.data)).toContain('基于旧版本的修改。')
	expect((await edit('mishu', proxied, '代录稿（更正）。')).status).toBe(302)
	// The member in whose name it was entered may correct it too.
	expect((await edit('weiyuan2', proxied, '本人更正。', proxied.version + 1)).status).toBe(302)
	const rows = await getDb().select().from(deliberationOpinions).where(eq(deliberationOpinions.deliberationId, id)).orderBy(asc(deliberationOpinions.id))
	expect(rows.map((r) => [r.text, r.version])).toEqual([
		['第二稿。', 2],
		['本人更正。', 3],
	])
	expect((await post(id, 'weiyuan3', { intent: 'deleteOpinion', opinionId: String(mine.id), version: '2' })).status).toBe(403)
	expect((await post(id, 'weiyuan1', { intent: 'deleteOpinion', opinionId: String(mine.id), version: '2' })).status).toBe(302)
	expect(await getDb().select().from(deliberationOpinions).where(eq(deliberationOpinions.id, mine.id))).toHaveLength(0)
	const [deleted] = await getDb()
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'deliberation.opinion.delete'), eq(auditEvents.entityId, String(mine.id))))
	expect(deleted.before).toMatchObject({ text: '第二稿。' })
	// Only members write opinions in their own name; an unknown member cannot be chosen.
	for (const as of ['mishu', 'admin']) expect((await post(id, as, { intent: 'opinion', text: '意见。' })).status, as).toBe(403)
	for (const as of ['weiyuan1', 'admin']) {
		expect((await post(id, as, { intent: 'proxy', memberId: String(await userId('weiyuan3')), text: '意见。' })).status, as).toBe(403)
	}
	const unknownClause = await post(id, 'weiyuan1', { intent: 'opinion', clauseId: '999999', text: '意见。' })
	expect(unknownClause.status).toBe(400)
	expect(JSON.stringify(unknownClause.data)).toContain('请从列表中选择条款')
	const notAMember = await post(id, 'mishu', { intent: 'proxy', memberId: String(await userId('daibiao1')), text: '意见。' })
	expect(notAMember.status).toBe(400)
	expect(JSON.stringify(notAMember.data)).toContain('请选择发表意见的委员')
})

test('overdue is computed from today, shown on the page and in the list, and ends with the submission', async () => {
	const id = await openTestDeliberation()
	expect((await post(id, 'weiyuan1', { intent: 'vote', choice: 'unsatisfied' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'saveLetter', version: 'current', number: '武人常办〔2026〕9号', to: '武汉市人民政府', body: '意见。' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })).status).toBe(302)
	expect((await pageJson(id, 'gongan')).handling?.overdueDays).toBe(0)
	// Move the dates back, as if the letter had been sent 70 days ago (due 60 days after it).
	await getDb()
		.update(deliberations)
		.set({ letterSentOn: addDays(today(), -70), handlingDueOn: addDays(today(), -10) })
		.where(eq(deliberations.id, id))
	for (const as of ['gongan', 'mishu', 'weiyuan1', 'daibiao1']) {
		expect((await pageJson(id, as)).handling?.overdueDays, as).toBe(10)
	}
	const { loader: listLoader } = await import('../deliberations._index/route')
	const list = await runLoader(listLoader, { path: '/deliberations?state=overdue', as: 'mishu' })
	const rows = (list.data as { rows: Array<{ id: number; overdueDays: number }> }).rows
	expect(rows.find((r) => r.id === id)?.overdueDays).toBe(10)
	expect(rows.every((r) => r.overdueDays > 0)).toBe(true)
	expect((await post(id, 'gongan', handlingForm('报告。', (await deliberationRow(id)).version))).status).toBe(302)
	expect((await pageJson(id, 'mishu')).handling?.overdueDays).toBe(0)
})

test('the handling report\'s files are read by those who may read the report: its agency, the committee, deputies once accepted', async () => {
	const id = await openTestDeliberation()
	expect((await post(id, 'weiyuan1', { intent: 'vote', choice: 'satisfied' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'closeVote', version: 'current' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'saveLetter', version: 'current', number: '武人常办〔2026〕4号', to: '武汉市人民政府', body: '意见。' })).status).toBe(302)
	expect((await post(id, 'mishu', { intent: 'sendLetter', version: 'current' })).status).toBe(302)
	expect((await post(id, 'gongan', handlingForm('报告。', (await deliberationRow(id)).version, [pdf('附件一.pdf')]))).status).toBe(302)
	const reader = async (username: string) => {
		const [user] = await getDb().select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, username))
		return mayReadAttachmentOwner(getDb(), user, 'handling_report', id)
	}
	expect(await reader('gongan')).toBe(true)
	expect(await reader('mishu')).toBe(true)
	expect(await reader('weiyuan1')).toBe(true)
	expect(await reader('jiaoyu')).toBe(false)
	expect(await reader('daibiao1')).toBe(false)
	expect((await post(id, 'mishu', { intent: 'acceptHandling', version: 'current' })).status).toBe(302)
	expect(await reader('daibiao1')).toBe(true)
	expect(await reader('jiaoyu')).toBe(false)
})
