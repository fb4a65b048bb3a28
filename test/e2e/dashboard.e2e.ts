import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { logIn, menuLink, test } from './harness'

// A member opens the dashboard from the menu, the charts draw after hydration, and a click on a
// bar leads to the list behind it, which counts what the bar's table cell says.

async function shoot(page: Page, resultsDir: string, name: string) {
	const folder = path.join(resultsDir, 'screenshots')
	fs.mkdirSync(folder, { recursive: true })
	await page.evaluate(() => document.fonts.ready.then(() => undefined))
	await page.screenshot({ path: path.join(folder, name), fullPage: true })
}

// The figures of a chart's table: the address each figure links to, and the figure.
async function tableLinks(page: Page, chart: string): Promise<Map<string, number>> {
	const links = await page.locator(`#${chart} table tbody td a`).evaluateAll((anchors) =>
		anchors.map((a) => [new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).search, Number(a.textContent)] as const),
	)
	return new Map(links)
}

async function clickFirstBar(page: Page, chart: string) {
	const bar = page.locator(`[data-chart="${chart}"] .recharts-bar-rectangle path`).first()
	await bar.waitFor()
	await bar.click()
}

test('a member clicks a bar of the dashboard and lands on the filtered list it counts', async ({ newPage, resultsDir }) => {
	const page = await newPage()
	await logIn(page, 'weiyuan1')
	// The home page leads with the status summary and its way to the dashboard.
	await page.getByRole('heading', { name: '决定落实情况' }).waitFor()
	await (await menuLink(page, '统计图表')).click()
	await page.waitForURL((url) => url.pathname === '/dashboard')
	await page.getByRole('heading', { level: 1, name: '统计图表' }).waitFor()
	await page.locator('[data-chart="status-by-part"] svg.recharts-surface').first().waitFor()
	await page.waitForLoadState('networkidle')
	await shoot(page, resultsDir, 'dashboard-1280.png')

	// Status by part: the bar leads to the 责任分解表 filtered by part and status.
	const statusLinks = await tableLinks(page, 'status-by-part')
	await clickFirstBar(page, 'status-by-part')
	await page.waitForURL((url) => url.pathname === '/tasks')
	const landed = new URL(page.url())
	const expected = statusLinks.get(landed.pathname + landed.search)
	assert.ok(expected !== undefined, `the bar led to a list the table names: ${landed.pathname}${landed.search}`)
	assert.match(landed.search, /part=\d+&status=\w+/)
	await page.getByText(`共 ${expected} 项任务`).waitFor()
	assert.equal(await page.locator('table.task-table tbody tr').count(), expected)

	// Overdue items by agency: the bar leads to the open-items list filtered by agency and kind.
	await page.goBack()
	await page.waitForURL((url) => url.pathname === '/dashboard')
	await page.locator('#overdue table.chart__table').waitFor()
	await page.locator('[data-chart="overdue"] svg.recharts-surface').first().waitFor()
	const overdueLinks = await tableLinks(page, 'overdue')
	assert.ok(overdueLinks.size > 0, 'the demo data has overdue items')
	await clickFirstBar(page, 'overdue')
	await page.waitForURL((url) => url.pathname === '/open-items')
	const list = new URL(page.url())
	const count = overdueLinks.get(list.pathname + list.search)
	assert.ok(count !== undefined, `the bar led to a list the table names: ${list.pathname}${list.search}`)
	await page.getByText(`共 ${count} 项`, { exact: true }).waitFor()
	assert.equal(await page.locator('table.open-items tbody tr').count(), count)
	await shoot(page, resultsDir, 'open-items-from-bar.png')
})

test('the ranking notice shows the cards the demo earned, and a liaison sees its own line', async ({ newPage, resultsDir }) => {
	const page = await newPage()
	await logIn(page, 'weiyuan1')
	await page.goto('/ranking')
	await page.getByRole('heading', { level: 1, name: '排名通报' }).waitFor()
	assert.ok((await page.locator('.card-badge--red').count()) >= 1, 'a red card')
	assert.ok((await page.locator('.card-badge--yellow').count()) >= 1, 'a yellow card')
	await shoot(page, resultsDir, 'ranking-1280.png')
	// The red-carded agency's briefing, from its line of the notice.
	const red = page.locator('table.ranking-table tbody tr', { has: page.locator('.card-badge--red') }).first()
	await red.locator('th a').click()
	await page.waitForURL(/\/agencies\/\d+$/)
	// Its 警示记录 has the red card it holds today, with the items behind it.
	const history = page.getByRole('region', { name: '警示记录' })
	const held = history.locator('tbody tr', { has: page.locator('.card-badge--red') }).filter({ hasText: '尚未解除' })
	await held.first().waitFor()
	assert.equal(await held.count(), 1, 'the red card held today is in the 警示记录')
	assert.ok((await held.locator('td a').count()) >= 1, 'with the items behind it')
	await shoot(page, resultsDir, 'agency-card-history.png')
	await page.getByRole('link', { name: '情况简报（打印）' }).click()
	await page.waitForURL(/\/agencies\/\d+\/briefing$/)
	await page.getByRole('heading', { level: 2, name: '三、排名和警示' }).waitFor()
	await page.getByText('红牌').first().waitFor()
	await shoot(page, resultsDir, 'briefing.png')
	const liaison = await newPage()
	await logIn(liaison, 'gongan')
	await liaison.goto('/ranking')
	assert.equal(await liaison.locator('table.ranking-table tbody tr').count(), 1)
})

test('the dashboard reads without JavaScript: sentences and tables, no chart code', async ({ newPage }) => {
	const page = await newPage({ javaScriptEnabled: false })
	await logIn(page, 'mishu')
	await page.goto('/dashboard')
	await page.getByRole('heading', { level: 2, name: '各部分落实情况' }).waitFor()
	assert.ok((await page.locator('table.chart__table').count()) >= 4, 'every chart has its table')
	assert.equal(await page.locator('svg.recharts-surface').count(), 0)
})

test('the public page opens without a session', async ({ newPage }) => {
	const page = await newPage()
	const response = await page.goto('/public')
	assert.equal(response?.status(), 200)
	await page.getByRole('heading', { level: 2, name: '各条款落实情况' }).waitFor()
	assert.equal(await page.getByRole('navigation', { name: '菜单' }).count(), 0)
})
