import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { logIn, menuLink, test } from './harness'

// An inspection's whole path in a real browser, every step through the pages a person uses: the
// secretariat plans a law-enforcement inspection and starts it, schedules a visit, and schedules
// a second one that puts a member in two places at once (the warning, then saved with a reason);
// the invited deputy records a finding against the public security bureau; the bureau's liaison
// sees only its own findings and reports the rectification; the office sends it back with a
// reason; the liaison reports again; the office accepts it. And: a 暗访 stays hidden from the
// agency it visits, on the inspection page, in the list's counts and on its calendar.

const desktop = { width: 1280, height: 800 }
const phone = { width: 390, height: 844 }

const psb = '武汉市公安局'
const edu = '武汉市教育局'
const organ = '武汉市人民政府'
// Demo accounts (db/seed/demo-accounts.ts): realName as the forms show it.
const people = {
	weiyuan1: '李华（示例）',
	weiyuan2: '王强（示例）',
	weiyuan3: '张敏（示例）',
	daibiao1: '孙丽（示例）',
}

function todayInShanghai(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number)
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

function chineseDate(date: string): string {
	const [y, m, d] = date.split('-').map(Number)
	return `${y}年${m}月${d}日`
}

// A clause numeral in either bracket style at the start of a label or option.
const clauseStart = (numeral: string) => new RegExp(`^\\s*[（(]${numeral}[）)]`)

async function clickAndWait(page: Page, target: Locator, until: (url: URL) => boolean) {
	await Promise.all([page.waitForURL(until), target.click()])
	await page.waitForLoadState('networkidle')
}

async function navigate(page: Page, label: string, pathname: string) {
	await clickAndWait(page, await menuLink(page, label), (url) => url.pathname === pathname)
}

async function expectNotice(page: Page, text: string) {
	await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

/** The state badge in the page head (inspection and finding pages alike). */
async function expectState(page: Page, label: string) {
	await page.locator('.page-head').getByText(label, { exact: true }).waitFor()
}

async function shoot(page: Page, file: string) {
	await page.waitForLoadState('networkidle')
	await page.evaluate(() => document.fonts.ready.then(() => undefined))
	await page.screenshot({ path: file, fullPage: true })
}

/** A paragraph of a multi-line text (a response, a reason) as the finding page shows it. */
function paragraph(scope: Locator, text: string) {
	return scope.locator('p').filter({ hasText: text }).first()
}

/** Picks the option of a select whose text starts with the clause numeral. */
async function selectClause(select: Locator, numeral: string) {
	const option = select.locator('option').filter({ hasText: clauseStart(numeral) }).first()
	await select.selectOption({ value: (await option.getAttribute('value')) ?? '' })
}

type InspectionSpec = {
	title: string
	year: number
	clauses: Array<string>
	forms: Array<string>
	startsOn: string
	endsOn: string
	leader: string
	members: Array<string>
	deputies: Array<string>
}

/** /inspections → 新建执法检查 → the form → the new inspection's page; returns its path. */
async function planInspection(page: Page, spec: InspectionSpec): Promise<string> {
	await navigate(page, '执法检查', '/inspections')
	await clickAndWait(page, page.getByRole('link', { name: '新建执法检查', exact: true }).first(), (url) => url.pathname === '/inspections/new')
	await page.getByLabel('检查名称', { exact: true }).fill(spec.title)
	await page.getByLabel('年度', { exact: true }).fill(String(spec.year))
	await page.getByLabel('检查对象机关', { exact: true }).selectOption({ label: organ })
	await page.getByLabel('开始日期', { exact: true }).fill(spec.startsOn)
	await page.getByLabel('结束日期', { exact: true }).fill(spec.endsOn)
	const forms = page.getByRole('group', { name: '检查形式' })
	for (const form of spec.forms) await forms.getByRole('checkbox', { name: form, exact: true }).check()
	const scope = page.getByRole('group', { name: '检查范围（条款）' })
	for (const numeral of spec.clauses) await scope.getByRole('checkbox', { name: clauseStart(numeral) }).first().check()
	const leader = page.getByLabel('组长', { exact: true })
	const leaderOption = leader.locator('option').filter({ hasText: spec.leader }).first()
	await leader.selectOption({ value: (await leaderOption.getAttribute('value')) ?? '' })
	const members = page.getByRole('group', { name: '组员（常委会组成人员）' })
	for (const name of spec.members) await members.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check()
	const deputies = page.getByRole('group', { name: '特邀人大代表' })
	for (const name of spec.deputies) await deputies.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check()
	await clickAndWait(
		page,
		page.getByRole('button', { name: '创建执法检查', exact: true }),
		(url) => /^\/inspections\/\d+$/.test(url.pathname) && url.searchParams.get('done') === 'created',
	)
	await expectNotice(page, '执法检查已创建。')
	await page.getByRole('heading', { level: 1, name: spec.title }).waitFor()
	await expectState(page, '计划中')
	return new URL(page.url()).pathname
}

type VisitSpec = {
	on: string
	startTime: string
	endTime: string
	place: string
	district?: string
	form?: string
	agencies: Array<string>
	participants: Array<string>
	unannounced?: boolean
}

/** 安排走访 on the inspection page, the visit form filled in, then 保存走访 (not waited for). */
async function fillVisit(page: Page, inspectionPath: string, visit: VisitSpec) {
	await clickAndWait(page, page.getByRole('link', { name: '安排走访', exact: true }), (url) => url.pathname === `${inspectionPath}/visits/new`)
	await page.getByLabel('日期', { exact: true }).fill(visit.on)
	await page.getByLabel('开始时间', { exact: true }).fill(visit.startTime)
	await page.getByLabel('结束时间', { exact: true }).fill(visit.endTime)
	await page.getByLabel('地点', { exact: true }).fill(visit.place)
	if (visit.district) await page.getByLabel('所在区', { exact: true }).selectOption({ label: visit.district })
	if (visit.form) await page.getByLabel('检查形式', { exact: true }).selectOption({ label: visit.form })
	const participants = page.getByRole('group', { name: '参加人员' })
	for (const name of visit.participants) await participants.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check()
	const agencies = page.getByRole('group', { name: '被检查单位' })
	for (const name of visit.agencies) await agencies.getByRole('checkbox', { name, exact: true }).check()
	if (visit.unannounced) await page.getByRole('checkbox', { name: '暗访', exact: true }).check()
}

/** 保存走访, and the redirect to the inspection page with its notice. */
async function saveVisit(page: Page, inspectionPath: string, options: { reasonGiven?: boolean } = {}) {
	const saved = (url: URL) => url.pathname === inspectionPath && url.searchParams.get('done') === 'visitCreated'
	const button = page.getByRole('button', { name: '保存走访', exact: true })
	if (options.reasonGiven) {
		await Promise.all([page.waitForURL(saved), button.click()])
	} else {
		// Either the redirect, or a conflict warning, which a visit meant to be free of conflicts
		// must not get: say what it was.
		const warning = page.locator('.conflict-warning')
		await button.click()
		await Promise.race([page.waitForURL(saved), warning.waitFor()])
		if (!saved(new URL(page.url()))) {
			throw new Error(`the visit was refused with a conflict warning: ${(await warning.innerText()).replace(/\s+/g, ' ')}`)
		}
	}
	await page.waitForLoadState('networkidle')
	await expectNotice(page, '走访已安排。')
}

/** The visit's entry in the schedule of the inspection page, found by its place. */
function scheduleEntry(page: Page, place: string) {
	return page.getByRole('region', { name: '走访行程' }).locator('li.schedule__visit').filter({ hasText: place })
}

test('an inspection from the plan to a verified rectification: visit, conflict, finding, response, reopening, acceptance', async ({
	newPage,
	resultsDir,
	allowConsoleError,
}) => {
	const folder = path.join(resultsDir, 'screenshots')
	fs.mkdirSync(folder, { recursive: true })
	const today = todayInShanghai()
	const year = Number(today.slice(0, 4))
	const stamp = Date.now().toString(36)
	const title = `检查《关于全面开展打击治理电信网络诈骗违法犯罪工作的决定》贯彻实施情况（端到端测试 ${stamp}）`
	// Three days ahead: inside the period, clear of the demo's meetings (−10…−8, +24…+26) and of
	// its planned inspection's visits (+35, +42), so that only the conflict made here is warned of.
	const visitOn = addDays(today, 3)
	const firstVisit = { place: '武汉市公安局反诈中心（端到端测试）', district: '江岸区' }
	const secondVisit = { place: '武汉市教育局安全处（端到端测试）' }
	const conflictReason = '李华委员先参加反诈中心座谈，再到教育局抽查，时间已与两处协调。（端到端测试）'
	const description = `派出所对涉诈重点人员的管控台账不完整（${stamp}）`
	const otherDescription = `中小学反诈宣传教育课时未落实（${stamp}）`
	const evidence = '抽查江岸区三个派出所的重点人员管控台账，其中两个缺少近三个月的走访记录。'
	const dueOn = addDays(today, 60)
	const firstResponse = '已对全市派出所重点人员管控台账开展专项清理，补录走访记录。'
	const reopenReason = '未说明长效机制，请补充台账定期核查的制度安排。（端到端测试）'
	const secondResponse = `${firstResponse}\n已建立台账每月核查、季度通报制度，并纳入派出所绩效考核。`

	// ── mishu plans the inspection and starts it ────────────────────────────────────────────
	const office = await newPage({ viewport: desktop })
	await logIn(office, 'mishu')
	const inspectionPath = await planInspection(office, {
		title,
		year,
		clauses: ['八', '十一'],
		forms: ['座谈会', '实地检查'],
		startsOn: today,
		endsOn: addDays(today, 30),
		leader: people.weiyuan1,
		members: [people.weiyuan2],
		deputies: [people.daibiao1],
	})
	const meta = office.locator('dl.inspection-meta').first()
	await meta.getByText('座谈会、实地检查', { exact: true }).waitFor()
	await meta.getByText(`${chineseDate(today)}至${chineseDate(addDays(today, 30))}`, { exact: true }).waitFor()
	await meta.getByText(organ, { exact: true }).waitFor()
	await meta.getByRole('link', { name: clauseStart('八') }).waitFor()
	await meta.getByRole('link', { name: clauseStart('十一') }).waitFor()
	const group = office.getByRole('region', { name: /^检查组/ })
	await group.getByText(`${people.weiyuan1}（常委会委员）`, { exact: true }).waitFor()
	await group.getByText(`${people.weiyuan2}（常委会委员）`, { exact: true }).waitFor()
	await group.getByText(`${people.daibiao1}（市人大代表）`, { exact: true }).waitFor()
	await clickAndWait(office, office.getByRole('button', { name: '开始检查', exact: true }), (url) => url.searchParams.get('done') === 'started')
	await expectNotice(office, '执法检查已开始，状态为“检查中”。')
	await expectState(office, '检查中')
	assert.equal(await office.getByRole('button', { name: '开始检查', exact: true }).count(), 0, 'a started inspection is not started again')

	// ── mishu schedules a visit to the public security bureau ───────────────────────────────
	await fillVisit(office, inspectionPath, {
		on: visitOn,
		startTime: '09:00',
		endTime: '11:00',
		place: firstVisit.place,
		district: firstVisit.district,
		form: '座谈会',
		agencies: [psb],
		participants: [people.weiyuan1, people.daibiao1],
	})
	await saveVisit(office, inspectionPath)
	const first = scheduleEntry(office, firstVisit.place)
	await first.getByText('09:00–11:00').waitFor()
	await first.getByText(firstVisit.district, { exact: true }).waitFor()
	await first.getByText(`被检查单位：${psb}`, { exact: true }).waitFor()
	await first.getByText(`参加人员：${people.weiyuan1}、${people.daibiao1}`, { exact: true }).waitFor()
	await office.getByRole('region', { name: '走访行程' }).getByRole('heading', { level: 3, name: chineseDate(visitOn) }).waitFor()

	// ── …and a second one that puts weiyuan1 in two places at once ──────────────────────────
	await fillVisit(office, inspectionPath, {
		on: visitOn,
		startTime: '10:00',
		endTime: '12:00',
		place: secondVisit.place,
		form: '实地检查',
		agencies: [edu],
		participants: [people.weiyuan1, people.weiyuan2],
	})
	// The refused submission answers 400, which Chromium logs as a failed resource load.
	allowConsoleError(/status of 400/)
	await office.getByRole('button', { name: '保存走访', exact: true }).click()
	const warning = office.getByRole('alert').filter({ hasText: '该安排存在以下冲突，尚未保存：' })
	await warning.waitFor()
	await office.waitForLoadState('networkidle')
	assert.match(new URL(office.url()).pathname, /\/visits\/new$/, 'nothing was saved: the form is still open')
	const conflictItems = warning.getByRole('listitem')
	assert.equal(await conflictItems.count(), 1, `one conflict: ${await warning.innerText()}`)
	const conflictText = (await conflictItems.first().innerText()).trim()
	assert.ok(conflictText.startsWith(`${people.weiyuan1} 在 ${chineseDate(visitOn)} 10:00–12:00 同时段另有安排：`), `the conflict names weiyuan1 and the time: ${conflictText}`)
	assert.ok(conflictText.includes('09:00–11:00'), `the conflict names the other visit's time: ${conflictText}`)
	// The input is kept and a reason is asked for.
	assert.equal(await office.getByLabel('地点', { exact: true }).inputValue(), secondVisit.place, 'the place is kept')
	assert.equal(await office.getByRole('group', { name: '被检查单位' }).getByRole('checkbox', { name: edu, exact: true }).isChecked(), true, 'the agency is kept')
	const reasonField = office.getByLabel('仍按此安排的理由', { exact: true })
	await reasonField.waitFor()
	await shoot(office, path.join(folder, 'inspection-path-conflict.png'))
	await reasonField.fill(conflictReason)
	await saveVisit(office, inspectionPath, { reasonGiven: true })
	const second = scheduleEntry(office, secondVisit.place)
	await second.getByText('10:00–12:00').waitFor()
	await second.getByText(`冲突说明：${conflictReason}`, { exact: true }).waitFor()
	await second.getByText(`被检查单位：${edu}`, { exact: true }).waitFor()
	assert.equal(await office.getByRole('region', { name: '走访行程' }).locator('li.schedule__visit').count(), 2, 'two visits on the schedule')
	await shoot(office, path.join(folder, 'inspection-path-inspection.png'))

	// ── daibiao1, the invited deputy, records a finding against the bureau ──────────────────
	const deputy = await newPage({ viewport: desktop })
	await logIn(deputy, 'daibiao1')
	await navigate(deputy, '执法检查', '/inspections')
	await clickAndWait(deputy, deputy.getByRole('link', { name: title, exact: true }), (url) => url.pathname === inspectionPath)
	await expectState(deputy, '检查中')
	await deputy.getByRole('region', { name: /^检查组/ }).getByText('特邀代表', { exact: true }).first().waitFor()
	await scheduleEntry(deputy, firstVisit.place).waitFor()
	assert.equal(await deputy.getByRole('link', { name: '安排走访' }).count(), 0, 'a deputy does not schedule visits')
	await clickAndWait(deputy, deputy.getByRole('link', { name: '记录问题', exact: true }).first(), (url) => url.pathname === `${inspectionPath}/findings/new`)
	await selectClause(deputy.getByLabel('条款', { exact: true }), '八')
	await deputy.getByLabel('责任单位', { exact: true }).selectOption({ label: psb })
	const visitSelect = deputy.getByLabel('检查活动', { exact: true })
	const visitOption = visitSelect.locator('option').filter({ hasText: firstVisit.place }).first()
	await visitSelect.selectOption({ value: (await visitOption.getAttribute('value')) ?? '' })
	await deputy.getByRole('group', { name: '严重程度' }).getByRole('radio', { name: '较重', exact: true }).check()
	await deputy.getByLabel('问题描述', { exact: true }).fill(description)
	await deputy.getByLabel('证据', { exact: true }).fill(evidence)
	await deputy.getByLabel('整改期限', { exact: true }).fill(dueOn)
	await clickAndWait(
		deputy,
		deputy.getByRole('button', { name: '保存问题', exact: true }),
		(url) => /^\/findings\/\d+$/.test(url.pathname) && url.searchParams.get('done') === 'recorded',
	)
	const findingPath = new URL(deputy.url()).pathname
	await expectNotice(deputy, '问题已记录，责任单位可以看到并报送整改情况。')
	await expectState(deputy, '较重')
	await expectState(deputy, '待整改')
	const details = deputy.getByRole('region', { name: '问题', exact: true })
	await details.getByRole('link', { name: title, exact: true }).waitFor()
	await details.getByRole('link', { name: clauseStart('八') }).waitFor()
	await details.getByRole('link', { name: psb, exact: true }).waitFor()
	await details.getByText(`${chineseDate(visitOn)} 09:00 ${firstVisit.place}`).waitFor()
	await details.getByText(people.daibiao1, { exact: false }).waitFor()
	await details.getByText(description, { exact: true }).waitFor()
	await details.getByText(evidence, { exact: true }).waitFor()
	await deputy.getByRole('region', { name: '整改', exact: true }).getByText(chineseDate(dueOn)).waitFor()
	assert.equal(await deputy.getByRole('button', { name: '报送整改情况' }).count(), 0, 'the deputy does not respond for the agency')
	assert.equal(await deputy.getByRole('button', { name: '核实通过' }).count(), 0, 'the deputy does not verify')

	// The inspection page lists it under its clause.
	await clickAndWait(deputy, details.getByRole('link', { name: title, exact: true }), (url) => url.pathname === inspectionPath)
	const deputyFindings = deputy.getByRole('region', { name: /^发现的问题/ })
	await deputyFindings.getByRole('link', { name: description, exact: true }).waitFor()
	await deputyFindings.getByRole('heading', { level: 3, name: clauseStart('八') }).waitFor()

	// Another agency's finding, recorded by the office, that the bureau must never see.
	await office.goto(inspectionPath)
	await clickAndWait(office, office.getByRole('link', { name: '记录问题', exact: true }).first(), (url) => url.pathname === `${inspectionPath}/findings/new`)
	await selectClause(office.getByLabel('条款', { exact: true }), '十一')
	await office.getByLabel('责任单位', { exact: true }).selectOption({ label: edu })
	await office.getByLabel('问题描述', { exact: true }).fill(otherDescription)
	await clickAndWait(
		office,
		office.getByRole('button', { name: '保存问题', exact: true }),
		(url) => /^\/findings\/\d+$/.test(url.pathname) && url.searchParams.get('done') === 'recorded',
	)
	const otherFindingPath = new URL(office.url()).pathname
	await expectState(office, '一般')

	// ── gongan sees its finding (and only its own) and reports the rectification ────────────
	const agency = await newPage({ viewport: desktop })
	await logIn(agency, 'gongan')
	const awaiting = agency.getByRole('region', { name: /^待我处理/ })
	await awaiting.getByRole('link', { name: description, exact: true }).waitFor()
	assert.equal(await awaiting.getByRole('link', { name: otherDescription }).count(), 0, "another agency's finding is not on the bureau's to-do")
	await navigate(agency, '问题整改', '/findings')
	const rows = agency.locator('table.finding-table tbody tr')
	await rows.filter({ hasText: description }).waitFor()
	const agencyCells = await agency.locator('table.finding-table tbody tr td:nth-child(3)').allInnerTexts()
	assert.ok(agencyCells.length >= 1, 'the bureau has findings on its list')
	assert.deepEqual([...new Set(agencyCells.map((cell) => cell.trim()))], [psb], `only ${psb} rows: ${agencyCells.join(' | ')}`)
	assert.equal(await agency.getByText(otherDescription).count(), 0, "another agency's finding is not listed")
	assert.equal(await agency.getByLabel('责任单位', { exact: true }).count(), 0, 'no agency filter for a liaison')
	const row = rows.filter({ hasText: description })
	await row.getByText('较重', { exact: true }).waitFor()
	await row.getByText('待整改', { exact: true }).waitFor()
	await row.getByText(chineseDate(dueOn)).waitFor()
	// The other agency's finding by its address: not found.
	const otherResponse = await agency.request.get(otherFindingPath)
	assert.equal(otherResponse.status(), 404, "another agency's finding answers 404 to the bureau")

	await clickAndWait(agency, row.getByRole('link', { name: description, exact: true }), (url) => url.pathname === findingPath)
	await expectState(agency, '待整改')
	// Through the finding to its inspection: its findings are the bureau's only, and back.
	await clickAndWait(agency, agency.getByRole('region', { name: '问题', exact: true }).getByRole('link', { name: title, exact: true }), (url) => url.pathname === inspectionPath)
	const agencyFindings = agency.getByRole('region', { name: /^发现的问题/ })
	await scheduleEntry(agency, firstVisit.place).waitFor()
	assert.equal(await agency.getByText(secondVisit.place).count(), 0, 'the visit to another agency is not on the bureau\'s schedule')
	assert.equal(await agencyFindings.getByText(otherDescription).count(), 0, "another agency's finding is not on the bureau's inspection page")
	await clickAndWait(agency, agencyFindings.getByRole('link', { name: description, exact: true }), (url) => url.pathname === findingPath)
	await expectState(agency, '待整改')
	await agency.getByRole('heading', { level: 2, name: '报送整改情况' }).waitFor()
	assert.equal(await agency.getByRole('button', { name: '核实通过' }).count(), 0, 'the agency does not verify')
	await agency.getByLabel('整改情况', { exact: true }).fill(firstResponse)
	await clickAndWait(agency, agency.getByRole('button', { name: '报送整改情况', exact: true }), (url) => url.searchParams.get('done') === 'responded')
	await expectNotice(agency, '整改情况已报送，等待办公厅核实。')
	await expectState(agency, '待核实')
	const agencyRectification = agency.getByRole('region', { name: '整改', exact: true })
	await paragraph(agencyRectification, firstResponse).waitFor()
	assert.equal(await agency.getByRole('button', { name: '报送整改情况', exact: true }).count(), 0, 'a reported rectification is not reported twice')

	// ── mishu sends it back with a reason ───────────────────────────────────────────────────
	await navigate(office, '首页', '/')
	const officeTodo = office.getByRole('region', { name: /^待我处理/ })
	await clickAndWait(office, officeTodo.getByRole('link', { name: description, exact: true }).first(), (url) => url.pathname === findingPath)
	await expectState(office, '待核实')
	await paragraph(office.getByRole('region', { name: '整改', exact: true }), firstResponse).waitFor()
	await office.getByLabel('退回原因', { exact: true }).fill(reopenReason)
	await clickAndWait(office, office.getByRole('button', { name: '退回重新整改', exact: true }), (url) => url.searchParams.get('done') === 'reopened')
	await expectNotice(office, '已退回重新整改，责任单位会看到退回原因。')
	await expectState(office, '退回重新整改')
	await paragraph(office.getByRole('region', { name: '整改', exact: true }).getByRole('status'), reopenReason).waitFor()
	assert.equal(await office.getByRole('button', { name: '核实通过', exact: true }).count(), 0, 'nothing to accept until the agency reports again')

	// ── gongan reads the reason and reports again ───────────────────────────────────────────
	await navigate(agency, '首页', '/')
	const again = agency.getByRole('region', { name: /^待我处理/ }).getByRole('listitem').filter({ hasText: description })
	await again.getByText(reopenReason).waitFor()
	await clickAndWait(agency, again.getByRole('link', { name: description, exact: true }), (url) => url.pathname === findingPath)
	await expectState(agency, '退回重新整改')
	const reopenedNotice = agency.getByRole('status').filter({ hasText: '整改情况未通过核实，退回原因：' })
	await reopenedNotice.getByText(reopenReason, { exact: true }).waitFor()
	await agency.getByRole('heading', { level: 2, name: '重新报送整改情况' }).waitFor()
	const responseField = agency.getByLabel('整改情况', { exact: true })
	assert.equal(await responseField.inputValue(), firstResponse, 'the previous response is the starting point')
	await responseField.fill(secondResponse)
	await clickAndWait(agency, agency.getByRole('button', { name: '报送整改情况', exact: true }), (url) => url.searchParams.get('done') === 'responded')
	await expectNotice(agency, '整改情况已报送，等待办公厅核实。')
	await expectState(agency, '待核实')
	await paragraph(agencyRectification, '已建立台账每月核查、季度通报制度，并纳入派出所绩效考核。').waitFor()

	// ── mishu accepts it ────────────────────────────────────────────────────────────────────
	await navigate(office, '首页', '/')
	await clickAndWait(office, officeTodo.getByRole('link', { name: description, exact: true }).first(), (url) => url.pathname === findingPath)
	await expectState(office, '待核实')
	await clickAndWait(office, office.getByRole('button', { name: '核实通过', exact: true }), (url) => url.searchParams.get('done') === 'accepted')
	await expectNotice(office, '整改情况已核实通过。')
	await expectState(office, '已核实通过')
	const rectification = office.getByRole('region', { name: '整改', exact: true })
	await rectification.getByText('核实通过日期', { exact: true }).waitFor()
	const history = rectification.locator('ol.finding-history > li')
	const steps = (await history.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())
	assert.equal(steps.length, 4, `four steps in the history: ${steps.join(' | ')}`)
	for (const [index, step] of ['责任单位报送整改情况', '办公厅退回重新整改', '责任单位报送整改情况', '办公厅核实通过'].entries()) {
		assert.ok(steps[index].includes(step), `step ${index + 1} is “${step}”: ${steps[index]}`)
	}
	assert.equal(await office.getByRole('button', { name: '核实通过', exact: true }).count(), 0, 'nothing left to accept')
	await navigate(office, '首页', '/')
	assert.equal(await officeTodo.getByRole('link', { name: description }).count(), 0, 'the accepted finding left the office to-do')
	await office.goto(findingPath)
	await expectState(office, '已核实通过')
	await shoot(office, path.join(folder, 'inspection-path-finding.png'))
	await office.setViewportSize(phone)
	await office.reload()
	await expectState(office, '已核实通过')
	const width = await office.evaluate(() => document.documentElement.scrollWidth)
	assert.ok(width <= phone.width, `the finding page fits a ${phone.width}px-wide phone (scrollWidth ${width})`)
	await shoot(office, path.join(folder, 'inspection-path-finding-phone.png'))

	// The bureau sees the end of it, and its to-do is clear of it.
	await agency.reload()
	await expectState(agency, '已核实通过')
	await navigate(agency, '首页', '/')
	assert.equal(await agency.getByRole('region', { name: /^待我处理/ }).getByRole('link', { name: description }).count(), 0, 'nothing left for the bureau')
})

test('a 暗访 to the public security bureau is hidden from its liaison on the inspection page, the list and the calendar', async ({ newPage }) => {
	const today = todayInShanghai()
	const stamp = Date.now().toString(36)
	// Neither the title nor the places say 暗访: the page must not say it anywhere.
	const title = `全市反诈宣传教育执法检查（端到端测试 ${stamp}）`
	// Clear of the other test's visits (+3) and of the demo's meetings.
	const announced = { on: addDays(today, 5), place: `武汉市公安局江汉分局（公开走访 ${stamp}）` }
	const unannounced = { on: addDays(today, 6), place: `某派出所接报警窗口（端到端测试 ${stamp}）` }

	const office = await newPage({ viewport: desktop })
	await logIn(office, 'mishu')
	const inspectionPath = await planInspection(office, {
		title,
		year: Number(today.slice(0, 4)),
		clauses: ['八'],
		forms: ['实地检查'],
		startsOn: today,
		endsOn: addDays(today, 30),
		leader: people.weiyuan3,
		members: [],
		deputies: [],
	})
	await fillVisit(office, inspectionPath, {
		on: announced.on,
		startTime: '14:00',
		endTime: '16:00',
		place: announced.place,
		agencies: [psb],
		participants: [people.weiyuan3],
	})
	await saveVisit(office, inspectionPath)
	await fillVisit(office, inspectionPath, {
		on: unannounced.on,
		startTime: '09:00',
		endTime: '10:30',
		place: unannounced.place,
		agencies: [psb],
		participants: [people.weiyuan3],
		unannounced: true,
	})
	await saveVisit(office, inspectionPath)
	// The office sees both, the 暗访 marked.
	await scheduleEntry(office, announced.place).waitFor()
	await scheduleEntry(office, unannounced.place).getByText('暗访', { exact: true }).waitFor()
	await office.goto(`/calendar?view=week&date=${unannounced.on}`)
	await office.locator('li.cal-event').filter({ hasText: unannounced.place }).getByText('暗访', { exact: true }).waitFor()

	const agency = await newPage({ viewport: desktop })
	await logIn(agency, 'gongan')
	// The list: the inspection is there (an open visit), counting one visit, not two.
	await navigate(agency, '执法检查', '/inspections')
	const listRow = agency.locator('table.inspection-table tbody tr').filter({ hasText: title })
	await listRow.waitFor()
	assert.equal((await listRow.locator('td').nth(6).innerText()).trim(), '1', 'the 暗访 is not counted for the visited agency')
	// The inspection page: the open visit, nothing of the 暗访.
	await clickAndWait(agency, listRow.getByRole('link', { name: title, exact: true }), (url) => url.pathname === inspectionPath)
	await scheduleEntry(agency, announced.place).waitFor()
	const schedule = agency.getByRole('region', { name: '走访行程' })
	assert.equal(await schedule.locator('li.schedule__visit').count(), 1, 'one visit on the schedule')
	assert.equal(await agency.getByText(unannounced.place).count(), 0, 'the 暗访 is not on the inspection page')
	assert.equal(await agency.getByRole('main').getByText('暗访').count(), 0, 'nothing says 暗访')
	assert.equal(await schedule.getByRole('heading', { level: 3, name: chineseDate(unannounced.on) }).count(), 0, 'not even its day')
	// The calendar, by the menu and then the weeks of both visits.
	await navigate(agency, '日程', '/calendar')
	await agency.getByRole('heading', { level: 1, name: /^日历/ }).waitFor()
	for (const date of [announced.on, unannounced.on]) {
		await agency.goto(`/calendar?view=week&date=${date}`)
		await agency.waitForLoadState('networkidle')
		await agency.locator('ol.cal-week').waitFor()
		if (date === announced.on) await agency.locator('li.cal-event').filter({ hasText: announced.place }).waitFor()
		assert.equal(await agency.getByText(unannounced.place).count(), 0, `the 暗访 is not in the bureau's calendar (week of ${date})`)
		assert.equal(await agency.locator('.cal-event__secret').count(), 0, `no 暗访 badge in the week of ${date}`)
	}
	// Nor in the month view of the 暗访's day.
	await agency.goto(`/calendar?date=${unannounced.on}`)
	await agency.waitForLoadState('networkidle')
	await agency.locator('ol.cal-month__days').waitFor()
	const dayName = new RegExp(`^${Number(unannounced.on.slice(5, 7))}月${Number(unannounced.on.slice(8))}日\\s`)
	const day = agency.locator('li.cal-day').filter({ has: agency.locator('.cal-day__full', { hasText: dayName }) })
	assert.equal(await day.count(), 1, `one cell for ${unannounced.on} in the month view`)
	assert.equal(await day.locator('li.cal-event').count(), 0, `the bureau's calendar shows nothing on ${unannounced.on}`)
})
