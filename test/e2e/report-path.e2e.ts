import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { logIn, menuLink, test } from './harness'

// A special work report's whole path in a real browser, every step through the pages a person uses: the
// secretariat schedules a hearing; the public security bureau's liaison drafts the report and
// submits it for comments; the office sends the collected opinions back; the liaison signs the
// revised report off; the office distributes it and opens the deliberation; a member writes an
// opinion and votes (secret ballot: the page never shows how); the office closes the vote,
// composes and sends the opinion letter; the liaison submits the handling report; the office
// accepts it.

// A mark of this run keeps the titles unique even on a database an earlier run left behind.
const run = Date.now().toString(36).slice(-5)
const topic = `全市电信网络诈骗涉案资金查控工作情况（端到端测试 ${run}）`
const reportTitle = `武汉市人民政府关于全市电信网络诈骗涉案资金查控工作情况的报告（端到端测试 ${run}）`
const period = '2025年1月至2026年10月'
const body = '一、工作开展情况\n全市公安机关会同金融机构建立涉案资金快速查控机制。\n\n二、存在的问题\n部分跨行资金流转查控仍不及时。'
const answerToOpinions = '三、对征求意见的回应\n已将资金返还工作纳入全市反诈考核。'
const collectedOpinions = '一、建议加快涉案资金返还进度。\n二、建议加强与通信管理部门的协作。'
const signer = { name: '王某某', position: '副市长' }
const opinionText = '建议进一步压实金融机构的风险防控责任，定期通报涉案账户开户情况。（端到端测试）'
const handlingText = '一、关于压实金融机构风险防控责任的意见\n已会同人民银行建立涉案账户开户情况月度通报制度。'

// newPage() opens 1280×800 (harness defaultViewport).
const desktop = { width: 1280, height: 800 }
const phone = { width: 390, height: 844 }

// A clause numeral in either bracket style at the start of a label or option.
const clauseStart = (numeral: string) => new RegExp(`^\\s*[（(]${numeral}[）)]`)

function todayInShanghai(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

const chineseDigits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** Clicks a submit button and waits for the redirect the step ends with (…?done=<kind>). */
async function submitAndWait(page: Page, button: Locator, done: string) {
	await Promise.all([page.waitForURL((url) => url.searchParams.get('done') === done), button.click()])
	await page.waitForLoadState('networkidle')
}

/**
 * Follows a link and waits for the new page: its address, then `ready` (an element only the new
 * page has — the address changes a moment before the new page is rendered).
 */
async function clickAndWait(page: Page, link: Locator, pathname: RegExp | string, ready: Locator) {
	await Promise.all([
		page.waitForURL((url) => (typeof pathname === 'string' ? url.pathname === pathname : pathname.test(url.pathname))),
		link.click(),
	])
	await ready.waitFor()
	await page.waitForLoadState('networkidle')
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true })
// The deliberation page's list of steps (审议和表决 → … → 办结).
const progressSteps = (page: Page) => page.getByRole('list', { name: '审议进度' })

/** The state badge in the page head (report and deliberation pages alike). */
async function expectState(page: Page, label: string) {
	await page.locator('.page-head').getByText(label, { exact: true }).waitFor()
}

async function expectNotice(page: Page, text: string) {
	await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

/** Opens a record from the home page's 待我处理 list, as each user starts their day. */
async function openFromTodo(page: Page, title: string, pathname: string) {
	const awaiting = page.getByRole('region', { name: /^待我处理/ })
	await clickAndWait(page, await menuLink(page, '首页'), '/', awaiting)
	await clickAndWait(page, awaiting.getByRole('link', { name: title, exact: true }).first(), pathname, heading(page, title))
}

async function shoot(page: Page, folder: string, name: string) {
	await page.waitForLoadState('networkidle')
	await page.evaluate(() => document.fonts.ready.then(() => undefined))
	await page.screenshot({ path: path.join(folder, name), fullPage: true })
}

async function assertNoSidewaysScroll(page: Page, what: string) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	assert.ok(width <= phone.width, `${what} fits a ${phone.width}px-wide phone (scrollWidth ${width})`)
}

// A minimal PDF: the server checks the content against the extension.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

test('a special work report from scheduling the hearing to the accepted handling report', async ({ newPage, resultsDir }) => {
	const folder = path.join(resultsDir, 'screenshots')
	fs.mkdirSync(folder, { recursive: true })
	const today = todayInShanghai()

	// ── mishu schedules the hearing ──────────────────────────────────────────────────────────
	const office = await newPage()
	await logIn(office, 'mishu')
	await clickAndWait(office, await menuLink(office, '专项工作报告'), '/reports', heading(office, '专项工作报告'))
	await clickAndWait(office, office.getByRole('link', { name: '安排听取专项工作报告' }).first(), '/reports/new', heading(office, '安排听取专项工作报告'))
	await office.getByLabel('报告机关', { exact: true }).selectOption({ label: '武汉市人民政府' })
	await office.getByLabel('承办部门', { exact: true }).selectOption({ label: '武汉市公安局' })
	await office.getByLabel('议题', { exact: true }).fill(topic)
	const clauses = office.getByRole('group', { name: '涉及条款' })
	await clauses.getByRole('checkbox', { name: clauseStart('七') }).first().check()
	await clauses.getByRole('checkbox', { name: clauseStart('八') }).first().check()
	// The form offers only meetings not yet started; the demo's upcoming one is ~24 days ahead.
	const meeting = office.getByLabel('常委会会议', { exact: true })
	const meetingOption = meeting.locator('option', { hasText: '第二十二次会议' })
	const meetingText = (await meetingOption.innerText()).trim()
	await meeting.selectOption({ value: (await meetingOption.getAttribute('value')) ?? '' })
	await Promise.all([
		office.waitForURL((url) => /^\/reports\/\d+$/.test(url.pathname) && url.searchParams.get('done') === 'scheduled'),
		office.getByRole('button', { name: '安排', exact: true }).click(),
	])
	await office.waitForLoadState('networkidle')
	const reportPath = new URL(office.url()).pathname
	await expectNotice(office, '已安排听取该专项工作报告，并列入会议议程。')
	await expectState(office, '待报送征求意见稿')
	await heading(office, topic).waitFor()
	const basics = office.getByRole('region', { name: '基本情况' })
	await basics.getByText('武汉市公安局', { exact: true }).waitFor()
	await basics.getByRole('link', { name: meetingText.replace(/（.*$/, '') }).waitFor()
	await basics.getByRole('link', { name: clauseStart('七') }).waitFor()
	await basics.getByRole('link', { name: clauseStart('八') }).waitFor()
	// Art. 15's three dates, none met yet.
	const standing = office.getByRole('region', { name: '报送时限（监督法第十五条）' })
	assert.equal(await standing.getByText(/^还有 \d+ 天$|^今天到期$|^已逾期 \d+ 天$/).count(), 3, 'three pending milestones')

	// ── gongan drafts the report and submits it for comments ────────────────────────────────
	const agency = await newPage()
	await logIn(agency, 'gongan')
	await openFromTodo(agency, topic, reportPath)
	await expectState(agency, '待报送征求意见稿')
	await clickAndWait(agency, agency.getByRole('link', { name: '起草 / 修改报告' }), `${reportPath}/edit`, heading(agency, '起草报告'))
	await agency.getByLabel('报告标题', { exact: true }).fill(reportTitle)
	await agency.getByLabel('报告期间', { exact: true }).fill(period)
	await agency.getByLabel('报告正文', { exact: true }).fill(body)
	const taskRows = agency.getByRole('region', { name: '各项任务落实情况' }).getByRole('listitem')
	const taskCount = await taskRows.count()
	assert.ok(taskCount > 0, 'the clauses (七) and (八) have tasks to report on')
	const assessments = ['推进中', '基本落实', '已落实']
	for (let i = 0; i < taskCount; i++) {
		const row = taskRows.nth(i)
		await row.getByLabel('进展情况', { exact: true }).fill(`第${i + 1}项任务进展情况（端到端测试）。`)
		await row.getByLabel('自评', { exact: true }).selectOption({ label: assessments[i % assessments.length] })
	}
	// Six files are one too many: said when chosen, and the form is held back, nothing typed lost.
	const six = Array.from({ length: 6 }, (_, i) => ({ name: `附件${i + 1}.pdf`, mimeType: 'application/pdf', buffer: pdf }))
	await agency.getByLabel('上传附件', { exact: true }).setInputFiles(six)
	await agency.getByText('一次最多上传 5 个文件，请减少所选文件。').waitFor()
	const before = agency.url()
	await agency.getByRole('button', { name: '保存草稿', exact: true }).click()
	await agency.waitForTimeout(500)
	assert.equal(agency.url(), before, 'the form is not sent while too many files are chosen')
	assert.equal(await agency.getByLabel('报告正文', { exact: true }).inputValue(), body, 'what was typed is still there')
	await agency.getByLabel('上传附件', { exact: true }).setInputFiles({ name: '涉案资金查控台账.pdf', mimeType: 'application/pdf', buffer: pdf })
	await submitAndWait(agency, agency.getByRole('button', { name: '保存草稿', exact: true }), 'saved')
	await expectNotice(agency, '草稿已保存。')
	await agency.getByRole('region', { name: '附件', exact: true }).getByRole('link', { name: /涉案资金查控台账\.pdf/ }).waitFor()
	await clickAndWait(agency, agency.getByRole('status').getByRole('link', { name: '返回报告页' }), reportPath, heading(agency, reportTitle))
	await agency.getByRole('region', { name: '各项任务落实情况' }).getByText('第1项任务进展情况（端到端测试）。').waitFor()
	await submitAndWait(agency, agency.getByRole('button', { name: '报送征求意见稿', exact: true }), 'submit_draft')
	await expectNotice(agency, '征求意见稿已报送。')
	await expectState(agency, '征求意见稿已报送')

	// ── mishu sends the collected opinions back (Art. 14) ────────────────────────────────────
	await openFromTodo(office, reportTitle, reportPath)
	await expectState(office, '征求意见稿已报送')
	await office.getByLabel('汇总意见', { exact: true }).fill(collectedOpinions)
	await submitAndWait(office, office.getByRole('button', { name: '反馈汇总意见', exact: true }), 'send_opinions')
	await expectNotice(office, '汇总意见已反馈承办部门。')
	await expectState(office, '意见已反馈，待签发')

	// ── gongan answers the opinions in the text, signs off and submits the revised report ───
	await openFromTodo(agency, reportTitle, reportPath)
	await expectState(agency, '意见已反馈，待签发')
	await agency.getByRole('region', { name: '汇总意见（监督法第十四条）' }).getByText('建议加快涉案资金返还进度', { exact: false }).waitFor()
	await clickAndWait(agency, agency.getByRole('link', { name: '起草 / 修改报告' }), `${reportPath}/edit`, heading(agency, '起草报告'))
	const bodyInput = agency.getByLabel('报告正文', { exact: true })
	await bodyInput.fill(`${await bodyInput.inputValue()}\n\n${answerToOpinions}`)
	await submitAndWait(agency, agency.getByRole('button', { name: '保存草稿', exact: true }), 'saved')
	await clickAndWait(agency, agency.getByRole('status').getByRole('link', { name: '返回报告页' }), reportPath, heading(agency, reportTitle))
	await agency.getByLabel('签发人姓名', { exact: true }).fill(signer.name)
	await agency.getByLabel('签发人职务', { exact: true }).fill(signer.position)
	await submitAndWait(agency, agency.getByRole('button', { name: '签发并报送修改稿', exact: true }), 'submit_revised')
	await expectNotice(agency, '修改稿已签发并报送。')
	await expectState(agency, '修改稿已签发报送')
	await agency.getByRole('region', { name: '基本情况' }).getByText(`${signer.name}（${signer.position}）`, { exact: false }).waitFor()
	assert.equal(await agency.getByRole('link', { name: '起草 / 修改报告' }).count(), 0, 'a signed-off report is no longer editable')

	// ── mishu distributes it to the members and opens the deliberation ──────────────────────
	await openFromTodo(office, reportTitle, reportPath)
	await expectState(office, '修改稿已签发报送')
	await submitAndWait(office, office.getByRole('button', { name: '印发常委会组成人员', exact: true }), 'distribute')
	await expectNotice(office, '报告已印发常委会组成人员。')
	await expectState(office, '已印发组成人员')
	await submitAndWait(office, office.getByRole('button', { name: '提请会议审议', exact: true }), 'open_deliberation')
	await expectNotice(office, '报告已提请审议。')
	await expectState(office, '审议中')
	const card = office.getByRole('region', { name: '审议', exact: true })
	await card.getByText('审议状态：审议意见征集和满意度测评中').waitFor()
	await office.getByRole('region', { name: '报告正文' }).getByText('对征求意见的回应', { exact: false }).waitFor()
	await shoot(office, folder, 'report-path-report.png')
	await clickAndWait(office, card.getByRole('link', { name: '进入审议页面' }), /^\/deliberations\/\d+$/, progressSteps(office))
	const deliberationPath = new URL(office.url()).pathname
	await expectState(office, '审议和表决中')
	await heading(office, reportTitle).waitFor()

	// ── weiyuan1 writes an opinion on clause (七) and votes 满意 ──────────────────────────────
	const member = await newPage()
	await logIn(member, 'weiyuan1')
	await openFromTodo(member, reportTitle, deliberationPath)
	await expectState(member, '审议和表决中')
	const clauseSelect = member.getByLabel('针对条款（可选）', { exact: true })
	const clauseOption = clauseSelect.locator('option').filter({ hasText: clauseStart('七') }).first()
	await clauseSelect.selectOption({ value: (await clauseOption.getAttribute('value')) ?? '' })
	await member.getByLabel('意见内容', { exact: true }).fill(opinionText)
	await submitAndWait(member, member.getByRole('button', { name: '提交审议意见', exact: true }), 'opinion')
	await expectNotice(member, '审议意见已提交。')
	const opinions = member.getByRole('region', { name: /^审议意见\s*（/ })
	await opinions.getByRole('paragraph').filter({ hasText: opinionText }).waitFor()
	await opinions.getByRole('link', { name: clauseStart('七') }).waitFor()

	const ballot = member.getByRole('group', { name: '您对该事项的满意度' })
	await ballot.getByRole('radio', { name: '满意', exact: true }).check()
	await submitAndWait(member, member.getByRole('button', { name: '投票', exact: true }), 'voted')
	await expectNotice(member, '您已投票。投票内容不公开')
	// SECRET BALLOT: after voting, and again after a fresh load, the page says only THAT the
	// member voted. No choice is preselected, no result is shown while the vote is open, and
	// the data the page was rendered from does not carry a choice either.
	for (const pass of ['after the vote', 'after a reload']) {
		if (pass === 'after a reload') {
			await member.reload()
			await member.waitForLoadState('networkidle')
		}
		await member.getByText('您已投票，可在表决结束前更改。').waitFor()
		await member.getByRole('group', { name: '更改您的选择' }).waitFor()
		await member.getByRole('button', { name: '更改投票', exact: true }).waitFor()
		const radios = member.getByRole('radio')
		assert.equal(await radios.count(), 3, `three choices ${pass}`)
		for (let i = 0; i < 3; i++) assert.equal(await radios.nth(i).isChecked(), false, `no choice is preselected ${pass}`)
		assert.equal(await member.getByText(/^测评结果：/).count(), 0, `no result is shown while the vote is open (${pass})`)
		const visible = await member.getByRole('main').evaluate((main) => {
			const copy = main.cloneNode(true) as HTMLElement
			copy.querySelectorAll('fieldset').forEach((f) => f.remove())
			return copy.innerText
		})
		assert.doesNotMatch(visible.replaceAll('满意度测评', ''), /满意/, `the page outside the ballot's own choices names no choice ${pass}`)
		assert.doesNotMatch(member.url(), /satisf|满意/, `the address names no choice ${pass}`)
	}
	const pageData = await member.request.get(`${deliberationPath}.data`)
	assert.equal(pageData.status(), 200, 'the page data loads for the member')
	const pageDataText = await pageData.text()
	assert.ok(pageDataText.includes(reportTitle) && pageDataText.includes('myVoteAt'), "the fetched data is this page's")
	assert.doesNotMatch(pageDataText, /satisfied|满意(?!度)/, "the page's data carries no choice")

	// ── mishu closes the vote and composes the opinion letter ───────────────────────────────
	await office.reload()
	await office.waitForLoadState('networkidle')
	await office.getByText(/^已投票：1 人（共 \d+ 名委员）$/).waitFor()
	await office.getByRole('region', { name: /^审议意见\s*（/ }).getByRole('paragraph').filter({ hasText: opinionText }).waitFor()
	assert.equal(await office.getByText(/^测评结果：/).count(), 0, 'the office sees no result before the vote is closed')
	await submitAndWait(office, office.getByRole('button', { name: '结束表决', exact: true }), 'voteClosed')
	await expectNotice(office, '表决已结束，结果已计算。')
	await expectState(office, '表决已结束')
	await office.locator('.deliberation-result__verdict').getByText('满意', { exact: true }).waitFor()

	const letterNumber = `武人常办〔${today.slice(0, 4)}〕99号`
	await office.getByLabel('文号', { exact: true }).fill(letterNumber)
	assert.equal(await office.getByLabel('主送', { exact: true }).inputValue(), '武汉市人民政府', '主送 defaults to the organ')
	assert.equal(await office.getByLabel('抄送', { exact: true }).inputValue(), '武汉市公安局', '抄送 defaults to the preparing department')
	const letterBody = office.getByLabel('正文', { exact: true })
	assert.ok((await letterBody.inputValue()).includes(opinionText.replace('（端到端测试）', '')), 'the letter is prefilled from the opinions')
	await submitAndWait(office, office.getByRole('button', { name: '保存审议意见书', exact: true }), 'letterSaved')
	await expectNotice(office, '审议意见书已保存。')

	// The print view, checked before sending: 文号, 主送, and the date in Chinese numerals.
	await clickAndWait(office, office.getByRole('link', { name: '预览打印稿' }), `${deliberationPath}/letter`, office.getByRole('article'))
	const sheet = office.getByRole('article')
	await sheet.getByText(letterNumber, { exact: true }).waitFor()
	await sheet.getByRole('heading', { level: 1, name: `关于《${reportTitle}》的审议意见` }).waitFor()
	await sheet.getByText('武汉市人民政府：', { exact: true }).waitFor()
	await sheet.getByText('抄送：武汉市公安局。', { exact: true }).waitFor()
	await sheet.getByText('武汉市人大常委会办公厅', { exact: true }).waitFor()
	const year = [...today.slice(0, 4)].map((digit) => chineseDigits[Number(digit)]).join('')
	await sheet.getByText(new RegExp(`^${year}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$`)).waitFor()
	await sheet.getByText(/^请于\d{4}年\d{1,2}月\d{1,2}日前将研究处理情况书面报告市人大常委会。$/).waitFor()
	await office.getByText('草稿，尚未发出').waitFor()
	await shoot(office, folder, 'report-path-letter-draft.png')
	await clickAndWait(office, office.getByRole('link', { name: /返回审议页面/ }), deliberationPath, progressSteps(office))
	await submitAndWait(office, office.getByRole('button', { name: '发出审议意见书', exact: true }), 'letterSent')
	await expectNotice(office, '审议意见书已发出')
	await expectState(office, '审议意见书已发出')
	await office.getByRole('region', { name: '审议意见书' }).getByText(letterNumber, { exact: true }).waitFor()

	// ── gongan submits the handling report ──────────────────────────────────────────────────
	await openFromTodo(agency, reportTitle, deliberationPath)
	await expectState(agency, '审议意见书已发出')
	await agency.getByLabel('报告内容', { exact: true }).fill(handlingText)
	await agency.getByLabel('附件（可选）', { exact: true }).setInputFiles({ name: '研究处理情况附表.pdf', mimeType: 'application/pdf', buffer: pdf })
	await submitAndWait(agency, agency.getByRole('button', { name: '提交研究处理情况报告', exact: true }), 'handlingSubmitted')
	await expectNotice(agency, '研究处理情况报告已提交，等待办公厅审核。')
	await expectState(agency, '研究处理情况报告已提交')
	const handling = agency.getByRole('region', { name: '研究处理情况报告' })
	await handling.getByText('已会同人民银行建立涉案账户开户情况月度通报制度。').waitFor()
	await handling.getByRole('link', { name: '研究处理情况附表.pdf' }).waitFor()

	// ── mishu accepts it: the deliberation is closed ────────────────────────────────────────
	await openFromTodo(office, reportTitle, deliberationPath)
	await expectState(office, '研究处理情况报告已提交')
	await office.getByRole('region', { name: '研究处理情况报告' }).getByText('已会同人民银行建立涉案账户开户情况月度通报制度。').waitFor()
	await submitAndWait(office, office.getByRole('button', { name: '审核通过', exact: true }), 'handlingAccepted')
	await expectNotice(office, '研究处理情况报告已通过审核，本项审议已办结。')
	await expectState(office, '已办结')
	await office.getByRole('region', { name: '研究处理情况报告' }).getByText('审核通过日期').waitFor()
	assert.equal(await office.getByRole('button', { name: '审核通过', exact: true }).count(), 0, 'nothing left to review')
	await shoot(office, folder, 'report-path-deliberation.png')

	// The report page tells the end of the story.
	await clickAndWait(office, office.getByRole('main').getByRole('link', { name: '专项工作报告', exact: true }), reportPath, office.getByRole('region', { name: '报送时限（监督法第十五条）' }))
	const endCard = office.getByRole('region', { name: '审议', exact: true })
	await endCard.getByText('审议状态：研究处理情况报告已通过').waitFor()
	await endCard.getByText('满意度测评结果：满意').waitFor()

	// ── the report page and the sent letter on a phone ──────────────────────────────────────
	await office.setViewportSize(phone)
	await office.reload()
	await office.waitForLoadState('networkidle')
	await expectState(office, '已办结')
	await assertNoSidewaysScroll(office, 'the report page')
	await shoot(office, folder, 'report-path-report-phone.png')
	await office.goto(`${deliberationPath}/letter`)
	await office.getByRole('article').getByText(letterNumber, { exact: true }).waitFor()
	assert.equal(await office.getByText('草稿，尚未发出').count(), 0, 'the sent letter is no longer a draft')
	await assertNoSidewaysScroll(office, 'the letter print view')
	await shoot(office, folder, 'report-path-letter-phone.png')
	await office.setViewportSize(desktop)
	await office.reload()
	await shoot(office, folder, 'report-path-letter.png')
})
