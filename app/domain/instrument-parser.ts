// Parses the published text of a decision, regulation or law (DESIGN §2: Instrument, Part,
// Clause, Task). The input is what an admin pastes: often a government web page with its
// header table, a 公告 block and page furniture around the text itself.
//
// Punctuation: web copies mix ASCII `, : ; ! ? ( )` into Chinese text. Each is converted to
// its full-width form when the character next to it (ignoring spaces) is Chinese, in every
// line we keep; elsewhere (00:00, 2021-06-16, 010883003/2021) it is left alone. That is the
// only change made to paragraph text, so `（一）` labels and `，` in subjects are uniform.

import {
	chineseNumeralChars,
	chineseToNumber,
	findDates,
	numberToChinese,
	parseChineseDate,
} from './chinese-numerals'
import { extractTasks, type ExtractedTask } from './task-extraction'

// A part's own paragraphs are the unnumbered text between its heading and its first clause
// (or the next heading): local decisions often open a part with a paragraph of purpose, or
// state a whole part as paragraphs without （一） items.
export type ParsedPart = { label: string; ordinal: number; title: string; paragraphs: Array<string> }

export type ParsedClause = {
	label: string
	ordinal: number
	part: string | null
	paragraphs: Array<string>
	tasks: Array<ExtractedTask>
}

export type ParsedInstrument = {
	title: string
	issuer: string | null
	documentNumber: string | null
	adoptedOn: string | null
	publishedOn: string | null
	effectiveOn: string | null
	preamble: string | null
	parts: Array<ParsedPart>
	clauses: Array<ParsedClause>
	finalProvisions: Array<string>
}

export type ParseError = Error & { name: 'ParseError'; line: number; reason: string }

export function parseError(line: number, reason: string): ParseError {
	return Object.assign(new Error(`第 ${line} 行：${reason}`), { name: 'ParseError' as const, line, reason })
}

export function isParseError(error: unknown): error is ParseError {
	return error instanceof Error && error.name === 'ParseError' && 'line' in error && 'reason' in error
}

export function parseInstrument(text: string): ParsedInstrument {
	const lines = toLines(text)
	const toc = tableOfContents(lines)
	const content = lines.filter((line) => !toc.has(line.number))
	const numbered = content.map((line) => ({ line, heading: readHeading(line.text) }))
	const scheme = chooseScheme(numbered)
	const bodyAt = scheme ? numbered.findIndex(({ heading }) => isStructural(heading, scheme)) : -1
	const front = readFrontMatter(bodyAt === -1 ? content : content.slice(0, bodyAt))
	if (!scheme || bodyAt === -1) throw parseError(expectedBodyLine(front, lines), noClauses)
	const body = readBody(numbered.slice(bodyAt), scheme)
	return {
		title: front.title,
		...readMetadata(front, body),
		preamble: front.preamble.length > 0 ? front.preamble.join('\n') : null,
		parts: body.parts,
		clauses: body.clauses.map((clause) => ({ ...clause, tasks: extractTasks(clause.paragraphs) })),
		finalProvisions: body.finalProvisions,
	}
}

const noClauses = '未找到任何条款（应为“（一）”“第一条”或“一、”开头的段落）'

// ---------------------------------------------------------------------------------------
// Lines

type Line = { number: number; text: string }

// Non-empty lines, trimmed (web copies indent with U+2003 and U+00A0, which trim() removes),
// without list bullets, with punctuation normalised as described at the top.
function toLines(text: string): Array<Line> {
	return text
		.split(/\r\n|\r|\n/)
		.map((raw, index) => ({
			number: index + 1,
			text: normalisePunctuation(raw.trim().replace(/^[•●▪■◆·]\s*/, '')),
		}))
		.filter((line) => line.text !== '')
}

const fullWidth: Record<string, string> = {
	',': '，',
	':': '：',
	';': '；',
	'!': '！',
	'?': '？',
	'(': '（',
	')': '）',
}

function isChinese(char: string): boolean {
	return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]/.test(char)
}

function normalisePunctuation(text: string): string {
	// Brackets go in pairs so that (乡镇) and (一) never end up half converted.
	const bracketed = text.replace(/\(([^()]*)\)/g, (pair, inner: string, offset: number) => {
		const chinese = Array.from(inner).some(isChinese) || isChinese(neighbourBefore(text, offset))
		return chinese ? `（${inner}）` : pair
	})
	return bracketed.replace(/[,:;!?]/g, (mark, offset: number) => {
		const chinese =
			isChinese(neighbourBefore(bracketed, offset)) || isChinese(neighbourAfter(bracketed, offset))
		return chinese ? fullWidth[mark] : mark
	})
}

function neighbourBefore(text: string, offset: number): string {
	return text.slice(0, offset).trimEnd().slice(-1)
}

function neighbourAfter(text: string, offset: number): string {
	const after = text.slice(offset + 1).trimStart()
	return after.charAt(0)
}

// Chinese typesetting spreads short headings out: 第一章　总　　则.
function closeUp(text: string): string {
	return text.replace(/(?<=[\u2e80-\u9fff])\s+(?=[\u2e80-\u9fff])/g, '').trim()
}

// ---------------------------------------------------------------------------------------
// Numbered lines

type HeadingKind = 'chapter' | 'section' | 'article' | 'item' | 'enumeration'
type Heading = { kind: HeadingKind; numeral: string; ordinal: number; rest: string }

// Chapters and articles are sometimes numbered in digits (第1条); 1、 and （1） are always
// sub-items inside a clause, so only Chinese numerals make 一、 and （一） labels.
const anyNumeral = `[${chineseNumeralChars}0-9]+`
const chineseNumeral = `[${chineseNumeralChars}]+`
const headingPatterns: Array<[HeadingKind, RegExp]> = [
	['chapter', new RegExp(`^第(${anyNumeral})章\\s*(.*)$`)],
	['section', new RegExp(`^第(${anyNumeral})节\\s*(.*)$`)],
	['article', new RegExp(`^第(${anyNumeral})条\\s*(.*)$`)],
	['item', new RegExp(`^[（(](${chineseNumeral})[）)]\\s*(.*)$`)],
	['enumeration', new RegExp(`^(${chineseNumeral})、\\s*(.*)$`)],
]

function readHeading(text: string): Heading | null {
	for (const [kind, pattern] of headingPatterns) {
		const match = text.match(pattern)
		const ordinal = match ? chineseToNumber(match[1]) : null
		if (match && ordinal !== null) return { kind, numeral: match[1], ordinal, rest: match[2].trim() }
	}
	return null
}

function labelOf(kind: HeadingKind, numeralText: string): string {
	if (kind === 'chapter') return `第${numeralText}章`
	if (kind === 'section') return `第${numeralText}节`
	if (kind === 'article') return `第${numeralText}条`
	if (kind === 'item') return `（${numeralText}）`
	return `${numeralText}、`
}

// `一、标题` is a part heading: short, and not a sentence. An `一、` line that ends a sentence,
// or is long and says 应当, is clause text.
function isHeadingText(text: string): boolean {
	if (/[。；;！!？?]/.test(text) || /[：:]$/.test(text)) return false
	if (text.includes('应当') && text.length > 30) return false
	return text.length <= 60
}

// 本决定自公布之日起施行。 and the like: the instrument's own commencement or repeal.
const finalProvisionPattern =
	/^本(?:决定|决议|条例|办法|规定|规则|细则|法|意见|方案)[^。]*?(?:施行|生效|实施|废止)/

// ---------------------------------------------------------------------------------------
// Which numbered lines are parts and which are clauses

type Scheme = { part: HeadingKind | null; clause: HeadingKind }
type Numbered = { line: Line; heading: Heading | null }

// (c) articles (第X条, in chapters or not) are clauses; items inside are their paragraphs.
// (a) 一、 headings with （一） clauses numbered straight through.
// (b) 一、 clauses, any （一） inside them being paragraphs.
// Also （一） clauses alone, and （一） or 一、 clauses under chapters.
function chooseScheme(numbered: Array<Numbered>): Scheme | null {
	const headings = numbered.flatMap(({ heading }) => (heading ? [heading] : []))
	const has = (kind: HeadingKind) => headings.some((heading) => heading.kind === kind)
	const chapterPart = has('chapter') ? 'chapter' : null
	if (has('article')) return { part: chapterPart, clause: 'article' }
	const enumerations = headings.filter(
		(heading) => heading.kind === 'enumeration' && !finalProvisionPattern.test(heading.rest),
	)
	if (chapterPart) {
		if (has('item')) return { part: chapterPart, clause: 'item' }
		return enumerations.length > 0 ? { part: chapterPart, clause: 'enumeration' } : null
	}
	if (
		has('item') &&
		enumerations.length > 0 &&
		enumerations.every((heading) => isHeadingText(heading.rest))
	) {
		return { part: 'enumeration', clause: 'item' }
	}
	if (enumerations.length > 0) return { part: null, clause: 'enumeration' }
	if (has('item')) return { part: null, clause: 'item' }
	return null
}

function isStructural(heading: Heading | null, scheme: Scheme): boolean {
	return heading !== null && (heading.kind === scheme.part || heading.kind === scheme.clause)
}

// ---------------------------------------------------------------------------------------
// Table of contents: 目录 followed by the chapter headings, which the body then repeats.

function tableOfContents(lines: Array<Line>): Set<number> {
	const start = lines.findIndex((line) => closeUp(line.text) === '目录')
	const skipped = new Set<number>()
	if (start === -1) return skipped
	skipped.add(lines[start].number)
	let previousChapter = 0
	for (const line of lines.slice(start + 1)) {
		const heading = readHeading(line.text)
		if (!heading || (heading.kind !== 'chapter' && heading.kind !== 'section')) break
		// The body starts where the chapter numbers start again.
		if (heading.kind === 'chapter' && heading.ordinal <= previousChapter) break
		if (heading.kind === 'chapter') previousChapter = heading.ordinal
		skipped.add(line.number)
	}
	return skipped
}

// ---------------------------------------------------------------------------------------
// Front matter: header table, title, 公告 block, preamble

type FrontMatter = {
	title: string
	titleLine: number
	header: Map<string, string>
	// Lines that state dates and bodies: 公告 text and (……通过) notes, not the preamble.
	statements: Array<string>
	// An issuer's name printed above a date line, as under a 公告.
	signatures: Array<{ name: string; date: string | null }>
	documentNumberLines: Array<string>
	preamble: Array<string>
	lastLine: number
}

type FrontKind =
	| 'header'
	| 'furniture'
	| 'notice'
	| 'documentNumber'
	| 'announcement'
	| 'note'
	| 'signature'
	| 'date'
	| 'text'

const headerLabels = [
	'索引号',
	'主题分类',
	'发文单位',
	'发文机关',
	'发布机构',
	'发文字号',
	'文号',
	'成文日期',
	'发布日期',
	'公布日期',
	'施行日期',
	'实施日期',
	'生效日期',
	'有效性',
	'时效性',
	'效力级别',
	'来源',
]
// Labels on web pages are spaced out (索 引 号, 文　 号); values run until the next label.
const headerPattern = new RegExp(
	`(${headerLabels.map((label) => Array.from(label).join('\\s*')).join('|')})\\s*[：:]?\\s*`,
	'g',
)

function readHeaderLine(text: string): Map<string, string> | null {
	const matches = Array.from(text.matchAll(headerPattern))
	if (matches.length === 0 || matches[0].index !== 0) return null
	const values = new Map<string, string>()
	matches.forEach((match, index) => {
		const end = matches[index + 1]?.index ?? text.length
		const value = text
			.slice(match.index + match[0].length, end)
			.replace(/【[^】]*】/g, '')
			.trim()
		values.set(match[1].replace(/\s/g, ''), value)
	})
	return values
}

const organisationName =
	/^[^\s，。；：、,.;:]{2,40}(?:委员会|常委会|人民代表大会|人民政府|政府|办公厅|办公室|法院|检察院)$/
const documentNumberPattern =
	/^[（(]?(?:[^\s，。]{0,20}[〔［[][^〕］\]]+[〕］\]][^\s，。]{0,20}号|第[〇零一二两三四五六七八九十百千0-9]+号)[）)]?$/
const titleEnding =
	/(?:决定|决议|条例|办法|规定|规则|细则|法|意见|方案|通知|章程|准则|纲要|规划|解释)(?:（[^）]*）)?$/

function classifyFrontLine(line: Line, next: Line | undefined): FrontKind {
	const text = line.text
	if (readHeaderLine(text)) return 'header'
	if (/^分享到/.test(text) || /【(?:打印|下载|关闭|收藏)】/.test(text)) return 'furniture'
	if (/公\s*告$/.test(text) && !/[，。]/.test(text)) return 'notice'
	if (documentNumberPattern.test(text)) return 'documentNumber'
	if (parseChineseDate(text)) return 'date'
	if (/^《[^》]+》/.test(text) || /(?:现予以?|予以)(?:公布|公告|发布|印发)/.test(text)) return 'announcement'
	if (/^（.*(?:通过|批准|公布|修正|修订|施行).*）$/.test(text)) return 'note'
	if (organisationName.test(text) && next && parseChineseDate(next.text)) return 'signature'
	return 'text'
}

function isTitle(text: string): boolean {
	return titleEnding.test(text) && !/[。，；：！？]/.test(text) && text.length <= 100
}

// A line ending in 决定, 条例, 办法… ; failing that, the first short line that is not a sentence.
function findTitleLine(texts: Array<Line>): Line | undefined {
	return (
		texts.find((line) => isTitle(closeUp(line.text))) ??
		texts.find((line) => !/[。，；：！？]/.test(line.text) && line.text.length <= 100)
	)
}

function readFrontMatter(lines: Array<Line>): FrontMatter {
	const kinds = lines.map((line, index) => classifyFrontLine(line, lines[index + 1]))
	const texts = lines.filter((_, index) => kinds[index] === 'text')
	const titleLine = findTitleLine(texts)
	const announced = lines.find(
		(line, index) => kinds[index] === 'announcement' && /^《[^》]+》/.test(line.text),
	)
	const title = titleLine ? closeUp(titleLine.text) : announced?.text.match(/^《([^》]+)》/)?.[1]
	if (!title) {
		throw parseError(lines[0]?.number ?? 1, '未找到标题（应为以“决定”“条例”“办法”“法”等结尾的一行）')
	}
	// Without a title line of its own, the preamble starts after the 公告 that named it.
	const titleAt = titleLine?.number ?? announced?.number ?? 0
	const header = new Map<string, string>()
	for (const line of lines) {
		// The first value of a label wins: the header table comes before the page's byline.
		for (const [label, value] of readHeaderLine(line.text) ?? []) {
			if (!header.has(label)) header.set(label, value)
		}
	}
	const linesOf = (kind: FrontKind) =>
		lines.filter((_, index) => kinds[index] === kind).map((line) => line.text)
	return {
		title,
		titleLine: titleAt,
		header,
		statements: [...linesOf('announcement'), ...linesOf('note')],
		signatures: lines.flatMap((line, index) =>
			kinds[index] === 'signature'
				? [{ name: line.text, date: parseChineseDate(lines[index + 1].text) }]
				: [],
		),
		documentNumberLines: linesOf('documentNumber'),
		// Whatever text follows the title and is none of the above: 为……，作出如下决定：
		preamble: texts.filter((line) => line.number > titleAt).map((line) => line.text),
		lastLine: lines.at(-1)?.number ?? 0,
	}
}

// Where numbered clauses should have begun: after a preamble ending in ：, else at the first
// unnumbered paragraph after the title, else just after the last line.
function expectedBodyLine(front: FrontMatter, lines: Array<Line>): number {
	const after = lines.filter((line) => line.number > front.titleLine)
	const colonAt = after.findIndex((line) => /[：:]$/.test(line.text))
	if (colonAt !== -1) return after[colonAt + 1]?.number ?? after[colonAt].number + 1
	const firstText = after.find((line) => front.preamble.includes(line.text))
	return firstText?.number ?? front.lastLine + 1
}

// ---------------------------------------------------------------------------------------
// Body: parts, clauses, final provisions

type Body = {
	parts: Array<ParsedPart>
	clauses: Array<Omit<ParsedClause, 'tasks'>>
	finalProvisions: Array<string>
}

function readBody(numbered: Array<Numbered>, scheme: Scheme): Body {
	const body: Body = { parts: [], clauses: [], finalProvisions: [] }
	let lastHeadingLine: Line | null = null
	// True from a part's heading until its first clause: unnumbered text there is the part's.
	let inPartPreface = false
	for (const { line, heading } of withoutSignature(numbered)) {
		const currentClause = body.clauses.at(-1)
		const currentPart = body.parts.at(-1)
		if (heading && heading.kind === scheme.part && !finalProvisionPattern.test(heading.rest)) {
			const part = {
				label: labelOf(heading.kind, heading.numeral),
				ordinal: heading.ordinal,
				title: closeUp(heading.rest),
				paragraphs: [],
			}
			checkSequence(currentPart, part, line.number, '部分', (ordinal) =>
				labelOf(heading.kind, numberToChinese(ordinal)),
			)
			body.parts.push(part)
			lastHeadingLine = line
			inPartPreface = true
		} else if (heading && heading.kind === scheme.clause) {
			const label = labelOf(heading.kind, heading.numeral)
			checkSequence(currentClause, { label, ordinal: heading.ordinal }, line.number, '条款', (ordinal) =>
				labelOf(heading.kind, numberToChinese(ordinal)),
			)
			const paragraphs = heading.rest === '' ? [] : [heading.rest]
			body.clauses.push({ label, ordinal: heading.ordinal, part: currentPart?.label ?? null, paragraphs })
			lastHeadingLine = null
			inPartPreface = false
		} else if (heading?.kind === 'section') {
			// 第X节 groups articles inside a chapter; clauses do not record it.
		} else if (heading && heading.kind === scheme.part) {
			// A numbered commencement line (七、本决定自公布之日起施行。) in a text whose 一、 lines are
			// part headings.
			body.finalProvisions.push(line.text)
		} else if (lastHeadingLine && currentPart && currentPart.title === '' && isHeadingText(line.text)) {
			// 第一章 on one line and 总则 on the next.
			currentPart.title = closeUp(line.text)
		} else if (currentPart && inPartPreface) {
			currentPart.paragraphs.push(line.text)
			lastHeadingLine = null
		} else if (currentClause && !lastHeadingLine) {
			// Unnumbered paragraphs (and items such as （一） inside an article) belong to the
			// clause before them.
			currentClause.paragraphs.push(line.text)
		} else {
			const after = lastHeadingLine ? `“${lastHeadingLine.text}”之后、` : ''
			throw parseError(line.number, `${after}第一个条款之前出现了未编号的段落：“${line.text.slice(0, 20)}”`)
		}
	}
	moveFinalProvisions(body)
	return body
}

// A signature and date closing the body (some decisions print them at the end) are not part
// of the last clause.
function withoutSignature(numbered: Array<Numbered>): Array<Numbered> {
	let end = numbered.length
	if (end > 0 && !numbered[end - 1].heading && parseChineseDate(numbered[end - 1].line.text)) {
		end--
		if (end > 0 && !numbered[end - 1].heading && organisationName.test(numbered[end - 1].line.text)) end--
	}
	return numbered.slice(0, end)
}

// Unnumbered commencement sentences at the end of the text are the final provisions (本决定自公布
// 之日起施行。): after the last clause, or after the paragraphs of a last part that has no
// clauses. Only a trailing run moves; the clause's own numbered paragraph never does.
function moveFinalProvisions(body: Body): void {
	const lastClause = body.clauses.at(-1)
	const lastPart = body.parts.at(-1)
	const partAfterClauses = lastPart && !body.clauses.some((clause) => clause.part === lastPart.label)
	const paragraphs = partAfterClauses ? lastPart.paragraphs : lastClause?.paragraphs
	if (!paragraphs) return
	const keep = partAfterClauses ? 0 : 1
	const moved: Array<string> = []
	while (paragraphs.length > keep && finalProvisionPattern.test(paragraphs.at(-1) ?? '')) {
		moved.unshift(paragraphs.pop() ?? '')
	}
	body.finalProvisions.unshift(...moved)
}

// Clauses (and parts) are numbered straight through: a gap or a restart is a parse error,
// because every later link to a clause relies on its label being unique and in order.
function checkSequence(
	previous: { label: string; ordinal: number } | undefined,
	next: { label: string; ordinal: number },
	lineNumber: number,
	what: '部分' | '条款',
	labelFor: (ordinal: number) => string,
): void {
	const expected = (previous?.ordinal ?? 0) + 1
	if (next.ordinal === expected) return
	const reason = previous
		? `${what}编号不连续：“${previous.label}”之后应为“${labelFor(expected)}”，却是“${next.label}”`
		: `${what}编号应从“${labelFor(1)}”开始，却是“${next.label}”`
	throw parseError(lineNumber, reason)
}

// ---------------------------------------------------------------------------------------
// Metadata: the header table first, then the 公告 and notes, then the final provisions

type Metadata = Pick<
	ParsedInstrument,
	'issuer' | 'documentNumber' | 'adoptedOn' | 'publishedOn' | 'effectiveOn'
>

function readMetadata(front: FrontMatter, body: Body): Metadata {
	const header = (...labels: Array<string>) =>
		labels.map((label) => front.header.get(label)).find((value) => value !== undefined && value !== '') ??
		null
	const headerDate = (...labels: Array<string>) => findDates(header(...labels) ?? '')[0]?.iso ?? null
	// Commencement sentences may sit in a final provision or in a last article (本条例自……起施行).
	const commencements = body.clauses
		.flatMap((clause) => clause.paragraphs)
		.filter((paragraph) => finalProvisionPattern.test(paragraph))
	const statements = [...front.statements, ...body.finalProvisions, ...commencements]
	const publishedOn =
		headerDate('发布日期', '公布日期') ?? publicationDate(statements) ?? front.signatures[0]?.date ?? null
	return {
		issuer:
			header('发文单位', '发文机关', '发布机构') ??
			front.signatures[0]?.name ??
			adoptingBody(statements) ??
			header('来源'),
		documentNumber: header('文号', '发文字号') ?? documentNumberFrom(front.documentNumberLines),
		adoptedOn: headerDate('成文日期') ?? adoptionDate(statements),
		publishedOn,
		effectiveOn: headerDate('施行日期', '实施日期', '生效日期') ?? effectiveDate(statements, publishedOn),
	}
}

// A date followed, in the same clause of the sentence, by 通过 (于2021年6月9日通过).
function adoptionDate(statements: Array<string>): string | null {
	return dateBefore(statements, /通过/, null)
}

// A date followed by 公布 or 发布 in the same clause, with no 通过 between: in 于2021年6月9日通过,
// 现予以公布 the date is the adoption date.
function publicationDate(statements: Array<string>): string | null {
	return dateBefore(statements, /公布|发布/, /通过/)
}

function dateBefore(statements: Array<string>, verb: RegExp, notBetween: RegExp | null): string | null {
	for (const statement of statements) {
		for (const date of findDates(statement)) {
			const rest = statement.slice(date.index + date.text.length).split(/[，,。；;）)]/)[0]
			const verbAt = rest.search(verb)
			if (verbAt !== -1 && !(notBetween && notBetween.test(rest.slice(0, verbAt)))) return date.iso
		}
	}
	return null
}

// 自2022年1月1日起施行 names the date; 自公布之日起施行 means the publication date.
function effectiveDate(statements: Array<string>, publishedOn: string | null): string | null {
	for (const statement of statements) {
		const explicit = statement.match(/自\s*([^起，。]{6,16}?)\s*起\s*(?:施行|生效|实施)/)
		const date = explicit ? parseChineseDate(explicit[1]) : null
		if (date) return date
		if (/自(?:公布|发布|印发|颁布)之日起(?:施行|生效|实施)/.test(statement)) return publishedOn
	}
	return null
}

// ……已由武汉市第十四届人民代表大会常务委员会第三十八次会议……通过: the body that adopted it.
function adoptingBody(statements: Array<string>): string | null {
	for (const statement of statements) {
		const match = statement.match(
			/(?:由|经|日)([^，,。；《》（）()\s]+?(?:常务委员会|人民代表大会|人民政府))(?:第[^次，。]+次(?:全体)?会议|常务会议)/,
		)
		if (match) return match[1]
	}
	return null
}

// A 文号 line of the 公告: 〔十四届〕第四十五号, or (第45号) without its brackets.
function documentNumberFrom(lines: Array<string>): string | null {
	const [first] = lines
	return first ? first.replace(/^[（(](.*)[）)]$/, '$1') : null
}
