import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../client.server'
import { agencies, ballotParticipation, clauses, deliberationOpinions, deliberations, meetings, reports, users } from '../schema'
import { addDays, type IsoDate } from '~/domain/dates'
import { composeLetterBody, letterDefaults, type Choice, type Tally } from '~/domain/deliberation'
import { defaultReportTitle, hearingAgendaTitle, type ReportState, type SelfAssessment } from '~/domain/reports'
import type { Settings } from '~/domain/settings'
import {
	acceptHandling,
	addOpinion,
	castVote,
	closeVote,
	enterTally,
	returnHandling,
	saveLetter,
	sendLetter,
	submitHandling,
} from '~/models/deliberation/mutations.server'
import { addOtherItem, createMeeting, saveAttendance } from '~/models/meetings/mutations.server'
import { createPlanItem } from '~/models/plan/mutations.server'
import { loadReportTasks } from '~/models/reports/queries.server'
import { saveDraft, scheduleReport, takeReportStep } from '~/models/reports/mutations.server'
import { loadSettings } from '~/models/settings.server'
import { write, type Actor } from '~/models/write.server'

// The oversight record of the demo: three standing committee meetings (one about 100 days ago,
// one 10 days ago, one 24 days ahead), the year's plan, and special work reports prepared by
// nine different departments that between them stand in every report state and every
// deliberation state — an open vote, a closed one awaiting its letter, a handling report overdue
// after a 不满意 result, one returned, one submitted, one accepted. Everything is dated relative
// to the seeding day and written through the same functions the pages use, so the data obeys
// the app's rules (ballot secrecy included: ballots of an open vote are keyed by its salt, a
// closed vote has no salt). All content is fictional and marked 示例.

type MeetingKey = 'past' | 'recent' | 'upcoming'

// Offsets from the seeding day.
const meetingPlan: Record<MeetingKey, { session: number; start: number; end: number; place: string; other: string }> = {
	past: { session: 20, start: -100, end: -98, place: '市人大常委会机关第一会议室（示例）', other: '审议《武汉市反电信网络诈骗宣传教育若干规定（草案）》（示例）' },
	recent: { session: 21, start: -10, end: -8, place: '市人大常委会机关第一会议室（示例）', other: '审议市人民政府关于2024年度国有资产管理情况的综合报告（示例）' },
	upcoming: { session: 22, start: 24, end: 26, place: '东湖宾馆会议中心（示例）', other: '审议《武汉市物业管理条例（修订草案）》（示例）' },
}

type ReportSpec = {
	key: string
	meeting: MeetingKey
	organ: string
	department: string
	topic: string
	title: string
	period: string
	clauses: Array<string>
	// How far the report got; dates of each step as offsets from the seeding day.
	reach: ReportState
	steps: { draft?: number; opinions?: number; revised?: number; distributed?: number; opened?: number }
	signer?: { name: string; position: string }
	opinions?: string
	// Self-assessments, repeated over the report's tasks in order.
	assessments: Array<SelfAssessment>
	// The scheduled report's liaison has started drafting: only the first tasks are filled in.
	partial?: boolean
	attachment?: string
}

const reportSpecs: Array<ReportSpec> = [
	// ── The meeting about 100 days ago: four hearings, now in deliberation ──
	{
		key: 'court',
		meeting: 'past',
		organ: 'court',
		department: 'court',
		topic: '依法惩治电信网络诈骗犯罪审判工作情况',
		title: '武汉市中级人民法院关于依法惩治电信网络诈骗犯罪审判工作情况的报告（示例）',
		period: '2023年7月至2024年12月',
		clauses: ['（十）'],
		reach: 'deliberation',
		steps: { draft: -121, opinions: -116, revised: -111, distributed: -108, opened: -100 },
		signer: { name: '周立新（示例）', position: '市中级人民法院院长' },
		assessments: ['done'],
	},
	{
		key: 'procuratorate',
		meeting: 'past',
		organ: 'procuratorate',
		department: 'procuratorate',
		topic: '依法打击电信网络诈骗及关联犯罪检察工作情况',
		title: '武汉市人民检察院关于依法打击电信网络诈骗及关联犯罪检察工作情况的报告（示例）',
		period: '2023年7月至2024年12月',
		clauses: ['（十）'],
		reach: 'deliberation',
		steps: { draft: -122, opinions: -116, revised: -112, distributed: -108, opened: -100 },
		signer: { name: '吴志刚（示例）', position: '市人民检察院检察长' },
		assessments: ['largely_done'],
	},
	{
		key: 'edu-past',
		meeting: 'past',
		organ: 'gov',
		department: 'edu',
		topic: '学校防范电信网络诈骗安全教育工作情况',
		title: '武汉市人民政府关于学校防范电信网络诈骗安全教育工作情况的报告（示例）',
		period: '2024年',
		clauses: ['（十五）'],
		reach: 'deliberation',
		// The draft came in two days late.
		steps: { draft: -118, opinions: -114, revised: -110, distributed: -107, opened: -100 },
		signer: { name: '李文华（示例）', position: '副市长' },
		assessments: ['largely_done', 'in_progress', 'largely_done'],
	},
	{
		key: 'psb-past',
		meeting: 'past',
		organ: 'gov',
		department: 'psb',
		topic: '全链条打击电信网络诈骗犯罪工作情况',
		title: '武汉市人民政府关于全链条打击电信网络诈骗犯罪工作情况的报告（示例）',
		period: '2024年',
		clauses: ['（七）'],
		reach: 'deliberation',
		steps: { draft: -121, opinions: -115, revised: -111, distributed: -108, opened: -100 },
		signer: { name: '张国栋（示例）', position: '副市长、市公安局局长' },
		assessments: ['largely_done'],
		attachment: '全链条打击电信网络诈骗犯罪工作情况统计表（示例）.pdf',
	},
	// ── The meeting 10 days ago ──
	{
		key: 'justice',
		meeting: 'recent',
		organ: 'gov',
		department: 'justice',
		topic: '电信网络诈骗类社区矫正对象管控帮扶工作情况',
		title: '武汉市人民政府关于电信网络诈骗类社区矫正对象管控帮扶工作情况的报告（示例）',
		period: '2024年1月至2025年6月',
		clauses: ['（十五）'],
		reach: 'deliberation',
		steps: { draft: -31, opinions: -25, revised: -21, distributed: -17, opened: -10 },
		signer: { name: '陈明（示例）', position: '副市长' },
		assessments: ['in_progress', 'largely_done'],
	},
	{
		key: 'supervision',
		meeting: 'recent',
		organ: 'supervision',
		department: 'supervision',
		topic: '电信网络诈骗治理中职务违法和失职失责问题监督调查工作情况',
		title: '武汉市监察委员会关于电信网络诈骗治理中职务违法和失职失责问题监督调查工作情况的报告（示例）',
		period: '2024年1月至2025年6月',
		clauses: ['（六）'],
		reach: 'deliberation',
		steps: { draft: -30, opinions: -25, revised: -20, distributed: -17, opened: -10 },
		signer: { name: '刘振华（示例）', position: '市监察委员会主任' },
		assessments: ['largely_done'],
	},
	{
		// Distributed for the meeting that has begun, but not yet put to deliberation in the app.
		key: 'local-finance',
		meeting: 'recent',
		organ: 'gov',
		department: 'local-finance',
		topic: '金融领域涉诈风险监测和被骗资金紧急止付工作情况',
		title: '武汉市人民政府关于金融领域涉诈风险监测和被骗资金紧急止付工作情况的报告（示例）',
		period: '2024年1月至2025年6月',
		clauses: ['（十一）', '（十三）'],
		reach: 'distributed',
		steps: { draft: -32, opinions: -26, revised: -21, distributed: -17 },
		signer: { name: '李文华（示例）', position: '副市长' },
		assessments: ['in_progress', 'largely_done', 'in_progress'],
	},
	// ── The meeting 24 days ahead: the reports on their way ──
	{
		key: 'psb-upcoming',
		meeting: 'upcoming',
		organ: 'gov',
		department: 'psb',
		topic: '“断卡”行动和反诈举报奖励制度落实情况',
		title: '武汉市人民政府关于“断卡”行动和反诈举报奖励制度落实情况的报告（示例）',
		period: '2025年',
		clauses: ['（八）', '（九）'],
		reach: 'scheduled',
		steps: {},
		assessments: ['in_progress'],
		partial: true,
	},
	{
		// A follow-up after the 不满意 result (Art. 17: 跟踪监督).
		key: 'edu-upcoming',
		meeting: 'upcoming',
		organ: 'gov',
		department: 'edu',
		topic: '学校防范电信网络诈骗安全教育工作整改情况',
		title: '武汉市人民政府关于学校防范电信网络诈骗安全教育工作整改情况的报告（示例）',
		period: '2025年',
		clauses: ['（十五）'],
		reach: 'draft_submitted',
		steps: { draft: -2 },
		assessments: ['in_progress', 'largely_done'],
	},
	{
		key: 'civil-affairs',
		meeting: 'upcoming',
		organ: 'gov',
		department: 'civil-affairs',
		topic: '“无诈社区”创建工作情况',
		title: '武汉市人民政府关于“无诈社区”创建工作情况的报告（示例）',
		period: '2025年',
		clauses: ['（十六）'],
		reach: 'opinions_sent',
		steps: { draft: -6, opinions: -1 },
		opinions:
			'一、建议报告补充各区“无诈社区”创建的量化标准和验收情况。\n二、建议说明网格员培训覆盖面，以及对老年人、在校学生等重点人群的防范措施。\n三、部分代表反映个别社区宣传流于形式，请在报告中作出回应。（示例）',
		assessments: ['in_progress'],
	},
	{
		key: 'amr',
		meeting: 'upcoming',
		organ: 'gov',
		department: 'amr',
		topic: '严把市场主体准入关防范涉诈风险工作情况',
		title: '武汉市人民政府关于严把市场主体准入关防范涉诈风险工作情况的报告（示例）',
		period: '2025年',
		clauses: ['（十五）'],
		reach: 'revised_submitted',
		steps: { draft: -9, opinions: -5, revised: -1 },
		opinions: '一、建议补充虚假注册、冒名登记的查处数据。\n二、建议说明与公安机关信息共享的机制。（示例）',
		signer: { name: '陈明（示例）', position: '副市长' },
		assessments: ['largely_done', 'in_progress'],
		attachment: '市场主体登记涉诈风险核查情况（示例）.pdf',
	},
]

type OpinionSpec = { member: number; clause?: string; text: string; onBehalf?: boolean }

type DeliberationSpec = {
	report: string
	opinions: Array<OpinionSpec>
	// Ballots cast in the app by weiyuan2, weiyuan3 … in order, or a tally from the meeting's system.
	ballots?: Array<Choice>
	tally?: Tally
	close: boolean
	letter?: { number: string; sent: number; due?: number }
	handling?: { text: string; submitted: number; returned?: string; accepted?: number; attachment?: string }
}

const deliberationSpecs: Array<DeliberationSpec> = [
	{
		report: 'court',
		opinions: [
			{ member: 1, clause: '（十）', text: '建议进一步统一电信网络诈骗案件证据审查标准，对跨境取证难的问题加强与公安、检察机关的会商。（示例）' },
			{ member: 3, text: '报告数据翔实，审判质效明显提升。建议加大涉诈财产追缴执行力度，提高被害人退赔比例。（示例）' },
		],
		ballots: ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'satisfied'],
		close: true,
		letter: { number: '武人大常办〔示例〕11号', sent: -92 },
		handling: {
			text: '收到审议意见后，我院召开党组会议专题研究，逐条制定整改措施：一是会同市公安局、市人民检察院出台电信网络诈骗案件证据指引；二是开展涉诈财产执行专项行动，执行到位金额同比增长。（示例）',
			submitted: -45,
			accepted: -38,
			attachment: '研究处理情况报告（示例）.pdf',
		},
	},
	{
		report: 'procuratorate',
		opinions: [
			{ member: 2, clause: '（十）', text: '建议加强对帮助信息网络犯罪活动罪的类案指导，防止打击面过宽。（示例）' },
			{ member: 4, text: '建议强化立案监督和侦查活动监督，推动“断卡”案件从严从快办理。（示例）' },
			{ member: 6, text: '建议加大以案释法力度，在校园和社区开展检察宣传。（示例）' },
		],
		ballots: ['satisfied', 'basically_satisfied', 'basically_satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'unsatisfied', 'basically_satisfied'],
		close: true,
		letter: { number: '武人大常办〔示例〕12号', sent: -91 },
		handling: {
			text: '市人民检察院对审议意见逐条研究，制定了类案办理指引，开展立案监督专项行动，并在全市中小学开展“检察官讲反诈”活动。现将研究处理情况报告如下。（示例）',
			submitted: -3,
		},
	},
	{
		// 不满意, by the tally of the meeting's voting system; the handling report is overdue.
		report: 'edu-past',
		opinions: [
			{ member: 1, clause: '（十五）', text: '防范电信网络诈骗进校园覆盖面不足，部分职业院校学生受骗参与“跑分”，报告对此回应不够。（示例）' },
			{ member: 5, text: '报告以工作罗列为主，缺少成效评估数据，建议补充学生受骗案件的变化情况。（示例）' },
			{ member: 7, clause: '（十五）', text: '建议将防范电信网络诈骗纳入学校安全教育考核，明确责任到校、到班。（示例）' },
			{ member: 8, text: '分组审议中委员提出，应加强家校协同，面向家长开展防骗宣传。（示例）', onBehalf: true },
		],
		tally: { satisfied: 6, basically_satisfied: 12, unsatisfied: 18 },
		close: true,
		letter: { number: '武人大常办〔示例〕13号', sent: -90 },
	},
	{
		// Submitted, then returned: the police must answer again, due in a few days.
		report: 'psb-past',
		opinions: [
			{ member: 2, clause: '（七）', text: '建议进一步提高涉案资金返还比例，完善快速止付冻结的协作机制。（示例）' },
			{ member: 3, text: '建议加强对境外诈骗窝点的打击，深化国际执法合作。（示例）' },
			{ member: 9, clause: '（七）', text: '建议定期通报重点区域清查结果，接受社会监督。（示例）' },
		],
		ballots: ['satisfied', 'satisfied', 'basically_satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'satisfied', 'unsatisfied'],
		close: true,
		letter: { number: '武人大常办〔示例〕14号', sent: -91, due: 5 },
		handling: {
			text: '市公安局对审议意见进行了研究，已部署开展专项行动。（示例）',
			submitted: -20,
			returned: '报告未逐条回应审议意见第一、三项，缺少涉案资金返还的数据和重点区域清查结果，请补充后重新报送。（示例）',
		},
	},
	{
		// The vote is open: some members gave opinions and voted; weiyuan1 has done neither.
		report: 'justice',
		opinions: [
			{ member: 2, clause: '（十五）', text: '建议对涉诈社区矫正对象实行分类管控，加强就业帮扶，防止重新犯罪。（示例）' },
			{ member: 3, text: '建议司法行政部门与公安机关建立信息共享机制，及时掌握矫正对象动态。（示例）' },
			{ member: 4, text: '分组审议中委员建议，加大对矫正对象的心理矫治投入。（示例）', onBehalf: true },
		],
		ballots: ['satisfied', 'basically_satisfied', 'satisfied', 'satisfied', 'basically_satisfied'],
		close: false,
	},
	{
		// Closed on the app's ballots; the secretariat has yet to compose the letter.
		report: 'supervision',
		opinions: [
			{ member: 1, clause: '（六）', text: '建议对涉诈案件侦办中的失职失责问题典型案例定期通报，形成震慑。（示例）' },
			{ member: 5, text: '建议加强对行业监管部门履职情况的监督，压实监管责任。（示例）' },
		],
		ballots: ['satisfied', 'basically_satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'satisfied', 'unsatisfied', 'basically_satisfied'],
		close: true,
	},
]

// Narratives by self-assessment; the task's responsible subject is named in each.
const narratives: Record<SelfAssessment, (subject: string) => string> = {
	not_started: (subject) => `${subject}已将该项任务列入年度工作计划，拟于下半年启动。（示例）`,
	in_progress: (subject) =>
		`${subject}已制定工作方案并召开专题部署会，明确责任分工和时间节点；目前已完成阶段性目标，部分区进度相对滞后，下一步将加强督导。（示例）`,
	largely_done: (subject) =>
		`${subject}建立了常态化工作机制，主要指标达到预期，相关做法在全市推广；个别环节仍需巩固提升。（示例）`,
	done: (subject) => `${subject}已全面完成该项任务并形成长效机制，纳入年度考核，运行情况良好。（示例）`,
}

function reportBody(spec: ReportSpec) {
	return [
		`（示例数据）根据市人大常委会年度监督工作计划安排，现将${spec.topic}报告如下。`,
		'一、工作开展情况。全市各有关单位认真贯彻《武汉市人民代表大会常务委员会关于全面开展打击治理电信网络诈骗违法犯罪工作的决定》，健全工作机制，落实各项措施，取得了阶段性成效。',
		'二、存在的问题。一是部分领域源头治理还不够深入；二是跨部门信息共享仍有短板；三是宣传防范的精准性有待提高。',
		'三、下一步工作打算。坚持打防管控建一体推进，进一步压实行业监管责任，持续开展专项行动，确保决定各项要求落到实处。',
	].join('\n\n')
}

// A small, valid one-page PDF: demo attachments are real files of the declared type.
function demoPdf(label: string): string {
	const text = `Demo attachment (sample): ${label}`.replace(/[()\\]/g, '')
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${`BT /F1 14 Tf 72 770 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 14 Tf 72 770 Td (${text}) Tj ET\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	]
	let out = '%PDF-1.4\n'
	const offsets: Array<number> = []
	objects.forEach((body, index) => {
		offsets.push(out.length)
		out += `${index + 1} 0 obj\n${body}\nendobj\n`
	})
	const xref = out.length
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
	return out
}

function demoFile(name: string): File {
	return new File([demoPdf(name.replace(/[^\x20-\x7e]/g, '').trim() || 'sample')], name, { type: 'application/pdf' })
}

async function deliberationVersion(db: Database, id: number) {
	const [row] = await db.select({ version: deliberations.version }).from(deliberations).where(eq(deliberations.id, id))
	return row.version
}

async function reportVersion(db: Database, id: number) {
	const [row] = await db.select({ version: reports.version }).from(reports).where(eq(reports.id, id))
	return row.version
}

export async function seedDemoOversight(db: Database, today: IsoDate) {
	const settings: Settings = await loadSettings(db)
	const day = (offset: number) => addDays(today, offset)
	const agencyRows = await db.select({ id: agencies.id, key: agencies.key, name: agencies.name }).from(agencies)
	const agency = (key: string) => {
		const row = agencyRows.find((a) => a.key === key)
		if (!row) throw new Error(`Demo data needs the agency '${key}'.`)
		return row
	}
	const userRows = await db.select({ id: users.id, username: users.username, role: users.role, agencyId: users.agencyId }).from(users)
	const userId = (username: string) => {
		const row = userRows.find((u) => u.username === username)
		if (!row) throw new Error(`Demo data needs the user '${username}'.`)
		return row.id
	}
	// Each demo step is taken by the account whose role takes it in real life.
	const actorOf = (username: string): Actor => {
		const row = userRows.find((u) => u.username === username)
		if (!row) throw new Error(`Demo data needs the user '${username}'.`)
		return { id: row.id, role: row.role, agencyId: row.agencyId, address: null }
	}
	// The decision seeded first: the demo's clauses are its clauses.
	const clauseRows = await db
		.select({ id: clauses.id, label: clauses.label, ordinal: clauses.ordinal, instrumentId: clauses.instrumentId })
		.from(clauses)
		.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
	const clauseOf = (label: string) => {
		const row = clauseRows.find((c) => c.label === label && c.instrumentId === clauseRows[0].instrumentId)
		if (!row) throw new Error(`Demo data needs the clause '${label}'.`)
		return row
	}
	const clauseId = (label: string) => clauseOf(label).id
	const secretariat = actorOf('mishu')
	const memberIds = Array.from({ length: 9 }, (_, i) => userId(`weiyuan${i + 1}`))
	// The preparing department's liaison where the demo has one (gongan, jiaoyu); otherwise the
	// step is the system's, on the department's behalf.
	const liaisonOf = (agencyId: number) => userRows.find((u) => u.agencyId === agencyId)?.id ?? null
	const agencyActor = (agencyId: number): Actor => ({ id: liaisonOf(agencyId), role: 'agency', agencyId, address: null })

	// ── Meetings, agendas, attendance and the plan ──
	const meetingIds = {} as Record<MeetingKey, number>
	const planItemIds = new Map<string, number>()
	for (const key of ['past', 'recent', 'upcoming'] as const) {
		const plan = meetingPlan[key]
		meetingIds[key] = await createMeeting(db, secretariat, {
			term: 15,
			session: plan.session,
			startsOn: day(plan.start),
			endsOn: day(plan.end),
			place: plan.place,
		})
	}
	for (const spec of reportSpecs) {
		const organ = agency(spec.organ)
		const starts = day(meetingPlan[spec.meeting].start)
		planItemIds.set(
			spec.key,
			await createPlanItem(db, secretariat, {
				year: Number(starts.slice(0, 4)),
				kind: 'report_hearing',
				title: hearingAgendaTitle(organ.name, spec.topic),
				organId: organ.id,
				plannedMonth: Number(starts.slice(5, 7)),
				clauseIds: spec.clauses.map(clauseId),
				notes: '（示例）',
			}),
		)
	}
	const year = Number(today.slice(0, 4))
	await createPlanItem(db, secretariat, {
		year,
		kind: 'inspection',
		title: '检查《关于全面开展打击治理电信网络诈骗违法犯罪工作的决定》贯彻实施情况（示例）',
		organId: agency('gov').id,
		plannedMonth: null,
		clauseIds: ['（十一）', '（十二）', '（十三）', '（十四）'].map(clauseId),
		notes: '采取座谈会、实地检查和问卷调查相结合的方式。（示例）',
	})
	await createPlanItem(db, secretariat, {
		year,
		kind: 'inquiry',
		title: '就涉诈资金查控和返还工作开展专题询问（示例）',
		organId: agency('gov').id,
		plannedMonth: null,
		clauseIds: ['（七）', '（十一）'].map(clauseId),
		notes: '（示例）',
	})

	// ── Reports: scheduled by the secretariat, drafted and revised by the departments ──
	const reportIds = new Map<string, number>()
	for (const spec of reportSpecs) {
		const organ = agency(spec.organ)
		const department = agency(spec.department)
		const id = await scheduleReport(db, secretariat, {
			organId: organ.id,
			preparingAgencyId: department.id,
			topic: spec.topic,
			clauseIds: spec.clauses.map(clauseId),
			meetingId: meetingIds[spec.meeting],
			planItemId: planItemIds.get(spec.key) ?? null,
			agendaTitle: hearingAgendaTitle(organ.name, spec.topic),
		})
		reportIds.set(spec.key, id)
		const actor = agencyActor(department.id)
		const taskRows = await loadReportTasks(db, id)
		const filled = spec.partial ? taskRows.slice(0, 1) : taskRows
		await saveDraft(db, actor, {
			reportId: id,
			version: await reportVersion(db, id),
			title: spec.title || defaultReportTitle(organ.name, spec.topic),
			period: spec.period,
			body: spec.partial ? reportBody(spec).split('\n\n').slice(0, 2).join('\n\n') : reportBody(spec),
			progress: filled.map((row, index) => {
				const assessment = spec.assessments[index % spec.assessments.length]
				return { taskId: row.task.id, narrative: narratives[assessment](row.task.subject || department.name), selfAssessment: assessment }
			}),
			files: spec.attachment ? [demoFile(spec.attachment)] : [],
		})
		const step = async (
			input:
				| { step: 'submit_draft' }
				| { step: 'send_opinions'; opinions: string }
				| { step: 'submit_revised'; signerName: string; signerPosition: string }
				| { step: 'distribute' }
				| { step: 'open_deliberation' },
			on: number,
			by: 'agency' | 'secretariat',
		) => {
			await takeReportStep(db, by === 'agency' ? actor : secretariat, { reportId: id, version: await reportVersion(db, id), today: day(on), ...input })
		}
		const { steps } = spec
		if (steps.draft !== undefined) await step({ step: 'submit_draft' }, steps.draft, 'agency')
		if (steps.opinions !== undefined) {
			const opinions = spec.opinions ?? '一、建议报告进一步突出问题导向，回应人民群众关切。\n二、建议补充工作成效的量化数据。（示例）'
			await step({ step: 'send_opinions', opinions }, steps.opinions, 'secretariat')
		}
		if (steps.revised !== undefined && spec.signer) {
			await step({ step: 'submit_revised', signerName: spec.signer.name, signerPosition: spec.signer.position }, steps.revised, 'agency')
		}
		if (steps.distributed !== undefined) await step({ step: 'distribute' }, steps.distributed, 'secretariat')
		if (steps.opened !== undefined) await step({ step: 'open_deliberation' }, steps.opened, 'secretariat')
	}

	// Other business on each agenda, and attendance at the meetings held (one member excused
	// from the coming one in advance).
	for (const key of ['past', 'recent', 'upcoming'] as const) {
		await addOtherItem(db, secretariat, { meetingId: meetingIds[key], title: meetingPlan[key].other })
	}
	const attendance: Record<MeetingKey, Record<number, 'present' | 'leave' | 'absent'>> = {
		past: { 8: 'leave' },
		recent: { 9: 'leave' },
		upcoming: { 6: 'leave' },
	}
	for (const key of ['past', 'recent', 'upcoming'] as const) {
		const entries = memberIds.map((id, index) => ({
			userId: id,
			status: attendance[key][index + 1] ?? (key === 'upcoming' ? null : ('present' as const)),
		}))
		await saveAttendance(db, secretariat, { meetingId: meetingIds[key], entries })
	}

	// ── Deliberation: opinions, ballots or a tally, the letter, the handling report ──
	const deliberationIds = new Map<string, number>()
	const rows = await db
		.select({ id: deliberations.id, subjectId: deliberations.subjectId })
		.from(deliberations)
		.where(and(eq(deliberations.subjectType, 'report'), inArray(deliberations.subjectId, [...reportIds.values()])))
	for (const [key, reportId] of reportIds) {
		const row = rows.find((r) => r.subjectId === reportId)
		if (row) deliberationIds.set(key, row.id)
	}
	for (const spec of deliberationSpecs) {
		const id = deliberationIds.get(spec.report)
		const report = reportSpecs.find((r) => r.key === spec.report)
		if (!id || !report) throw new Error(`Demo deliberation for '${spec.report}' has no report in deliberation.`)
		const organ = agency(report.organ)
		const department = agency(report.department)
		for (const opinion of spec.opinions) {
			const memberId = memberIds[opinion.member - 1]
			await addOpinion(db, opinion.onBehalf ? secretariat : { id: memberId, role: 'member', agencyId: null, address: null }, {
				deliberationId: id,
				clauseId: opinion.clause ? clauseId(opinion.clause) : null,
				text: opinion.text,
				...(opinion.onBehalf ? { memberId } : {}),
			})
		}
		// Ballots go through castVote: keyed by the vote's salt, participation recorded apart.
		for (const [index, choice] of (spec.ballots ?? []).entries()) {
			const memberId = memberIds[index + 1]
			await castVote(db, { id: memberId, role: 'member', agencyId: null, address: null }, { deliberationId: id, choice })
		}
		if (!spec.close) continue
		if (spec.tally) {
			await enterTally(db, secretariat, { deliberationId: id, version: await deliberationVersion(db, id), tally: spec.tally, replace: true, settings })
		} else {
			await closeVote(db, secretariat, { deliberationId: id, version: await deliberationVersion(db, id), settings })
		}
		if (!spec.letter) continue
		const defaults = letterDefaults(organ, department)
		await saveLetter(db, secretariat, {
			deliberationId: id,
			version: await deliberationVersion(db, id),
			number: spec.letter.number,
			to: defaults.to,
			cc: defaults.cc,
			body: composeLetterBody(
				spec.opinions.map((o) => ({
					clauseLabel: o.clause ?? null,
					clauseOrdinal: o.clause ? clauseOf(o.clause).ordinal : null,
					text: o.text,
				})),
			),
			dueOn: spec.letter.due === undefined ? null : day(spec.letter.due),
		})
		await sendLetter(db, secretariat, { deliberationId: id, version: await deliberationVersion(db, id), today: day(spec.letter.sent), settings })
		const handling = spec.handling
		if (!handling) continue
		const responder = agencyActor(department.id)
		await submitHandling(db, responder, {
			deliberationId: id,
			version: await deliberationVersion(db, id),
			text: handling.text,
			today: day(handling.submitted),
			files: handling.attachment ? [demoFile(handling.attachment)] : [],
		})
		if (handling.returned) {
			await returnHandling(db, secretariat, { deliberationId: id, version: await deliberationVersion(db, id), reason: handling.returned })
		} else if (handling.accepted !== undefined) {
			await acceptHandling(db, secretariat, { deliberationId: id, version: await deliberationVersion(db, id), today: day(handling.accepted) })
		}
	}

	// The functions above stamp their rows with the time of seeding; the demo's records date
	// from when they would have happened.
	await write(db, secretariat, async (tx, audit) => {
		for (const spec of reportSpecs) {
			const id = reportIds.get(spec.key) as number
			const start = meetingPlan[spec.meeting].start
			await tx.update(reports).set({ createdAt: at(day(start - 45)) }).where(eq(reports.id, id))
			const deliberationId = deliberationIds.get(spec.key)
			if (!deliberationId) continue
			const end = meetingPlan[spec.meeting].end
			const closed = deliberationSpecs.find((d) => d.report === spec.key)?.close ?? false
			await tx
				.update(deliberations)
				.set(closed ? { createdAt: at(day(start)), voteClosedAt: at(day(end)) } : { createdAt: at(day(start)) })
				.where(eq(deliberations.id, deliberationId))
			await tx.update(deliberationOpinions).set({ createdAt: at(day(start + 1)) }).where(eq(deliberationOpinions.deliberationId, deliberationId))
			await tx.update(ballotParticipation).set({ votedAt: at(day(start + 1)) }).where(eq(ballotParticipation.deliberationId, deliberationId))
		}
		await tx.update(meetings).set({ createdAt: at(day(-150)) }).where(inArray(meetings.id, Object.values(meetingIds)))
		await audit({
			action: 'demo.seed',
			entityType: 'instance',
			after: { reports: reportIds.size, deliberations: deliberationIds.size, meetings: Object.keys(meetingIds).length },
		})
	})
}

// 10:00 in Shanghai on a calendar day.
function at(date: IsoDate): Date {
	return new Date(`${date}T10:00:00+08:00`)
}
