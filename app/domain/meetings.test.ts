import { expect, test } from 'vitest'
import { meetingLabel } from './meetings'

test('a meeting is named by its term and session in Chinese numerals', () => {
	expect(meetingLabel({ term: 15, session: 23 })).toBe('第十五届人大常委会第二十三次会议')
	expect(meetingLabel({ term: 14, session: 38 })).toBe('第十四届人大常委会第三十八次会议')
})
