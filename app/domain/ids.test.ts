import { expect, test } from 'vitest'
import { maxId, parseRecordId } from './ids'

test('an id is a positive int4 in plain digits; anything else names no record', () => {
	expect(parseRecordId('1')).toBe(1)
	expect(parseRecordId(String(maxId))).toBe(maxId)
	for (const value of ['2147483648', String(2 ** 53), '0', '-1', '01', '1.5', '1e3', ' 1', '', null, undefined, '１']) {
		expect(parseRecordId(value)).toBeNull()
	}
})
