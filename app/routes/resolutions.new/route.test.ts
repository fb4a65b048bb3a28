import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { resolutionActions } from '#db/schema'
import { addDays } from '~/domain/dates'
import { runAction } from '#test/helpers'
import { agencyIdOf, meetingOn, today } from '#test/fixtures/interpellations'
import { action } from './route'

type Reply = { result: { error?: Record<string, Array<string>>; initialValue?: Record<string, unknown> } }

async function adopt(form: Record<string, string>) {
	return runAction(action, { path: '/resolutions/new', as: 'mishu', form })
}

async function base() {
	return {
		kind: 'resolution',
		title: '关于加强涉案资金返还工作的决议（测试）',
		body: '正文（测试）',
		meetingId: String(await meetingOn(today(), 0)),
		adoptedOn: today(),
		reportDueOn: addDays(today(), 90),
	}
}

test('empty rows of actions are ignored; the filled ones are saved in order', async () => {
	const psb = String(await agencyIdOf('psb'))
	const court = String(await agencyIdOf('court'))
	const outcome = await adopt({
		...(await base()),
		'actions[0].agencyId': psb,
		'actions[0].text': '建立返还机制（测试）',
		'actions[0].dueOn': addDays(today(), 30),
		'actions[1].agencyId': '',
		'actions[1].text': '',
		'actions[1].dueOn': '',
		'actions[2].agencyId': court,
		'actions[2].text': '出台审判指引（测试）',
		'actions[2].dueOn': addDays(today(), 60),
	})
	expect(outcome.status).toBe(302)
	const id = Number(/\/resolutions\/(\d+)/.exec(outcome.location ?? '')?.[1])
	const rows = await getDb().select().from(resolutionActions).where(eq(resolutionActions.resolutionId, id))
	expect(rows.map((r) => [r.position, r.text])).toEqual([
		[1, '建立返还机制（测试）'],
		[2, '出台审判指引（测试）'],
	])
})

test('a half-filled row says what is missing; no action at all is refused; what was typed comes back', async () => {
	const half = await adopt({ ...(await base()), 'actions[0].text': '只写了事项（测试）' })
	expect(half.status).toBe(400)
	expect((half.data as Reply).result.error).toMatchObject({ 'actions[0].agencyId': ['请选择承办单位。'], 'actions[0].dueOn': ['请填写完成期限。'] })
	expect((half.data as Reply).result.initialValue).toMatchObject({ title: '关于加强涉案资金返还工作的决议（测试）' })
	const none = await adopt(await base())
	expect((none.data as Reply).result.error?.actions).toEqual(['请至少列明一项需要办理的事项。'])
})

test('an action due after the reporting date is refused with the rule (Art. 17: the report covers every action)', async () => {
	const outcome = await adopt({
		...(await base()),
		'actions[0].agencyId': String(await agencyIdOf('psb')),
		'actions[0].text': '落实（测试）',
		'actions[0].dueOn': addDays(today(), 120),
	})
	expect(outcome.status).toBe(400)
	expect((outcome.data as Reply).result.error?.['']).toEqual(['各事项的完成期限应晚于通过日期，且不晚于报告执行情况的期限。'])
})
