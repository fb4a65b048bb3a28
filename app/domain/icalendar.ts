import type { IsoDate } from './dates'
import { addDays } from './dates'

// iCalendar (RFC 5545) feeds of meetings and visits. Times are Asia/Shanghai, written with a
// TZID and a VTIMEZONE so calendar apps show them right wherever they are; all-day events
// (meetings over several days) use VALUE=DATE with an exclusive end. Feeds carry the title,
// the time and the place only.

export type CalendarEvent = {
	uid: string
	title: string
	startsOn: IsoDate
	endsOn: IsoDate
	startTime: string | null // 'HH:MM' or null for all-day
	endTime: string | null
	place: string
}

const timezone = [
	'BEGIN:VTIMEZONE',
	'TZID:Asia/Shanghai',
	'X-LIC-LOCATION:Asia/Shanghai',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0800',
	'TZOFFSETTO:+0800',
	'TZNAME:CST',
	'DTSTART:19700101T000000',
	'END:STANDARD',
	'END:VTIMEZONE',
]

// RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, and every line break — CRLF, LF,
// or a carriage return on its own, which some readers take for a line break and would read the
// rest as a property of its own (an injected event) — becomes the escaped \n. Other control
// characters have no place in a text value and are dropped.
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n')
		// eslint-disable-next-line no-control-regex -- dropping control characters is the point
		.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
}

// Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character.
export function foldLine(line: string): string {
	const encoder = new TextEncoder()
	if (encoder.encode(line).length <= 75) return line
	const pieces: Array<string> = []
	let current = ''
	let currentBytes = 0
	for (const char of line) {
		const size = encoder.encode(char).length
		const limit = pieces.length === 0 ? 75 : 74 // continuation lines start with a space
		if (currentBytes + size > limit) {
			pieces.push(current)
			current = ''
			currentBytes = 0
		}
		current += char
		currentBytes += size
	}
	pieces.push(current)
	return pieces.join('\r\n ')
}

function compactDate(date: IsoDate) {
	return date.replace(/-/g, '')
}

function localDateTime(date: IsoDate, time: string) {
	return `${compactDate(date)}T${time.replace(':', '')}00`
}

function utcStamp(instant: Date) {
	return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

export function buildCalendar(name: string, events: ReadonlyArray<CalendarEvent>, now: Date): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Wuhan NPC Standing Committee//Oversight Tracker//ZH',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(name)}`,
		'X-WR-TIMEZONE:Asia/Shanghai',
		...timezone,
	]
	for (const event of events) {
		lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utcStamp(now)}`)
		if (event.startTime && event.endTime) {
			lines.push(`DTSTART;TZID=Asia/Shanghai:${localDateTime(event.startsOn, event.startTime)}`)
			lines.push(`DTEND;TZID=Asia/Shanghai:${localDateTime(event.endsOn, event.endTime)}`)
		} else {
			lines.push(`DTSTART;VALUE=DATE:${compactDate(event.startsOn)}`)
			lines.push(`DTEND;VALUE=DATE:${compactDate(addDays(event.endsOn, 1))}`)
		}
		lines.push(`SUMMARY:${escapeText(event.title)}`)
		if (event.place) lines.push(`LOCATION:${escapeText(event.place)}`)
		lines.push('END:VEVENT')
	}
	lines.push('END:VCALENDAR')
	return lines.map(foldLine).join('\r\n') + '\r\n'
}
