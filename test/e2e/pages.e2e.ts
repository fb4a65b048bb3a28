import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { logIn, test } from './harness'

// Every page of the main menu, as every role, and the first record each list links to: the
// pages the other tests do not pass through still get their checks (run.ts loads every visited
// page again for axe, and saves its HTML for the Nu checker).

const roles = ['mishu', 'weiyuan1', 'daibiao1', 'gongan', 'admin']

// A record's own page, linked from a list: /reports/12, /agencies/3 …
const recordPage = /^\/(?:reports|meetings|deliberations|inspections|findings|concerns|agencies|clauses|admin\/users|admin\/agencies)\/\d+$/

async function menuAddresses(page: Page): Promise<Array<string>> {
	const hrefs = await page
		.getByRole('navigation', { name: '菜单' })
		.locator('a[href^="/"]')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
	return [...new Set(hrefs)]
}

// The first record a page links to, and on the administration page each of its sections.
async function linksToFollow(page: Page): Promise<Array<string>> {
	const hrefs = await page
		.getByRole('main')
		.locator('a[href^="/"]')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
	const record = hrefs.find((href) => recordPage.test(href))
	const sections = new URL(page.url()).pathname === '/admin' ? hrefs.filter((href) => /^\/admin\/[a-z-]+$/.test(href)) : []
	return [...(record ? [record] : []), ...sections]
}

for (const username of roles) {
	test(`every page of ${username}'s menu and the first record of each list`, async ({ newPage }) => {
		const page = await newPage()
		await logIn(page, username)
		const menu = await menuAddresses(page)
		assert.ok(menu.includes('/calendar'), `${username}'s menu links the calendar: ${menu.join(' ')}`)
		const linked = new Set<string>()
		for (const href of menu) {
			const response = await page.goto(href)
			assert.equal(response?.status(), 200, `${username} may open ${href}, which the menu offers`)
			for (const link of await linksToFollow(page)) linked.add(link)
		}
		for (const href of linked) {
			const response = await page.goto(href)
			assert.equal(response?.status(), 200, `${username} may open ${href}, which a page links to`)
		}
	})
}
