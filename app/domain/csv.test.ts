import { expect, test } from 'vitest'
import { attachmentDisposition, csvField, escapeFormula, toCsv } from './csv'

test('a CSV starts with a byte order mark and ends every line with CRLF', () => {
	const csv = toCsv(['序号', '条款'], [['1', '（一）']])
	expect(csv.startsWith('\uFEFF序号,条款\r\n')).toBe(true)
	expect(csv).toBe('\uFEFF序号,条款\r\n1,（一）\r\n')
})

test('fields with commas, quotes or line breaks are quoted and quotes doubled', () => {
	expect(csvField('公安机关,人民检察院')).toBe('"公安机关,人民检察院"')
	expect(csvField('围绕“抓金主”的"要求"')).toBe('"围绕“抓金主”的""要求"""')
	expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"')
	expect(csvField('a\r\nb')).toBe('"a\r\nb"')
	expect(csvField('没有特殊字符')).toBe('没有特殊字符')
	expect(csvField('')).toBe('')
})

test('a cell Excel would read as a formula is prefixed with an apostrophe', () => {
	expect(escapeFormula('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`)
	expect(escapeFormula('+1+2')).toBe(`'+1+2`)
	expect(escapeFormula('-2+3')).toBe(`'-2+3`)
	expect(escapeFormula('@SUM(A1)')).toBe(`'@SUM(A1)`)
	expect(escapeFormula('\t=1')).toBe(`'\t=1`)
	expect(escapeFormula('\r=1')).toBe(`'\r=1`)
	expect(csvField('=1,2')).toBe(`"'=1,2"`)
	// Text with those characters elsewhere, dates and plain numbers are left alone.
	expect(escapeFormula('a=b')).toBe('a=b')
	expect(escapeFormula('2025-06-30')).toBe('2025-06-30')
	expect(escapeFormula('-12.5')).toBe('-12.5')
})

test('a row with the wrong number of fields is a programming error', () => {
	expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/fields/)
})

test('the download name is sent in UTF-8 with an ASCII fallback', () => {
	expect(attachmentDisposition('责任分解表-2025-01-02.csv', 'tasks-2025-01-02.csv')).toBe(
		`attachment; filename="tasks-2025-01-02.csv"; filename*=UTF-8''%E8%B4%A3%E4%BB%BB%E5%88%86%E8%A7%A3%E8%A1%A8-2025-01-02.csv`,
	)
	expect(attachmentDisposition("a'b (1).csv", '表"1.csv')).toBe(
		`attachment; filename="__1.csv"; filename*=UTF-8''a%27b%20%281%29.csv`,
	)
})
