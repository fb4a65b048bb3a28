import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../client.server'
import { agencies, clauses, interpellations, interpellationSigners, interpellationVerdicts, meetings, reports, resolutions, users } from '../schema'
import { addDays, type IsoDate } from '~/domain/dates'
import type { SignerVerdict } from '~/domain/interpellations'
import {
	decideReanswer,
	draftInterpellation,
	enterAnswer,
	recordReferral,
	recordVerdict,
	requestReanswer,
	signInterpellation,
	submitInterpellation,
} from '~/models/interpellations/mutations.server'
import { listActions } from '~/models/resolutions/queries.server'
import { acceptAction, adoptResolution, respondToAction } from '~/models/resolutions/mutations.server'
import { loadSettings } from '~/models/settings.server'
import { write, type Actor } from '~/models/write.server'

// The demo's interpellations and resolution, written through the pages' own functions and dated
// relative to the seeding day (all content fictional, marked 示例):
// - an interpellation of the public security bureau that went to a SECOND ROUND: drafted by
//   weiyuan2 about 95 days ago and co-signed by five members, referred for a written answer,
//   answered by the bureau, found unsatisfactory by four of the six signers, who asked for a
//   re-answer; the council granted an oral one at the meeting 10 days ago, where the bureau's head
//   answered; the signers were then satisfied, and it is concluded;
// - a DRAFT of weiyuan3 against the education bureau being co-signed: three of the five signers it
//   needs, weiyuan1, weiyuan2 and weiyuan8 still asked;
// - a RESOLUTION adopted at the meeting about 100 days ago on the government's report on the
//   bureau's work, whose action of the local financial regulator is 20 days OVERDUE; the court's
//   is closed, the procuratorate's reported and awaiting the office's check, the justice bureau's
//   due in two weeks.

export async function seedDemoInterpellations(db: Database, today: IsoDate) {
	const settings = await loadSettings(db)
	const day = (offset: number) => addDays(today, offset)
	const agencyRows = await db.select({ id: agencies.id, key: agencies.key }).from(agencies)
	const agencyId = (key: string) => {
		const row = agencyRows.find((a) => a.key === key)
		if (!row) throw new Error(`Demo data needs the agency '${key}'.`)
		return row.id
	}
	const userRows = await db.select({ id: users.id, username: users.username, role: users.role, agencyId: users.agencyId }).from(users)
	const actorOf = (username: string): Actor => {
		const row = userRows.find((u) => u.username === username)
		if (!row) throw new Error(`Demo data needs the user '${username}'.`)
		return { id: row.id, role: row.role, agencyId: row.agencyId, address: null }
	}
	const idsOf = (usernames: Array<string>) => usernames.map((u) => actorOf(u).id as number)
	// An agency's liaison where the demo has one; otherwise the system on the agency's behalf.
	const agencyActor = (key: string): Actor => {
		const id = agencyId(key)
		return { id: userRows.find((u) => u.agencyId === id)?.id ?? null, role: 'agency', agencyId: id, address: null }
	}
	const clauseRows = await db.select({ id: clauses.id, label: clauses.label }).from(clauses).orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
	const clauseIds = (labels: Array<string>) => labels.map((label) => clauseRows.find((c) => c.label === label)?.id).filter((id): id is number => id !== undefined)
	const meetingRows = await db.select({ id: meetings.id, session: meetings.session }).from(meetings).where(eq(meetings.term, 15))
	const meetingOf = (session: number) => {
		const row = meetingRows.find((m) => m.session === session)
		if (!row) throw new Error(`Demo data needs the meeting of session ${session}.`)
		return row.id
	}
	const version = async (id: number) => (await db.select({ version: interpellations.version }).from(interpellations).where(eq(interpellations.id, id)))[0].version
	const secretariat = actorOf('mishu')

	// ── The interpellation that went to a second round ──
	const cosigners = ['weiyuan3', 'weiyuan4', 'weiyuan5', 'weiyuan6', 'weiyuan7']
	const second = await draftInterpellation(db, actorOf('weiyuan2'), {
		targetAgencyId: agencyId('psb'),
		matter: '电信网络诈骗涉案资金返还工作迟缓问题（示例）',
		questions: [
			'一、2024年以来全市冻结的电信网络诈骗涉案资金中，已返还受害群众的金额和比例各是多少？返还平均用时多长？（示例）',
			'二、部分案件资金冻结一年以上仍未返还，原因是什么？与人民银行、商业银行的协作机制存在哪些堵点？（示例）',
			'三、市公安局将采取哪些措施加快返还，何时能够见效？（示例）',
		].join('\n'),
		clauseIds: clauseIds(['（七）', '（十一）']),
		inviteeIds: idsOf([...cosigners, 'weiyuan1']),
		today: day(-95),
	})
	for (const username of cosigners) await signInterpellation(db, actorOf(username), { interpellationId: second, today: day(-94) })
	await submitInterpellation(db, actorOf('weiyuan2'), { interpellationId: second, version: await version(second), today: day(-92), settings })
	await recordReferral(db, secretariat, {
		interpellationId: second,
		version: await version(second),
		today: day(-90),
		decision: 'referred',
		arrangement: { mode: 'written', dueOn: day(-60) },
		note: '请市公安局于期限内书面答复，答复由主要负责人签署。（示例）',
	})
	await enterAnswer(db, actorOf('gongan'), {
		interpellationId: second,
		version: await version(second),
		today: day(-62),
		text: [
			'一、2024年以来全市共冻结涉案资金若干亿元，已返还约三成。（示例）',
			'二、返还迟缓主要因跨行资金流转核查周期长、受害人身份核实难。（示例）',
			'三、下一步将会同人民银行建立涉案资金返还绿色通道。（示例）',
		].join('\n'),
		answererName: '张国栋（示例）',
		answererTitle: '副市长、市公安局局长',
	})
	const verdicts = async (round: Array<[string, SignerVerdict]>, on: IsoDate) => {
		for (const [username, verdict] of round) await recordVerdict(db, actorOf(username), { interpellationId: second, verdict, today: on })
	}
	await verdicts(
		[
			['weiyuan2', 'unsatisfied'],
			['weiyuan3', 'unsatisfied'],
			['weiyuan4', 'unsatisfied'],
			['weiyuan5', 'unsatisfied'],
			['weiyuan6', 'satisfied'],
			['weiyuan7', 'satisfied'],
		],
		day(-58),
	)
	await requestReanswer(db, actorOf('weiyuan2'), { interpellationId: second, today: day(-57) })
	// Granted: an oral answer at the standing committee meeting 10 days ago (on its agenda).
	await decideReanswer(db, secretariat, {
		interpellationId: second,
		version: await version(second),
		today: day(-50),
		decision: 'granted',
		arrangement: { mode: 'oral', forum: 'standing_committee', meetingId: meetingOf(21) },
		note: '书面答复未说明返还时限，由市公安局主要负责人到会口头答复。（示例）',
	})
	await enterAnswer(db, secretariat, {
		interpellationId: second,
		version: await version(second),
		today: day(-10),
		text: '到会说明了涉案资金返还绿色通道的建立情况，承诺年底前将平均返还用时缩短一半，并按季度向市人大常委会书面报告进展。（示例）',
		answererName: '张国栋（示例）',
		answererTitle: '副市长、市公安局局长',
	})
	await verdicts(
		[
			['weiyuan2', 'satisfied'],
			['weiyuan3', 'satisfied'],
			['weiyuan4', 'unsatisfied'],
			['weiyuan5', 'satisfied'],
			['weiyuan6', 'satisfied'],
			['weiyuan7', 'satisfied'],
		],
		day(-9),
	)

	// ── A draft being co-signed ──
	const draft = await draftInterpellation(db, actorOf('weiyuan3'), {
		targetAgencyId: agencyId('edu'),
		matter: '校园电信网络诈骗防范教育流于形式问题（示例）',
		questions: [
			'一、全市中小学和高校开展反诈教育的课时、覆盖面和考核办法如何？（示例）',
			'二、在校学生被骗案件仍然多发，市教育局如何评估现有教育的实效？（示例）',
		].join('\n'),
		clauseIds: clauseIds(['（十五）']),
		inviteeIds: idsOf(['weiyuan1', 'weiyuan2', 'weiyuan4', 'weiyuan5', 'weiyuan8']),
		today: day(-3),
	})
	await signInterpellation(db, actorOf('weiyuan4'), { interpellationId: draft, today: day(-2) })
	await signInterpellation(db, actorOf('weiyuan5'), { interpellationId: draft, today: day(-1) })

	// ── A resolution with an overdue action ──
	const [report] = await db.select({ id: reports.id }).from(reports).where(eq(reports.topic, '全链条打击电信网络诈骗犯罪工作情况'))
	const resolution = await adoptResolution(db, secretariat, {
		kind: 'resolution',
		title: '关于加强电信网络诈骗涉案资金查控和返还工作的决议（示例）',
		body: [
			'市第十五届人民代表大会常务委员会第二十次会议听取和审议了市人民政府关于全链条打击电信网络诈骗犯罪工作情况的报告，为推动《决定》有关规定落实，作出如下决议：（示例）',
			'一、市地方金融管理局应当会同各金融机构建立涉案资金快速查控、返还工作机制。（示例）',
			'二、市中级人民法院、市人民检察院应当完善涉案财物依法处置的衔接机制。（示例）',
			'三、市司法局应当为受害群众申请返还涉案资金提供法律援助。（示例）',
		].join('\n'),
		meetingId: meetingOf(20),
		adoptedOn: day(-98),
		reportDueOn: day(20),
		clauseIds: clauseIds(['（七）', '（十）']),
		subject: report ? { type: 'report', id: report.id } : null,
		actions: [
			{ agencyId: agencyId('local-finance'), text: '会同各金融机构建立涉案资金快速查控、返还工作机制，制定返还工作规程。（示例）', dueOn: day(-20) },
			{ agencyId: agencyId('court'), text: '出台涉案财物先行返还的审判指引。（示例）', dueOn: day(-30) },
			{ agencyId: agencyId('procuratorate'), text: '完善涉案财物处置的法律监督工作机制。（示例）', dueOn: day(10) },
			{ agencyId: agencyId('justice'), text: '为电信网络诈骗受害群众申请返还涉案资金提供法律援助。（示例）', dueOn: day(15) },
		],
		today: day(-98),
	})
	const actions = await listActions(db, [resolution])
	const actionOf = (key: string) => actions.find((a) => a.action.agencyId === agencyId(key))!.action
	const court = actionOf('court')
	await respondToAction(db, agencyActor('court'), {
		resolutionId: resolution,
		actionId: court.id,
		version: court.version,
		today: day(-32),
		response: '已出台《关于涉案财物先行返还的审判工作指引（试行）》。（示例）',
	})
	await acceptAction(db, secretariat, { resolutionId: resolution, actionId: court.id, version: court.version + 1, today: day(-25) })
	const procuratorate = actionOf('procuratorate')
	await respondToAction(db, agencyActor('procuratorate'), {
		resolutionId: resolution,
		actionId: procuratorate.id,
		version: procuratorate.version,
		today: day(-5),
		response: '已会同市公安局制定涉案财物处置监督工作办法，正在试行。（示例）',
	})

	// The functions above stamp their rows with the time of seeding; the demo's records date from
	// when they would have happened.
	await write(db, secretariat, async (tx, audit) => {
		await tx.update(interpellations).set({ createdAt: at(day(-95)) }).where(eq(interpellations.id, second))
		await tx.update(interpellations).set({ createdAt: at(day(-3)) }).where(eq(interpellations.id, draft))
		await tx.update(interpellationSigners).set({ invitedAt: at(day(-95)) }).where(eq(interpellationSigners.interpellationId, second))
		await tx.update(interpellationSigners).set({ signedAt: at(day(-95)) }).where(and(eq(interpellationSigners.interpellationId, second), eq(interpellationSigners.memberId, actorOf('weiyuan2').id as number)))
		await tx
			.update(interpellationSigners)
			.set({ signedAt: at(day(-94)) })
			.where(and(eq(interpellationSigners.interpellationId, second), inArray(interpellationSigners.memberId, idsOf(cosigners))))
		await tx.update(interpellationSigners).set({ invitedAt: at(day(-3)) }).where(eq(interpellationSigners.interpellationId, draft))
		await tx.update(interpellationSigners).set({ signedAt: at(day(-3)) }).where(and(eq(interpellationSigners.interpellationId, draft), eq(interpellationSigners.memberId, actorOf('weiyuan3').id as number)))
		await tx.update(interpellationSigners).set({ signedAt: at(day(-2)) }).where(and(eq(interpellationSigners.interpellationId, draft), eq(interpellationSigners.memberId, actorOf('weiyuan4').id as number)))
		await tx.update(interpellationSigners).set({ signedAt: at(day(-1)) }).where(and(eq(interpellationSigners.interpellationId, draft), eq(interpellationSigners.memberId, actorOf('weiyuan5').id as number)))
		await tx.update(interpellationVerdicts).set({ recordedAt: at(day(-58)) }).where(and(eq(interpellationVerdicts.interpellationId, second), eq(interpellationVerdicts.round, 1)))
		await tx.update(interpellationVerdicts).set({ recordedAt: at(day(-9)) }).where(and(eq(interpellationVerdicts.interpellationId, second), eq(interpellationVerdicts.round, 2)))
		await tx.update(resolutions).set({ createdAt: at(day(-97)) }).where(eq(resolutions.id, resolution))
		await audit({ action: 'demo.seed', entityType: 'instance', after: { interpellations: [second, draft], resolutions: [resolution] } })
	})
}

// 10:00 in Shanghai on a calendar day.
function at(date: IsoDate): Date {
	return new Date(`${date}T10:00:00+08:00`)
}
