import { expect, test } from 'vitest'
import { chineseToNumber, findDates, numberToChinese, parseChineseDate } from './chinese-numerals'

test('clause numerals from 一 to 九十九 are read', () => {
	expect(chineseToNumber('一')).toBe(1)
	expect(chineseToNumber('十')).toBe(10)
	expect(chineseToNumber('十五')).toBe(15)
	expect(chineseToNumber('二十')).toBe(20)
	expect(chineseToNumber('四十五')).toBe(45)
	expect(chineseToNumber('九十九')).toBe(99)
})

test('hundreds and thousands are read, with 零 marking a gap', () => {
	expect(chineseToNumber('一百')).toBe(100)
	expect(chineseToNumber('一百零一')).toBe(101)
	expect(chineseToNumber('一百一十')).toBe(110)
	expect(chineseToNumber('一千零五十')).toBe(1050)
	expect(chineseToNumber('三万二千')).toBe(32_000)
})

test('两, 〇 and 零 are digits', () => {
	expect(chineseToNumber('两')).toBe(2)
	expect(chineseToNumber('两千')).toBe(2000)
	expect(chineseToNumber('〇')).toBe(0)
	expect(chineseToNumber('零')).toBe(0)
})

test('digits without units are read position by position, as in years', () => {
	expect(chineseToNumber('二〇二一')).toBe(2021)
	expect(chineseToNumber('2021')).toBe(2021)
	expect(chineseToNumber('２０２１')).toBe(2021)
})

test('text that is not a numeral gives null', () => {
	expect(chineseToNumber('')).toBeNull()
	expect(chineseToNumber('十十')).toBeNull()
	expect(chineseToNumber('一百百')).toBeNull()
	expect(chineseToNumber('十百')).toBeNull()
	expect(chineseToNumber('第一')).toBeNull()
})

test('numbers are written as in clause labels', () => {
	expect(numberToChinese(0)).toBe('零')
	expect(numberToChinese(1)).toBe('一')
	expect(numberToChinese(10)).toBe('十')
	expect(numberToChinese(11)).toBe('十一')
	expect(numberToChinese(20)).toBe('二十')
	expect(numberToChinese(100)).toBe('一百')
	expect(numberToChinese(101)).toBe('一百零一')
	expect(numberToChinese(110)).toBe('一百一十')
	expect(numberToChinese(1010)).toBe('一千零一十')
	expect(numberToChinese(10_001)).toBe('一万零一')
})

test('writing and reading a numeral gives the number back from 0 to 12 000', () => {
	const mismatches: Array<number> = []
	for (let value = 0; value <= 12_000; value++) {
		if (chineseToNumber(numberToChinese(value)) !== value) mismatches.push(value)
	}
	expect(mismatches).toEqual([])
})

test('dates in Chinese, zero-padded and ISO forms give the same ISO date', () => {
	expect(parseChineseDate('2021年6月9日')).toBe('2021-06-09')
	expect(parseChineseDate('2021年06月09日')).toBe('2021-06-09')
	expect(parseChineseDate('2021-06-16')).toBe('2021-06-16')
	expect(parseChineseDate('二〇二一年六月十六日')).toBe('2021-06-16')
	expect(parseChineseDate(' 2021年6月16日 ')).toBe('2021-06-16')
})

test('impossible dates and text around a date are refused by parseChineseDate', () => {
	expect(parseChineseDate('2023年2月29日')).toBeNull()
	expect(parseChineseDate('2024年2月29日')).toBe('2024-02-29')
	expect(parseChineseDate('2021年13月1日')).toBeNull()
	expect(parseChineseDate('于2021年6月9日通过')).toBeNull()
})

test('dates are found inside sentences with their position', () => {
	const sentence = '已由第三十八次会议于2021年6月9日通过，自2021-06-16起施行。'
	expect(findDates(sentence)).toEqual([
		{ iso: '2021-06-09', index: 10, text: '2021年6月9日' },
		{ iso: '2021-06-16', index: 23, text: '2021-06-16' },
	])
	expect(findDates('发布日期：2021-06-16 00:00')[0]?.iso).toBe('2021-06-16')
})
