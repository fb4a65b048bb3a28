import { z } from 'zod'
import { maxId } from './ids'

// What forms send, made safe before any rule or the database sees it. Client-safe: the same
// schemas validate in the browser and in the action.

// An integer column (PostgreSQL int4): a number past its range cannot be stored, so it is a
// validation error next to its field, never the database's "out of range" as a 500.
export function int4(error?: string) {
	return z
		.number(error ? { error } : undefined)
		.int()
		.min(-maxId - 1)
		.max(maxId)
}

// A record id or a version: a positive int4.
export function recordId() {
	return int4().min(1)
}

// Control characters have no place in text people type; pasted from office documents they arrive
// all the same (a NUL, a form feed, a bell), and PostgreSQL refuses NUL in text. Tab, line feed
// and carriage return stay. Removed, not refused: the rest of what was pasted saves.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

export function withoutControlCharacters(text: string): string {
	return text.replace(controlCharacters, '')
}
