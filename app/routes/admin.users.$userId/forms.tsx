import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import type { AccountPolicy } from '~/domain/accounts'
import type { Role } from '~/domain/roles'
import { Notice, SubmitButton } from '~/components/forms'
import { useSchemaForm } from '~/components/schema-form'
import { fill, useT } from '~/i18n/i18n'
import { TemporaryPasswordField, UserProfileFields } from '../admin.users._index/user-fields'
import { resetPasswordSchema, updateUserSchema } from './schema'

type User = {
	id: number
	username: string
	realName: string
	position: string
	phone: string
	role: Role
	agencyId: number | null
	disabled: boolean
	version: number
}

type LastResult = SubmissionResult<Array<string>> | undefined

// The version travels as a plain hidden input with the value the loader just read, not
// through conform: after a refused stale edit the form keeps the user's input, and a second
// submission, made knowingly, carries the current version.
function VersionInput({ version }: { version: number }) {
	return <input type="hidden" name="version" value={version} />
}

function FormErrors({ errors }: { errors: Array<string> | undefined }) {
	return errors?.length ? <Notice kind="error">{errors.join(' ')}</Notice> : null
}

export function ProfileForm({
	user,
	agencies,
	policy,
	lastResult,
}: {
	user: User
	agencies: Array<{ id: number; name: string }>
	policy: AccountPolicy
	lastResult: LastResult
}) {
	const t = useT()
	const schema = updateUserSchema(t, agencies.map((a) => a.id))
	const [form, fields] = useSchemaForm(schema, {
		id: `user-${user.id}-profile`,
		lastResult,
		defaultValue: {
			realName: user.realName,
			position: user.position,
			phone: user.phone,
			role: user.role,
			agencyId: user.agencyId === null ? '' : String(user.agencyId),
		},
	})
	return (
		<section className="card">
			<h2>{t.adminUsers.profile}</h2>
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="update" />
				<VersionInput version={user.version} />
				<FormErrors errors={form.errors} />
				<div className="grid-2">
					<UserProfileFields fields={fields} agencies={agencies} isNew={false} roleHint={policy.changeRole ? undefined : t.adminUsers.refusals.ownRole} />
				</div>
				<div>
					<SubmitButton>
						{t.common.save}
					</SubmitButton>
				</div>
			</Form>
		</section>
	)
}

export function StatusForm({ user, policy, sessions, lastResult }: { user: User; policy: AccountPolicy; sessions: number; lastResult: LastResult }) {
	const t = useT()
	const [form] = useForm({ id: `user-${user.id}-status`, lastResult })
	const intent = user.disabled ? 'enable' : 'disable'
	return (
		<section className="card">
			<h2>{user.disabled ? t.adminUsers.enableTitle : t.adminUsers.disableTitle}</h2>
			<p className="muted small">{user.disabled ? t.adminUsers.enableHint : t.adminUsers.disableHint}</p>
			<p className="small">{fill(t.adminUsers.sessions, { count: sessions })}</p>
			<FormErrors errors={form.errors} />
			{!policy.disable && !user.disabled ? (
				<p className="muted">{t.adminUsers.refusals.disableSelf}</p>
			) : (
				<Form method="post" {...getFormProps(form)}>
					<input type="hidden" name="intent" value={intent} />
					<VersionInput version={user.version} />
					<SubmitButton className={user.disabled ? 'button' : 'button button--secondary'}>
						{user.disabled ? t.adminUsers.enable : t.adminUsers.disable}
					</SubmitButton>
				</Form>
			)}
		</section>
	)
}

export function ResetPasswordForm({ user, policy, lastResult }: { user: User; policy: AccountPolicy; lastResult: LastResult }) {
	const t = useT()
	const schema = resetPasswordSchema(t, user.username)
	const [form, fields] = useSchemaForm(schema, { id: `user-${user.id}-reset`, lastResult })
	return (
		<section className="card">
			<h2>{t.adminUsers.resetTitle}</h2>
			<p className="muted small">{t.adminUsers.resetHint}</p>
			{!policy.resetPassword ? (
				<p>
					<Link to="/account/password">{t.adminUsers.refusals.resetSelf}</Link>
				</p>
			) : (
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="resetPassword" />
					<VersionInput version={user.version} />
					<FormErrors errors={form.errors} />
					<TemporaryPasswordField field={fields.password} />
					<div>
						<SubmitButton className="button button--secondary">
							{t.adminUsers.reset}
						</SubmitButton>
					</div>
				</Form>
			)}
		</section>
	)
}
