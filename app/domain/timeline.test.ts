import { expect, test } from 'vitest'
import { groupByYear, mergeTimeline, type TimelineEvent } from './timeline'

function event(at: string, kind: string, title: string, step?: number): TimelineEvent {
	return { at, kind, title, href: `/x/${title}`, step }
}

test('events of several records merge into one list, newest first', () => {
	const reportA = [event('2025-03-01', 'report.scheduled', '甲', 1), event('2025-05-10', 'report.draft_submitted', '甲', 2)]
	const reportB = [event('2025-04-02', 'report.scheduled', '乙', 1), event('2026-01-15', 'deliberation.letter_sent', '乙', 7)]
	expect(mergeTimeline(reportA, reportB).map((e) => `${e.at} ${e.title}`)).toEqual([
		'2026-01-15 乙',
		'2025-05-10 甲',
		'2025-04-02 乙',
		'2025-03-01 甲',
	])
})

test('on one day the later step of a record comes first', () => {
	const sameDay = [event('2025-06-01', 'report.revised_submitted', '甲', 3), event('2025-06-01', 'report.distributed', '甲', 4)]
	expect(mergeTimeline(sameDay).map((e) => e.kind)).toEqual(['report.distributed', 'report.revised_submitted'])
})

test('events group under their year, in the order given', () => {
	const merged = mergeTimeline([event('2025-12-30', 'a', '甲'), event('2026-01-02', 'b', '乙'), event('2025-01-02', 'c', '丙')])
	expect(groupByYear(merged).map((g) => [g.year, g.events.map((e) => e.title)])).toEqual([
		['2026', ['乙']],
		['2025', ['甲', '丙']],
	])
})
