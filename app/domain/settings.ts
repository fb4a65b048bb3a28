import { allowed, broken, type Verdict } from './refusal'

// Every default the design names, in one place. Admins change them on /admin/settings; only
// changed values are stored. Rules read them through `Settings`, never from constants.

export type SettingDefinition = {
	key: SettingKey
	group: SettingGroup
	min: number
	max: number
	unit: 'minutes' | 'hours' | 'days' | 'months' | 'count' | 'percent'
}

export const settingDefaults = {
	// Accounts and sessions
	sessionIdleMinutes: 30,
	sessionAbsoluteHours: 12,
	loginWindowMinutes: 15,
	loginAccountMaxFailures: 5,
	loginAccountLockMinutes: 15,
	loginAddressMaxFailures: 20,
	// Special work reports and deliberation (Supervision Law Art. 15, 17, 37)
	reportDraftDaysBefore: 20,
	reportRevisedDaysBefore: 10,
	reportDistributeDaysBefore: 7,
	handlingReportDueDays: 60,
	// Satisfaction vote: a result needs more than this share of the votes cast.
	satisfactionThresholdPercent: 50,
	// Inquiries (Art. 46–50): the agency reports its handling of a 专题询问's opinions.
	inquiryHandlingDueDays: 60,
	// Interpellation (Art. 51): 10 national, 5 province / 设区的市, 3 county.
	interpellationMinSigners: 5,
	// Deputies Law Art. 51 and local practice.
	concernAnswerMonths: 3,
	concernAnswerDifficultMonths: 6,
	concernReturnDays: 10,
	concernRehandleMonths: 1,
	// Law-enforcement inspections: a finding's rectification is due this many days after it is
	// recorded, by default; the secretariat verifies an agency's response within this many days
	// of it (the agency's own clock stops when it has answered).
	rectificationDueDays: 90,
	rectificationVerifyDays: 30,
	// Cards and ranking over the oversight record.
	yellowCardOverdueDays: 30,
	redCardOverdueItems: 3,
	redCardOverdueDays: 90,
	redCardConsecutiveUnsatisfied: 2,
	// The ranking notice: 100 points less these per overdue item (and per full 30 days of its
	// delay), per 不满意 result, and per inspection finding left unrectified past its due date.
	rankOverduePoints: 2,
	rankOverdueMonthPoints: 1,
	rankUnsatisfiedPoints: 5,
	// …and per answer to a deputy's concern the deputy rated 不满意.
	rankConcernUnsatisfiedPoints: 2,
	rankFindingOverduePoints: 1,
	// To-do list horizon.
	todoHorizonDays: 14,
} as const

export type SettingKey = keyof typeof settingDefaults
export type Settings = { [K in SettingKey]: number }
export type SettingGroup = 'accounts' | 'reports' | 'inquiries' | 'concerns' | 'inspections' | 'cards' | 'general'

export const settingDefinitions: Array<SettingDefinition> = [
	{ key: 'sessionIdleMinutes', group: 'accounts', min: 5, max: 480, unit: 'minutes' },
	{ key: 'sessionAbsoluteHours', group: 'accounts', min: 1, max: 72, unit: 'hours' },
	{ key: 'loginWindowMinutes', group: 'accounts', min: 1, max: 1440, unit: 'minutes' },
	{ key: 'loginAccountMaxFailures', group: 'accounts', min: 3, max: 50, unit: 'count' },
	{ key: 'loginAccountLockMinutes', group: 'accounts', min: 1, max: 1440, unit: 'minutes' },
	{ key: 'loginAddressMaxFailures', group: 'accounts', min: 5, max: 500, unit: 'count' },
	{ key: 'reportDraftDaysBefore', group: 'reports', min: 1, max: 90, unit: 'days' },
	{ key: 'reportRevisedDaysBefore', group: 'reports', min: 1, max: 90, unit: 'days' },
	{ key: 'reportDistributeDaysBefore', group: 'reports', min: 1, max: 90, unit: 'days' },
	{ key: 'handlingReportDueDays', group: 'reports', min: 1, max: 365, unit: 'days' },
	{ key: 'satisfactionThresholdPercent', group: 'reports', min: 50, max: 90, unit: 'percent' },
	{ key: 'inquiryHandlingDueDays', group: 'inquiries', min: 1, max: 365, unit: 'days' },
	{ key: 'interpellationMinSigners', group: 'inquiries', min: 3, max: 10, unit: 'count' },
	{ key: 'concernAnswerMonths', group: 'concerns', min: 1, max: 12, unit: 'months' },
	{ key: 'concernAnswerDifficultMonths', group: 'concerns', min: 1, max: 12, unit: 'months' },
	{ key: 'concernReturnDays', group: 'concerns', min: 1, max: 60, unit: 'days' },
	{ key: 'concernRehandleMonths', group: 'concerns', min: 1, max: 12, unit: 'months' },
	{ key: 'rectificationDueDays', group: 'inspections', min: 1, max: 730, unit: 'days' },
	{ key: 'rectificationVerifyDays', group: 'inspections', min: 1, max: 365, unit: 'days' },
	{ key: 'yellowCardOverdueDays', group: 'cards', min: 1, max: 365, unit: 'days' },
	{ key: 'redCardOverdueItems', group: 'cards', min: 1, max: 50, unit: 'count' },
	{ key: 'redCardOverdueDays', group: 'cards', min: 1, max: 730, unit: 'days' },
	{ key: 'redCardConsecutiveUnsatisfied', group: 'cards', min: 1, max: 10, unit: 'count' },
	{ key: 'rankOverduePoints', group: 'cards', min: 0, max: 50, unit: 'count' },
	{ key: 'rankOverdueMonthPoints', group: 'cards', min: 0, max: 50, unit: 'count' },
	{ key: 'rankUnsatisfiedPoints', group: 'cards', min: 0, max: 50, unit: 'count' },
	{ key: 'rankConcernUnsatisfiedPoints', group: 'cards', min: 0, max: 50, unit: 'count' },
	{ key: 'rankFindingOverduePoints', group: 'cards', min: 0, max: 50, unit: 'count' },
	{ key: 'todoHorizonDays', group: 'general', min: 1, max: 90, unit: 'days' },
]

export function isSettingKey(key: string): key is SettingKey {
	return Object.hasOwn(settingDefaults, key)
}

// Stored values override defaults; a stored value that is no longer valid (a key renamed, a
// range narrowed) falls back to the default rather than breaking a rule.
export function resolveSettings(stored: ReadonlyArray<{ key: string; value: unknown }>): Settings {
	const result: Settings = { ...settingDefaults }
	for (const { key, value } of stored) {
		if (!isSettingKey(key)) continue
		const definition = settingDefinitions.find((d) => d.key === key)
		if (typeof value !== 'number' || !Number.isInteger(value) || !definition) continue
		if (value < definition.min || value > definition.max) continue
		result[key] = value
	}
	return result
}

export function validateSetting(key: SettingKey, value: number): string | null {
	const definition = settingDefinitions.find((d) => d.key === key)
	if (!definition) return 'unknown'
	if (!Number.isInteger(value)) return 'integer'
	if (value < definition.min || value > definition.max) return 'range'
	return null
}

// ── Settings that must hold together ────────────────────────────────────────────────────────

// Art. 15: the draft for comments comes first (20 days before the meeting), the revised,
// signed-off report after it (10 days before), and it is distributed once revised (7 days
// before), at the earliest the day it is due. So the draft is strictly more days before the
// meeting than the revision, and the revision at least as many as the distribution.
export type SettingsProblem =
	| { key: 'reportRevisedDaysBefore'; rule: 'revisedNotAfterDraft'; params: { draft: number } }
	| { key: 'reportDistributeDaysBefore'; rule: 'distributionBeforeRevised'; params: { revised: number } }

export function settingsProblems(values: Pick<Settings, 'reportDraftDaysBefore' | 'reportRevisedDaysBefore' | 'reportDistributeDaysBefore'>): Array<SettingsProblem> {
	const problems: Array<SettingsProblem> = []
	if (values.reportDraftDaysBefore <= values.reportRevisedDaysBefore) {
		problems.push({ key: 'reportRevisedDaysBefore', rule: 'revisedNotAfterDraft', params: { draft: values.reportDraftDaysBefore } })
	}
	if (values.reportRevisedDaysBefore < values.reportDistributeDaysBefore) {
		problems.push({ key: 'reportDistributeDaysBefore', rule: 'distributionBeforeRevised', params: { revised: values.reportRevisedDaysBefore } })
	}
	return problems
}

export function settingsVerdict(values: Settings): Verdict {
	const [problem] = settingsProblems(values)
	return problem ? broken(`adminSettings.${problem.rule}`, problem.params, 400) : allowed
}

// Settings are saved together, so the whole set is the version a save is checked against: the
// values the form was loaded with.
export function seenKey(settings: Settings): string {
	return settingDefinitions.map((definition) => settings[definition.key]).join(',')
}
