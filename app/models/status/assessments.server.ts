import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { meetings, reportTaskProgress, reports, taskAssessments, tasks, users } from '#db/schema'
import type { IsoDate } from '~/domain/dates'
import { mayAssessTask, type AssessedStatus } from '~/domain/status'
import { bumpVersion, enforce, lockVersioned, write, type Actor } from '../write.server'

export type AssessmentInput = { taskId: number; version: number; status: AssessedStatus; reason: string; assessedOn: IsoDate }

// The secretariat's assessment of a task: a new dated row, never an edit of an older one, so the
// history stays. The task's version moves on, so that two people assessing from the same page
// cannot both succeed unknowingly: the second sees that the task changed.
export async function assessTask(db: Database, actor: Actor, input: AssessmentInput) {
	return write(db, actor, async (tx, audit) => {
		const task = await lockVersioned(tx, tasks, input.taskId, input.version)
		enforce(mayAssessTask(actor))
		const [row] = await tx
			.insert(taskAssessments)
			.values({ taskId: task.id, status: input.status, reason: input.reason, assessedOn: input.assessedOn, authorId: actor.id })
			.returning({ id: taskAssessments.id })
		await bumpVersion(tx, tasks, task.id, input.version)
		await audit({
			action: 'task.assess',
			entityType: 'task',
			entityId: task.id,
			after: { assessmentId: row?.id, status: input.status, reason: input.reason, assessedOn: input.assessedOn },
		})
		return row?.id ?? null
	})
}

export async function listTaskAssessments(db: Database, taskId: number) {
	return db
		.select({
			id: taskAssessments.id,
			status: taskAssessments.status,
			reason: taskAssessments.reason,
			assessedOn: taskAssessments.assessedOn,
			author: users.realName,
		})
		.from(taskAssessments)
		.leftJoin(users, eq(users.id, taskAssessments.authorId))
		.where(eq(taskAssessments.taskId, taskId))
		.orderBy(desc(taskAssessments.assessedOn), desc(taskAssessments.id))
}

// The reports that covered the task and what each said of it, newest first (revised reports
// only: a draft is the agency's until it is submitted signed off).
export async function listTaskReportAssessments(db: Database, taskId: number) {
	return db
		.select({
			reportId: reports.id,
			title: reports.title,
			topic: reports.topic,
			status: reportTaskProgress.selfAssessment,
			on: sql<string | null>`coalesce(${reports.revisedSubmittedOn}, ${reports.draftSubmittedOn})::text`,
			meetingStartsOn: meetings.startsOn,
		})
		.from(reportTaskProgress)
		.innerJoin(reports, eq(reports.id, reportTaskProgress.reportId))
		.innerJoin(meetings, eq(meetings.id, reports.meetingId))
		.where(and(eq(reportTaskProgress.taskId, taskId), inArray(reports.state, ['revised_submitted', 'distributed', 'deliberation'])))
		.orderBy(desc(sql`coalesce(${reports.revisedSubmittedOn}, ${reports.draftSubmittedOn})`), desc(reports.id))
}
