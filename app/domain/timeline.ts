import type { IsoDate } from './dates'

// One timeline of everything that happened against a clause: each kind of record (reports now;
// findings, inquiries, concerns, resolutions, assessments later) contributes its events through
// a provider in app/models/timeline.server.ts; the order is decided here.

export type TimelineEvent = {
	at: IsoDate
	// What happened, as a dotted key the i18n `timeline.events` section labels: 'report.scheduled',
	// 'deliberation.letter_sent' … A later kind of record adds its keys there.
	kind: string
	// The record's own title, as written.
	title: string
	href: string
	// Free text from the record (a signer's name, a return reason).
	detail?: string
	// Values for the label's placeholders ({signer}, {satisfied} …).
	params?: Record<string, string | number>
	// The step's place in its record's lifecycle: on one day, the later step comes first.
	step?: number
}

// Newest first; on the same day the later step of a record first, then by title for a stable
// order.
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
	if (a.at !== b.at) return a.at < b.at ? 1 : -1
	const stepA = a.step ?? 0
	const stepB = b.step ?? 0
	if (stepA !== stepB) return stepB - stepA
	if (a.title !== b.title) return a.title < b.title ? -1 : 1
	return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0
}

export function mergeTimeline(...lists: ReadonlyArray<ReadonlyArray<TimelineEvent>>): Array<TimelineEvent> {
	return lists.flat().sort(compareEvents)
}

// The page shows the newest events first and a year heading whenever the year changes.
export function groupByYear(events: ReadonlyArray<TimelineEvent>): Array<{ year: string; events: Array<TimelineEvent> }> {
	const groups: Array<{ year: string; events: Array<TimelineEvent> }> = []
	for (const event of events) {
		const year = event.at.slice(0, 4)
		const last = groups.at(-1)
		if (last && last.year === year) last.events.push(event)
		else groups.push({ year, events: [event] })
	}
	return groups
}
