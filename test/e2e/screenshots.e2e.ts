import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { clauseLabel, logIn, test } from './harness'

// Full-page screenshots for people to look at (layout, Chinese fonts, the phone view): not
// compared with anything, but a page that logs a console error still fails the test.

const viewports = {
	desktop: { viewport: { width: 1280, height: 800 } },
	phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
}

async function shoot(page: Page, file: string) {
	await page.waitForLoadState('networkidle')
	await page.evaluate(() => document.fonts.ready.then(() => undefined))
	await page.screenshot({ path: file, fullPage: true })
}

test('screenshots of the home, decision and clause pages on a desktop and a phone', async ({ newPage, resultsDir }) => {
	const folder = path.join(resultsDir, 'screenshots')
	fs.mkdirSync(folder, { recursive: true })
	for (const [device, options] of Object.entries(viewports)) {
		const page = await newPage(options)
		await logIn(page, 'mishu')
		await shoot(page, path.join(folder, `${device}-home.png`))

		await page.goto('/decision')
		await page.waitForURL(/\/instruments\/\d+/)
		await shoot(page, path.join(folder, `${device}-decision.png`))

		await page.getByRole('link', { name: clauseLabel('十一') }).first().click()
		await page.waitForURL(/\/clauses\/\d+$/)
		await shoot(page, path.join(folder, `${device}-clause.png`))
	}
})
