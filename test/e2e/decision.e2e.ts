import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { clauseLabel, logIn, parseCsv, test } from './harness'

// The spine of the app in a real browser: the secretariat reads a clause with its agencies,
// corrects a task's lead agency, and finds the change in the 责任分解表's CSV; an agency
// liaison reads the same clause but cannot edit it.

// The seeded subject mapping turns (十一)'s "金融、通信、互联网等行业主管部门" into these leads
// (db/seed/subject-mapping.ts, industryRegulators; short names from db/seed/agencies.ts).
const expectedLeads = ['人民银行湖北省分行', '湖北金融监管局', '省通信管理局', '市委网信办']
// The change: the securities regulator out, the postal administration in.
const removedLead = { name: '中国证券监督管理委员会湖北监管局', shortName: '湖北证监局' }
const addedLead = { name: '武汉市邮政管理局', shortName: '市邮政管理局' }

const csvHeader = ['序号', '条款', '工作任务', '牵头单位', '配合单位', '完成时限', '落实情况']

// AgencyBadge reads "<short name>（牵头）" to assistive technology: the role is part of its name.
function leadBadge(scope: Page | Locator, shortName: string) {
	return scope.getByRole('link', { name: new RegExp(`^${shortName}\\s*（牵头）$`) })
}

async function openClause(page: Page, numeral: string) {
	await page.getByRole('navigation').getByRole('link', { name: '决定全文', exact: true }).click()
	await page.waitForURL(/\/instruments\/\d+/)
	await page.getByRole('link', { name: clauseLabel(numeral) }).first().click()
	await page.waitForURL(/\/clauses\/\d+$/)
	await page.getByRole('heading', { level: 1, name: new RegExp(`[（(]${numeral}[）)]`) }).waitFor()
	await page.waitForLoadState('networkidle')
}

// The 牵头单位和配合单位 form of /tasks/$taskId/edit: a table of agencies (full names) with a
// 牵头 and a 配合 checkbox on each row, saved by 保存责任单位.
async function replaceLead(page: Page, from: typeof removedLead, to: typeof addedLead) {
	const picker = page.getByRole('region', { name: '牵头单位和配合单位' })
	const leadBox = (agency: typeof addedLead) => picker.getByRole('checkbox', { name: `${agency.name} 牵头`, exact: true })
	assert.equal(await leadBox(from).isChecked(), true, `${from.shortName} leads before the change`)
	await leadBox(from).uncheck()
	await leadBox(to).check()
	await picker.getByRole('button', { name: '保存责任单位', exact: true }).click()
	await page.waitForURL((url) => url.searchParams.get('done') === 'agencies')
	await page.getByText('责任单位已保存。').waitFor()
}

test('the secretariat reads clause (十一), changes a lead agency and exports the change as CSV', async ({ newPage, resultsDir }) => {
	const page = await newPage()
	await logIn(page, 'mishu')

	// The decision page, then clause (十一) with the agencies the subject mapping gave it.
	await openClause(page, '十一')
	const clauseUrl = new URL(page.url()).pathname
	for (const shortName of expectedLeads) {
		await leadBadge(page.getByRole('main'), shortName).first().waitFor()
	}
	const card = page.locator('li[id^="task-"]').filter({ has: leadBadge(page, removedLead.shortName) }).first()
	const taskText = (await card.locator('p').first().innerText()).trim()
	assert.ok(taskText.length > 10, 'the task card shows the task text')

	// The task's edit page: swap one lead agency and save.
	await card.getByRole('link', { name: '编辑', exact: true }).click()
	await page.waitForURL(/\/tasks\/\d+\/edit$/)
	const taskId = Number(new URL(page.url()).pathname.split('/')[2])
	await page.waitForLoadState('networkidle')
	await replaceLead(page, removedLead, addedLead)

	// Back to the clause page (the edit page's breadcrumb): the new lead is on that task, the
	// old one is gone.
	await page.getByRole('navigation').getByRole('link', { name: clauseLabel('十一') }).click()
	await page.waitForURL((url) => url.pathname === clauseUrl)
	const edited = page.locator(`#task-${taskId}`)
	await leadBadge(edited, addedLead.shortName).waitFor()
	assert.equal(await leadBadge(edited, removedLead.shortName).count(), 0, `${removedLead.shortName} is no longer a lead`)

	// The 责任分解表 as CSV: BOM, the agreed header, and the changed lead on the task's row.
	await page.getByRole('navigation').getByRole('link', { name: '责任分解表', exact: true }).click()
	await page.waitForURL((url) => url.pathname === '/tasks')
	await page.waitForLoadState('networkidle')
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: '导出 CSV' }).first().click(),
	])
	assert.match(download.suggestedFilename(), /^责任分解表-\d{4}-\d{2}-\d{2}\.csv$/)
	const saved = path.join(resultsDir, 'tasks-export.csv')
	await download.saveAs(saved)
	const bytes = fs.readFileSync(saved)
	assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 BOM')
	const rows = parseCsv(bytes.subarray(3).toString('utf8')).filter((row) => row.some((cell) => cell !== ''))
	assert.deepEqual(rows[0], csvHeader)
	const row = rows.find((r) => r[2].trim() === taskText)
	assert.ok(row, `the CSV has a row for the edited task: ${taskText.slice(0, 30)}…`)
	assert.match(row[1], clauseLabel('十一'))
	// Several leads are joined by 、, by their full names.
	const leads = row[3].split('、')
	assert.ok(leads.includes(addedLead.name), `牵头单位 of the edited task names ${addedLead.name}: ${row[3]}`)
	assert.ok(!leads.includes(removedLead.name), `牵头单位 no longer names ${removedLead.name}: ${row[3]}`)
	assert.equal(rows.length - 1, new Set(rows.slice(1).map((r) => r[0])).size, 'one row per task, numbered uniquely')
})

test('an agency liaison sees clause (十一) without edit links and gets 403 on a task edit page', async ({ newPage, allowConsoleError }) => {
	const page = await newPage()
	await logIn(page, 'gongan')

	await openClause(page, '十一')
	await page.locator('li[id^="task-"]').first().waitFor()
	for (const shortName of expectedLeads) {
		await leadBadge(page.getByRole('main'), shortName).first().waitFor()
	}
	assert.equal(await page.getByRole('main').getByRole('link', { name: '编辑' }).count(), 0, 'no edit link for gongan')

	// Chromium logs the refused document load as a console error: that one is the point here.
	allowConsoleError(/status of 403/)
	const response = await page.goto('/tasks/1/edit')
	assert.equal(response?.status(), 403)
	await page.getByText('您没有权限访问此页面').waitFor()
	assert.equal(await page.locator('form[method="post"] button', { hasText: '保存' }).count(), 0, 'no edit form')
})
