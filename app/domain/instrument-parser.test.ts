import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { isParseError, parseError, parseInstrument, type ParsedInstrument } from './instrument-parser'

function readText(path: string): string {
	return readFileSync(new URL(path, import.meta.url), 'utf8')
}

const wuhan = parseInstrument(readText('../../db/seed/wuhan-anti-fraud-decision-2021.txt'))

function clause(instrument: ParsedInstrument, label: string) {
	const found = instrument.clauses.find((candidate) => candidate.label === label)
	if (!found) throw new Error(`no clause ${label}`)
	return found
}

function parseFailure(text: string) {
	try {
		parseInstrument(text)
	} catch (error) {
		if (isParseError(error)) return error
		throw error
	}
	throw new Error('the text was parsed')
}

// ---- The Wuhan decision as published

test('the Wuhan decision’s metadata comes from its header table and 公告', () => {
	expect(wuhan).toMatchObject({
		title: '武汉市人民代表大会常务委员会关于全面开展打击治理电信网络诈骗违法犯罪工作的决定',
		issuer: '武汉市第十四届人民代表大会常务委员会',
		documentNumber: '〔十四届〕第四十五号',
		adoptedOn: '2021-06-09',
		publishedOn: '2021-06-16',
		effectiveOn: '2021-06-16',
	})
})

test('the Wuhan preamble is the paragraph ending 作出如下决定：', () => {
	expect(wuhan.preamble).toMatch(/^为深入贯彻落实习近平总书记.*作出如下决定：$/)
})

test('the Wuhan decision has six parts with their titles', () => {
	expect(wuhan.parts.map((part) => [part.label, part.ordinal])).toEqual([
		['一、', 1],
		['二、', 2],
		['三、', 3],
		['四、', 4],
		['五、', 5],
		['六、', 6],
	])
	expect(wuhan.parts[0].title).toBe(
		'提高政治站位，充分认识全面开展打击治理电信网络诈骗违法犯罪工作的重要性和紧迫性',
	)
	expect(wuhan.parts[5].title).toBe('加大法治宣传，营造打击治理电信网络诈骗违法犯罪的浓厚社会氛围')
})

test('the Wuhan decision has twenty clauses numbered straight through, in full-width brackets', () => {
	const numerals = '一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十'
		.split(' ')
	expect(wuhan.clauses.map((candidate) => candidate.label)).toEqual(
		numerals.map((numeral) => `（${numeral}）`),
	)
	expect(wuhan.clauses.map((candidate) => candidate.ordinal)).toEqual(numerals.map((_, index) => index + 1))
})

test('each Wuhan clause belongs to the part above it', () => {
	const partOf = Object.fromEntries(wuhan.clauses.map((candidate) => [candidate.ordinal, candidate.part]))
	const expected: Record<string, Array<number>> = {
		'一、': [1, 2],
		'二、': [3, 4, 5, 6],
		'三、': [7, 8, 9, 10],
		'四、': [11, 12, 13, 14],
		'五、': [15, 16],
		'六、': [17, 18, 19, 20],
	}
	for (const [part, ordinals] of Object.entries(expected)) {
		for (const ordinal of ordinals) expect(partOf[ordinal]).toBe(part)
	}
})

test('only the closing 本决定自公布之日起施行。 is a final provision, not the 公告’s words', () => {
	expect(wuhan.finalProvisions).toEqual(['本决定自公布之日起施行。'])
	expect(wuhan.clauses.flatMap((candidate) => candidate.paragraphs)).not.toContain('本决定自公布之日起施行。')
})

test('Wuhan clause (十五) has six paragraphs and six tasks', () => {
	const fifteen = clause(wuhan, '（十五）')
	expect(fifteen.paragraphs).toHaveLength(6)
	expect(fifteen.tasks.map((task) => [task.subject, task.coSubjects])).toEqual([
		['全市各相关职能部门、打击治理电信网络新型违法犯罪工作联席会议各成员单位', []],
		['教育主管部门', []],
		['征信部门', ['公安机关']],
		['市场监管部门', []],
		['邮政管理部门', []],
		['司法行政部门', []],
	])
})

test('the 市、区人大常委会 paragraph belongs to Wuhan clause (二十)', () => {
	const twenty = clause(wuhan, '（二十）')
	expect(twenty.paragraphs).toHaveLength(2)
	expect(twenty.paragraphs[1]).toMatch(/^市、区人大常委会应当通过听取和审议/)
	expect(twenty.tasks.map((task) => task.subject)).toEqual(['市、区人民政府', '市、区人大常委会'])
})

test('Wuhan clause (七) is one task led by 公安机关 with all five sentences', () => {
	const seven = clause(wuhan, '（七）')
	expect(seven.tasks).toHaveLength(1)
	expect(seven.tasks[0].subject).toBe('公安机关')
	expect(seven.tasks[0].text).toBe(seven.paragraphs[0])
	expect(seven.tasks[0].text.match(/。/g)).toHaveLength(5)
})

test('Wuhan clause (八) is led by 公安机关 with 金融、通信等行业主管部门 as co-subject', () => {
	expect(clause(wuhan, '（八）').tasks.map((task) => [task.subject, task.coSubjects])).toEqual([
		['公安机关', ['金融、通信等行业主管部门']],
	])
})

test('Wuhan clause (十) keeps its three joint leads as one subject', () => {
	expect(clause(wuhan, '（十）').tasks.map((task) => task.subject)).toEqual([
		'公安机关、人民检察院、人民法院',
	])
})

test('Wuhan clause (十二) has two tasks, the second led by 行业主管部门', () => {
	const twelve = clause(wuhan, '（十二）')
	expect(twelve.tasks.map((task) => task.subject)).toEqual([
		'金融、通信、互联网等行业主管部门',
		'行业主管部门',
	])
	expect(twelve.tasks[1].text).toBe('对于违规违法经营问题突出的企业，行业主管部门应当依法及时查处。')
})

test('Wuhan clause (十九) is led by 公安机关 with 相关部门 as co-subject', () => {
	expect(clause(wuhan, '（十九）').tasks.map((task) => [task.subject, task.coSubjects])).toEqual([
		['公安机关', ['相关部门']],
	])
})

test('Wuhan clauses (一) and (二) keep everyone, and the work itself, as subjects', () => {
	expect(clause(wuhan, '（一）').tasks.map((task) => task.subject)).toEqual([
		'全市各级国家机关、人民团体、企业事业单位、社会组织',
	])
	expect(clause(wuhan, '（二）').tasks.map((task) => task.subject)).toEqual([
		'全面开展打击治理电信网络诈骗违法犯罪工作',
	])
})

test('ASCII commas and brackets in the Wuhan text become full-width, nothing else changes', () => {
	const paragraphs = wuhan.clauses.flatMap((candidate) => candidate.paragraphs)
	expect(paragraphs.join('')).not.toMatch(/[,:()]/)
	expect(clause(wuhan, '（十六）').paragraphs[0]).toBe(
		'各区应当认真落实属地管理责任，充分发挥街道（乡镇）、社区（村）综治中心及网格化服务管理平台的作用，紧盯重点人群、重点区域，大力开展“无诈社区”创建活动。',
	)
})

test('every sentence of every Wuhan clause is in exactly one task', () => {
	for (const candidate of wuhan.clauses) {
		const taskText = candidate.tasks.map((task) => task.text.replaceAll('\n', '')).join('')
		expect(taskText).toBe(candidate.paragraphs.join(''))
	}
})

test('without its web-page header, the Wuhan metadata comes from the 公告 block', () => {
	const lines = readText('../../db/seed/wuhan-anti-fraud-decision-2021.txt').split('\n')
	// Drop the 索引号…有效性 table and the 发布日期/分享到 byline, keep the title and the rest.
	const withoutHeader = parseInstrument([lines[5], ...lines.slice(9)].join('\n'))
	expect(withoutHeader).toMatchObject({
		title: wuhan.title,
		issuer: '武汉市第十四届人民代表大会常务委员会',
		documentNumber: '〔十四届〕第四十五号',
		adoptedOn: '2021-06-09',
		publishedOn: '2021-06-16',
		effectiveOn: '2021-06-16',
		preamble: wuhan.preamble,
	})
	expect(withoutHeader.clauses).toEqual(wuhan.clauses)
})

test('Windows line endings parse the same', () => {
	const text = readText('../../db/seed/wuhan-anti-fraud-decision-2021.txt').replaceAll('\n', '\r\n')
	expect(parseInstrument(text)).toEqual(wuhan)
})

// ---- (a) 一、 parts with （一） clauses numbered straight through

test('一、 headings are parts and （一） clauses run straight through them, ASCII brackets included', () => {
	const decision = parseInstrument(readText('./__fixtures__/parts-and-items.txt'))
	expect(decision.parts).toEqual([
		{ label: '一、', ordinal: 1, title: '压实保护责任', paragraphs: [] },
		{ label: '二、', ordinal: 2, title: '强化监督管理', paragraphs: [] },
	])
	expect(decision.clauses.map((candidate) => [candidate.label, candidate.part])).toEqual([
		['（一）', '一、'],
		['（二）', '一、'],
		['（三）', '二、'],
		['（四）', '二、'],
	])
	expect(clause(decision, '（三）').tasks.map((task) => task.subject)).toEqual([
		'生态环境主管部门',
		'排污单位',
	])
	expect(clause(decision, '（四）').tasks[0].coSubjects).toEqual(['生态环境主管部门'])
	expect(decision.finalProvisions).toEqual(['本决定自2022年4月1日起施行。'])
})

test('without a header table, metadata comes from the (……通过) note and the commencement sentence', () => {
	const decision = parseInstrument(readText('./__fixtures__/parts-and-items.txt'))
	expect(decision).toMatchObject({
		title: '某市人民代表大会常务委员会关于加强生态环境保护工作的决定',
		issuer: '某市第十六届人民代表大会常务委员会',
		documentNumber: null,
		adoptedOn: '2022-03-01',
		publishedOn: null,
		effectiveOn: '2022-04-01',
		preamble: '为了加强本市生态环境保护，推动绿色发展，根据有关法律、行政法规，结合本市实际，作出如下决定：',
	})
})

// ---- (b) 一、 clauses without parts

test('一、 clauses without parts keep their （一） items as paragraphs', () => {
	const decision = parseInstrument(readText('./__fixtures__/enumerated-decision.txt'))
	expect(decision.parts).toEqual([])
	expect(decision.clauses.map((candidate) => [candidate.label, candidate.part])).toEqual([
		['一、', null],
		['二、', null],
		['三、', null],
		['四、', null],
	])
	expect(clause(decision, '二、').paragraphs).toEqual([
		'水务部门应当履行下列职责：',
		'（一）编制农村供水工程规划；',
		'（二）组织实施农村供水工程建设和管理。',
	])
	expect(clause(decision, '二、').tasks.map((task) => task.subject)).toEqual(['水务部门'])
	// A numbered commencement clause is a clause, not a final provision.
	expect(decision.finalProvisions).toEqual([])
})

test('a 公告 placed before the title gives the document number, signature and dates', () => {
	const decision = parseInstrument(readText('./__fixtures__/enumerated-decision.txt'))
	expect(decision).toMatchObject({
		title: '某市人民代表大会常务委员会关于加强农村饮用水安全保障的决定',
		issuer: '某市第十六届人民代表大会常务委员会',
		documentNumber: '第12号',
		adoptedOn: '2023-05-26',
		publishedOn: '2023-05-30',
		effectiveOn: '2023-07-01',
		preamble: null,
	})
})

// ---- (c) chapters and articles

test('chapters are parts and articles are clauses; a table of contents and 第X节 are skipped', () => {
	const regulation = parseInstrument(readText('./__fixtures__/regulation-with-chapters.txt'))
	expect(regulation.parts).toEqual([
		{ label: '第一章', ordinal: 1, title: '总则', paragraphs: [] },
		{ label: '第二章', ordinal: 2, title: '通行管理', paragraphs: [] },
		{ label: '第三章', ordinal: 3, title: '法律责任', paragraphs: [] },
		{ label: '第四章', ordinal: 4, title: '附则', paragraphs: [] },
	])
	expect(regulation.clauses.map((candidate) => [candidate.label, candidate.ordinal, candidate.part])).toEqual(
		[
			['第一条', 1, '第一章'],
			['第二条', 2, '第一章'],
			['第三条', 3, '第一章'],
			['第四条', 4, '第二章'],
			['第五条', 5, '第二章'],
			['第六条', 6, '第三章'],
			['第七条', 7, '第四章'],
		],
	)
})

test('an article’s text starts after its label, with or without a full-width space', () => {
	const regulation = parseInstrument(readText('./__fixtures__/regulation-with-chapters.txt'))
	expect(clause(regulation, '第一条').paragraphs[0]).toMatch(/^为了加强电动自行车管理/)
	expect(clause(regulation, '第二条').paragraphs[0]).toMatch(/^本条例适用于/)
})

test('（一） items inside an article are paragraphs of that article', () => {
	const regulation = parseInstrument(readText('./__fixtures__/regulation-with-chapters.txt'))
	const fourth = clause(regulation, '第四条')
	expect(fourth.paragraphs).toEqual([
		'电动自行车所有人应当向公安机关交通管理部门申请登记。申请登记时，应当提交下列材料：',
		'（一）所有人的身份证明；',
		'（二）购车发票等来历证明；',
		'（三）产品合格证明。',
	])
	expect(fourth.tasks.map((task) => task.subject)).toEqual(['电动自行车所有人'])
})

test('a law’s last article stays a clause and still gives the commencement date', () => {
	const regulation = parseInstrument(readText('./__fixtures__/regulation-with-chapters.txt'))
	expect(clause(regulation, '第七条').paragraphs).toEqual(['本条例自2022年1月1日起施行。'])
	expect(regulation.finalProvisions).toEqual([])
	expect(regulation).toMatchObject({
		title: '某市电动自行车管理条例',
		issuer: '某市第十六届人民代表大会常务委员会',
		adoptedOn: '2021-10-20',
		publishedOn: null,
		effectiveOn: '2022-01-01',
	})
})

test('an unnumbered commencement sentence after the last article is a final provision', () => {
	const regulation = parseInstrument(
		[
			'某市养犬管理办法',
			'',
			'第一条　公安机关应当做好养犬登记。',
			'',
			'第二条　城市管理部门应当查处违法养犬行为。',
			'',
			'本办法自2024年3月1日起施行。',
		].join('\n'),
	)
	expect(regulation.clauses.map((candidate) => candidate.label)).toEqual(['第一条', '第二条'])
	expect(regulation.finalProvisions).toEqual(['本办法自2024年3月1日起施行。'])
	expect(regulation.effectiveOn).toBe('2024-03-01')
})

// ---- (d) 一、 headings versus 一、 clause text

test('一、 lines that are sentences make them clauses, and the （一） lines paragraphs', () => {
	const decision = parseInstrument(
		[
			'某市人民代表大会常务委员会关于加强安全生产工作的决定',
			'一、各级人民政府应当高度重视安全生产工作，做到以下几点：',
			'（一）建立责任制；',
			'（二）加强检查。',
			'二、各区人民政府应当加强对辖区内燃气安全的日常巡查和隐患排查整治工作',
		].join('\n'),
	)
	expect(decision.parts).toEqual([])
	expect(decision.clauses.map((candidate) => [candidate.label, candidate.paragraphs.length])).toEqual([
		['一、', 3],
		['二、', 1],
	])
})

test('short 一、 lines without a full stop are part headings over the （一） clauses', () => {
	const decision = parseInstrument(
		[
			'某市人民代表大会常务委员会关于加强安全生产工作的决定',
			'一、加强组织领导',
			'（一）市人民政府应当建立安全生产委员会。',
			'二、强化保障',
			'（二）财政部门应当保障安全生产经费。',
		].join('\n'),
	)
	expect(decision.parts.map((part) => part.title)).toEqual(['加强组织领导', '强化保障'])
	expect(decision.clauses.map((candidate) => [candidate.label, candidate.part])).toEqual([
		['（一）', '一、'],
		['（二）', '二、'],
	])
})

// ---- Errors

test('a text without numbered clauses is refused at the line where they should begin', () => {
	const error = parseFailure(
		[
			'某市人民代表大会常务委员会关于加强安全生产工作的决定',
			'',
			'为了加强安全生产，作出如下决定：',
			'',
			'各级人民政府应当重视安全生产。',
		].join('\n'),
	)
	expect(error.line).toBe(5)
	expect(error.message).toBe('第 5 行：未找到任何条款（应为“（一）”“第一条”或“一、”开头的段落）')
})

test('a gap in clause numbering is refused, naming the line and both labels', () => {
	const error = parseFailure(
		[
			'某市人民代表大会常务委员会关于加强安全生产工作的决定',
			'（一）市人民政府应当加强领导。',
			'',
			'(三)财政部门应当保障经费。',
		].join('\n'),
	)
	expect(error.line).toBe(4)
	expect(error.reason).toBe('条款编号不连续：“（一）”之后应为“（二）”，却是“（三）”')
})

test('clause numbers that start again in a new part are refused', () => {
	const error = parseFailure(
		[
			'某市关于加强安全生产工作的决定',
			'一、加强领导',
			'（一）市人民政府应当加强领导。',
			'二、强化保障',
			'（一）财政部门应当保障经费。',
		].join('\n'),
	)
	expect(error.line).toBe(5)
	expect(error.reason).toContain('“（一）”之后应为“（二）”')
})

test('articles must start at 第一条', () => {
	const error = parseFailure(['某市养犬管理办法', '第二条　公安机关应当做好养犬登记。'].join('\n'))
	expect(error.reason).toBe('条款编号应从“第一条”开始，却是“第二条”')
})

test('parse errors are recognised and other errors are not', () => {
	expect(isParseError(parseError(3, '原因'))).toBe(true)
	expect(parseError(3, '原因')).toMatchObject({
		name: 'ParseError',
		line: 3,
		reason: '原因',
		message: '第 3 行：原因',
	})
	expect(isParseError(new Error('第 3 行：原因'))).toBe(false)
	expect(isParseError('第 3 行')).toBe(false)
})

// ---- (e) a part's own paragraphs before its first （一） item, or instead of items

test('paragraphs between a part heading and its first （一） item belong to the part', () => {
	const decision = parseInstrument(readText('./__fixtures__/parts-with-paragraphs.txt'))
	expect(decision.parts.map((part) => [part.label, part.title, part.paragraphs.length])).toEqual([
		['一、', '充分认识农村人居环境整治工作的重要意义', 2],
		['二、', '明确工作目标', 1],
		['三、', '压实工作责任', 1],
		['四、', '强化保障措施', 0],
		['五、', '加强监督检查', 1],
	])
	expect(decision.parts[0].paragraphs[0]).toBe('改善农村人居环境，是实施乡村振兴战略的重要任务，事关广大农民根本福祉。')
	expect(decision.parts[2].paragraphs).toEqual([
		'市、区人民政府应当加强对农村人居环境整治工作的组织领导，建立健全工作协调机制。',
	])
})

test('the （一） items after a part’s paragraphs are its clauses, numbered straight through', () => {
	const decision = parseInstrument(readText('./__fixtures__/parts-with-paragraphs.txt'))
	expect(decision.clauses.map((candidate) => [candidate.label, candidate.part, candidate.paragraphs.length])).toEqual([
		['（一）', '三、', 1],
		['（二）', '三、', 1],
		['（三）', '四、', 1],
		['（四）', '四、', 1],
	])
	expect(clause(decision, '（一）').tasks.map((task) => [task.subject, task.coSubjects])).toEqual([
		['农业农村部门', ['有关部门']],
	])
})

test('a part with paragraphs and no items after the last clause keeps them; the commencement is a final provision', () => {
	const decision = parseInstrument(readText('./__fixtures__/parts-with-paragraphs.txt'))
	expect(decision.parts[4].paragraphs).toEqual([
		'市、区人民代表大会常务委员会应当通过听取和审议专项工作报告、开展执法检查等方式，加强对本决定贯彻执行情况的监督。',
	])
	expect(clause(decision, '（四）').paragraphs).toHaveLength(1)
	expect(decision.finalProvisions).toEqual(['本决定自公布之日起施行。'])
	expect(decision).toMatchObject({ adoptedOn: '2023-09-26', effectiveOn: null })
})

test('the parts of the other shapes have no paragraphs of their own', () => {
	expect(wuhan.parts.every((part) => part.paragraphs.length === 0)).toBe(true)
	const regulation = parseInstrument(readText('./__fixtures__/regulation-with-chapters.txt'))
	expect(regulation.parts.every((part) => part.paragraphs.length === 0)).toBe(true)
})

