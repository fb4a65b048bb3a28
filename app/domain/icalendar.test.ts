import ICAL from 'ical.js'
import { expect, test } from 'vitest'
import { buildCalendar, foldLine, type CalendarEvent } from './icalendar'

const visit: CalendarEvent = {
	uid: 'visit-7@oversight',
	title: '执法检查：实地检查市反电信网络诈骗中心；座谈会',
	startsOn: '2026-12-03',
	endsOn: '2026-12-03',
	startTime: '09:30',
	endTime: '11:45',
	place: '武汉市江岸区，市公安局',
}
const meeting: CalendarEvent = {
	uid: 'meeting-3@oversight',
	title: '第十五届人大常委会第二十三次会议',
	startsOn: '2026-12-22',
	endsOn: '2026-12-24',
	startTime: null,
	endTime: null,
	place: '市人大常委会机关会议室',
}

function parse(text: string) {
	const component = new ICAL.Component(ICAL.parse(text))
	const zone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone')!)
	ICAL.TimezoneService.register(zone)
	return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
}

test('a visit parses back with its Shanghai time, title and place', () => {
	const [event] = parse(buildCalendar('我的日程', [visit], new Date('2026-11-27T00:00:00Z')))
	expect(event.summary).toBe(visit.title)
	expect(event.location).toBe(visit.place)
	expect(event.uid).toBe('visit-7@oversight')
	// 09:30 in Shanghai is 01:30 UTC.
	expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T01:30:00.000Z')
	expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-03T03:45:00.000Z')
})

test('a meeting over three days is an all-day event ending the day after its last day', () => {
	const [event] = parse(buildCalendar('我的日程', [meeting], new Date()))
	expect(event.startDate.isDate).toBe(true)
	expect(event.startDate.toString()).toBe('2026-12-22')
	expect(event.endDate.toString()).toBe('2026-12-25')
})

test('lines are folded at 75 octets without splitting a Chinese character, with CRLF endings', () => {
	const text = buildCalendar('日程', [{ ...visit, title: '执法检查'.repeat(30) }], new Date())
	for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
	expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true)
	expect(parse(text)[0].summary).toBe('执法检查'.repeat(30))
	expect(foldLine('short')).toBe('short')
})

test('commas, semicolons and newlines in text survive the round trip', () => {
	const [event] = parse(buildCalendar('日程', [{ ...visit, place: '江汉区; 二楼,会议室\n北门进' }], new Date()))
	expect(event.location).toBe('江汉区; 二楼,会议室\n北门进')
})

test('a carriage return in a title cannot inject an event, for ical.js nor for a reader that breaks lines at CR', () => {
	const hostile: CalendarEvent = {
		...visit,
		uid: 'visit-8@oversight',
		title: '座谈会\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:伪造的会议\rDTSTART:20261201T090000',
		place: '一楼\r\n二楼\n三楼\u0000',
	}
	const text = buildCalendar('日程', [hostile], new Date('2026-12-01T00:00:00Z'))
	// No bare CR anywhere: every line ends with CRLF and a text value holds only escaped breaks.
	expect(text.replace(/\r\n/g, '')).not.toMatch(/\r/)
	const parsed = new ICAL.Component(ICAL.parse(text))
	const events = parsed.getAllSubcomponents('vevent')
	expect(events).toHaveLength(1)
	expect(events[0].getFirstPropertyValue('summary')).toBe('座谈会\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:伪造的会议\nDTSTART:20261201T090000')
	expect(events[0].getFirstPropertyValue('location')).toBe('一楼\n二楼\n三楼')
	// A strict line-based reader that splits on CR as well as LF sees one event.
	const lines = text.split(/\r\n|\r|\n/).filter((line) => !line.startsWith(' '))
	expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1)
	expect(lines.filter((line) => line.startsWith('SUMMARY:'))).toHaveLength(1)
})
