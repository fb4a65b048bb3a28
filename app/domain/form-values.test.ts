import { expect, test } from 'vitest'
import { int4, recordId, withoutControlCharacters } from './form-values'

test('numbers beyond an integer column are refused by validation', () => {
	expect(int4().safeParse(2147483647).success).toBe(true)
	expect(int4().safeParse(2147483648).success).toBe(false)
	expect(int4().safeParse(1e20).success).toBe(false)
	expect(recordId().safeParse(0).success).toBe(false)
	expect(recordId().safeParse(1).success).toBe(true)
})

test('control characters are removed from text, tab and line breaks stay', () => {
	expect(withoutControlCharacters('a\u0000b\u0007c\u001bd\u007f')).toBe('abcd')
	expect(withoutControlCharacters('一\t二\r\n三\n')).toBe('一\t二\r\n三\n')
	expect(withoutControlCharacters('\u202Eevil')).toBe('\u202Eevil')
})
