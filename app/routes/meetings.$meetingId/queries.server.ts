import { inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { reports } from '#db/schema'
import { agendaItemAccess, agendaSubjectPath, meetingPolicy, type MeetingReader } from '~/domain/meetings'
import type { ReportState } from '~/domain/reports'
import { listAgenda } from '~/models/meetings/queries.server'

// The agenda as one reader may see it (agendaItemAccess). Titles-only readers (liaisons,
// deputies) get no record references at all; members get a link only to papers distributed to
// them.
export async function agendaFor(db: Database, meetingId: number, reader: MeetingReader) {
	const items = await listAgenda(db, meetingId)
	const reportIds = items.filter((i) => i.subjectType === 'report' && i.subjectId !== null).map((i) => i.subjectId as number)
	const states = new Map<number, ReportState>()
	if (meetingPolicy(reader).agenda === 'member' && reportIds.length) {
		const rows = await db.select({ id: reports.id, state: reports.state }).from(reports).where(inArray(reports.id, reportIds))
		for (const row of rows) states.set(row.id, row.state)
	}
	return items.map((item) => {
		const state = item.subjectType === 'report' && item.subjectId !== null ? (states.get(item.subjectId) ?? null) : null
		const access = agendaItemAccess(reader, item, state)
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
