import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { demoPassword, logIn, menuLink, test } from './harness'

// The main menu: one line at 1280 px with every kind of record in it, groups
// that open by mouse, keyboard and without JavaScript, and a 菜单 button on a phone.

const desktop = { viewport: { width: 1280, height: 800 } }
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

function nav(page: Page) {
	return page.getByRole('navigation', { name: '菜单' })
}

function summary(page: Page, name: string) {
	return nav(page).locator('summary', { hasText: name })
}

/** The distinct tops of the menu's top-level entries: one line has one. */
async function menuLines(page: Page): Promise<number> {
	return nav(page)
		.locator('.main-nav__list > li')
		.evaluateAll((items) => new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size)
}

async function shoot(page: Page, resultsDir: string, name: string) {
	const folder = path.join(resultsDir, 'screenshots')
	fs.mkdirSync(folder, { recursive: true })
	await page.evaluate(() => document.fonts.ready.then(() => undefined))
	await page.screenshot({ path: path.join(folder, name), fullPage: false })
}

test('at 1280 px the whole menu is one line, with 代表建议 and 排名通报', async ({ newPage, resultsDir }) => {
	// The secretariat and the administrator see the longest menus.
	for (const username of ['mishu', 'admin']) {
		const page = await newPage(desktop)
		await logIn(page, username)
		assert.equal(await menuLines(page), 1, `${username}'s menu is one line`)
		assert.ok(await summary(page, '代表建议').isVisible(), `${username}'s menu has 代表建议`)
		assert.ok(await nav(page).getByRole('link', { name: '排名通报', exact: true }).isVisible(), `${username}'s menu has 排名通报`)
		const width = await nav(page).locator('.main-nav__list').evaluate((list) => list.scrollWidth - list.clientWidth)
		assert.equal(width, 0, 'nothing overflows the line')
		if (username === 'mishu') {
			await page.reload()
			await summary(page, '监督工作').click()
			await shoot(page, resultsDir, 'menu-desktop-1280.png')
		}
	}
})

test('a group opens by keyboard, Escape closes it, and choosing a page closes it', async ({ newPage }) => {
	const page = await newPage(desktop)
	await logIn(page, 'mishu')
	const group = summary(page, '监督工作')
	const reports = nav(page).getByRole('link', { name: '专项工作报告', exact: true })
	assert.equal(await reports.isVisible(), false, 'the group starts closed')
	await group.focus()
	await page.keyboard.press('Enter')
	await reports.waitFor()
	// Escape closes the group and gives the focus back to its button.
	await page.keyboard.press('Tab')
	await page.keyboard.press('Escape')
	await reports.waitFor({ state: 'hidden' })
	assert.equal(await group.evaluate((element) => element === document.activeElement), true, 'the focus is back on 监督工作')
	// Open again, Tab through the group to 专项工作报告 and follow it.
	await page.keyboard.press('Enter')
	await reports.waitFor()
	let steps = 0
	while (!(await reports.evaluate((element) => element === document.activeElement)) && steps++ < 10) await page.keyboard.press('Tab')
	await Promise.all([page.waitForURL((url) => url.pathname === '/reports'), page.keyboard.press('Enter')])
	await page.getByRole('heading', { level: 1, name: '专项工作报告' }).waitFor()
	await reports.waitFor({ state: 'hidden' })
	assert.equal(await group.getAttribute('class'), 'main-nav__summary active', '监督工作 is marked as the current group')
	// One group open at a time.
	await group.click()
	await summary(page, '陈静').click()
	await reports.waitFor({ state: 'hidden' })
	await nav(page).getByRole('link', { name: '修改密码', exact: true }).waitFor()
})

test('without JavaScript the groups still open and lead to their pages', async ({ newPage }) => {
	const page = await newPage({ ...desktop, javaScriptEnabled: false })
	await page.goto('/login')
	await page.locator('input[name="username"]').fill('weiyuan1')
	await page.locator('input[name="password"]').fill(demoPassword)
	await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: '登录', exact: true }).click()])
	await Promise.all([page.waitForURL((url) => url.pathname === '/deliberations'), (await menuLink(page, '审议')).click()])
	await page.getByRole('heading', { level: 1 }).first().waitFor()
	assert.equal(await menuLines(page), 1)
})

test('on a phone the menu waits behind its button and each entry is a line of its own', async ({ newPage, resultsDir }) => {
	const page = await newPage(phone)
	await logIn(page, 'mishu')
	const toggle = nav(page).locator('summary.main-nav__toggle')
	await toggle.waitFor()
	const home = nav(page).getByRole('link', { name: '首页', exact: true })
	assert.equal(await home.isVisible(), false, 'the menu starts closed on a phone')
	await toggle.click()
	await summary(page, '监督工作').click()
	await nav(page).getByRole('link', { name: '执法检查', exact: true }).waitFor()
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	assert.ok(width <= 390, `the open menu fits the phone (scrollWidth ${width})`)
	await shoot(page, resultsDir, 'menu-phone-390.png')
	await Promise.all([page.waitForURL((url) => url.pathname === '/inspections'), nav(page).getByRole('link', { name: '执法检查', exact: true }).click()])
	await home.waitFor({ state: 'hidden' })
})
