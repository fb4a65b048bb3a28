import { expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agendaItems, inquiries } from '#db/schema'
import { agencyIdOf, clauseIdOf, comingMeeting, dayAfter, userIdOf } from '#test/fixtures/inquiries'
import { runAction } from '#test/helpers'
import { action } from './route'

const post = (form: Record<string, string | Array<string>>, as = 'mishu') => runAction(action, { path: '/inquiries/new', as, form })

async function validForm() {
	const meeting = await comingMeeting()
	return {
		kind: 'special',
		topic: '反诈宣传进社区工作（测试）',
		meetingId: String(meeting.id),
		heldOn: meeting.startsOn,
		withVote: 'on',
		clauseIds: [String(await clauseIdOf('（十六）')), String(await clauseIdOf('（十七）'))],
		'respondents[0].agencyId': String(await agencyIdOf('civil-affairs')),
		'respondents[0].officialName': '张某（测试）',
		'respondents[0].officialTitle': '局长',
		'respondents[1].agencyId': '',
		'respondents[1].officialName': '',
		'respondents[1].officialTitle': '',
		askerIds: [String(await userIdOf('weiyuan3'))],
	}
}

test('the secretariat schedules a 专题询问 with a vote: it is on the meeting agenda, and the page opens on it', async () => {
	const outcome = await post(await validForm())
	expect(outcome.status).toBe(302)
	const id = Number(/^\/inquiries\/(\d+)\?done=scheduled$/.exec(outcome.location ?? '')?.[1])
	const [row] = await getDb().select().from(inquiries).where(eq(inquiries.id, id))
	expect(row).toMatchObject({ kind: 'special', topic: '反诈宣传进社区工作（测试）', withVote: true, state: 'scheduled' })
	const agenda = await getDb().select().from(agendaItems).where(and(eq(agendaItems.subjectType, 'inquiry'), eq(agendaItems.subjectId, id)))
	expect(agenda).toMatchObject([{ kind: 'inquiry', title: '就反诈宣传进社区工作（测试）开展专题询问' }])
})

test('a day outside the meeting, a half-filled row and a missing answering agency come back beside their fields, with the input kept', async () => {
	const meeting = await comingMeeting()
	const form = { ...(await validForm()), topic: '不应保存的专题询问（测试）' }
	const outside = await post({ ...form, heldOn: dayAfter(meeting.endsOn) })
	expect(outside.status).toBe(400)
	const reply = outside.data as { result: { error: Record<string, Array<string>>; initialValue: Record<string, unknown> } }
	expect(reply.result.error.heldOn?.[0]).toMatch(/会议期间/)
	expect(reply.result.initialValue.topic).toBe('不应保存的专题询问（测试）')
	const halfRow = await post({ ...form, 'respondents[1].officialName': '只填了姓名' })
	expect((halfRow.data as typeof reply).result.error['respondents[1].agencyId']).toBeDefined()
	expect((halfRow.data as typeof reply).result.error['respondents[1].officialTitle']).toBeDefined()
	const none = await post({ ...form, 'respondents[0].agencyId': '', 'respondents[0].officialName': '', 'respondents[0].officialTitle': '' })
	expect((none.data as typeof reply).result.error.respondents?.[0]).toMatch(/至少填写一个应询单位/)
	// A vertically managed unit is not offered, and refused when posted.
	const vertical = await post({ ...form, 'respondents[0].agencyId': String(await agencyIdOf('pbc-hubei')) })
	expect((vertical.data as typeof reply).result.error['respondents[0].agencyId']).toBeDefined()
	expect(await getDb().select().from(inquiries).where(eq(inquiries.topic, '不应保存的专题询问（测试）'))).toHaveLength(0)
})

test('a 询问 is held at the meeting of the report it is put on', async () => {
	const meeting = await comingMeeting()
	const { reports } = await import('#db/schema')
	const [report] = await getDb().select({ id: reports.id }).from(reports).where(eq(reports.meetingId, meeting.id)).limit(1)
	const form = await validForm()
	const outcome = await post({ ...form, kind: 'inquiry', meetingId: '', subject: `report:${report.id}`, clauseIds: [], topic: '审议报告时的询问（测试）' })
	expect(outcome.status).toBe(302)
	const [row] = await getDb().select().from(inquiries).where(eq(inquiries.topic, '审议报告时的询问（测试）'))
	expect(row).toMatchObject({ kind: 'inquiry', meetingId: meeting.id, reportId: report.id, withVote: false })
})
