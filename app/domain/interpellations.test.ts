import { expect, test } from 'vitest'
import { countSigners, isInterpellationTarget, mayRequestReanswer, maySign, maySubmit, type Signature } from './interpellations'

const settings = { interpellationMinSigners: 5 }
const draft = { state: 'draft' as const, targetKind: 'department', targetLevel: '市' }
const signed = (n: number, withdrawn: Array<number> = []): Array<Signature> =>
	Array.from({ length: n }, (_, i) => ({ memberId: i + 1, withdrawn: withdrawn.includes(i + 1) }))

test('Art. 51: four signers are refused, five accepted', () => {
	expect(maySubmit(draft, signed(4), settings)).toMatchObject({ ok: false, refusal: { code: 'interpellations.signers', params: { signers: 4, needed: 5 } } })
	expect(maySubmit(draft, signed(5), settings)).toEqual({ ok: true })
})

test('a withdrawn signature stops counting, and a member counts once', () => {
	expect(countSigners(signed(5, [3]))).toBe(4)
	expect(maySubmit(draft, signed(5, [3]), settings).ok).toBe(false)
	expect(countSigners([...signed(4), { memberId: 1, withdrawn: false }])).toBe(4)
})

test('the threshold is a setting: 3 for a county, 10 nationally', () => {
	expect(maySubmit(draft, signed(3), { interpellationMinSigners: 3 }).ok).toBe(true)
	expect(maySubmit(draft, signed(9), { interpellationMinSigners: 10 }).ok).toBe(false)
})

test('the target: the government of the same level and its departments, the commission, the court, the procuratorate', () => {
	for (const kind of ['government', 'department', 'supervisory_commission', 'court', 'procuratorate']) {
		expect(isInterpellationTarget({ kind, level: '市' })).toBe(true)
	}
	// A vertically managed unit (a regulator's branch, the communications administration), a
	// party body, another level's organs: never.
	for (const kind of ['vertical', 'party_body', 'congress', 'other']) expect(isInterpellationTarget({ kind, level: '市' })).toBe(false)
	expect(isInterpellationTarget({ kind: 'government', level: '区' })).toBe(false)
	expect(maySubmit({ ...draft, targetKind: 'vertical' }, signed(6), settings)).toMatchObject({ ok: false, refusal: { code: 'interpellations.target' } })
})

test('only members sign, and only while the draft is open', () => {
	expect(maySign({ role: 'member' }, 'draft').ok).toBe(true)
	expect(maySign({ role: 'member' }, 'submitted')).toMatchObject({ ok: false, refusal: { code: 'interpellations.signingClosed' } })
	for (const role of ['secretariat', 'deputy', 'agency', 'admin'] as const) expect(maySign({ role }, 'draft')).toEqual({ ok: false, refusal: { kind: 'forbidden' } })
})

test('Art. 53: a re-answer needs more than half of ALL signers unsatisfied — exactly half is not enough', () => {
	expect(mayRequestReanswer({ satisfied: 3, unsatisfied: 3, signers: 6 })).toBe(false)
	expect(mayRequestReanswer({ satisfied: 2, unsatisfied: 4, signers: 6 })).toBe(true)
	// Those who gave no verdict still count among the signers.
	expect(mayRequestReanswer({ satisfied: 0, unsatisfied: 3, signers: 7 })).toBe(false)
	expect(mayRequestReanswer({ satisfied: 0, unsatisfied: 4, signers: 7 })).toBe(true)
})
