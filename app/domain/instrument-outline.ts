import type { ParsedInstrument } from './instrument-parser'

// What an import shows before anything is stored: the parser's result in the shape the
// `import --dry-run --json` contract names, and a readable Chinese summary of it.

export type InstrumentOutline = {
	title: string
	issuer: string | null
	documentNumber: string | null
	adoptedOn: string | null
	publishedOn: string | null
	effectiveOn: string | null
	preamble: string | null
	// A part's paragraphs: its own text before its first clause (or instead of clauses).
	parts: Array<{ label: string; title: string; paragraphs: Array<string> }>
	clauses: Array<{
		label: string
		ordinal: number
		part: string | null
		paragraphs: Array<string>
		tasks: Array<{ subject: string; coSubjects: Array<string>; text: string }>
	}>
	finalProvisions: Array<string>
}

// Built field by field, not spread: whatever else the parser returns (a part's ordinal, fields
// added later) stays out of a contract other tools read.
export function instrumentOutline(parsed: ParsedInstrument): InstrumentOutline {
	return {
		title: parsed.title,
		issuer: parsed.issuer,
		documentNumber: parsed.documentNumber,
		adoptedOn: parsed.adoptedOn,
		publishedOn: parsed.publishedOn,
		effectiveOn: parsed.effectiveOn,
		preamble: parsed.preamble,
		parts: parsed.parts.map((part) => ({ label: part.label, title: part.title, paragraphs: [...part.paragraphs] })),
		clauses: parsed.clauses.map((clause) => ({
			label: clause.label,
			ordinal: clause.ordinal,
			part: clause.part,
			paragraphs: [...clause.paragraphs],
			tasks: clause.tasks.map((task) => ({
				subject: task.subject,
				coSubjects: [...task.coSubjects],
				text: task.text,
			})),
		})),
		finalProvisions: [...parsed.finalProvisions],
	}
}

export function countTasks(outline: Pick<InstrumentOutline, 'clauses'>): number {
	return outline.clauses.reduce((sum, clause) => sum + clause.tasks.length, 0)
}

// The dry run's human answer: enough to check the parse at a glance (metadata, counts, and for
// every clause its tasks with their subjects), without the full text.
export function describeOutline(outline: InstrumentOutline): string {
	const lines = [
		`标题：${outline.title}`,
		`发文单位：${outline.issuer ?? '（未识别）'}`,
		`文号：${outline.documentNumber ?? '（未识别）'}`,
		`通过日期：${outline.adoptedOn ?? '—'}　公布日期：${outline.publishedOn ?? '—'}　施行日期：${outline.effectiveOn ?? '—'}`,
		`结构：${outline.parts.length} 个部分，${outline.clauses.length} 个条款，${countTasks(outline)} 项责任事项`,
	]
	const describeClause = (clause: InstrumentOutline['clauses'][number]) => {
		lines.push(`  ${clause.label}  ${clause.paragraphs.length} 段，${clause.tasks.length} 项责任事项`)
		clause.tasks.forEach((task, index) => {
			const co = task.coSubjects.length > 0 ? `；配合：${task.coSubjects.join('；')}` : ''
			lines.push(`      ${index + 1}. 主体：${task.subject || '（未识别）'}${co}`)
		})
	}
	const unparted = outline.clauses.filter((clause) => clause.part === null)
	if (unparted.length > 0) lines.push('')
	unparted.forEach(describeClause)
	// Every part, with or without clauses: a part of paragraphs alone is part of the text too.
	for (const part of outline.parts) {
		lines.push('', `${part.label}${part.title}`)
		if (part.paragraphs.length > 0) lines.push(`  （本部分段落）  ${part.paragraphs.length} 段`)
		outline.clauses.filter((clause) => clause.part === part.label).forEach(describeClause)
	}
	if (outline.finalProvisions.length > 0) {
		lines.push('', `附则：${outline.finalProvisions.join(' ')}`)
	}
	return lines.join('\n')
}
