import { expect, test } from 'vitest'
import { getDb } from '#db/client.server'
import { shanghaiDate } from '~/domain/dates'
import { actorFor } from '#test/helpers'
import { agencyIdOf, deliberationRow, openTestDeliberation } from '#test/fixtures/deliberation'
import { loadSettings } from '../settings.server'
import { castVote, closeVote, saveLetter, sendLetter } from './mutations.server'
import { deliberationOpenItems, deliberationTodos, mayReadHandlingReportFiles } from './providers.server'

// The to-do, the agency page's open items and the handling report's downloads follow the
// deliberation's read scope: what the page would refuse, they do not show.

const db = () => getDb()
const today = () => shanghaiDate(new Date())

async function sentTo(responding: string) {
	const id = await openTestDeliberation({ responding })
	const mishu = await actorFor('mishu')
	const settings = await loadSettings(db())
	await castVote(db(), await actorFor('weiyuan1'), { deliberationId: id, choice: 'satisfied' })
	await closeVote(db(), mishu, { deliberationId: id, version: (await deliberationRow(id)).version, settings })
	const letter = { number: '武人常办〔2026〕8号', to: '武汉市人民政府', cc: '', body: '意见。', dueOn: null }
	await saveLetter(db(), mishu, { deliberationId: id, version: (await deliberationRow(id)).version, ...letter })
	return id
}

async function send(id: number) {
	await sendLetter(db(), await actorFor('mishu'), { deliberationId: id, version: (await deliberationRow(id)).version, today: today(), settings: await loadSettings(db()) })
}

// A demo user as the shared views see them.
async function reader(username: string) {
	const { id, role, agencyId } = await actorFor(username)
	if (id === null) throw new Error(`No id for '${username}'`)
	return { id, role, agencyId }
}

const hrefs = (items: Array<{ href: string }>) => items.map((i) => i.href)

test("an agency's open items show the letters it owes to whoever may read them, and to no other agency", async () => {
	const id = await sentTo('psb')
	const psb = await agencyIdOf('psb')
	const href = `/deliberations/${id}`
	// Not yet sent: owed by no one.
	expect(hrefs(await deliberationOpenItems(db(), await reader('mishu'), psb, today(), await loadSettings(db())))).not.toContain(href)
	await send(id)
	for (const as of ['mishu', 'admin', 'weiyuan1', 'daibiao1', 'gongan']) {
		expect(hrefs(await deliberationOpenItems(db(), await reader(as), psb, today(), await loadSettings(db()))), as).toContain(href)
	}
	expect(hrefs(await deliberationOpenItems(db(), await reader('jiaoyu'), psb, today(), await loadSettings(db())))).not.toContain(href)
	// The liaison's own to-do says the same.
	const todo = await deliberationTodos(db(), await reader('gongan'), today(), await loadSettings(db()))
	expect(todo.find((i) => i.href === href)).toMatchObject({ action: 'answer' })
	expect(hrefs(await deliberationTodos(db(), await reader('jiaoyu'), today(), await loadSettings(db())))).not.toContain(href)
})

test("the handling report's files are out of reach wherever the deliberation is", async () => {
	const id = await sentTo('psb')
	expect(await mayReadHandlingReportFiles(await reader('gongan'), id, db())).toBe(false)
	await send(id)
	expect(await mayReadHandlingReportFiles(await reader('gongan'), id, db())).toBe(true)
	expect(await mayReadHandlingReportFiles(await reader('jiaoyu'), id, db())).toBe(false)
	expect(await mayReadHandlingReportFiles(await reader('mishu'), 999_999_999, db())).toBe(false)
})
