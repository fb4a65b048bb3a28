import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { auditEvents, settings } from '#db/schema'
import { seenKey, settingDefaults, settingDefinitions } from '~/domain/settings'
import { en } from '~/i18n/en'
import { zh } from '~/i18n/zh'
import { loadSettings } from '~/models/settings.server'
import { runAction, runLoader } from '#test/helpers'
import { action, loader } from './route'

async function formWith(changes: Record<string, string>) {
	const current = await loadSettings(getDb())
	return {
		...Object.fromEntries(Object.entries(current).map(([key, value]) => [key, String(value)])),
		seen: seenKey(current),
		...changes,
	}
}

test('every setting has a label, an explanation and a group in both languages', () => {
	for (const definition of settingDefinitions) {
		for (const messages of [zh, en]) {
			expect(messages.adminSettings.items[definition.key].label).not.toBe('')
			expect(messages.adminSettings.items[definition.key].help).not.toBe('')
			expect(messages.adminSettings.groups[definition.group]).not.toBe('')
		}
	}
	expect(Object.keys(zh.adminSettings.items).sort()).toEqual(Object.keys(settingDefaults).sort())
})

test('a setting out of range is refused with its field error, the input is kept and nothing is saved', async () => {
	const form = await formWith({ sessionIdleMinutes: '45', interpellationMinSigners: '2' })
	const outcome = await runAction(action, { path: '/admin/settings', as: 'admin', form })
	expect(outcome.status).toBe(400)
	const result = (outcome.data as { result: { error: Record<string, Array<string>>; initialValue: Record<string, string> } }).result
	expect(result.error.interpellationMinSigners).toEqual(['请输入 3 到 10 之间的整数。'])
	expect(result.error.sessionIdleMinutes).toBeUndefined()
	expect(result.initialValue.sessionIdleMinutes).toBe('45')
	expect(await getDb().select().from(settings)).toEqual([])
	expect(await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'settings.update'))).toEqual([])
})

test('a value that is not a whole number is refused', async () => {
	const outcome = await runAction(action, { path: '/admin/settings', as: 'admin', form: await formWith({ todoHorizonDays: '7.5', redCardOverdueDays: 'abc' }) })
	expect(outcome.status).toBe(400)
	const errors = (outcome.data as { result: { error: Record<string, Array<string>> } }).result.error
	expect(errors.todoHorizonDays).toEqual(['请输入整数。'])
	expect(errors.redCardOverdueDays).toEqual(['请输入整数。'])
	expect(await getDb().select().from(settings)).toEqual([])
})

test('saving writes only the changed values, each with an audit event', async () => {
	const outcome = await runAction(action, { path: '/admin/settings', as: 'admin', form: await formWith({ sessionIdleMinutes: '45', concernReturnDays: '15' }) })
	expect(outcome.status).toBe(200)
	expect((outcome.data as { saved: number }).saved).toBe(2)
	expect(await loadSettings(getDb())).toMatchObject({ sessionIdleMinutes: 45, concernReturnDays: 15, todoHorizonDays: 14 })
	const events = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'settings.update'))
	expect(events.map((e) => [e.entityId, e.before, e.after])).toEqual(
		expect.arrayContaining([
			['sessionIdleMinutes', { value: 30 }, { value: 45 }],
			['concernReturnDays', { value: 10 }, { value: 15 }],
		]),
	)
	const page = await runLoader(loader, { path: '/admin/settings', as: 'admin' })
	expect((page.data as { settings: { sessionIdleMinutes: number } }).settings.sessionIdleMinutes).toBe(45)
})

test('a save based on values someone else has changed since is refused', async () => {
	const stale = await formWith({})
	await runAction(action, { path: '/admin/settings', as: 'admin', form: await formWith({ todoHorizonDays: '21' }) })
	const outcome = await runAction(action, { path: '/admin/settings', as: 'admin', form: { ...stale, yellowCardOverdueDays: '40' } })
	expect(outcome.status).toBe(409)
	expect(JSON.stringify(outcome.data)).toContain('该记录已被他人修改')
	expect((await loadSettings(getDb())).yellowCardOverdueDays).toBe(30)
})

test('only an admin may read or change the settings', async () => {
	for (const as of ['mishu', 'weiyuan1', 'daibiao1', 'gongan']) {
		expect((await runLoader(loader, { path: '/admin/settings', as })).status).toBe(403)
		const outcome = await runAction(action, { path: '/admin/settings', as, form: await formWith({ todoHorizonDays: '30' }) })
		expect(outcome.status).toBe(403)
	}
	expect((await loadSettings(getDb())).todoHorizonDays).not.toBe(30)
})

test('Art. 15: a revision due before the draft, or a distribution before the revision, is refused next to the field, the input kept', async () => {
	const revisedFirst = await runAction(action, { path: '/admin/settings', as: 'admin', form: await formWith({ reportRevisedDaysBefore: '25' }) })
	expect(revisedFirst.status).toBe(400)
	const first = (revisedFirst.data as { result: { error: Record<string, Array<string>>; initialValue: Record<string, string> } }).result
	expect(first.error.reportRevisedDaysBefore?.[0]).toContain('20')
	expect(first.initialValue.reportRevisedDaysBefore).toBe('25')
	// The draft strictly before the revision: the same day is refused too.
	const sameDay = await runAction(action, { path: '/admin/settings', as: 'admin', form: await formWith({ reportDraftDaysBefore: '10' }) })
	expect(sameDay.status).toBe(400)
	expect((sameDay.data as { result: { error: Record<string, Array<string>> } }).result.error.reportRevisedDaysBefore).toBeTruthy()
	const distributedFirst = await runAction(action, { path: '/admin/settings', as: 'admin', form: await formWith({ reportDistributeDaysBefore: '12' }) })
	expect(distributedFirst.status).toBe(400)
	expect((distributedFirst.data as { result: { error: Record<string, Array<string>> } }).result.error.reportDistributeDaysBefore?.[0]).toContain('10')
	expect(await loadSettings(getDb())).toMatchObject({ reportDraftDaysBefore: 20, reportRevisedDaysBefore: 10, reportDistributeDaysBefore: 7 })
	// The revised report may be distributed the day it is due.
	const sameDayDistribution = await runAction(action, { path: '/admin/settings', as: 'admin', form: await formWith({ reportDistributeDaysBefore: '10' }) })
	expect(sameDayDistribution.status).toBe(200)
	expect((await loadSettings(getDb())).reportDistributeDaysBefore).toBe(10)
})
