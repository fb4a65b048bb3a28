import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agendaItems, resolutionActions } from '#db/schema'
import { addDays } from '~/domain/dates'
import { resolutionHref } from '~/domain/links'
import { loadAgencyOpenItems, loadTodo } from '~/models/registry.server'
import { isRefused } from '~/models/write.server'
import { actorFor } from '#test/helpers'
import { adoptedResolution, agencyIdOf, meetingOn, settings, today } from '#test/fixtures/interpellations'
import { acceptAction, adoptResolution, reopenAction, respondToAction } from './mutations.server'
import { getResolution, listResolutions } from './queries.server'
import { resolutionOpenItems, resolutionTodos } from './providers.server'

const db = () => getDb()

async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (isRefused(error)) return error.refusal
		throw error
	}
	throw new Error('expected a refusal')
}

async function actionOf(resolutionId: number, agency: string) {
	const agencyId = await agencyIdOf(agency)
	const rows = await db().select().from(resolutionActions).where(eq(resolutionActions.resolutionId, resolutionId))
	return rows.find((r) => r.agencyId === agencyId)!
}

// A signed-in user as the shared views take them.
async function viewerOf(username: string) {
	const actor = await actorFor(username)
	return { ...actor, id: actor.id as number }
}

test('adopting a resolution puts it on its meeting’s agenda with its actions', async () => {
	const id = await adoptedResolution([
		{ agency: 'psb', dueIn: 30 },
		{ agency: 'edu', dueIn: 60 },
	])
	const resolution = await getResolution(db(), id)
	expect(resolution?.actions.map((a) => a.agencyShortName)).toHaveLength(2)
	const items = await db().select().from(agendaItems).where(eq(agendaItems.meetingId, resolution!.meetingId))
	expect(items).toMatchObject([{ kind: 'resolution', subjectType: 'resolution', subjectId: id }])
})

test('the office alone adopts; an action of a vertically managed unit is refused', async () => {
	const meetingId = await meetingOn(today(), 0)
	const input = {
		kind: 'decision' as const,
		title: '测试决定',
		body: '正文',
		meetingId,
		adoptedOn: today(),
		reportDueOn: addDays(today(), 90),
		clauseIds: [],
		subject: null,
		actions: [{ agencyId: await agencyIdOf('nfra-hubei'), text: '落实', dueOn: addDays(today(), 30) }],
		today: today(),
	}
	expect(await refusal(adoptResolution(db(), await actorFor('mishu'), input))).toMatchObject({ code: 'resolutions.actingAgency' })
	expect(await refusal(adoptResolution(db(), await actorFor('weiyuan1'), { ...input, actions: [] }))).toMatchObject({ kind: 'forbidden' })
})

test('the acting agency reports, the office sends back with a reason, the agency reports again, the office closes', async () => {
	const id = await adoptedResolution([{ agency: 'psb', dueIn: 30 }])
	const action = await actionOf(id, 'psb')
	const base = { resolutionId: id, actionId: action.id, today: today() }
	// Another agency's liaison does not report on it.
	expect(await refusal(respondToAction(db(), await actorFor('jiaoyu'), { ...base, version: 1, response: '不相干' }))).toMatchObject({ kind: 'forbidden' })
	await respondToAction(db(), await actorFor('gongan'), { ...base, version: 1, response: '已建立快速返还机制（测试）' })
	expect(await refusal(respondToAction(db(), await actorFor('gongan'), { ...base, version: 2, response: '再报' }))).toMatchObject({ code: 'resolutions.respondState' })
	await reopenAction(db(), await actorFor('mishu'), { ...base, version: 2, reason: '未说明返还金额（测试）' })
	const todos = await resolutionTodos(db(), await viewerOf('gongan'), today(), settings)
	expect(todos).toContainEqual(expect.objectContaining({ action: 'execute_again', href: `${resolutionHref(id)}#action-${action.id}` }))
	await respondToAction(db(), await actorFor('gongan'), { ...base, version: 3, response: '已返还（测试）' })
	expect(await refusal(acceptAction(db(), await actorFor('mishu'), { ...base, version: 3 }))).toMatchObject({ kind: 'stale' })
	await acceptAction(db(), await actorFor('mishu'), { ...base, version: 4 })
	const [row] = await db().select().from(resolutionActions).where(eq(resolutionActions.id, action.id))
	expect(row).toMatchObject({ state: 'accepted', acceptedOn: today(), response: '已返还（测试）' })
})

test('an action is overdue after its own date; the agency’s execution report after the reporting date while one is unreported', async () => {
	const id = await adoptedResolution(
		[
			{ agency: 'psb', dueIn: -5 },
			{ agency: 'edu', dueIn: -5 },
		],
		{ adoptedAgo: 60, reportDueIn: -2 },
	)
	const edu = await actionOf(id, 'edu')
	await respondToAction(db(), await actorFor('jiaoyu'), { resolutionId: id, actionId: edu.id, version: 1, response: '已落实（测试）', today: today() })
	const psbId = await agencyIdOf('psb')
	const eduId = await agencyIdOf('edu')
	const viewer = await viewerOf('mishu')
	const psbItems = await loadAgencyOpenItems(db(), viewer, psbId, today(), settings)
	const mine = psbItems.filter((i) => i.kind === 'resolution' && i.href.startsWith(resolutionHref(id)))
	expect(mine.map((i) => [i.action, i.overdueDays])).toEqual(
		expect.arrayContaining([
			['execute', 5],
			['report_execution', 2],
		]),
	)
	// edu reported its only action: nothing owed, no report overdue.
	const eduItems = (await resolutionOpenItems(db(), viewer, eduId, today(), settings)).filter((i) => i.href.startsWith(resolutionHref(id)))
	expect(eduItems).toEqual([])
	// The office is asked to check edu's report.
	const lists = await loadTodo(db(), viewer, today(), settings, [resolutionTodos])
	expect(lists.awaiting.map((i) => i.href)).toContain(`${resolutionHref(id)}#action-${edu.id}`)
	// The list's filter finds it among the overdue.
	const overdue = await listResolutions(db(), { status: 'overdue', page: 1 }, today())
	expect(overdue.rows.map((r) => r.id)).toContain(id)
	expect(overdue.rows.find((r) => r.id === id)).toMatchObject({ overdueActions: 1, reportOverdueDays: 2, status: 'executing' })
})
