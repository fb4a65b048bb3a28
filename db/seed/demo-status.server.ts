import { asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../client.server'
import { clauses, tasks, users } from '../schema'
import { addDays, type IsoDate } from '~/domain/dates'
import type { AssessedStatus } from '~/domain/status'
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

export async function seedDemoStatus(db: Database, today: IsoDate) {
	const [secretariat] = await db.select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users).where(eq(users.username, 'mishu'))
	if (!secretariat) throw new Error("Demo data needs the secretariat's account 'mishu'.")
	const actor = { ...secretariat, address: null }
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
