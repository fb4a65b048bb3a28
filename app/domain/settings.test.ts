import { expect, test } from 'vitest'
import { settingDefaults, settingsProblems, settingsVerdict } from './settings'

test('Art. 15: the draft strictly before the revision, the revision no later than the distribution', () => {
	expect(settingsProblems(settingDefaults)).toEqual([])
	expect(settingsProblems({ reportDraftDaysBefore: 10, reportRevisedDaysBefore: 10, reportDistributeDaysBefore: 7 })).toEqual([
		{ key: 'reportRevisedDaysBefore', rule: 'revisedNotAfterDraft', params: { draft: 10 } },
	])
	expect(settingsProblems({ reportDraftDaysBefore: 20, reportRevisedDaysBefore: 7, reportDistributeDaysBefore: 7 })).toEqual([])
	expect(settingsProblems({ reportDraftDaysBefore: 20, reportRevisedDaysBefore: 6, reportDistributeDaysBefore: 7 })).toEqual([
		{ key: 'reportDistributeDaysBefore', rule: 'distributionBeforeRevised', params: { revised: 6 } },
	])
	expect(settingsVerdict({ ...settingDefaults, reportRevisedDaysBefore: 25 })).toMatchObject({
		ok: false,
		refusal: { kind: 'rule', code: 'adminSettings.revisedNotAfterDraft', status: 400 },
	})
})
