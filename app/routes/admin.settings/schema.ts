import { z } from 'zod'
import { settingDefinitions, settingsProblems, validateSetting, type SettingKey } from '~/domain/settings'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

// One number field per setting, each checked by the domain's validateSetting, the settings that
// must hold together by settingsProblems (the message next to the field out of order), plus
// `seen`: the values the form was loaded with (seenKey).
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
	return z.object({ ...fields, seen: z.string().default('') }).superRefine((value, ctx) => {
		// Each in range first: an order is judged between valid values only.
		if (settingDefinitions.some((d) => validateSetting(d.key, value[d.key]) !== null)) return
		for (const problem of settingsProblems(value)) {
			ctx.addIssue({ code: 'custom', path: [problem.key], message: fill(t.adminSettings.refusals[problem.rule], problem.params) })
		}
	})
}
