// Turns a subject phrase from an instrument ("公安机关", "金融、通信等行业主管部门",
// "市、区人民政府") into the agencies responsible for it, through the subject mapping.
// Pure: the mapping is passed in, whatever id type the caller uses (seed keys, database ids).

export type SubjectMappingEntry<T> = {
	subject: string
	agencyIds: ReadonlyArray<T>
}

// Qualifiers that say where or at which levels a subject acts, not who it is: "全市各级监察机关"
// is the same body as "监察机关". "市、区" comes before its pieces could be split apart, so it
// is never read as an enumeration of "市" and "区…". A lone "市" or "各" is kept: "市人民政府"
// is not "人民政府", and "各区" is not "区".
const leadingQualifiers = ['全市', '本市', '各级', '市、区']

// Commas an enumeration may be written with once width is folded: the ideographic comma is the
// standard one; ASCII and full-width commas turn up in pasted or OCR'd text.
const enumerationCommas = /[,，､﹑]/gu

// Shortest tail of a phrase worth borrowing as a shared head noun ("院", "局" alone would glue
// onto anything).
const minSharedSuffixLength = 2

/**
 * The form two phrases are compared in when they are not identical: width-folded (NFKC turns
 * full-width letters, digits and brackets into half-width ones), without spaces, with every
 * enumeration comma as "、", and without leading qualifiers.
 */
export function normaliseSubject(subject: string): string {
	return stripLeadingQualifiers(foldSubject(subject))
}

function foldSubject(subject: string): string {
	return subject.normalize('NFKC').replace(/\s+/gu, '').replace(enumerationCommas, '、')
}

function stripLeadingQualifiers(text: string): string {
	const qualifier = leadingQualifiers.find((candidate) => text.startsWith(candidate))
	if (!qualifier) return text
	return stripLeadingQualifiers(text.slice(qualifier.length))
}

/**
 * The agencies responsible for a subject phrase, in the mapping's order, without duplicates.
 * Returns [] when nothing matches: an unresolved subject is left for the secretariat to assign,
 * never guessed.
 */
export function resolveSubject<T>(
	subject: string,
	mapping: ReadonlyArray<SubjectMappingEntry<T>>,
): Array<T> {
	const whole = lookup(subject, mapping)
	if (whole) return uniqueInOrder(whole.agencyIds)

	// Step 3: an enumeration nobody mapped as a whole. Each item is resolved by itself and the
	// results are united, so "公安机关、人民检察院、人民法院" or a new combination of industries
	// needs no entry of its own. An item that resolves nowhere contributes nothing; the others
	// still count, since a partial draft is more useful to the secretariat than an empty one.
	// A phrase with neither "、" nor "等" comes back as itself, already unresolved above.
	const components = splitEnumeration(normaliseSubject(subject))
	const resolved = components.flatMap((component) => resolveComponent(component, mapping))
	return uniqueInOrder(resolved)
}

function lookup<T>(
	subject: string,
	mapping: ReadonlyArray<SubjectMappingEntry<T>>,
): SubjectMappingEntry<T> | undefined {
	// Step 1: the exact phrase. The mapping keeps phrases whole as the text writes them, and a
	// whole phrase may mean something narrower than its parts ("金融、通信行业主管部门" in (十三)
	// is only the account and phone-card regulators), so a verbatim entry always wins.
	const exact = mapping.find((entry) => entry.subject === subject)
	if (exact) return exact

	// Step 2a: the same words in another width, spacing or comma ("金融，通信等行业主管部门",
	// "市,区人民政府"): text pasted from other sources differs only in such typography.
	const folded = foldSubject(subject)
	const sameWords = mapping.find((entry) => foldSubject(entry.subject) === folded)
	if (sameWords) return sameWords

	// Step 2b: the same subject without its qualifiers ("各级人民法院" → "人民法院"). When several
	// entries normalise alike, the one written in bare form is the authority for the bare term;
	// a qualified entry ("市、区人民政府") carries its own qualifier's meaning, which the input
	// may not share.
	const normalised = stripLeadingQualifiers(folded)
	if (normalised === '') return undefined
	const candidates = mapping.filter((entry) => normaliseSubject(entry.subject) === normalised)
	return candidates.find((entry) => entry.subject === normalised) ?? candidates[0]
}

type Component = {
	text: string
	/** Head nouns the item may share with the enumeration, most likely first. */
	borrowedSuffixes: Array<string>
	/** Whether the shared head noun is explicit ("A、B等X"), so it applies before the item alone. */
	suffixIsExplicit: boolean
}

// "A、B等X" → A+X, B+X: "等" marks where the enumeration ends and the shared head noun begins.
// "A、B、C" without "等" → each item as written; an item that is not a name by itself borrows
// the head noun of the last item ("金融、通信行业主管部门" → "金融" + "行业主管部门"). Which
// tail of the last item is the head noun cannot be read off the words, so every tail is tried,
// longest first, and the first that makes a mapped subject is taken.
function splitEnumeration(normalised: string): Array<Component> {
	const items = normalised.split('、').filter((item) => item !== '')
	if (items.length === 0) return []
	const last = items[items.length - 1]
	const etcIndex = last.lastIndexOf('等')

	if (etcIndex >= 0) {
		const sharedSuffix = last.slice(etcIndex + 1)
		const heads = [...items.slice(0, -1), last.slice(0, etcIndex)].filter((item) => item !== '')
		return heads.map((text) => ({
			text,
			borrowedSuffixes: sharedSuffix === '' ? [] : [sharedSuffix],
			suffixIsExplicit: true,
		}))
	}

	const tails = Array.from(
		{ length: Math.max(0, last.length - minSharedSuffixLength) },
		(_, index) => last.slice(index + 1),
	)
	return items.map((text, index) => ({
		text,
		borrowedSuffixes: index === items.length - 1 ? [] : tails,
		suffixIsExplicit: false,
	}))
}

function resolveComponent<T>(
	component: Component,
	mapping: ReadonlyArray<SubjectMappingEntry<T>>,
): ReadonlyArray<T> {
	const withSuffixes = component.borrowedSuffixes.map((suffix) => component.text + suffix)
	const attempts = component.suffixIsExplicit
		? [...withSuffixes, component.text]
		: [component.text, ...withSuffixes]
	for (const attempt of attempts) {
		const entry = lookup(attempt, mapping)
		if (entry) return entry.agencyIds
	}
	return []
}

// Same-value equality, so string keys and numeric ids both de-duplicate; the first occurrence
// keeps its place because the first agency listed is the one that carries the duty.
function uniqueInOrder<T>(ids: ReadonlyArray<T>): Array<T> {
	return [...new Set(ids)]
}

// What a mapping editor was loaded with: the agency ids, sorted and comma-separated. The mapping
// has no version column, so a save compares the stored set with it instead.
export function seenKey(agencyIds: ReadonlyArray<number>): string {
	return [...agencyIds].sort((a, b) => a - b).join(',')
}
