import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { shanghaiDate } from '~/domain/dates'
import { settingDefaults } from '~/domain/settings'
import { actorFor } from '#test/helpers'
import { inboxCount } from './inbox.server'
import { loadTodo } from './registry.server'
import { recordAudit } from './write.server'

test("the menu's count is the to-do list's awaiting length for every role, and follows a write", async () => {
	const today = shanghaiDate(new Date())
	for (const username of ['admin', 'mishu', 'weiyuan1', 'daibiao1', 'gongan']) {
		const actor = await actorFor(username)
		const user = { id: actor.id as number, role: actor.role, agencyId: actor.agencyId }
		const expected = (await loadTodo(getDb(), user, today, { ...settingDefaults })).awaiting.length
		expect(await inboxCount(getDb(), user, today)).toBe(expected)
		// Again from the cache.
		expect(await inboxCount(getDb(), user, today)).toBe(expected)
	}
	const mishu = await actorFor('mishu')
	await recordAudit(getDb(), mishu, { action: 'test.touch', entityType: 'test' })
	const user = { id: mishu.id as number, role: mishu.role, agencyId: mishu.agencyId }
	expect(await inboxCount(getDb(), user, today)).toBe((await loadTodo(getDb(), user, today, { ...settingDefaults })).awaiting.length)
})
