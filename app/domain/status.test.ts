import { expect, test } from 'vitest'
import { deriveTaskStatus, noEvidence, rollUp, type StatusEvidence } from './status'

const today = '2026-12-05'
const evidence = (over: Partial<StatusEvidence>): StatusEvidence => ({ ...noEvidence, ...over })

test('a task without evidence has not started', () => {
	expect(deriveTaskStatus(noEvidence, today)).toMatchObject({ status: 'not_started', step: 'none' })
})

test('an overdue item makes a task lag whatever its assessments say', () => {
	const result = deriveTaskStatus(evidence({ secretariat: { on: '2026-11-01', status: 'done' }, overdueItems: 1 }), today)
	expect(result).toMatchObject({ status: 'lagging', step: 'overdue' })
})

test('a 完成时限 is met on its own day and missed the day after, unless the secretariat assessed 已落实', () => {
	expect(deriveTaskStatus(evidence({ deadline: today }), today).status).toBe('not_started')
	expect(deriveTaskStatus(evidence({ deadline: '2026-12-04' }), today)).toMatchObject({ status: 'lagging', deadlineMissed: true })
	expect(deriveTaskStatus(evidence({ deadline: '2026-12-04', secretariat: { on: '2026-12-01', status: 'done' } }), today).status).toBe('done')
	// A report's self-assessment does not lift a missed deadline.
	expect(deriveTaskStatus(evidence({ deadline: '2026-12-04', report: { on: '2026-12-01', status: 'done' } }), today).status).toBe('lagging')
	// 长期 is never overdue.
	expect(deriveTaskStatus(evidence({ deadline: null }), today).status).toBe('not_started')
})

test('the newer assessment decides; on the same day the secretariat wins', () => {
	const secretariat = { on: '2026-10-01', status: 'in_progress' } as const
	expect(deriveTaskStatus(evidence({ secretariat, report: { on: '2026-10-02', status: 'largely_done' } }), today)).toMatchObject({
		status: 'largely_done',
		step: 'report',
	})
	expect(deriveTaskStatus(evidence({ secretariat, report: { on: '2026-10-01', status: 'largely_done' } }), today)).toMatchObject({
		status: 'in_progress',
		step: 'secretariat',
	})
	expect(deriveTaskStatus(evidence({ secretariat, report: { on: '2026-09-30', status: 'done' } }), today).step).toBe('secretariat')
})

test('evidence without an assessment means 推进中', () => {
	expect(deriveTaskStatus(evidence({ evidenceItems: 1 }), today)).toMatchObject({ status: 'in_progress', step: 'evidence' })
})

test('an open finding or commitment caps 已落实 at 基本落实, and only that', () => {
	const done = { on: '2026-10-01', status: 'done' } as const
	expect(deriveTaskStatus(evidence({ secretariat: done, openCaps: 1 }), today)).toMatchObject({ status: 'largely_done', capped: true })
	expect(deriveTaskStatus(evidence({ secretariat: done, openCaps: 0 }), today)).toMatchObject({ status: 'done', capped: false })
	const under = { on: '2026-10-01', status: 'in_progress' } as const
	expect(deriveTaskStatus(evidence({ secretariat: under, openCaps: 2 }), today)).toMatchObject({ status: 'in_progress', capped: false })
})

test('roll-up: lagging wins, done only if all, largely done if all at least, not started if all', () => {
	expect(rollUp([]).status).toBe('not_started')
	expect(rollUp(['done', 'done']).status).toBe('done')
	expect(rollUp(['done', 'largely_done']).status).toBe('largely_done')
	expect(rollUp(['done', 'lagging', 'done']).status).toBe('lagging')
	expect(rollUp(['not_started', 'not_started']).status).toBe('not_started')
	expect(rollUp(['not_started', 'done']).status).toBe('in_progress')
	expect(rollUp(['in_progress', 'done']).counts).toEqual({ not_started: 0, in_progress: 1, largely_done: 0, done: 1, lagging: 0 })
	expect(rollUp(['in_progress', 'done']).total).toBe(2)
})
