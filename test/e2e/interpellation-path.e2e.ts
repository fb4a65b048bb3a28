import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { logIn, test } from './harness'

// An interpellation (Supervision Law Arts. 51–54) in a real browser, every step through the pages
// a person uses: weiyuan1 drafts one against the public security bureau and asks four members to
// co-sign; it cannot be submitted short of signers; each of them logs in and co-signs from their
// to-do list; weiyuan1 submits it; the bureau's liaison cannot see it until the office records
// the chairpersons' council's referral for a written answer; the liaison answers, naming the
// official who signed; the five signers give their verdicts, and with the last one the
// interpellation is concluded.

const run = Date.now().toString(36).slice(-5)
const matter = `电信网络诈骗涉案资金返还迟缓问题（端到端测试 ${run}）`
const questions = '一、请说明涉案资金返还的进度。\n二、请说明下一步措施和时限。'
const answerText = '一、截至目前已返还涉案资金三成。\n二、将于年底前建立返还绿色通道。（端到端测试）'
const cosigners = [
	{ username: 'weiyuan2', name: '王强（示例）' },
	{ username: 'weiyuan3', name: '张敏（示例）' },
	{ username: 'weiyuan4', name: '刘洋（示例）' },
	{ username: 'weiyuan5', name: '杨帆（示例）' },
]

function todayInShanghai(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

function daysAfter(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`)
	d.setUTCDate(d.getUTCDate() + days)
	return d.toISOString().slice(0, 10)
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true })

async function submitAndWait(page: Page, button: Locator, done: string) {
	await Promise.all([page.waitForURL((url) => url.searchParams.get('done') === done), button.click()])
	await page.waitForLoadState('networkidle')
}

async function expectNotice(page: Page, text: string) {
	await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

async function expectState(page: Page, label: string) {
	await page.locator('.page-head').getByText(label, { exact: true }).waitFor()
}

/** Opens the interpellation from the home page's 待我处理 list, as each user starts their day. */
async function openFromTodo(page: Page, path: string) {
	await page.goto('/')
	const awaiting = page.getByRole('region', { name: /^待我处理/ })
	await awaiting.waitFor()
	await Promise.all([page.waitForURL((url) => url.pathname === path), awaiting.getByRole('link', { name: matter, exact: true }).first().click()])
	await heading(page, matter).waitFor()
	await page.waitForLoadState('networkidle')
}

test('an interpellation from the draft through co-signing, submission, referral and the written answer to the signers’ verdicts', async ({ newPage, allowConsoleError }) => {
	const today = todayInShanghai()

	// ── weiyuan1 drafts it and asks four members to co-sign ─────────────────────────────────
	const drafter = await newPage()
	await logIn(drafter, 'weiyuan1')
	await drafter.goto('/interpellations')
	await heading(drafter, '质询案').waitFor()
	await Promise.all([drafter.waitForURL('**/interpellations/new'), drafter.getByRole('link', { name: '起草质询案' }).first().click()])
	await heading(drafter, '起草质询案').waitFor()
	await drafter.getByLabel('质询对象', { exact: true }).selectOption({ label: '武汉市公安局' })
	// A vertically managed unit is not offered (Art. 51).
	assert.equal(await drafter.getByLabel('质询对象', { exact: true }).locator('option', { hasText: '中国人民银行湖北省分行' }).count(), 0, 'no vertically managed unit to choose')
	await drafter.getByLabel('质询的问题', { exact: true }).fill(matter)
	await drafter.getByLabel('质询的内容', { exact: true }).fill(questions)
	const invitees = drafter.getByRole('group', { name: '邀请联名的常委会组成人员' })
	for (const { name } of cosigners) await invitees.getByRole('checkbox', { name, exact: true }).check()
	await Promise.all([
		drafter.waitForURL((url) => /^\/interpellations\/\d+$/.test(url.pathname) && url.searchParams.get('done') === 'drafted'),
		drafter.getByRole('button', { name: '保存并邀请联名', exact: true }).click(),
	])
	await drafter.waitForLoadState('networkidle')
	const path = new URL(drafter.url()).pathname
	await expectNotice(drafter, '质询案已起草')
	await expectState(drafter, '起草联名中')
	const signers = drafter.getByRole('region', { name: '联名人' })
	await signers.getByText('已有 1 名常委会组成人员联名，提出质询案至少需要 5 名（监督法第五十一条）。').waitFor()
	await signers.getByText('还差 4 名联名人（至少需要 5 名）。联名人数不足时不能提出。').waitFor()
	// Short of signers the submission is refused with the count (the form's answer is a 400).
	allowConsoleError(/status of 400/)
	await drafter.getByRole('button', { name: '提出质询案', exact: true }).click()
	await drafter.getByRole('alert').filter({ hasText: '目前有 1 人联名' }).waitFor()

	// ── the bureau's liaison cannot open the draft ──────────────────────────────────────────
	const agency = await newPage()
	await logIn(agency, 'gongan')
	allowConsoleError(/status of 404/)
	const hidden = await agency.goto(path)
	assert.equal(hidden?.status(), 404, 'a liaison never sees a draft')

	// ── each co-signer logs in and co-signs from their to-do list ──────────────────────────
	const members: Array<Page> = []
	for (const { username } of cosigners) {
		const member = await newPage()
		members.push(member)
		await logIn(member, username)
		await openFromTodo(member, path)
		await expectState(member, '起草联名中')
		await submitAndWait(member, member.getByRole('button', { name: '联名', exact: true }), 'sign')
		await expectNotice(member, '您已联名。')
		assert.equal(await member.getByRole('button', { name: '联名', exact: true }).count(), 0, 'one signature per member')
		await member.getByRole('button', { name: '撤回我的联名', exact: true }).waitFor()
	}

	// ── weiyuan1 submits it with five signers ───────────────────────────────────────────────
	await drafter.goto(path)
	await signers.getByText('已有 5 名常委会组成人员联名，提出质询案至少需要 5 名（监督法第五十一条）。').waitFor()
	for (const { name } of cosigners) await signers.getByText(name, { exact: true }).waitFor()
	await submitAndWait(drafter, drafter.getByRole('button', { name: '提出质询案', exact: true }), 'submit')
	await expectNotice(drafter, '质询案已提出，等待主任会议决定。')
	await expectState(drafter, '已提出，待主任会议决定')

	// Still nothing for the liaison: not on the list, not on its page.
	await agency.goto('/interpellations')
	await heading(agency, '质询案').waitFor()
	assert.equal(await agency.getByRole('link', { name: matter }).count(), 0, 'not listed before referral')
	assert.equal((await agency.goto(path))?.status(), 404, 'not readable before referral')

	// ── the office records the council's referral for a written answer ──────────────────────
	const office = await newPage()
	await logIn(office, 'mishu')
	await openFromTodo(office, path)
	const council = office.getByRole('region', { name: '主任会议决定（监督法第五十二条）' })
	await council.getByLabel('交武汉市公安局答复', { exact: true }).check()
	await council.getByLabel('书面答复', { exact: true }).check()
	await council.getByLabel('书面答复期限', { exact: true }).fill(daysAfter(today, 30))
	await submitAndWait(office, office.getByRole('button', { name: '记录主任会议决定', exact: true }), 'refer')
	await expectNotice(office, '主任会议决定已记录。')
	await expectState(office, '已交付答复')

	// ── the liaison answers in writing, naming who signed ───────────────────────────────────
	await openFromTodo(agency, path)
	await expectState(agency, '已交付答复')
	await agency.getByLabel('书面答复全文', { exact: true }).fill(answerText)
	await agency.getByLabel('负责人姓名', { exact: true }).fill('张国栋')
	await agency.getByLabel('负责人职务', { exact: true }).fill('市公安局局长')
	await submitAndWait(agency, agency.getByRole('button', { name: '录入答复', exact: true }), 'answer')
	await expectNotice(agency, '答复已录入')
	await agency.getByText(/书面答复，由市公安局局长张国栋签署。$/).waitFor()

	// ── the five signers give their verdicts; the last one concludes it ────────────────────
	const verdicts: Array<[Page, string]> = [
		[members[0], '不满意'],
		[members[1], '满意'],
		[members[2], '不满意'],
		[members[3], '满意'],
		[drafter, '满意'],
	]
	for (const [index, [page, verdict]] of verdicts.entries()) {
		await openFromTodo(page, path)
		await expectState(page, '已答复，待联名人表态')
		await page.getByRole('group', { name: '您对本次答复是否满意？' }).getByRole('radio', { name: verdict, exact: true }).check()
		await submitAndWait(page, page.getByRole('button', { name: '提交我的意见', exact: true }), index === verdicts.length - 1 ? 'concluded' : 'judge')
	}
	await expectNotice(drafter, '全体联名人均已表态，本质询案办结。')
	await expectState(drafter, '已办结')
	await drafter.getByText('满意 3 人，不满意 2 人（联名人共 5 名）。').waitFor()
	// Two of five unsatisfied: not more than half, so no re-answer is offered.
	assert.equal(await drafter.getByRole('button', { name: '要求再作答复', exact: true }).count(), 0, 'no re-answer without more than half unsatisfied')
	// The liaison sees the counts, not who said what.
	await agency.goto(path)
	await agency.getByText('满意 3 人，不满意 2 人（联名人共 5 名）。').waitFor()
	assert.equal(await agency.getByText('王强（示例）：').count(), 0, 'verdicts by name are the committee’s own record')
})
