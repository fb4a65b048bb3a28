import { asc, eq, inArray, lte } from 'drizzle-orm'
import type { Database } from '../client.server'
import { agencies, clauses, meetings, tasks, users } from '../schema'
import { addDays, type IsoDate } from '~/domain/dates'
import type { AssessedStatus } from '~/domain/status'
import { adoptResolution } from '~/models/resolutions/mutations.server'
import { assessTask } from '~/models/status/assessments.server'

// The secretariat's assessments of the 责任分解表 (all fictional, marked 示例), dated over the
// past months so that the dashboard's status charts show every status: the organising clauses
// done, publicity and industry supervision largely done, the fund-recovery work in progress. The
// (十三) task whose 完成时限 passed 20 days ago is assessed 推进中 — and still lags, because
// the deadline passed without an 已落实 assessment.

const assessments: Array<{ clause: string; status: AssessedStatus; daysAgo: number; reason: string }> = [
	{ clause: '（一）', status: 'done', daysAgo: 200, reason: '全市反诈工作联席会议制度已建立并常态运行，年度工作要点已印发。（示例）' },
	{ clause: '（二）', status: 'done', daysAgo: 190, reason: '各区均已建立反诈工作领导机构，责任清单已逐级签订。（示例）' },
	{ clause: '（三）', status: 'largely_done', daysAgo: 150, reason: '宣传进社区、进校园、进企业已全面开展，农村地区覆盖尚有不足。（示例）' },
	{ clause: '（四）', status: 'in_progress', daysAgo: 120, reason: '网格化排查机制正在试点，尚未在全市推开。（示例）' },
	{ clause: '（五）', status: 'largely_done', daysAgo: 90, reason: '情况通报和排名通报按季度开展，挂牌问责办法待出台。（示例）' },
	{ clause: '（六）', status: 'in_progress', daysAgo: 75, reason: '涉诈线索移送机制已建立，部门间数据共享仍在推进。（示例）' },
	{ clause: '（十二）', status: 'largely_done', daysAgo: 60, reason: '重点行业主管部门已开展专项整治，个别领域整改尚未验收。（示例）' },
	{ clause: '（十三）', status: 'in_progress', daysAgo: 40, reason: '已部署专项行动，完成时限前未能全部落实。（示例）' },
	{ clause: '（十六）', status: 'done', daysAgo: 30, reason: '举报奖励办法已修订施行，兑现情况经核实。（示例）' },
	{ clause: '（十八）', status: 'not_started', daysAgo: 20, reason: '相关配套制度尚未启动起草。（示例）' },
]

// A decision adopted at the meeting about 98 days ago on prevention in industry and markets, whose
// actions two departments have let slip: the economy and IT bureau's by 97 days, more than 90 (a red
// card), the market regulator's by 45 (a yellow card); the justice bureau's is still due. The
// cards and the ranking notice read these like any other overdue item.
async function seedPublicityDecision(db: Database, actor: { id: number; role: 'secretariat'; agencyId: number | null; address: null }, today: IsoDate) {
	const [meeting] = await db
		.select({ id: meetings.id, startsOn: meetings.startsOn, endsOn: meetings.endsOn })
		.from(meetings)
		.where(lte(meetings.endsOn, addDays(today, -95)))
		.orderBy(asc(meetings.startsOn))
		.limit(1)
	if (!meeting) return
	const rows = await db.select({ id: agencies.id, key: agencies.key }).from(agencies).where(inArray(agencies.key, ['eit', 'amr', 'justice']))
	const agency = (key: string) => rows.find((d) => d.key === key)?.id
	const [eit, amr, justice] = [agency('eit'), agency('amr'), agency('justice')]
	if (!eit || !amr || !justice) return
	const clauseRows = await db.select({ id: clauses.id }).from(clauses).where(inArray(clauses.label, ['（三）']))
	await adoptResolution(db, actor, {
		kind: 'decision',
		title: '关于加强行业和市场领域反诈防范工作的决定（示例）',
		body: '市人大常委会听取和审议了有关情况的报告，为推动《决定》第（三）项落实，决定如下：市经济和信息化局、市市场监督管理局、市司法局应当在规定期限内落实以下事项，并报告落实情况。（示例）',
		meetingId: meeting.id,
		adoptedOn: meeting.endsOn,
		reportDueOn: addDays(today, 30),
		clauseIds: clauseRows.map((c) => c.id),
		subject: null,
		actions: [
			{ agencyId: eit, text: '督促重点互联网企业建立涉诈风险监测处置机制并开展员工培训。（示例）', dueOn: addDays(today, -97) },
			{ agencyId: amr, text: '在全市农贸市场和商业综合体开展反诈宣传全覆盖。（示例）', dueOn: addDays(today, -45) },
			{ agencyId: justice, text: '将反诈内容纳入年度普法工作要点。（示例）', dueOn: addDays(today, 20) },
		],
		today: meeting.endsOn,
	})
}

export async function seedDemoStatus(db: Database, today: IsoDate) {
	const [secretariat] = await db.select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, 'mishu'))
	if (!secretariat) throw new Error("Demo data needs the secretariat's account 'mishu'.")
	const actor = { ...secretariat, role: 'secretariat' as const, address: null }
	await seedPublicityDecision(db, actor, today)
	const clauseRows = await db
		.select({ label: clauses.label, taskId: tasks.id, version: tasks.version })
		.from(tasks)
		.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
		.where(inArray(clauses.label, assessments.map((a) => a.clause)))
		.orderBy(asc(clauses.ordinal), asc(tasks.ordinal))
	for (const assessment of assessments) {
		// Every task of the clause, as the secretariat assesses a clause's duties together.
		for (const task of clauseRows.filter((row) => row.label === assessment.clause)) {
			await assessTask(db, actor, {
				taskId: task.taskId,
				version: task.version,
				status: assessment.status,
				reason: assessment.reason,
				assessedOn: addDays(today, -assessment.daysAgo),
			})
		}
	}
}
