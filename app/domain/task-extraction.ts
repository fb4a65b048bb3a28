// Draft tasks (责任事项) from a clause's paragraphs, as DESIGN §2 describes: a task is a run
// of sentences sharing one responsible subject, the phrase before 应当. The secretariat edits
// the result, so the rules favour predictable output over cleverness.

export type ExtractedTask = { subject: string; coSubjects: Array<string>; text: string }

type Piece = { paragraph: number; sentence: string }
type Draft = { subject: string; pieces: Array<Piece> }

export function extractTasks(paragraphs: Array<string>): Array<ExtractedTask> {
	const drafts: Array<Draft> = []
	// Sentences before the first subject (a clause that opens with a heading sentence) join
	// the first task that has one, so no sentence of the clause is lost.
	let pending: Array<Piece> = []
	paragraphs.forEach((paragraph, paragraphIndex) => {
		splitSentences(paragraph).forEach((sentence, sentenceIndex) => {
			const piece = { paragraph: paragraphIndex, sentence }
			const subject = findSubject(sentence)
			const current = drafts.at(-1)
			// A paragraph that opens with its own subject is a new duty even when the subject
			// repeats; inside a paragraph only a change of subject starts one.
			const startsTask = subject !== null && (!current || subject !== current.subject || sentenceIndex === 0)
			if (startsTask) {
				drafts.push({ subject, pieces: [...pending, piece] })
				pending = []
			} else if (current) {
				current.pieces.push(piece)
			} else {
				pending.push(piece)
			}
		})
	})
	// No sentence names a subject (a definition, a statement of principle): one task with an
	// empty subject, for the secretariat to assign.
	if (drafts.length === 0 && pending.length > 0) drafts.push({ subject: '', pieces: pending })
	return drafts.map(toTask)
}

function toTask(draft: Draft): ExtractedTask {
	const coSubjects = unique(draft.pieces.flatMap((piece) => findCoSubjects(piece.sentence)))
	return {
		subject: draft.subject,
		coSubjects: coSubjects.filter((co) => co !== draft.subject),
		text: joinPieces(draft.pieces),
	}
}

// Sentences of one paragraph run together as in the source; paragraphs are separate lines.
function joinPieces(pieces: Array<Piece>): string {
	const paragraphs: Array<string> = []
	let lastParagraph = -1
	for (const piece of pieces) {
		if (piece.paragraph === lastParagraph) paragraphs[paragraphs.length - 1] += piece.sentence
		else paragraphs.push(piece.sentence)
		lastParagraph = piece.paragraph
	}
	return paragraphs.join('\n')
}

const sentenceEnd = new Set(['。', '；', ';', '！', '!', '？', '?'])
const closingMarks = new Set(['”', '’', '」', '』', '）', ')'])

// Split after 。；！？ (full-width and ASCII). A closing quote or bracket right after the stop
// stays with its sentence. Nothing is trimmed, so joining the pieces gives the paragraph back.
export function splitSentences(paragraph: string): Array<string> {
	const sentences: Array<string> = []
	const chars = Array.from(paragraph)
	let current = ''
	for (let index = 0; index < chars.length; index++) {
		current += chars[index]
		if (!sentenceEnd.has(chars[index])) continue
		while (
			index + 1 < chars.length &&
			(sentenceEnd.has(chars[index + 1]) || closingMarks.has(chars[index + 1]))
		) {
			current += chars[++index]
		}
		sentences.push(current)
		current = ''
	}
	if (current.trim() !== '') sentences.push(current)
	return sentences
}

// An item's own number (（一）, 一、, 1.) is not part of its subject.
const itemLabel =
	/^\s*(?:[（(][〇零一二两三四五六七八九十百0-9]+[）)]|[〇零一二两三四五六七八九十百]+、|[0-9]+[.．、])\s*/

// Words that may sit between the subject and 应当 without being part of it (公安机关还应当).
const trailingAdverb = /(?:还|也|均|都|亦|并|仍|分别|同时)$/

// A phrase that opens with one of these is a condition, not an actor: 对于……的企业,
// 依照本条例规定应当……. Such a sentence has no subject of its own.
const conditionOpening = /^(?:对于|对|依照|依据|按照|根据|违反|凡|如果)/
const instrumentReference = /本(?:法|条例|决定|办法|规定|细则|规则)/

// The subject of a sentence: the phrase before its first 应当, after the last comma or colon
// (which drops a leading adverbial), kept whole — never split on 、.
export function findSubject(sentence: string): string | null {
	const text = sentence.replace(itemLabel, '')
	const shouldAt = text.indexOf('应当')
	if (shouldAt === -1) return null
	const clauses = text.slice(0, shouldAt).split(/[，,：:]/)
	let subject = (clauses.at(-1) ?? '').trim()
	const adverb = subject.match(trailingAdverb)
	if (adverb && subject.length - adverb[0].length >= 2) subject = subject.slice(0, -adverb[0].length)
	// 公安机关会同有关部门应当……: the co-subject is found by findCoSubjects.
	const jointAt = subject.indexOf('会同')
	if (jointAt > 0) subject = subject.slice(0, jointAt)
	if (subject === '' || conditionOpening.test(subject) || instrumentReference.test(subject)) return null
	return subject
}

// Stops between a co-subject and what it does: 会同相关部门适时举办…… → 相关部门.
const actionWords =
	/应当|依法|适时|及时|定期|共同|联合|开展|加强|建立|健全|完善|推进|组织|制定|落实|做好|研究|实施|采取|督促|指导|举办|部署|进行|负责|办理|查处|打击|对|向/

// Words that end an organisation's name; the longest such prefix is the co-subject.
const organisationEnd =
	/(?:部门|机关|单位|机构|组织|团体|委员会|常委会|政府|办公室|办公厅|中心|协会|联合会|公司|银行|企业|街道|乡镇|社区|院|局|厅|委|办|部|署)/g

// 会同Z（up to the next comma or verb）and 与Z协作 / 与Z协作配合 make Z co-responsible.
export function findCoSubjects(sentence: string): Array<string> {
	const found: Array<string> = []
	for (const match of sentence.matchAll(/会同([^，,。；;：:！!？?]+)/g)) found.push(match[1])
	for (const match of sentence.matchAll(/与([^，,。；;：:！!？?与]+?)(?:协作|协同|配合)/g)) {
		found.push(match[1])
	}
	return unique(found.map(cleanCoSubject).filter((co): co is string => co !== null))
}

function cleanCoSubject(found: string): string | null {
	const raw = found.trim()
	const ends = Array.from(raw.matchAll(organisationEnd), (match) => match.index + match[0].length)
	// An action word inside the name (……工作联席会议办公室 holds 打击) does not end it: only one
	// after the first organisation word does.
	const from = ends[0] ?? 0
	const action = raw.slice(from).search(actionWords)
	let phrase = (action === -1 ? raw : raw.slice(0, from + action)).trim().replace(/的$/, '')
	// Keep the organisation's name and drop any object that follows it without a verb we know.
	const lastEnd = Math.max(0, ...ends.filter((end) => end <= phrase.length))
	if (lastEnd > 0) phrase = phrase.slice(0, lastEnd)
	return phrase === '' ? null : phrase
}

function unique(values: Array<string>): Array<string> {
	return [...new Set(values)]
}
