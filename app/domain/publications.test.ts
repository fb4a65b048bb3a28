import { describe, expect, test } from 'vitest'
import { roles } from './roles'
import { inspectionReportPublishable, mayManagePublications, publishVerdict, resultPublishable, withdrawVerdict } from './publications'

describe('publishing', () => {
	test('only the office decides', () => {
		expect(roles.filter((role) => mayManagePublications({ role }))).toEqual(['secretariat'])
		for (const role of roles.filter((r) => r !== 'secretariat')) {
			expect(publishVerdict({ role }, { ready: true, alreadyPublic: false })).toMatchObject({ ok: false, refusal: { kind: 'forbidden' } })
		}
	})
	test('the subject must be ready and not public already, in that order', () => {
		const office = { role: 'secretariat' as const }
		expect(publishVerdict(office, { ready: true, alreadyPublic: false })).toEqual({ ok: true })
		expect(publishVerdict(office, { ready: false, alreadyPublic: true })).toMatchObject({ refusal: { code: 'publications.notReady' } })
		expect(publishVerdict(office, { ready: true, alreadyPublic: true })).toMatchObject({ refusal: { code: 'publications.alreadyPublic' } })
	})
	test('an inspection report is ready once the opinion letter is sent and it has an evaluation or problems', () => {
		const parts = { evaluation: '总体评价', problems: '' }
		expect(inspectionReportPublishable({ letterSent: true, parts })).toBe(true)
		expect(inspectionReportPublishable({ letterSent: false, parts })).toBe(false)
		expect(inspectionReportPublishable({ letterSent: true, parts: { evaluation: ' \n', problems: '' } })).toBe(false)
		expect(inspectionReportPublishable({ letterSent: true, parts: { evaluation: '', problems: '问题' } })).toBe(true)
	})
	test('a result is ready once the opinion letter is sent, not when the vote closes', () => {
		expect(resultPublishable({ state: 'vote_closed' })).toBe(false)
		expect(resultPublishable({ state: 'open' })).toBe(false)
		for (const state of ['letter_sent', 'handling_submitted', 'closed'] as const) expect(resultPublishable({ state })).toBe(true)
	})
})

describe('withdrawing', () => {
	const office = { role: 'secretariat' as const }
	test('needs a reason, once', () => {
		expect(withdrawVerdict(office, { withdrawnOn: null }, '更正')).toEqual({ ok: true })
		expect(withdrawVerdict(office, { withdrawnOn: null }, '  ')).toMatchObject({ refusal: { code: 'publications.reasonRequired', status: 400 } })
		expect(withdrawVerdict(office, { withdrawnOn: '2026-01-01' }, '更正')).toMatchObject({ refusal: { code: 'publications.alreadyWithdrawn' } })
		expect(withdrawVerdict({ role: 'member' }, { withdrawnOn: null }, '更正')).toMatchObject({ refusal: { kind: 'forbidden' } })
	})
})
