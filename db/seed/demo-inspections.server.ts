import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm'
import type { Database } from '../client.server'
import { agencies, auditEvents, clauses, deliberationOpinions, deliberations, findings, inspections, meetings, planItems, users } from '../schema'
import { addDays, type IsoDate } from '~/domain/dates'
import { composeLetterBody, letterDefaults, type Tally } from '~/domain/deliberation'
import type { InspectionForm, Severity } from '~/domain/inspections'
import { addOpinion, enterTally, saveLetter, sendLetter } from '~/models/deliberation/mutations.server'
import { recordFinding, respondToFinding, verifyFinding } from '~/models/findings/mutations.server'
import { createInspection, saveInspectionReport, startInspection, submitInspectionReport } from '~/models/inspections/mutations.server'
import { draftInspectionReport, planItemClauseIds } from '~/models/inspections/queries.server'
import { loadSettings } from '~/models/settings.server'
import { saveVisit } from '~/models/visits/mutations.server'
import { write, type Actor } from '~/models/write.server'

// The demo's law-enforcement inspections, written through the pages' own functions and dated
// relative to the seeding day (all content fictional, marked 示例):
// - one FINISHED inspection (period about 120 to 60 days ago): a group led by weiyuan2 with
//   weiyuan3, weiyuan4 and the invited deputy daibiao1; five visits, one of them a 暗访 of a
//   police station; findings against several clauses and agencies in every rectification state
//   (open and overdue, open, responded, reopened with a reason, accepted); its report written
//   in the four parts of Art. 36, put on the agenda of the meeting 10 days ago and deliberated:
//   opinions, the meeting's tally, the opinion letter sent to the government, whose handling
//   report is now due (letter_sent);
// - one PLANNED inspection (from the year's plan, about 30 to 75 days ahead) whose schedule has
//   a conflict: its leader is in two overlapping visits on one day, saved with the reason the
//   secretariat gave after the warning.

type VisitSpec = {
	key: string
	on: number
	startTime: string
	endTime: string
	place: string
	district: string | null
	form: InspectionForm
	unannounced?: boolean
	agencies: Array<string>
	participants: Array<string>
	conflictReason?: string
}

type FindingSpec = {
	visit: string
	clause: string
	agency: string
	severity: Severity
	description: string
	evidence: string
	due: number
	respond?: { on: number; text: string }
	reopen?: { on: number; reason: string }
	accept?: { on: number }
}

const finishedVisits: Array<VisitSpec> = [
	{
		key: 'symposium',
		on: -115,
		startTime: '09:00',
		endTime: '11:30',
		place: '市人大常委会机关第二会议室（示例）',
		district: null,
		form: 'symposium',
		agencies: ['psb', 'edu', 'amr'],
		participants: ['weiyuan2', 'weiyuan3', 'weiyuan4', 'daibiao1'],
	},
	{
		key: 'psb-centre',
		on: -110,
		startTime: '14:30',
		endTime: '17:00',
		place: '武汉市公安局反诈中心（示例）',
		district: '江岸区',
		form: 'field',
		agencies: ['psb'],
		participants: ['weiyuan2', 'weiyuan3', 'daibiao1'],
	},
	{
		key: 'police-station',
		on: -104,
		startTime: '19:30',
		endTime: '21:00',
		place: '江汉区某派出所接报警窗口（示例）',
		district: '江汉区',
		form: 'spot_check',
		unannounced: true,
		agencies: ['psb'],
		participants: ['weiyuan4', 'daibiao1'],
	},
	{
		key: 'school',
		on: -95,
		startTime: '09:30',
		endTime: '11:30',
		place: '洪山区某中学（示例）',
		district: '洪山区',
		form: 'field',
		agencies: ['edu'],
		participants: ['weiyuan2', 'weiyuan4'],
	},
	{
		key: 'registry',
		on: -88,
		startTime: '14:30',
		endTime: '16:30',
		place: '武汉市市场监督管理局登记注册窗口（示例）',
		district: null,
		form: 'field',
		agencies: ['amr'],
		participants: ['weiyuan3', 'weiyuan4'],
	},
]

const finishedFindings: Array<FindingSpec> = [
	{
		// Open and overdue: gongan's to-do.
		visit: 'police-station',
		clause: '（七）',
		agency: 'psb',
		severity: 'serious',
		description: '暗访发现，派出所接报警窗口对群众报案的涉诈资金未能第一时间启动快速止付，台账记录不完整。（示例）',
		evidence: '暗访记录；抽查当月接报警台账12份，其中5份未记录止付时间。（示例）',
		due: -3,
	},
	{
		visit: 'psb-centre',
		clause: '（八）',
		agency: 'psb',
		severity: 'general',
		description: '“断卡”行动中对涉案电话卡、银行卡的溯源倒查不够深入，对开卡网点的追责线索移送不及时。（示例）',
		evidence: '反诈中心座谈记录；抽查案卷8宗。（示例）',
		due: 25,
		respond: { on: -18, text: '已制定涉案“两卡”溯源倒查工作规范，建立线索移送台账，每周与通信、金融监管部门会商。（示例）' },
	},
	{
		visit: 'symposium',
		clause: '（九）',
		agency: 'psb',
		severity: 'general',
		description: '反诈举报奖励兑现周期偏长，部分举报人反映奖励未及时到位。（示例）',
		evidence: '座谈会记录。（示例）',
		due: -30,
		respond: { on: -50, text: '已修订举报奖励办法，将审核兑现时限压缩至30个工作日，并对积压的举报奖励全部兑现。（示例）' },
		accept: { on: -44 },
	},
	{
		// Reopened: the school's answer did not convince the secretariat.
		visit: 'school',
		clause: '（十五）',
		agency: 'edu',
		severity: 'serious',
		description: '防范电信网络诈骗教育未纳入学校安全教育课程计划，抽查班级的学生对常见诈骗手法知晓率偏低。（示例）',
		evidence: '问卷调查120份；课程计划和教学记录。（示例）',
		due: 20,
		respond: { on: -35, text: '已下发通知要求各校开展防诈主题班会。（示例）' },
		reopen: { on: -25, reason: '整改情况只有通知，未说明课程计划修订和学生知晓率的变化，请补充课程安排和复测结果后重新报送。（示例）' },
	},
	{
		visit: 'symposium',
		clause: '（十五）',
		agency: 'edu',
		severity: 'general',
		description: '家校协同防诈宣传覆盖不足，部分学校未向家长推送防诈提示。（示例）',
		evidence: '座谈会记录。（示例）',
		due: -30,
		respond: { on: -45, text: '已通过家校平台向全市中小学家长推送防诈提示，覆盖率达98%。（示例）' },
		accept: { on: -38 },
	},
	{
		visit: 'registry',
		clause: '（十五）',
		agency: 'amr',
		severity: 'severe',
		description: '市场主体登记环节对冒名登记、虚假注册的核验措施落实不到位，抽查发现多家涉诈空壳公司。（示例）',
		evidence: '抽查登记档案30份。（示例）',
		due: 40,
	},
]

const plannedVisits: Array<VisitSpec> = [
	{
		key: 'pbc',
		on: 35,
		startTime: '09:00',
		endTime: '11:30',
		place: '中国人民银行湖北省分行（示例）',
		district: null,
		form: 'field',
		agencies: ['pbc-hubei'],
		participants: ['weiyuan5', 'weiyuan6'],
	},
	{
		// Overlaps the visit above for the leader: saved after the warning, with a reason.
		key: 'telecom',
		on: 35,
		startTime: '10:30',
		endTime: '12:00',
		place: '湖北省通信管理局（示例）',
		district: null,
		form: 'symposium',
		agencies: ['ca-hubei'],
		participants: ['weiyuan5', 'weiyuan7'],
		conflictReason: '组长先出席人民银行湖北省分行的实地检查，座谈会由组员先行主持，组长约11:00到会。（示例）',
	},
	{
		key: 'local-finance',
		on: 42,
		startTime: '14:30',
		endTime: '16:30',
		place: '武汉市地方金融管理局（示例）',
		district: null,
		form: 'survey',
		agencies: ['local-finance'],
		participants: ['weiyuan6', 'daibiao2'],
	},
]

const reportOpinions: Array<{ member: string; clause?: string; text: string }> = [
	{ member: 'weiyuan1', clause: '（七）', text: '建议市人民政府督促公安机关完善涉诈资金快速止付机制，对暗访发现的问题举一反三。（示例）' },
	{ member: 'weiyuan6', clause: '（十五）', text: '建议将防范电信网络诈骗教育纳入中小学安全教育课程，定期评估学生知晓率。（示例）' },
	{ member: 'weiyuan8', text: '检查报告问题找得准，建议建立整改清单销号制度，整改情况向常委会报告。（示例）' },
]

const reportTally: Tally = { satisfied: 21, basically_satisfied: 11, unsatisfied: 3 }

// 10:00 in Shanghai on a calendar day.
function at(date: IsoDate): Date {
	return new Date(`${date}T10:00:00+08:00`)
}

export async function seedDemoInspections(db: Database, today: IsoDate) {
	const day = (offset: number) => addDays(today, offset)
	const settings = await loadSettings(db)
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
	const clauseRows = await db
		.select({ id: clauses.id, label: clauses.label, ordinal: clauses.ordinal, instrumentId: clauses.instrumentId })
		.from(clauses)
		.orderBy(asc(clauses.instrumentId), asc(clauses.ordinal))
	const clauseOf = (label: string) => {
		const row = clauseRows.find((c) => c.label === label && c.instrumentId === clauseRows[0].instrumentId)
		if (!row) throw new Error(`Demo data needs the clause '${label}'.`)
		return row
	}
	const secretariat = actorOf('mishu')
	// Through the secretariat's own form: a visit with conflicts is saved with the reason given
	// after the warning; a conflict the demo did not intend is a mistake in it.
	const scheduleVisit = async (inspectionId: number, spec: VisitSpec) => {
		const input = { ...visitInput(spec), inspectionId, visit: null, conflictReason: spec.conflictReason ?? '', acknowledged: [] }
		const first = await saveVisit(db, secretariat, input)
		if (first.saved) return first.visitId
		if (!spec.conflictReason) throw new Error(`Demo visit '${spec.key}' has conflicts it does not explain.`)
		const again = await saveVisit(db, secretariat, { ...input, acknowledged: first.conflicts.map((c) => c.key) })
		if (!again.saved) throw new Error(`Demo visit '${spec.key}' could not be saved.`)
		return again.visitId
	}
	const visitInput = (spec: VisitSpec) => ({
		on: day(spec.on),
		startTime: spec.startTime,
		endTime: spec.endTime,
		place: spec.place,
		district: spec.district,
		form: spec.form,
		unannounced: spec.unannounced ?? false,
		agencyIds: spec.agencies.map((key) => agency(key).id),
		participantIds: spec.participants.map(userId),
	})

	// ── The finished inspection: planned, scheduled, started ──
	const finishedClauses = ['（七）', '（八）', '（九）', '（十五）']
	const finishedStart = day(-120)
	const visitIds = new Map<string, number>()
	const finishedId = await createInspection(db, secretariat, {
		planItemId: null,
		title: '关于《决定》打击治理和宣传防范条款实施情况的执法检查（示例）',
		year: Number(finishedStart.slice(0, 4)),
		clauseIds: finishedClauses.map((label) => clauseOf(label).id),
		forms: ['symposium', 'field', 'spot_check', 'survey'],
		startsOn: finishedStart,
		endsOn: day(-60),
		organId: agency('gov').id,
		leaderId: userId('weiyuan2'),
		memberIds: [userId('weiyuan3'), userId('weiyuan4')],
		deputyIds: [userId('daibiao1')],
	})
	for (const spec of finishedVisits) visitIds.set(spec.key, await scheduleVisit(finishedId, spec))
	await startInspection(db, secretariat, { inspectionId: finishedId, version: await versionIn(db, finishedId) })

	// ── Its findings and their rectification ──
	const recorders = ['weiyuan2', 'weiyuan3', 'weiyuan4', 'daibiao1']
	const stepDates: Array<{ findingId: number; dates: Array<IsoDate> }> = []
	const findingIds: Array<number> = []
	for (const [index, spec] of finishedFindings.entries()) {
		const a = agency(spec.agency)
		const id = await recordFinding(db, actorOf(recorders[index % recorders.length]), {
			inspectionId: finishedId,
			clauseId: clauseOf(spec.clause).id,
			agencyId: a.id,
			taskId: null,
			visitId: visitIds.get(spec.visit) ?? null,
			severity: spec.severity,
			description: spec.description,
			evidence: spec.evidence,
			rectificationDueOn: day(spec.due),
			files: [],
		})
		findingIds.push(id)
		const dates: Array<IsoDate> = []
		const liaison = userRows.find((u) => u.agencyId === a.id)?.id ?? null
		const findingVersion = async () => (await db.select({ version: findings.version }).from(findings).where(eq(findings.id, id)))[0].version
		if (spec.respond) {
			await respondToFinding(db, { id: liaison, role: 'agency', agencyId: a.id, address: null }, {
				findingId: id,
				version: await findingVersion(),
				response: spec.respond.text,
				files: [],
				today: day(spec.respond.on),
			})
			dates.push(day(spec.respond.on))
		}
		if (spec.reopen) {
			await verifyFinding(db, secretariat, {
				findingId: id,
				version: await findingVersion(),
				decision: 'reopen',
				reason: spec.reopen.reason,
				today: day(spec.reopen.on),
			})
			dates.push(day(spec.reopen.on))
		}
		if (spec.accept) {
			await verifyFinding(db, secretariat, { findingId: id, version: await findingVersion(), decision: 'accept', today: day(spec.accept.on) })
			dates.push(day(spec.accept.on))
		}
		stepDates.push({ findingId: id, dates })
	}

	// ── Its report: drafted from the record, completed, saved and submitted to the meeting
	// held 10 days ago (or the latest meeting after the inspection), then deliberated ──
	const drafted = await draftInspectionReport(db, finishedId, day(-14))
	const parts = {
		...drafted,
		evaluation: drafted.evaluation.replace(
			/总体来看，…….*$/m,
			'总体来看，《决定》施行以来，全市各有关单位认真履行职责，打击治理电信网络诈骗工作机制基本建立，全链条打击成效明显，宣传防范覆盖面不断扩大；但源头治理、资金查控和学校防范教育等方面仍存在薄弱环节。（示例）',
		),
		amendmentSuggestions:
			'1. 建议在修改《决定》时，对涉诈资金快速止付冻结的时限和协作程序作出更加明确的规定。（示例）\n2. 建议增加学校防范电信网络诈骗教育纳入课程计划和考核的条款。（示例）',
	}
	const [meeting] = await db
		.select({ id: meetings.id, startsOn: meetings.startsOn, endsOn: meetings.endsOn })
		.from(meetings)
		.where(and(gte(meetings.startsOn, day(-59)), lte(meetings.startsOn, day(-6))))
		.orderBy(desc(meetings.startsOn))
		.limit(1)
	let deliberationId: number | null = null
	await saveInspectionReport(db, secretariat, { inspectionId: finishedId, version: await versionIn(db, finishedId), parts })
	if (meeting) deliberationId = await submitInspectionReport(db, secretariat, { inspectionId: finishedId, version: await versionIn(db, finishedId), meetingId: meeting.id })
	if (meeting && deliberationId !== null) {
		const id: number = deliberationId
		const deliberationVersion = async () => (await db.select({ version: deliberations.version }).from(deliberations).where(eq(deliberations.id, id)))[0].version
		for (const opinion of reportOpinions) {
			await addOpinion(db, actorOf(opinion.member), {
				deliberationId: id,
				clauseId: opinion.clause ? clauseOf(opinion.clause).id : null,
				text: opinion.text,
			})
		}
		await enterTally(db, secretariat, { deliberationId: id, version: await deliberationVersion(), tally: reportTally, replace: true, settings })
		const gov = agency('gov')
		const defaults = letterDefaults(gov, gov)
		await saveLetter(db, secretariat, {
			deliberationId: id,
			version: await deliberationVersion(),
			number: '武人大常办〔示例〕21号',
			to: defaults.to,
			cc: defaults.cc,
			body: composeLetterBody(
				reportOpinions.map((o) => ({
					clauseLabel: o.clause ?? null,
					clauseOrdinal: o.clause ? clauseOf(o.clause).ordinal : null,
					text: o.text,
				})),
			),
			dueOn: null,
		})
		await sendLetter(db, secretariat, { deliberationId: id, version: await deliberationVersion(), today: day(-5), settings })
	}

	// ── The planned inspection, from the year's plan, with a conflict in its schedule ──
	const [planItem] = await db
		.select({ id: planItems.id, title: planItems.title })
		.from(planItems)
		.where(eq(planItems.kind, 'inspection'))
		.orderBy(asc(planItems.id))
		.limit(1)
	const plannedStart = day(30)
	const plannedClauseIds = planItem ? await planItemClauseIds(db, planItem.id) : []
	const plannedId = await createInspection(db, secretariat, {
		planItemId: planItem?.id ?? null,
		title: planItem?.title ?? '检查《决定》涉诈资金查控和行业治理条款贯彻实施情况（示例）',
		year: Number(plannedStart.slice(0, 4)),
		clauseIds: plannedClauseIds.length ? plannedClauseIds : ['（十一）', '（十二）', '（十三）', '（十四）'].map((label) => clauseOf(label).id),
		forms: ['field', 'symposium', 'survey'],
		startsOn: plannedStart,
		endsOn: day(75),
		organId: agency('gov').id,
		leaderId: userId('weiyuan5'),
		memberIds: [userId('weiyuan6'), userId('weiyuan7')],
		deputyIds: [userId('daibiao2')],
	})
	for (const spec of plannedVisits) await scheduleVisit(plannedId, spec)

	// The functions above stamp their rows with the time of seeding; the demo's records date
	// from when they would have happened — the rectification steps in the audit log included,
	// since the finding's history and the clause timeline read them from there.
	await write(db, secretariat, async (tx, audit) => {
		await tx.update(inspections).set({ createdAt: at(day(-150)) }).where(eq(inspections.id, finishedId))
		for (const [index, spec] of finishedFindings.entries()) {
			const visit = finishedVisits.find((v) => v.key === spec.visit)
			await tx.update(findings).set({ createdAt: at(day(visit?.on ?? -90)) }).where(eq(findings.id, findingIds[index]))
		}
		for (const { findingId, dates } of stepDates) {
			if (dates.length === 0) continue
			const events = await tx
				.select({ id: auditEvents.id })
				.from(auditEvents)
				.where(
					and(
						eq(auditEvents.entityType, 'finding'),
						eq(auditEvents.entityId, String(findingId)),
						inArray(auditEvents.action, ['finding.respond', 'finding.accept', 'finding.reopen']),
					),
				)
				.orderBy(asc(auditEvents.id))
			for (const [index, event] of events.entries()) {
				if (dates[index]) await tx.update(auditEvents).set({ at: at(dates[index]) }).where(eq(auditEvents.id, event.id))
			}
		}
		if (meeting && deliberationId !== null) {
			const id: number = deliberationId
			await tx
				.update(deliberations)
				.set({ createdAt: at(meeting.startsOn), voteClosedAt: at(meeting.endsOn) })
				.where(eq(deliberations.id, id))
			await tx.update(deliberationOpinions).set({ createdAt: at(addDays(meeting.startsOn, 1)) }).where(eq(deliberationOpinions.deliberationId, id))
		}
		await audit({ action: 'demo.seed', entityType: 'instance', after: { inspections: 2, findings: findingIds.length } })
	})
}

async function versionIn(tx: Database, id: number) {
	return (await tx.select({ version: inspections.version }).from(inspections).where(eq(inspections.id, id)))[0].version
}
