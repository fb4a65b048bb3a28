import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../client.server'
import { agencies, clauses, commitments, deliberations, inquiryRespondents, meetings, planItems, reports, users } from '../schema'
import { addDays, type IsoDate } from '~/domain/dates'
import { composeLetterBody } from '~/domain/deliberation'
import { verifyCommitment, respondToCommitment } from '~/models/commitments/mutations.server'
import { acceptHandling, addOpinion, saveLetter, sendLetter, submitHandling } from '~/models/deliberation/mutations.server'
import {
	addCommitment,
	appendFollowUp,
	appendQuestion,
	askRegistered,
	openInquiryDeliberation,
	publishRecord,
	registerQuestion,
	saveAnswer,
	saveFollowUp,
	scheduleInquiry,
} from '~/models/inquiries/mutations.server'
import { loadSettings } from '~/models/settings.server'
import type { Actor } from '~/models/write.server'

// The inquiries of the demo, written through the mutations the pages use and dated relative to
// the seeding day:
// - a 专题询问 on the freezing and return of defrauded funds at the meeting about 100 days ago,
//   without a satisfaction vote: nine questions with their answers and follow-ups, the record
//   published, commitments in every state (one overdue), one opinion letter per answering
//   agency — two handling reports accepted, one awaited;
// - a 询问 while the local finance bureau's report was heard ten days ago, its record not yet
//   published (one answer still to be entered), to two agencies: each liaison sees only the
//   questions put to their own;
// - a 专题询问 at the coming meeting, with a satisfaction vote, and questions members registered.
// The agencies with demo liaisons (police, education) owe no open commitment, so that their
// liaisons' to-do lists stay as the report tests know them. All content is fictional, 示例.

type Exchange = {
	asker: number
	agency: string
	question: string
	answer: string
	followUps?: Array<{ question: string; answer: string }>
	commitments?: Array<{ key: string; agency?: string; text: string; due: number }>
}

const fundsExchanges: Array<Exchange> = [
	{
		asker: 1,
		agency: 'psb',
		question: '去年全市电信网络诈骗涉案资金的止付、冻结和返还各是多少？返还比例为什么仍然偏低？（示例）',
		answer: '去年全市止付涉案资金约12亿元、冻结约8亿元，返还受害人约3亿元。返还比例偏低，主要是资金经多级账户快速转移、跨省跨行查控协作链条长。我们正在推动与银行机构建立实时查控机制。（示例）',
		commitments: [{ key: 'psb-accepted', text: '三个月内实现涉案账户资金快速止付冻结机制在全市各分局全覆盖。（示例）', due: -20 }],
	},
	{
		asker: 2,
		agency: 'local-finance',
		question: '银行机构对涉诈账户的风险监测和开户审核存在哪些薄弱环节？地方金融管理局如何督促整改？（示例）',
		answer: '部分银行网点对批量开户、异常交易的识别不够及时，个别网点考核导向重开户数量。我们已约谈相关银行机构负责人，下一步将把涉诈账户情况纳入对银行机构的综合评价。（示例）',
		followUps: [
			{
				question: '纳入综合评价的具体时间和办法是什么？（示例）',
				answer: '计划两个月内出台评价办法，按季度通报。（示例）',
			},
		],
		commitments: [
			{ key: 'lf-overdue', text: '一个月内督促辖内银行机构完成涉诈账户集中排查，并报送排查结果。（示例）', due: -60 },
			{ key: 'lf-reopened', text: '两个月内建立金融机构反诈工作考核通报制度。（示例）', due: 20 },
		],
	},
	{
		asker: 3,
		agency: 'court',
		question: '涉案财物处置周期长，群众被骗资金迟迟拿不回来。法院在先行返还方面有什么打算？（示例）',
		answer: '对权属清晰、不影响审判的涉案资金，我院正在研究判决前先行返还的操作规范，并清理积存的涉案财物处置案件。（示例）',
		commitments: [
			{ key: 'court-open', text: '年内出台涉案财物先行返还工作指引。（示例）', due: 60 },
			{ key: 'court-accepted', text: '三个月内清理积存的涉案财物处置案件。（示例）', due: -10 },
		],
	},
	{
		asker: 4,
		agency: 'psb',
		question: '境外诈骗窝点资金回流渠道多样，公安机关如何“断资金”？（示例）',
		answer: '我们会同人民银行分支机构建立可疑资金监测模型，对跑分平台、地下钱庄开展专项打击，今年已打掉跑分团伙二十余个。（示例）',
		followUps: [
			{
				question: '涉案资金返还有没有便民的“绿色通道”？（示例）',
				answer: '正在研究，力争年底前建立。（示例）',
			},
		],
		commitments: [{ key: 'psb-responded', text: '年底前建立涉案资金返还“绿色通道”，缩短返还周期。（示例）', due: 40 }],
	},
	{
		asker: 5,
		agency: 'local-finance',
		question: '地方金融组织、第三方支付机构的风险如何纳入监测？（示例）',
		answer: '我们将推动建立覆盖小额贷款公司、融资担保公司等地方金融组织的风险监测平台，并与公安机关共享预警信息。（示例）',
	},
	{
		asker: 1,
		agency: 'court',
		question: '帮助信息网络犯罪活动案件数量大，法院如何做到罚当其罪、教育挽救？（示例）',
		answer: '我们坚持宽严相济，对初犯、偶犯的在校学生以教育挽救为主，对职业“卡商”依法从严惩处，并发布典型案例。（示例）',
	},
	{
		asker: 2,
		agency: 'psb',
		question: '96110预警劝阻电话的接通率和劝阻成功率如何？还有哪些短板？（示例）',
		answer: '预警劝阻电话接通率约七成，劝阻成功率逐年提高。短板在于部分群众对预警电话不信任，我们将加强宣传，推广国家反诈中心应用。（示例）',
	},
	{
		asker: 3,
		agency: 'local-finance',
		question: '对银行机构未履行风险防控义务的，有没有追责的案例？（示例）',
		answer: '今年已会同监管部门对两家银行网点通报批评，并督促其整改。（示例）',
	},
	{
		asker: 4,
		agency: 'court',
		question: '法院与公安、检察机关在涉案资金查控方面如何协同？（示例）',
		answer: '三机关已建立联席会议制度，统一证据标准和资金查控文书格式，定期会商疑难案件。（示例）',
	},
]

const financeReportExchanges: Array<Exchange> = [
	{
		asker: 6,
		agency: 'local-finance',
		question: '报告提到紧急止付平均用时缩短，具体是多少？与先进城市相比如何？（示例）',
		answer: '紧急止付平均用时由原来的两小时缩短到四十分钟左右，与先进城市还有差距。（示例）',
		commitments: [{ key: 'lf-open', text: '三个月内将紧急止付平均用时压缩到三十分钟以内。（示例）', due: 50 }],
	},
	{
		asker: 7,
		agency: 'psb',
		question: '公安机关与银行机构的止付协作中，夜间和节假日如何保障？（示例）',
		answer: '反诈中心实行24小时值班，主要银行机构均派驻了专班人员。（示例）',
	},
	{
		asker: 6,
		agency: 'local-finance',
		question: '风险监测模型的预警准确率有多高？会不会误伤正常交易？（示例）',
		answer: '目前预警准确率约六成，对误报建立了快速复核和解除机制。（示例）',
	},
	{
		asker: 7,
		agency: 'psb',
		question: '“断卡”行动中发现的银行卡主要来自哪些群体？（示例）',
		answer: '主要是在校学生、务工人员和老年人，我们正在会同教育部门开展专项宣传。（示例）',
	},
	{
		asker: 6,
		agency: 'local-finance',
		question: '对跨区域的资金查控，地方金融管理局还需要哪些支持？（示例）',
		// Left unanswered: the clerk has yet to enter this answer.
		answer: '',
	},
]

export async function seedDemoInquiries(db: Database, today: IsoDate) {
	const day = (offset: number) => addDays(today, offset)
	const settings = await loadSettings(db)
	const [agencyRows, userRows, meetingRows, clauseRows] = await Promise.all([
		db.select({ id: agencies.id, key: agencies.key }).from(agencies),
		db.select({ id: users.id, username: users.username, role: users.role, agencyId: users.agencyId }).from(users),
		db.select({ id: meetings.id, startsOn: meetings.startsOn }).from(meetings).orderBy(asc(meetings.startsOn)),
		db.select({ id: clauses.id, label: clauses.label }).from(clauses),
	])
	const agencyId = (key: string) => {
		const row = agencyRows.find((a) => a.key === key)
		if (!row) throw new Error(`Demo inquiries need the agency '${key}'.`)
		return row.id
	}
	const clauseId = (label: string) => {
		const row = clauseRows.find((c) => c.label === label)
		if (!row) throw new Error(`Demo inquiries need the clause ${label}.`)
		return row.id
	}
	const actorOf = (username: string): Actor => {
		const row = userRows.find((u) => u.username === username)
		if (!row) throw new Error(`Demo inquiries need the user '${username}'.`)
		return { id: row.id, role: row.role, agencyId: row.agencyId, address: null }
	}
	const member = (n: number) => actorOf(`weiyuan${n}`)
	const secretariat = actorOf('mishu')
	// The agency's liaison where the demo has one (gongan, jiaoyu); otherwise the step is the
	// system's, on the agency's behalf (as in demo-oversight).
	const liaisonOf = (key: string): Actor => {
		const id = agencyId(key)
		return { id: userRows.find((u) => u.agencyId === id)?.id ?? null, role: 'agency', agencyId: id, address: null }
	}
	const meetingAt = (offset: number) => {
		const row = meetingRows.find((m) => m.startsOn === day(offset))
		if (!row) throw new Error(`Demo inquiries need a meeting starting on day ${offset}.`)
		return row.id
	}
	const [planItem] = await db
		.select({ id: planItems.id, year: planItems.year })
		.from(planItems)
		.where(and(eq(planItems.kind, 'inquiry'), eq(planItems.year, Number(day(-99).slice(0, 4)))))
		.limit(1)

	async function enterLog(inquiryId: number, heldOn: IsoDate, exchanges: Array<Exchange>, registrations: Map<number, number> = new Map()) {
		const made = new Map<string, number>()
		for (const [index, e] of exchanges.entries()) {
			const registrationId = registrations.get(index)
			const exchangeId = registrationId
				? await askRegistered(db, secretariat, { inquiryId, registrationId, agencyId: agencyId(e.agency), today: heldOn })
				: await appendQuestion(db, secretariat, {
						inquiryId,
						askerId: member(e.asker).id as number,
						agencyId: agencyId(e.agency),
						officialName: '',
						officialTitle: '',
						question: e.question,
						registrationId: null,
						today: heldOn,
					})
			if (e.answer) await saveAnswer(db, secretariat, { inquiryId, exchangeId, version: 1, answer: e.answer, today: heldOn })
			for (const f of e.followUps ?? []) {
				const followUpId = await appendFollowUp(db, secretariat, { inquiryId, exchangeId, question: f.question, today: heldOn })
				await saveFollowUp(db, secretariat, { inquiryId, followUpId, version: 1, answer: f.answer, today: heldOn })
			}
			for (const c of e.commitments ?? []) {
				made.set(c.key, await addCommitment(db, secretariat, { inquiryId, exchangeId, agencyId: agencyId(c.agency ?? e.agency), text: c.text, dueOn: day(c.due), today: heldOn }))
			}
		}
		return made
	}

	async function commitmentVersion(id: number) {
		const [row] = await db.select({ version: commitments.version }).from(commitments).where(eq(commitments.id, id))
		return row.version
	}

	// ── The 专题询问 about 100 days ago ──
	const fundsHeld = day(-99)
	const funds = await scheduleInquiry(db, secretariat, {
		kind: 'special',
		meetingId: meetingAt(-100),
		reportId: null,
		inspectionId: null,
		planItemId: planItem?.id ?? null,
		topic: '涉诈资金查控和返还工作（示例）',
		heldOn: fundsHeld,
		withVote: false,
		clauseIds: [clauseId('（七）'), clauseId('（十一）')],
		respondents: [
			{ agencyId: agencyId('psb'), officialName: '林建国（示例）', officialTitle: '副局长' },
			{ agencyId: agencyId('local-finance'), officialName: '许文军（示例）', officialTitle: '局长' },
			{ agencyId: agencyId('court'), officialName: '蔡红梅（示例）', officialTitle: '副院长' },
		],
		askerIds: [1, 2, 3, 4, 5].map((n) => member(n).id as number),
		today: day(-130),
	})
	const registered = new Map<number, number>()
	for (const index of [0, 1]) {
		const e = fundsExchanges[index]
		registered.set(index, await registerQuestion(db, member(e.asker), { inquiryId: funds, agencyId: agencyId(e.agency), text: e.question, today: day(-105) }))
	}
	const made = await enterLog(funds, fundsHeld, fundsExchanges, registered)
	const id = (key: string) => made.get(key) as number
	await respondToCommitment(db, liaisonOf('psb'), { commitmentId: id('psb-accepted'), version: 1, response: '已在全市各分局建立快速止付冻结专班，实现7×24小时响应。（示例）', today: day(-30) })
	await verifyCommitment(db, secretariat, { commitmentId: id('psb-accepted'), version: await commitmentVersion(id('psb-accepted')), decision: 'accept', today: day(-25) })
	await respondToCommitment(db, liaisonOf('psb'), { commitmentId: id('psb-responded'), version: 1, response: '已会同市中级人民法院、市人民检察院制定涉案资金返还“绿色通道”工作规程，正在试运行。（示例）', today: day(-5) })
	await respondToCommitment(db, liaisonOf('local-finance'), { commitmentId: id('lf-reopened'), version: 1, response: '已起草考核通报制度草案。（示例）', today: day(-40) })
	await verifyCommitment(db, secretariat, {
		commitmentId: id('lf-reopened'),
		version: await commitmentVersion(id('lf-reopened')),
		decision: 'reopen',
		reason: '承诺的是建立并实施制度，目前仅有草案，请印发实施后再报告。（示例）',
		today: day(-35),
	})
	await respondToCommitment(db, liaisonOf('court'), { commitmentId: id('court-accepted'), version: 1, response: '已清理积存的涉案财物处置案件一百余件，返还被害人资金两千余万元。（示例）', today: day(-15) })
	await verifyCommitment(db, secretariat, { commitmentId: id('court-accepted'), version: await commitmentVersion(id('court-accepted')), decision: 'accept', today: day(-12) })
	// Its opinions: one deliberation per answering agency, without a vote; then the record is
	// published.
	await openInquiryDeliberation(db, secretariat, { inquiryId: funds, version: 1, today: day(-98) })
	await publishRecord(db, secretariat, { inquiryId: funds, version: 2, today: day(-95) })
	const letters: Array<{ key: string; number: string; opinions: Array<[number, string]>; sent: number; handling?: { text: string; submitted: number; accepted: number } }> = [
		{
			key: 'psb',
			number: '武人大常办〔示例〕31号',
			opinions: [
				[1, '建议进一步提高涉案资金返还比例，定期向社会公布返还情况。（示例）'],
				[4, '建议加强与金融机构的实时查控协作，压缩止付冻结时间。（示例）'],
			],
			sent: -92,
			handling: { text: '市公安局对专题询问意见逐条研究，已建立快速止付冻结专班和返还工作规程。现将研究处理情况报告如下。（示例）', submitted: -50, accepted: -45 },
		},
		{
			key: 'court',
			number: '武人大常办〔示例〕32号',
			opinions: [[3, '建议尽快出台涉案财物先行返还指引，减少群众损失。（示例）']],
			sent: -92,
			handling: { text: '市中级人民法院已启动先行返还指引的起草，并清理积存案件。（示例）', submitted: -48, accepted: -40 },
		},
		{
			key: 'local-finance',
			number: '武人大常办〔示例〕33号',
			opinions: [
				[2, '建议把涉诈账户情况纳入对银行机构的综合评价并按季度通报。（示例）'],
				[5, '建议建立覆盖地方金融组织的风险监测平台。（示例）'],
			],
			// Sent later, after the secretariat consolidated a further group's opinions: the
			// handling report is still awaited, not yet due.
			sent: -30,
		},
	]
	const deliberationRows = await db
		.select({ id: deliberations.id, agencyId: inquiryRespondents.agencyId })
		.from(deliberations)
		.innerJoin(inquiryRespondents, eq(inquiryRespondents.id, deliberations.subjectId))
		.where(and(eq(deliberations.subjectType, 'inquiry'), eq(inquiryRespondents.inquiryId, funds)))
	const version = async (deliberationId: number) => (await db.select({ version: deliberations.version }).from(deliberations).where(eq(deliberations.id, deliberationId)))[0].version
	for (const letter of letters) {
		const deliberationId = deliberationRows.find((d) => d.agencyId === agencyId(letter.key))?.id
		if (!deliberationId) throw new Error(`Demo inquiry deliberation for '${letter.key}' is missing.`)
		for (const [n, text] of letter.opinions) await addOpinion(db, member(n), { deliberationId, clauseId: null, text })
		const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId(letter.key)))
		await saveLetter(db, secretariat, {
			deliberationId,
			version: await version(deliberationId),
			number: letter.number,
			to: agency.name,
			cc: '',
			body: composeLetterBody(letter.opinions.map(([, text]) => ({ clauseLabel: null, clauseOrdinal: null, text }))),
			dueOn: null,
		})
		await sendLetter(db, secretariat, { deliberationId, version: await version(deliberationId), today: day(letter.sent), settings })
		if (!letter.handling) continue
		await submitHandling(db, liaisonOf(letter.key), { deliberationId, version: await version(deliberationId), text: letter.handling.text, today: day(letter.handling.submitted) })
		await acceptHandling(db, secretariat, { deliberationId, version: await version(deliberationId), today: day(letter.handling.accepted) })
	}

	// ── The 询问 at the hearing of the local finance bureau's report ten days ago ──
	const [financeReport] = await db
		.select({ id: reports.id, meetingId: reports.meetingId })
		.from(reports)
		.where(and(eq(reports.preparingAgencyId, agencyId('local-finance')), inArray(reports.meetingId, [meetingAt(-10)])))
	if (!financeReport) throw new Error('Demo inquiries need the local finance bureau’s report of the recent meeting.')
	const financeHeld = day(-9)
	const financeInquiry = await scheduleInquiry(db, secretariat, {
		kind: 'inquiry',
		meetingId: financeReport.meetingId,
		reportId: financeReport.id,
		inspectionId: null,
		planItemId: null,
		topic: '金融领域涉诈风险监测和紧急止付工作（示例）',
		heldOn: financeHeld,
		withVote: false,
		clauseIds: [],
		respondents: [
			{ agencyId: agencyId('local-finance'), officialName: '许文军（示例）', officialTitle: '局长' },
			{ agencyId: agencyId('psb'), officialName: '林建国（示例）', officialTitle: '副局长' },
		],
		askerIds: [6, 7].map((n) => member(n).id as number),
		today: day(-12),
	})
	await enterLog(financeInquiry, financeHeld, financeReportExchanges)

	// ── The 专题询问 at the coming meeting, with a satisfaction vote; members registered questions ──
	const coming = await scheduleInquiry(db, secretariat, {
		kind: 'special',
		meetingId: meetingAt(24),
		reportId: null,
		inspectionId: null,
		planItemId: null,
		topic: '“断卡”行动和反电信网络诈骗法治宣传工作（示例）',
		heldOn: day(25),
		withVote: true,
		clauseIds: [clauseId('（八）'), clauseId('（十八）')],
		respondents: [
			{ agencyId: agencyId('psb'), officialName: '林建国（示例）', officialTitle: '副局长' },
			{ agencyId: agencyId('justice'), officialName: '郭志平（示例）', officialTitle: '局长' },
			{ agencyId: agencyId('edu'), officialName: '彭丽（示例）', officialTitle: '副局长' },
		],
		askerIds: [1, 3, 8].map((n) => member(n).id as number),
		today,
	})
	await registerQuestion(db, member(3), { inquiryId: coming, agencyId: agencyId('psb'), text: '“断卡”行动中对在校学生出租出借银行卡的，如何做到惩教结合？（示例）', today })
	await registerQuestion(db, member(8), { inquiryId: coming, agencyId: agencyId('justice'), text: '反诈法治宣传如何进社区、进农村，覆盖老年人群体？（示例）', today })
	await registerQuestion(db, member(3), { inquiryId: coming, agencyId: null, text: '各部门之间的反诈宣传如何形成合力，避免各自为战？（示例）', today })
}
