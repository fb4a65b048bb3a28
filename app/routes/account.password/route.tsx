import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requireUser } from '~/auth/guards.server'
import { Field, Notice, SubmitButton } from '~/components/forms'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt } from '~/http/outcomes.server'
import { messagesFor, useT } from '~/i18n/i18n'
import { changeOwnPassword } from '~/models/users/mutations.server'
import { loadSettings } from '~/models/settings.server'
import { changePasswordSchema } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '修改密码 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requireUser(args, { allowPendingPasswordChange: true })
	return { username: user.username, mustChange: user.mustChangePassword }
}

const hidden = ['currentPassword', 'newPassword', 'repeatPassword']

export async function action(args: ActionFunctionArgs) {
	const user = await requireUser(args, { allowPendingPasswordChange: true })
	const t = messagesFor(args.request)
	const db = getDb()
	const submission = parseWithZod(await readForm(args.request), { schema: changePasswordSchema(t, user.username) })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: hidden }), changed: false }, { status: 400 })
	}
	const { currentPassword, newPassword } = submission.value
	const settings = await loadSettings(db)
	const outcome = await attempt(t, () => changeOwnPassword(db, user, { currentPassword, newPassword, keepSessionId: user.sessionId }, settings))
	if (!outcome.ok) {
		const result = refusedResult(submission, outcome, { 'account.wrongCurrent': 'currentPassword', 'account.blocked': 'currentPassword' }, hidden)
		return data({ result, changed: false }, { status: outcome.status })
	}
	return { result: submission.reply({ resetForm: true }), changed: true }
}

export default function ChangePasswordPage() {
	const { mustChange } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'change-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(changePasswordSchema(t, '')),
		shouldRevalidate: 'onInput',
	})
	return (
		<div className="card" style={{ maxWidth: 560 }}>
			<h1>{t.account.title}</h1>
			{actionData?.changed ? <Notice kind="ok">{t.account.changed}</Notice> : null}
			{mustChange && !actionData?.changed ? <Notice kind="info">{t.account.mustChange}</Notice> : null}
			<Form method="post" className="form" {...getFormProps(form)}>
				<Field label={t.account.current} field={fields.currentPassword}>
					<input {...getInputProps(fields.currentPassword, { type: 'password' })} autoComplete="current-password" />
				</Field>
				<Field label={t.account.next} field={fields.newPassword} hint={t.account.tooShort}>
					<input {...getInputProps(fields.newPassword, { type: 'password' })} autoComplete="new-password" />
				</Field>
				<Field label={t.account.repeat} field={fields.repeatPassword}>
					<input {...getInputProps(fields.repeatPassword, { type: 'password' })} autoComplete="new-password" />
				</Field>
				<div>
					<SubmitButton>{t.common.save}</SubmitButton>
				</div>
			</Form>
		</div>
	)
}
