import { expect, test } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agendaItems, appMeta, interpellationRounds, interpellations, interpellationSigners, interpellationVerdicts, resolutionActions, resolutions } from '#db/schema'
import { actionOverdueDays } from '~/domain/resolutions'
import { addDays } from '~/domain/dates'

// What the demo's interpellations and resolution must show: a second round with both council
// decisions, two answers and the verdicts; a draft short of signers being co-signed; a resolution
// with an overdue action among actions in every state but sent back.

const db = () => getDb()

async function seededOn(): Promise<string> {
	const [row] = await db().select().from(appMeta).where(eq(appMeta.key, 'demoSeededOn'))
	return row.value as string
}

test('one interpellation went to a second round: two council decisions, two answers, verdicts in each round', async () => {
	const [second] = await db().select().from(interpellations).where(eq(interpellations.matter, '电信网络诈骗涉案资金返还工作迟缓问题（示例）'))
	expect(second).toMatchObject({ state: 'closed', round: 2, source: 'app' })
	const signers = await db().select().from(interpellationSigners).where(eq(interpellationSigners.interpellationId, second.id))
	expect(signers.filter((s) => s.signedAt && !s.withdrawnAt)).toHaveLength(6)
	const rounds = await db().select().from(interpellationRounds).where(eq(interpellationRounds.interpellationId, second.id)).orderBy(asc(interpellationRounds.round))
	expect(rounds.map((r) => [r.mode, r.reanswerDecision, Boolean(r.answeredOn), Boolean(r.answererName)])).toEqual([
		['written', 'granted', true, true],
		['oral', null, true, true],
	])
	const verdicts = await db().select().from(interpellationVerdicts).where(eq(interpellationVerdicts.interpellationId, second.id))
	// Four of six unsatisfied in the first round (more than half), one in the second.
	expect(verdicts.filter((v) => v.round === 1 && v.verdict === 'unsatisfied')).toHaveLength(4)
	expect(verdicts.filter((v) => v.round === 2 && v.verdict === 'unsatisfied')).toHaveLength(1)
	// The oral answer is on the agenda of the meeting 10 days ago.
	const items = await db().select().from(agendaItems).where(eq(agendaItems.subjectId, second.id))
	expect(items.filter((i) => i.subjectType === 'interpellation' && i.meetingId === rounds[1].meetingId)).toHaveLength(1)
})

test('one draft is being co-signed, short of the five signers it needs', async () => {
	const [draft] = await db().select().from(interpellations).where(eq(interpellations.state, 'draft'))
	const signers = await db().select().from(interpellationSigners).where(eq(interpellationSigners.interpellationId, draft.id))
	expect(signers.filter((s) => s.signedAt)).toHaveLength(3)
	expect(signers.filter((s) => s.invitedAt && !s.signedAt)).toHaveLength(3)
})

test('a resolution has an overdue action, one closed and one reported for the office to check', async () => {
	const today = await seededOn()
	const [resolution] = await db().select().from(resolutions)
	expect(resolution.subjectType).toBe('report')
	const actions = await db().select().from(resolutionActions).where(eq(resolutionActions.resolutionId, resolution.id))
	const overdue = actions.filter((a) => actionOverdueDays(a, today) > 0)
	expect(overdue).toHaveLength(1)
	expect(overdue[0].dueOn).toBe(addDays(today, -20))
	expect(actions.map((a) => a.state).sort()).toEqual(['accepted', 'open', 'open', 'responded'])
})
