import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { Field, Notice, SubmitButton } from '~/components/forms'
import { seenKey, settingDefaults, settingDefinitions, type SettingDefinition, type SettingGroup, type Settings } from '~/domain/settings'
import { attempt, formReply } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { loadSettings, saveSettings } from '~/models/settings.server'
import { settingsSchema } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '系统参数 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'settings:edit')
	const settings = await loadSettings(getDb())
	return { settings, seen: seenKey(settings) }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'settings:edit')
	const t = messagesFor(args.request)
	const db = getDb()
	const submission = parseWithZod(await readForm(args.request), { schema: settingsSchema(t) })
	if (submission.status !== 'success') return formReply(submission)
	const values = Object.fromEntries(settingDefinitions.map((d) => [d.key, submission.value[d.key]])) as Settings
	const outcome = await attempt(t, () => saveSettings(db, user, { seen: submission.value.seen, values }))
	if (!outcome.ok) return formReply(submission, outcome.status, [outcome.message])
	return { result: submission.reply(), saved: outcome.value }
}

function groupsInOrder() {
	const groups = new Map<SettingGroup, Array<SettingDefinition>>()
	for (const definition of settingDefinitions) {
		groups.set(definition.group, [...(groups.get(definition.group) ?? []), definition])
	}
	return [...groups]
}

function withUnit(t: Messages, value: number, unit: SettingDefinition['unit']) {
	if (unit === 'percent') return `${value}%`
	const label = t.adminSettings.units[unit]
	return label ? `${value} ${label}` : String(value)
}

export default function SettingsPage() {
	const { settings, seen } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const saved = actionData && 'saved' in actionData ? actionData.saved : null
	const t = useT()
	const schema = settingsSchema(t)
	const [form, fields] = useForm({
		id: 'settings',
		lastResult: actionData?.result,
		defaultValue: Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/admin">{t.admin.title}</Link>
			</p>
			<div className="page-head">
				<h1>{t.adminSettings.title}</h1>
			</div>
			<p className="muted">{t.adminSettings.intro}</p>
			{saved !== null ? <Notice kind="ok">{saved > 0 ? fill(t.adminSettings.saved, { count: saved }) : t.adminSettings.unchanged}</Notice> : null}
			{form.errors?.length ? <Notice kind="error">{form.errors.join(' ')}</Notice> : null}
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				{/* The loader's values, not conform's: see admin.users.$userId/forms.tsx. */}
				<input type="hidden" name="seen" value={seen} />
				{groupsInOrder().map(([group, definitions]) => (
					<fieldset key={group} className="settings-group">
						<legend>{t.adminSettings.groups[group]}</legend>
						{definitions.map((definition) => {
							const field = fields[definition.key]
							const item = t.adminSettings.items[definition.key]
							const unit = t.adminSettings.units[definition.unit]
							const changed = settings[definition.key] !== settingDefaults[definition.key]
							return (
								<Field
									key={definition.key}
									label={
										<>
											{item.label}
											{changed ? <span className="badge"> {t.adminSettings.changed}</span> : null}
										</>
									} field={field}
									hint={
										<>
											{item.help}
											<br />
											{fill(t.adminSettings.range, { min: definition.min, max: withUnit(t, definition.max, definition.unit) })}
											{' · '}
											{fill(t.adminSettings.defaultValue, { value: withUnit(t, settingDefaults[definition.key], definition.unit) })}
										</>
									}
								>
									<span className="input-with-unit">
										<input {...getInputProps(field, { type: 'number' })} min={definition.min} max={definition.max} step={1} inputMode="numeric" />
										{unit ? <span>{unit}</span> : null}
									</span>
								</Field>
							)
						})}
					</fieldset>
				))}
				<div>
					<SubmitButton>{t.common.save}</SubmitButton>
				</div>
			</Form>
		</>
	)
}
