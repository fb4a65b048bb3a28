import { z } from 'zod'
import { settingDefinitions, validateSetting, type SettingKey, type Settings } from '~/domain/settings'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

// One number field per setting, each checked by the domain's validateSetting, plus `seen`:
// the values the form was loaded with (settings are saved together, so the whole set is the
// version a save is checked against).
export function settingsSchema(t: Messages) {
	const fields = Object.fromEntries(
		settingDefinitions.map((definition) => [
			definition.key,
			z
				.number({ error: (issue) => (issue.input === undefined ? t.common.required : t.adminSettings.integer) })
				.superRefine((value, ctx) => {
					const problem = validateSetting(definition.key, value)
					if (problem === 'range') {
						ctx.addIssue({ code: 'custom', message: fill(t.adminSettings.rangeError, { min: definition.min, max: definition.max }) })
					} else if (problem) {
						ctx.addIssue({ code: 'custom', message: t.adminSettings.integer })
					}
				}),
		]),
	) as Record<SettingKey, z.ZodNumber>
	return z.object({ ...fields, seen: z.string().default('') })
}

export function seenKey(settings: Settings): string {
	return settingDefinitions.map((definition) => settings[definition.key]).join(',')
}
