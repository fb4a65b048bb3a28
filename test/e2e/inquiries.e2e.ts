import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { logIn, test } from './harness'

// A 专题询问 entered live, in a real browser: the secretariat schedules it at the coming meeting;
// a member registers a question beforehand; the clerk puts it to the floor, records a second
// question, enters both answers — each saved on its own, without leaving the page — and a
// commitment made in an answer; the police's liaison sees only the questions put to the police
// and reports on the commitment; the secretariat accepts the report. A second clerk saving the
// same answer meanwhile is told, and loses nothing.

// A mark of this run keeps the titles unique even on a database an earlier run left behind.
const run = Date.now().toString(36).slice(-5)
const topic = `涉诈银行卡管控工作（端到端测试 ${run}）`
const registered = `“断卡”行动查处的银行卡主要来自哪些群体？（端到端测试 ${run}）`
const second = `跨行止付协作还有哪些堵点？（端到端测试 ${run}）`
const firstAnswer = '主要是在校学生和务工人员，已会同教育部门开展专项宣传。（端到端测试）'
const secondAnswer = '夜间和节假日响应偏慢，正与银行机构建立24小时专班。（端到端测试）'
const finalSecondAnswer = '夜间和节假日响应偏慢，已与银行机构建立24小时专班，下月运行。（端到端测试，乙）'
const commitment = `一个月内建立银行卡风险名单共享机制（端到端测试 ${run}）`
const response = '已与辖内银行机构签订共享协议，名单每日更新。（端到端测试）'

function shanghaiDay(offset = 0): string {
	const date = new Date(Date.now() + offset * 86_400_000)
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true })

async function go(page: Page, path: string, ready: Locator) {
	await page.goto(path)
	await ready.waitFor()
	await page.waitForLoadState('networkidle')
}

async function expectNotice(page: Page, text: string) {
	await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

test('a 专题询问 entered live: scheduled, a registered question, questions and answers saved as they come, a commitment reported on and accepted', async ({ newPage, allowConsoleError }) => {
	// The second clerk's stale save is answered 409, which the browser logs as a failed load.
	allowConsoleError(/status of 409/)
	// ── mishu schedules the 专题询问 at the coming meeting ──────────────────────────────────
	const office = await newPage()
	await logIn(office, 'mishu')
	await go(office, '/inquiries', heading(office, '询问和专题询问'))
	await office.getByRole('link', { name: '安排询问' }).first().click()
	await heading(office, '安排询问').waitFor()
	await office.getByRole('radio', { name: /^专题询问/ }).check()
	await office.getByLabel('议题', { exact: true }).fill(topic)
	const meeting = office.getByLabel('会议（专题询问）', { exact: true })
	const option = meeting.locator('option', { hasText: '第二十二次会议' })
	await meeting.selectOption({ value: (await option.getAttribute('value')) ?? '' })
	// The demo's coming meeting runs from 24 to 26 days after the seeding day (today).
	const heldOn = shanghaiDay(25)
	await office.getByLabel('询问日期', { exact: true }).fill(heldOn)
	await office.getByRole('group', { name: '涉及条款' }).getByRole('checkbox', { name: /^\s*[（(]八[）)]/ }).first().check()
	await office.getByLabel('第 1 行：单位').selectOption({ label: '武汉市公安局' })
	await office.getByLabel('第 1 行：负责人姓名').fill('林建国')
	await office.getByLabel('第 1 行：负责人职务').fill('副局长')
	await office.getByLabel('第 2 行：单位').selectOption({ label: '武汉市教育局' })
	await office.getByLabel('第 2 行：负责人姓名').fill('彭丽')
	await office.getByLabel('第 2 行：负责人职务').fill('副局长')
	await office.getByRole('group', { name: '询问人' }).getByRole('checkbox', { name: /^李华/ }).check()
	await Promise.all([
		office.waitForURL((url) => /^\/inquiries\/\d+$/.test(url.pathname) && url.searchParams.get('done') === 'scheduled'),
		office.getByRole('button', { name: '安排询问', exact: true }).click(),
	])
	await office.waitForLoadState('networkidle')
	const sessionPath = new URL(office.url()).pathname
	await expectNotice(office, '询问已安排')
	await heading(office, topic).waitFor()

	// ── weiyuan1 registers a question beforehand ────────────────────────────────────────────
	const member = await newPage()
	await logIn(member, 'weiyuan1')
	await go(member, sessionPath, heading(member, topic))
	const mine = member.getByRole('region', { name: '我登记的问题' })
	await mine.getByLabel('向哪个单位提问').selectOption({ label: '武汉市公安局' })
	await mine.getByLabel('问题', { exact: true }).fill(registered)
	await mine.getByRole('button', { name: '登记', exact: true }).click()
	// Saved without leaving the page: the list shows it once the page's data is fetched again.
	await mine.locator('.inquiry-registration__text', { hasText: registered }).waitFor()
	assert.equal(new URL(member.url()).pathname, sessionPath)

	// ── the clerk puts it to the floor, records a second question and both answers ──────────
	await go(office, sessionPath, heading(office, topic))
	const registrations = office.getByRole('region', { name: '委员登记的问题' })
	await registrations.locator('.inquiry-registration__text', { hasText: registered }).waitFor()
	await registrations.getByRole('button', { name: '记入询问记录' }).click()
	const log = office.getByRole('region', { name: '询问记录' })
	await log.getByRole('heading', { name: '第 1 问' }).waitFor()
	await log.locator('.inquiry-exchange__question', { hasText: registered }).waitFor()
	const newQuestion = office.locator('#new-question')
	await newQuestion.getByLabel('提问委员').selectOption({ label: '王强（示例）' })
	await newQuestion.getByLabel('回答单位').selectOption({ index: 1 })
	await newQuestion.getByLabel('提问内容').fill(second)
	await newQuestion.getByRole('button', { name: '保存提问' }).click()
	await log.getByRole('heading', { name: '第 2 问' }).waitFor()
	// The form is empty again for the next question.
	await newQuestion.getByRole('heading', { name: '记录第 3 问' }).waitFor()
	assert.equal(await newQuestion.getByLabel('提问内容').inputValue(), '')

	const first = office.locator('li.inquiry-exchange').filter({ has: office.getByRole('heading', { name: '第 1 问' }) })
	await first.getByRole('textbox', { name: /的回答$/ }).fill(firstAnswer)
	await first.getByRole('button', { name: '保存回答' }).click()
	await first.getByRole('status').filter({ hasText: '已保存。' }).waitFor()
	const secondEntry = office.locator('li.inquiry-exchange').filter({ has: office.getByRole('heading', { name: '第 2 问' }) })
	// Leaving the box saves it too.
	await secondEntry.getByRole('textbox', { name: /的回答$/ }).fill(secondAnswer)
	await newQuestion.getByLabel('提问内容').click()
	await secondEntry.getByRole('status').filter({ hasText: '已保存。' }).waitFor()
	assert.equal(new URL(office.url()).pathname, sessionPath, 'the clerk never left the page')

	// A second clerk on the same answer: the first saves a correction; the second, who started
	// from the earlier text, is told and keeps their words, and saving again keeps theirs.
	const otherClerk = await newPage()
	await logIn(otherClerk, 'mishu')
	await go(otherClerk, sessionPath, heading(otherClerk, topic))
	const theirs = otherClerk.locator('li.inquiry-exchange').filter({ has: otherClerk.getByRole('heading', { name: '第 2 问' }) })
	await theirs.getByRole('textbox', { name: /的回答$/ }).waitFor()
	await secondEntry.getByRole('textbox', { name: /的回答$/ }).fill(`${secondAnswer}（甲补充）`)
	await secondEntry.getByRole('button', { name: '保存回答' }).click()
	await secondEntry.getByRole('status').filter({ hasText: '已保存。' }).waitFor()
	const theirBox = theirs.getByRole('textbox', { name: /的回答$/ })
	await theirBox.fill(finalSecondAnswer)
	await theirs.getByRole('button', { name: '保存回答' }).click()
	await theirs.getByText('他人刚保存了以下内容', { exact: false }).waitFor()
	await theirs.getByText(`${secondAnswer}（甲补充）`).waitFor()
	assert.equal(await theirBox.inputValue(), finalSecondAnswer, "the second clerk's words are kept")
	await theirs.getByRole('button', { name: '保存回答' }).click()
	await theirs.getByRole('status').filter({ hasText: '已保存。' }).waitFor()

	// A commitment made in the first answer.
	await first.getByText('记录承诺事项').click()
	await first.getByLabel('承诺单位').selectOption({ label: '武汉市公安局' })
	await first.getByLabel('完成期限').fill(shanghaiDay(60))
	await first.getByLabel('承诺内容').fill(commitment)
	await first.getByRole('button', { name: '保存承诺事项' }).click()
	await first.getByRole('link', { name: commitment }).waitFor()

	// A reload loses nothing.
	await go(office, sessionPath, heading(office, topic))
	assert.equal(await office.locator('li.inquiry-exchange').count(), 2)
	assert.equal(await office.getByRole('textbox', { name: /的回答$/ }).first().inputValue(), firstAnswer)

	// ── gongan: only the police's questions before publication; reports on the commitment ───
	const agency = await newPage()
	await logIn(agency, 'gongan')
	await go(agency, sessionPath, heading(agency, topic))
	await agency.getByText('纪要公布前，这里只显示向本单位提出的问题和本单位的回答。').waitFor()
	await agency.locator('.inquiry-exchange__question', { hasText: registered }).waitFor()
	await go(agency, '/commitments', heading(agency, '承诺事项'))
	await agency.getByRole('link', { name: commitment }).click()
	await heading(agency, commitment).waitFor()
	await agency.getByLabel('落实情况', { exact: true }).fill(response)
	await Promise.all([agency.waitForURL((url) => url.searchParams.get('done') === 'respond'), agency.getByRole('button', { name: '报告落实情况' }).click()])
	await expectNotice(agency, '落实情况已报告')
	const commitmentPath = new URL(agency.url()).pathname

	// ── mishu accepts the report ────────────────────────────────────────────────────────────
	await go(office, commitmentPath, heading(office, commitment))
	await office.getByText(response).waitFor()
	await Promise.all([office.waitForURL((url) => url.searchParams.get('done') === 'accept'), office.getByRole('button', { name: '核实通过' }).click()])
	await expectNotice(office, '已核实通过')
	await office.locator('.page-head').getByText('已核实办结', { exact: true }).waitFor()

	// The record prints with both questions and answers.
	await go(office, `${sessionPath}/print`, office.getByRole('heading', { level: 1, name: /专题询问纪要$/ }))
	await office.getByText(firstAnswer).waitFor()
	await office.getByText(finalSecondAnswer).waitFor()
})
