import { sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { parsePeriod } from '~/domain/dashboard'
import type { Choice } from '~/domain/deliberation'
import type { IsoDate } from '~/domain/dates'
import type { Settings } from '~/domain/settings'
import { rollUp } from '~/domain/status'
import { rowsOf } from '../sql.server'
import { primaryInstrumentId } from '../instruments.server'
import { listTasks } from '../tasks/queries.server'
import { listOpenItems } from './dashboard.server'
import { withStatus } from './queries.server'
import { loadRanking } from './ranking.server'
import { satisfactionResultSql } from './dashboard.server'

// One agency on one page, for members before a meeting: its tasks and their status, what it
// still owes (overdue first), its card and score on the ranking notice, its latest special work
// report with the satisfaction result, the commitments its officials made in inquiries.
export async function loadAgencyBriefing(db: Database, agencyId: number, today: IsoDate, settings: Settings) {
	const instrumentId = await primaryInstrumentId(db)
	const tasks = instrumentId ? await withStatus(db, today, await listTasks(db, { instrumentId, agencyId })) : []
	const [open, ranking, reportRows] = await Promise.all([
		listOpenItems(db, { agencyId, state: 'open' }, today, 1),
		loadRanking(db, parsePeriod(new URLSearchParams(), today), today, settings),
		db.execute(sql`select r.id, coalesce(nullif(r.title, ''), r.topic) as title, m.starts_on::text as heard_on,
				${satisfactionResultSql(settings.satisfactionThresholdPercent)} as result
			from reports r join meetings m on m.id = r.meeting_id
			left join deliberations d on d.subject_type = 'report' and d.subject_id = r.id
			where (r.preparing_agency_id = ${agencyId} or r.organ_id = ${agencyId}) and r.state in ('revised_submitted', 'distributed', 'deliberation')
			order by m.starts_on desc, r.id desc limit 1`),
	])
	const ranked = ranking.flatMap((group) => group.agencies).find((agency) => agency.id === agencyId) ?? null
	const [report] = rowsOf<{ id: number; title: string; heard_on: string; result: Choice | null }>(reportRows)
	return {
		tasks: tasks.map((task) => ({ id: task.id, clauseLabel: task.clauseLabel, text: task.text, deadline: task.deadline, status: task.status, lead: task.leads.some((a) => a.id === agencyId) })),
		rolled: rollUp(tasks.map((task) => task.status)),
		open: open.rows,
		openTotal: open.total,
		overdue: open.rows.filter((item) => item.overdueDays > 0).length,
		commitments: open.rows.filter((item) => item.kind === 'commitment'),
		ranked: ranked && { rank: ranked.rank, score: ranked.score, card: ranked.card, group: ranked.group },
		report: report ? { id: Number(report.id), title: report.title, heardOn: report.heard_on, result: report.result } : null,
	}
}
