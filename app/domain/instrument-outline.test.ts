import fs from 'node:fs'
import { expect, test } from 'vitest'
import { parseInstrument } from './instrument-parser'
import { countTasks, describeOutline, instrumentOutline } from './instrument-outline'

const decision = parseInstrument(
	fs.readFileSync(new URL('../../db/seed/wuhan-anti-fraud-decision-2021.txt', import.meta.url), 'utf8'),
)

test('the outline keeps only the fields of the import contract', () => {
	const outline = instrumentOutline({
		...decision,
		parts: decision.parts.map((part) => ({ ...part, extra: true })),
	} as typeof decision)
	expect(outline.parts[0]).toEqual({ label: '一、', title: decision.parts[0].title })
	expect(Object.keys(outline.clauses[0])).toEqual(['label', 'ordinal', 'part', 'paragraphs', 'tasks'])
	expect(countTasks(outline)).toBe(decision.clauses.reduce((sum, c) => sum + c.tasks.length, 0))
})

test('the dry-run summary names the counts and every clause with its subjects', () => {
	const summary = describeOutline(instrumentOutline(decision))
	expect(summary).toContain('文号：〔十四届〕第四十五号')
	expect(summary).toContain('公布日期：2021-06-16')
	expect(summary).toMatch(/结构：6 个部分，20 个条款，\d+ 项责任事项/)
	expect(summary).toMatch(/（十五） {2}6 段，6 项责任事项/)
	expect(summary).toContain('主体：征信部门；配合：公安机关')
})
