import { inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { reports } from '#db/schema'
import { agendaEntryAccess, agendaSubjectPath, type AgendaView } from '~/domain/meetings'
import { memberMayRead, type ReportState } from '~/domain/reports'
import { listAgenda } from '~/models/meetings.server'

// The agenda as one reader may see it. Titles-only readers (liaisons, deputies) get no record
// references at all; members get a link only to papers distributed to them.
export async function agendaFor(db: Database, meetingId: number, view: AgendaView) {
	const items = await listAgenda(db, meetingId)
	const reportIds = items.filter((i) => i.subjectType === 'report' && i.subjectId !== null).map((i) => i.subjectId as number)
	const states = new Map<number, ReportState>()
	if (view === 'member' && reportIds.length) {
		const rows = await db.select({ id: reports.id, state: reports.state }).from(reports).where(inArray(reports.id, reportIds))
		for (const row of rows) states.set(row.id, row.state)
	}
	return items.map((item) => {
		const state = item.subjectType === 'report' && item.subjectId !== null ? states.get(item.subjectId) : undefined
		// Members read every inspection and its report; a special work report once distributed.
		const readable = item.subjectType === 'inspection' || item.subjectType === 'inquiry' || (state !== undefined && memberMayRead(state))
		const access = agendaEntryAccess(view, item, readable)
		return {
			id: item.id,
			position: item.position,
			kind: item.kind,
			title: item.title,
			access,
			path: access === 'link' ? agendaSubjectPath(item.subjectType, item.subjectId) : null,
		}
	})
}
