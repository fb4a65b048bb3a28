import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { logIn, menuLink, test } from './harness'

// The office decides what the public page shows: it publishes a satisfaction result and the
// ranking notice from 公开管理, a stranger reads them on /public without signing in, and a
// withdrawal (which needs its reason) takes the result off again.

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

async function shoot(page: Page, resultsDir: string, name: string) {
	const folder = path.join(resultsDir, 'screenshots')
	fs.mkdirSync(folder, { recursive: true })
	await page.evaluate(() => document.fonts.ready.then(() => undefined))
	await page.screenshot({ path: path.join(folder, name), fullPage: true })
}

test('the office publishes a result and the ranking notice, the public reads them, and a withdrawal takes the result off', async ({ newPage, resultsDir, allowConsoleError }) => {
	// The refusals below answer 409 (published already) and 400 (no reason), as they should.
	allowConsoleError(/status of (409|400)/)
	const page = await newPage()
	await logIn(page, 'mishu')
	await (await menuLink(page, '公开管理')).click()
	await page.waitForURL((url) => url.pathname === '/publications')
	await page.getByRole('heading', { level: 1, name: '公开管理' }).waitFor()
	await page.getByText('尚未公开任何事项。').waitFor()

	// The first result waiting to be published.
	const firstResult = page.locator('.publish-list li').first()
	const title = (await firstResult.locator('a').first().textContent())?.trim() ?? ''
	assert.ok(title, 'the demo data has a satisfaction result to publish')
	await firstResult.getByRole('button', { name: '公开' }).click()
	await page.getByText('已公开，公开页面即时显示。').waitFor()
	await page.getByRole('button', { name: '公开本期排名通报' }).click()
	// The notice is already there from the first publication: wait for the notice's row.
	await page.locator('table tbody tr', { hasText: '排名通报（' }).waitFor()
	// The same period again is refused, beside its form, with the dates kept.
	await page.getByRole('button', { name: '公开本期排名通报' }).click()
	await page.getByText('该事项已经公开，无需重复公开').waitFor()
	assert.equal(await page.locator('table tbody tr').count(), 2, 'the record lists the two publications')
	await shoot(page, resultsDir, 'publications-1280.png')

	// A stranger, without a session.
	const stranger = await newPage()
	await stranger.goto('/public')
	await stranger.getByRole('heading', { level: 2, name: '满意度测评结果' }).waitFor()
	await stranger.getByRole('rowheader', { name: title }).first().waitFor()
	await stranger.getByRole('heading', { level: 2, name: '排名通报' }).waitFor()
	await shoot(stranger, resultsDir, 'public-published-1280.png')
	const strangerPhone = await newPage(phone)
	await strangerPhone.goto('/public')
	await strangerPhone.getByRole('heading', { level: 2, name: '排名通报' }).waitFor()
	const width = await strangerPhone.evaluate(() => document.documentElement.scrollWidth)
	assert.ok(width <= 390, `the public page fits a phone (scrollWidth ${width})`)
	await shoot(strangerPhone, resultsDir, 'public-published-phone.png')

	// Withdrawing the result: without a reason it is refused, with one it is done.
	const resultRow = page.locator('tbody tr', { has: page.getByRole('rowheader', { name: title }) })
	await resultRow.locator('summary', { hasText: '撤回' }).click()
	await resultRow.getByRole('button', { name: '撤回' }).click()
	await resultRow.getByText('请填写撤回理由。').waitFor()
	await resultRow.getByLabel('撤回理由').fill('测评结果需核对后重新公开')
	await resultRow.getByRole('button', { name: '撤回' }).click()
	await page.getByText('已撤回，公开页面不再显示。').waitFor()
	await page.getByText('撤回：测评结果需核对后重新公开').waitFor()
	await stranger.reload()
	await stranger.getByRole('heading', { level: 2, name: '排名通报' }).waitFor()
	assert.equal(await stranger.getByRole('heading', { level: 2, name: '满意度测评结果' }).count(), 0, 'the withdrawn result is gone')

	// On a phone the office's page reads in one column.
	const office = await newPage(phone)
	await logIn(office, 'mishu')
	await office.goto('/publications')
	const officeWidth = await office.evaluate(() => document.documentElement.scrollWidth)
	assert.ok(officeWidth <= 390, `公开管理 fits a phone (scrollWidth ${officeWidth})`)
	await shoot(office, resultsDir, 'publications-phone.png')
})
