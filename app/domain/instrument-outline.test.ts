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
	expect(outline.parts[0]).toEqual({ label: '一、', title: decision.parts[0].title, paragraphs: [] })
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

test('a part’s own paragraphs are in the outline and the summary, also for a part without clauses', () => {
	const text = fs.readFileSync(new URL('./__fixtures__/parts-with-paragraphs.txt', import.meta.url), 'utf8')
	const outline = instrumentOutline(parseInstrument(text))
	expect(outline.parts.map((part) => part.paragraphs.length)).toEqual([2, 1, 1, 0, 1])
	const summary = describeOutline(outline)
	expect(summary).toContain('结构：5 个部分，4 个条款')
	expect(summary).toMatch(/一、充分认识农村人居环境整治工作的重要意义\n {2}（本部分段落） {2}2 段/)
	expect(summary).toMatch(/三、压实工作责任\n {2}（本部分段落） {2}1 段\n {2}（一） {2}1 段/)
	expect(summary).toMatch(/五、加强监督检查\n {2}（本部分段落） {2}1 段\n\n附则：本决定自公布之日起施行。/)
})
