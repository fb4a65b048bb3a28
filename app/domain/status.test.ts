import { expect, test } from 'vitest'
import { deriveTaskStatus, noEvidence } from './status'

test('a task without evidence has not started', () => {
	expect(deriveTaskStatus(noEvidence).status).toBe('not_started')
})

test('an overdue item makes a task lag whatever its assessments say', () => {
	const result = deriveTaskStatus({ assessments: [{ on: '2026-11-01', status: 'done', source: 'secretariat' }], overdueItems: 1 })
	expect(result.status).toBe('lagging')
})

test("the secretariat's latest assessment outranks a newer self-assessment", () => {
	const result = deriveTaskStatus({
		assessments: [
			{ on: '2026-10-01', status: 'in_progress', source: 'secretariat' },
			{ on: '2026-09-01', status: 'done', source: 'secretariat' },
			{ on: '2026-11-01', status: 'done', source: 'report' },
		],
		overdueItems: 0,
	})
	expect(result).toEqual({ status: 'in_progress', reason: '常委会工作机构 2026-10-01 评估' })
})
