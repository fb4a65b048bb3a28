import { expect, test } from 'vitest'
import { normaliseSubject, resolveSubject } from './subjects'

const mapping = [
	{ subject: '公安机关', agencyIds: ['psb'] },
	{ subject: '人民检察院', agencyIds: ['procuratorate'] },
	{ subject: '人民法院', agencyIds: ['court'] },
	{ subject: '监察机关', agencyIds: ['supervision'] },
	{ subject: '市、区人民政府', agencyIds: ['gov', 'district-jiangan', 'district-jianghan'] },
	{ subject: '人民政府', agencyIds: ['all-governments'] },
	{ subject: '金融行业主管部门', agencyIds: ['pbc', 'nfra'] },
	{ subject: '通信行业主管部门', agencyIds: ['telecom'] },
	{ subject: '互联网行业主管部门', agencyIds: ['cac'] },
	{ subject: '金融、通信行业主管部门', agencyIds: ['pbc', 'telecom'] },
	{ subject: '征信部门', agencyIds: ['pbc', 'ndrc'] },
]

test('a phrase mapped verbatim resolves to its own entry, even where its parts would give more', () => {
	expect(resolveSubject('金融、通信行业主管部门', mapping)).toEqual(['pbc', 'telecom'])
})

test('a verbatim entry is used as written, not re-derived from the generic terms', () => {
	expect(resolveSubject('市、区人民政府', mapping)).toEqual([
		'gov',
		'district-jiangan',
		'district-jianghan',
	])
})

test('leading 全市, 本市 and 各级 qualifiers do not change who the subject is', () => {
	expect(resolveSubject('全市各级监察机关', mapping)).toEqual(['supervision'])
	expect(resolveSubject('本市公安机关', mapping)).toEqual(['psb'])
	expect(resolveSubject('各级人民法院', mapping)).toEqual(['court'])
})

test('a lone 市 is part of the name, so 市公安机关 is not taken for 公安机关', () => {
	expect(resolveSubject('市公安机关', mapping)).toEqual([])
})

test('on a normalised match the bare generic entry wins over a qualified one', () => {
	expect(resolveSubject('各级人民政府', mapping)).toEqual(['all-governments'])
})

test('a qualified entry is found through its normal form when no bare entry exists', () => {
	const withoutBare = mapping.filter((entry) => entry.subject !== '人民政府')
	expect(resolveSubject('全市各级人民政府', withoutBare)).toEqual([
		'gov',
		'district-jiangan',
		'district-jianghan',
	])
})

test('full-width, half-width and ASCII punctuation and stray spaces are ignored', () => {
	expect(resolveSubject('金融，通信行业主管部门', mapping)).toEqual(['pbc', 'telecom'])
	expect(resolveSubject('金融,通信行业主管部门', mapping)).toEqual(['pbc', 'telecom'])
	expect(resolveSubject(' 金融､ 通信行业主管部门 ', mapping)).toEqual(['pbc', 'telecom'])
})

test('a qualified phrase in other punctuation finds that phrase, not the bare generic term', () => {
	expect(resolveSubject('市,区人民政府', mapping)).toEqual([
		'gov',
		'district-jiangan',
		'district-jianghan',
	])
})

test('the 市、区 qualifier is stripped whole rather than split into 市 and 区…', () => {
	expect(normaliseSubject('市、区人民政府')).toBe('人民政府')
	expect(normaliseSubject('全市各级监察机关')).toBe('监察机关')
	expect(normaliseSubject('各区')).toBe('各区')
	expect(normaliseSubject('市人民政府')).toBe('市人民政府')
})

test('an enumeration ending in 等 gives every item the shared head noun', () => {
	expect(resolveSubject('金融、通信、互联网等行业主管部门', mapping)).toEqual([
		'pbc',
		'nfra',
		'telecom',
		'cac',
	])
})

test('a single item before 等 takes the head noun too', () => {
	expect(resolveSubject('金融等行业主管部门', mapping)).toEqual(['pbc', 'nfra'])
})

test('an enumeration without 等 lends the last item’s head noun to items that are not names', () => {
	expect(resolveSubject('通信、互联网行业主管部门', mapping)).toEqual(['telecom', 'cac'])
})

test('an enumeration of complete names resolves each name, in the order written', () => {
	expect(resolveSubject('公安机关、人民检察院、人民法院', mapping)).toEqual([
		'psb',
		'procuratorate',
		'court',
	])
	expect(resolveSubject('人民法院、公安机关等', mapping)).toEqual(['court', 'psb'])
})

test('items of an enumeration are normalised like a whole phrase', () => {
	expect(resolveSubject('全市各级监察机关，公安机关', mapping)).toEqual(['supervision', 'psb'])
})

test('the union keeps the first-seen order and lists each agency once', () => {
	expect(resolveSubject('征信部门、金融等行业主管部门', mapping)).toEqual(['pbc', 'ndrc', 'nfra'])
})

test('an item that resolves nowhere adds nothing, and the other items still resolve', () => {
	expect(resolveSubject('公安机关、旅游部门', mapping)).toEqual(['psb'])
})

test('a phrase nobody mapped resolves to nothing', () => {
	expect(resolveSubject('气象部门', mapping)).toEqual([])
	expect(resolveSubject('旅游、气象等部门', mapping)).toEqual([])
	expect(resolveSubject('', mapping)).toEqual([])
	expect(resolveSubject('全市各级', mapping)).toEqual([])
})

test('ids of any type resolve, duplicates within one entry are dropped', () => {
	const numeric = [
		{ subject: '公安机关', agencyIds: [7, 7] },
		{ subject: '人民法院', agencyIds: [3] },
	]
	expect(resolveSubject('公安机关、人民法院', numeric)).toEqual([7, 3])
	expect(resolveSubject('公安机关', numeric)).toEqual([7])
})

test('the result is a fresh array that the caller may change without touching the mapping', () => {
	const resolved = resolveSubject('公安机关', mapping)
	resolved.push('someone-else')
	expect(resolveSubject('公安机关', mapping)).toEqual(['psb'])
})
