import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page, Request } from 'playwright-core'
import { axeViolations } from './page-checks'
import { clauseLabel, logIn, menuLink, test } from './harness'

// A deputy's concern (代表建议, Deputies Law Arts. 51–52) in a real browser, every step through the
// pages a person uses: daibiao1 files it with one constituent, clause (九) and daibiao2 as
// co-signer (a title left empty is refused first, keeping what was typed); the office sees the
// constituent masked until it asks for the full identity, writes the 交办 text and hands it to
// the public security bureau, three months to answer; the co-signer follows it without ever
// receiving the constituent; the bureau's liaison reads only the 交办 text and its letter, never
// the constituent nor the deputy's own words, and answers; daibiao1 rates the answer 不满意, the
// bureau answers again, and daibiao1's 满意 closes it.

// A mark of this run keeps the titles and the constituent unique even on a database an earlier
// run left behind.
const run = Date.now().toString(36).slice(-5)
const title = `加强社区老年人防范养老诈骗宣传（端到端测试 ${run}）`
const description = `洪山区某社区多名老人反映，有人以“养老项目投资”名义上门推销，承诺高额返利。（端到端原文 ${run}）\n建议在社区定期开展防骗讲座，并公布举报电话。`
const constituentName = `测试群众${run}`
const phone = '13900001234'
const maskedName = [...constituentName][0] + '*'.repeat([...constituentName].length - 1)
const maskedPhone = '139****1234'
const assignmentText = `请研究在老年人集中的社区开展防范养老诈骗宣传，公布举报渠道。（端到端交办 ${run}）`
const firstAnswer = '已在洪山区各社区开展防范养老诈骗宣传讲座，公布举报电话。（端到端测试）'
const secondAnswer = '已将养老诈骗防范宣传列入全市社区常态工作，每月走访独居老人。（端到端测试）'
const unsatisfiedComment = '讲座只办了一场，未覆盖独居老人。（端到端测试）'
const signer = '张国栋'

const desktop = { width: 1280, height: 800 }
const phoneViewport = { width: 390, height: 844 }

function todayInShanghai(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

// The same day `months` later, the last day of a shorter month when it has no such day, written
// as the pages write dates (2026年3月5日).
function monthsLaterChinese(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number)
	const target = new Date(Date.UTC(y, m - 1 + months, 1))
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
	return `${target.getUTCFullYear()}年${target.getUTCMonth() + 1}月${Math.min(d, lastDay)}日`
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true })

/** Clicks a submit button and waits for the redirect the step ends with (…?done=<kind>). */
async function submitAndWait(page: Page, button: Locator, done: string) {
	await Promise.all([page.waitForURL((url) => url.searchParams.get('done') === done), button.click()])
	await page.waitForLoadState('networkidle')
}

/** Follows a link and waits for the new page's address, then for `ready` on it. */
async function clickAndWait(page: Page, link: Locator, pathname: RegExp | string, ready: Locator) {
	await Promise.all([page.waitForURL((url) => (typeof pathname === 'string' ? url.pathname === pathname : pathname.test(url.pathname))), link.click()])
	await ready.waitFor()
	await page.waitForLoadState('networkidle')
}

async function expectNotice(page: Page, text: string) {
	await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

async function expectState(page: Page, label: string) {
	await page.locator('.page-head').getByText(label, { exact: true }).waitFor()
}

/** The text of a fact (`<dt>label</dt><dd>…</dd>`) in a section of the concern page. */
async function fact(page: Page, section: string, label: string): Promise<string> {
	const dd = page.getByRole('region', { name: section }).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]')
	return (await dd.innerText()).trim()
}

/** Opens the concern from the 建议列表 of the menu, as a person finds it. */
async function openFromList(page: Page, concernPath: string) {
	await clickAndWait(page, await menuLink(page, '建议列表'), '/concerns', heading(page, '代表建议'))
	await clickAndWait(page, page.getByRole('link', { name: title, exact: true }).first(), concernPath, heading(page, title))
}

async function assertNoAxeViolations(page: Page, what: string) {
	const violations = await axeViolations(page)
	assert.deepEqual(violations, [], `axe on ${what}`)
}

async function shoot(page: Page, folder: string, name: string) {
	await page.waitForLoadState('networkidle')
	await page.evaluate(() => document.fonts.ready.then(() => undefined))
	await page.screenshot({ path: path.join(folder, name), fullPage: true })
}

async function assertNoSidewaysScroll(page: Page, what: string) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	assert.ok(width <= phoneViewport.width, `${what} fits a ${phoneViewport.width}px-wide phone (scrollWidth ${width})`)
}

test(
	'a deputy’s concern from filing through the masked identity, 交办, the bureau’s answers and an unsatisfied rating to closing',
	async ({ newPage, resultsDir }) => {
		const folder = path.join(resultsDir, 'screenshots')
		fs.mkdirSync(folder, { recursive: true })
		const today = todayInShanghai()

		// ── daibiao1 files it; an empty title is refused first, keeping what was typed ────────
		const deputy = await newPage()
		await logIn(deputy, 'daibiao1')
		await clickAndWait(deputy, await menuLink(deputy, '提出建议'), '/concerns/new', heading(deputy, '提出建议'))
		const form = deputy.locator('form#concern-file')
		await form.getByLabel('所在区', { exact: true }).selectOption({ label: '洪山区' })
		await form.getByLabel('类别', { exact: true }).selectOption({ label: '老年人防骗' })
		await form.getByLabel('建议内容', { exact: true }).fill(description)
		await form.getByLabel('群众1 · 姓名', { exact: true }).fill(constituentName)
		await form.getByLabel('群众1 · 联系电话', { exact: true }).fill(phone)
		const clause = form.getByRole('group', { name: '涉及的决定条款' }).getByRole('checkbox', { name: clauseLabel('九') })
		const hasClause = (await clause.count()) > 0
		if (hasClause) await clause.first().check()
		await form.getByRole('group', { name: '联名代表' }).getByRole('checkbox', { name: '马超（示例）', exact: true }).check()

		const titleInput = form.getByLabel('标题', { exact: true })
		await form.getByRole('button', { name: '提交办公厅', exact: true }).click()
		await form.getByRole('alert').filter({ hasText: '请填写标题。' }).waitFor()
		assert.equal(await titleInput.getAttribute('aria-invalid'), 'true', 'the title is marked invalid')
		assert.equal(new URL(deputy.url()).pathname, '/concerns/new', 'nothing was filed')
		assert.equal(await form.getByLabel('建议内容', { exact: true }).inputValue(), description, '建议内容 is kept')
		assert.equal(await form.getByLabel('群众1 · 姓名', { exact: true }).inputValue(), constituentName, 'the constituent is kept')
		assert.equal(await form.getByRole('group', { name: '联名代表' }).getByRole('checkbox', { name: '马超（示例）', exact: true }).isChecked(), true, 'the co-signer is kept')
		// The form as the deputy sees it with the error: readable to everyone (axe, WCAG 2.1 AA).
		await assertNoAxeViolations(deputy, 'the filing form with the title’s error')

		await titleInput.fill(title)
		await form.getByRole('alert').filter({ hasText: '请填写标题。' }).waitFor({ state: 'detached' })
		await shoot(deputy, folder, 'concern-path-form-desktop.png')
		await submitAndWait(deputy, form.getByRole('button', { name: '提交办公厅', exact: true }), 'filed')
		assert.match(new URL(deputy.url()).pathname, /^\/concerns\/\d+$/)
		const concernPath = new URL(deputy.url()).pathname
		await expectNotice(deputy, '建议已提交办公厅。')
		await heading(deputy, title).waitFor()
		await expectState(deputy, '已提交，待受理')
		// The deputy who recorded the constituent reads them in full.
		await deputy.getByRole('cell', { name: constituentName, exact: true }).waitFor()
		await deputy.getByRole('cell', { name: phone, exact: true }).waitFor()
		await deputy.getByText('联名：马超（示例）', { exact: true }).waitFor()
		if (hasClause) assert.match(await fact(deputy, '基本情况', '涉及的决定条款'), /^[（(]九[）)]$/, 'clause (九)')

		// ── mishu: the constituent masked, then in full on request; the 交办 text and the bureau
		const office = await newPage()
		await logIn(office, 'mishu')
		await clickAndWait(office, await menuLink(office, '待受理和交办'), '/concerns/triage', heading(office, '待受理和交办'))
		await clickAndWait(office, office.getByRole('link', { name: title, exact: true }), concernPath, heading(office, title))
		await office.getByRole('cell', { name: maskedName, exact: true }).waitFor()
		await office.getByRole('cell', { name: maskedPhone, exact: true }).waitFor()
		await office.getByText('群众身份已隐去部分内容。', { exact: true }).waitFor()
		let html = await office.content()
		assert.ok(!html.includes(constituentName), 'the office’s page does not carry the full name before it is asked for')
		assert.ok(!html.includes(phone), 'nor the full phone number')

		await office.getByRole('button', { name: '查看完整身份', exact: true }).click()
		await office.getByText('完整身份（已记入审计日志）', { exact: true }).waitFor()
		await office.getByRole('cell', { name: constituentName, exact: true }).waitFor()
		await office.getByRole('cell', { name: phone, exact: true }).waitFor()
		assert.equal(await office.getByRole('button', { name: '查看完整身份', exact: true }).count(), 0, 'shown once asked')
		await assertNoAxeViolations(office, 'the concern page as the office, with the full identity shown')

		const assignment = office.getByLabel('交办内容', { exact: true })
		// The 交办 text starts from the title.
		assert.equal(await assignment.inputValue(), title)
		await assignment.fill(assignmentText)
		await submitAndWait(office, office.getByRole('button', { name: '保存交办设置', exact: true }), 'arrange')
		await expectNotice(office, '交办设置已保存。')
		assert.equal(await office.getByLabel('交办内容', { exact: true }).inputValue(), assignmentText, 'the 交办 text is saved')
		// The full identity was for that one answer: the page is masked again.
		html = await office.content()
		assert.ok(!html.includes(constituentName), 'masked again after the next step')
		await office.getByRole('cell', { name: maskedName, exact: true }).waitFor()

		await office.getByLabel('主办单位', { exact: true }).selectOption({ label: '武汉市公安局' })
		await submitAndWait(office, office.getByRole('button', { name: '交办', exact: true }), 'assign')
		await expectNotice(office, '已交办，答复期限已计算。')
		await expectState(office, '已交办，办理中')
		const threeMonths = monthsLaterChinese(today, 3)
		assert.equal(await fact(office, '交办和办理', '答复期限'), threeMonths, 'three months to answer')
		assert.match(await fact(office, '交办和办理', '承办单位'), /主办\s*武汉市公安局/)
		await shoot(office, folder, 'concern-path-office-desktop.png')

		// ── daibiao2, the co-signer: follows it, never receives the constituent ─────────────────
		const cosigner = await newPage()
		await logIn(cosigner, 'daibiao2')
		await openFromList(cosigner, concernPath)
		await expectState(cosigner, '已交办，办理中')
		await cosigner.getByText(description.split('\n')[0]).waitFor()
		html = await cosigner.content()
		assert.ok(!html.includes(constituentName), 'the co-signer never receives the name')
		assert.ok(!html.includes(maskedName), 'not even masked')
		assert.ok(!html.includes(phone) && !html.includes(maskedPhone), 'nor the phone')
		assert.equal(await cosigner.getByRole('heading', { name: '反映群众' }).count(), 0, 'nor that there are any')
		assert.equal(await cosigner.getByRole('button', { name: '提交评价' }).count(), 0, 'rating is the filing deputy’s')

		// ── gongan: the 交办 text and its letter, never the constituent nor the deputy's words ──
		const agency = await newPage()
		await logIn(agency, 'gongan')
		await openFromList(agency, concernPath)
		await agency.getByText(assignmentText, { exact: true }).waitFor()
		await agency.getByText('代表的原文和附件未提供给承办单位。', { exact: true }).waitFor()
		html = await agency.content()
		assert.ok(!html.includes(constituentName) && !html.includes(maskedName), 'the bureau never receives the name')
		assert.ok(!html.includes(phone) && !html.includes(maskedPhone), 'nor the phone')
		assert.ok(!html.includes(`端到端原文 ${run}`), 'nor the deputy’s own words (not marked shareable)')

		await clickAndWait(agency, agency.getByRole('link', { name: '交办函', exact: true }), `${concernPath}/letter`, agency.getByRole('heading', { level: 1, name: '代表建议交办函' }))
		await agency.getByText('武汉市公安局：', { exact: true }).waitFor()
		const letterText = await agency.locator('article.letter-sheet').innerText()
		assert.ok(letterText.includes(`现将人大代表提出的“${title}”交你单位主办。`), 'the letter names the concern and the role')
		assert.ok(letterText.includes(`并于${threeMonths}前书面答复代表`), 'and the answer’s due date')
		await agency.getByText(assignmentText, { exact: true }).waitFor()
		html = await agency.content()
		assert.ok(!html.includes(constituentName) && !html.includes(phone) && !html.includes(`端到端原文 ${run}`), 'the letter carries the 交办 text only')
		await clickAndWait(agency, agency.getByRole('link', { name: `‹ ${title}` }), concernPath, heading(agency, title))

		async function answer(text: string, round: number) {
			// Leaving a field of the form checks it in the browser: nothing is posted before the
			// button is pressed (a check once went to the server without the form's intent and the
			// page was replaced by a 400 page).
			const posted: Array<string> = []
			const onRequest = (request: Request) => void (request.method() === 'POST' && posted.push(request.url()))
			agency.on('request', onRequest)
			await agency.getByRole('group', { name: '办理结果' }).getByRole('radio', { name: 'A类：已解决或采纳' }).check()
			await agency.getByLabel('答复内容', { exact: true }).fill(text)
			await agency.getByLabel('签发人', { exact: true }).fill(signer)
			// Give a stray request the time to leave.
			await agency.waitForTimeout(1000)
			agency.off('request', onRequest)
			assert.deepEqual(posted, [], 'moving between the answer form’s fields posts nothing')
			assert.equal(await heading(agency, title).count(), 1, 'and keeps the concern’s page')
			await submitAndWait(agency, agency.getByRole('button', { name: '提交答复', exact: true }), 'reply')
			await expectNotice(agency, '答复已提交，等待代表评价。')
			await expectState(agency, '已答复，待评价')
			await agency.getByRole('heading', { level: 3, name: `第${round}次答复 · A类：已解决或采纳` }).waitFor()
			await agency.getByText(text, { exact: true }).waitFor()
		}
		await answer(firstAnswer, 1)

		// ── daibiao1 rates it 不满意: handled again, a month to answer ─────────────────────────
		async function rate(rating: string, comment?: string) {
			await deputy.goto(concernPath)
			await heading(deputy, title).waitFor()
			await deputy.waitForLoadState('networkidle')
			await expectState(deputy, '已答复，待评价')
			await deputy.getByRole('group', { name: '您对本次答复的评价' }).getByRole('radio', { name: rating, exact: true }).check()
			if (comment) await deputy.getByLabel('评价意见', { exact: true }).fill(comment)
			await submitAndWait(deputy, deputy.getByRole('button', { name: '提交评价', exact: true }), 'rate')
			await expectNotice(deputy, '评价已提交。')
		}
		await rate('不满意', unsatisfiedComment)
		await expectState(deputy, '不满意，重新办理中')
		await deputy.getByText(`：${unsatisfiedComment}`, { exact: false }).waitFor()
		assert.equal(await fact(deputy, '交办和办理', '答复期限'), monthsLaterChinese(today, 1), 'a month to answer again')

		// ── gongan answers again; daibiao1's 满意 closes it ──────────────────────────────────────
		await agency.goto(concernPath)
		await heading(agency, title).waitFor()
		await agency.waitForLoadState('networkidle')
		await expectState(agency, '不满意，重新办理中')
		await answer(secondAnswer, 2)

		await rate('满意')
		await expectState(deputy, '已办结')
		await deputy.getByText('办理已结束。', { exact: true }).waitFor()
		assert.equal(await deputy.getByRole('button', { name: '提交评价' }).count(), 0, 'nothing left to rate')
		// The deputy still reads the constituent in full at the end.
		await deputy.getByRole('cell', { name: constituentName, exact: true }).waitFor()

		// ── the filing form and the office's page on a phone ────────────────────────────────────
		await deputy.setViewportSize(phoneViewport)
		await clickAndWait(deputy, await menuLink(deputy, '提出建议'), '/concerns/new', heading(deputy, '提出建议'))
		await assertNoSidewaysScroll(deputy, 'the filing form')
		await shoot(deputy, folder, 'concern-path-form-phone.png')
		await deputy.setViewportSize(desktop)

		await office.setViewportSize(phoneViewport)
		await office.goto(concernPath)
		await heading(office, title).waitFor()
		await assertNoSidewaysScroll(office, 'the concern page')
		await shoot(office, folder, 'concern-path-office-phone.png')
		await office.setViewportSize(desktop)
	},
	{ timeoutMs: 240_000 },
)
