import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import { Notice } from '~/components/forms'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { listActiveAgencyOptions } from '~/models/agencies/queries.server'
import { generateTemporaryPassword, resetPassword, setDisabled, updateProfile } from '~/models/users/mutations.server'
import { isStaleRecord } from '~/models/write.server'
import { ProfileForm, ResetPasswordForm, StatusForm } from './forms'
import { countSessions, getManagedUser } from './queries.server'
import { resetPasswordSchema, statusSchema, updateUserSchema } from './schema'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.realName ?? ''} · 用户账号 · 监督追踪` }]

type ManagedUser = NonNullable<Awaited<ReturnType<typeof getManagedUser>>>

// Active agencies, plus the account's own agency if it has since been deactivated: keeping an
// account's agency is not choosing an inactive one.
async function agencyChoices(user: ManagedUser) {
	const active = await listActiveAgencyOptions(getDb())
	if (user.agencyId === null || active.some((a) => a.id === user.agencyId)) return active
	return [...active, { id: user.agencyId, name: user.agencyName ?? '', shortName: user.agencyName ?? '' }]
}

export async function loader(args: LoaderFunctionArgs) {
	const admin = await requirePermission(args, 'users:manage')
	const db = getDb()
	const user = await getManagedUser(db, parseId(args.params.userId))
	invariantFound(user)
	return {
		user,
		isSelf: user.id === admin.id,
		agencies: await agencyChoices(user),
		sessions: await countSessions(db, user.id),
	}
}

export async function action(args: ActionFunctionArgs) {
	const admin = await requirePermission(args, 'users:manage')
	const t = messagesFor(args.request)
	const user = await getManagedUser(getDb(), parseId(args.params.userId))
	invariantFound(user)
	const formData = await args.request.formData()
	const intent = formData.get('intent')
	if (intent === 'update') return update(admin, user, formData, t)
	if (intent === 'disable' || intent === 'enable') return changeStatus(admin, user, formData, t)
	if (intent === 'resetPassword') return reset(admin, user, formData, t)
	throw data({ message: 'Unknown intent' }, { status: 400 })
}

async function update(admin: CurrentUser, user: ManagedUser, formData: FormData, t: Messages) {
	const agencyIds = (await agencyChoices(user)).map((a) => a.id)
	const schema = updateUserSchema(t, agencyIds).superRefine((value, ctx) => {
		// An admin demoting themself could leave nobody able to administer the system.
		if (user.id === admin.id && value.role !== user.role) {
			ctx.addIssue({ code: 'custom', path: ['role'], message: t.adminUsers.refusals.ownRole })
		}
	})
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') {
		return data({ intent: 'update' as const, result: submission.reply(), notice: null, password: null }, { status: 400 })
	}
	const { version, role, agencyId, realName, position, phone } = submission.value
	try {
		await updateProfile(getDb(), admin, user.id, version, {
			realName,
			position: position ?? '',
			phone: phone ?? '',
			role,
			agencyId: role === 'agency' ? (agencyId ?? null) : null,
		})
	} catch (error) {
		if (!isStaleRecord(error)) throw error
		return data({ intent: 'update' as const, result: submission.reply({ formErrors: [t.common.stale] }), notice: null, password: null }, { status: 409 })
	}
	return { intent: 'update' as const, result: submission.reply(), notice: t.adminUsers.saved, password: null }
}

async function changeStatus(admin: CurrentUser, user: ManagedUser, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, {
		schema: statusSchema.superRefine((value, ctx) => {
			if (value.intent === 'disable' && user.id === admin.id) ctx.addIssue({ code: 'custom', message: t.adminUsers.refusals.disableSelf })
		}),
	})
	if (submission.status !== 'success') {
		return data({ intent: 'status' as const, result: submission.reply(), notice: null, password: null }, { status: 400 })
	}
	const disabled = submission.value.intent === 'disable'
	try {
		await setDisabled(getDb(), admin, user.id, submission.value.version, disabled)
	} catch (error) {
		if (!isStaleRecord(error)) throw error
		return data({ intent: 'status' as const, result: submission.reply({ formErrors: [t.common.stale] }), notice: null, password: null }, { status: 409 })
	}
	const notice = disabled ? t.adminUsers.disabledNotice : t.adminUsers.enabledNotice
	return { intent: 'status' as const, result: submission.reply(), notice, password: null }
}

async function reset(admin: CurrentUser, user: ManagedUser, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, {
		schema: resetPasswordSchema(t, user.username).superRefine((_value, ctx) => {
			if (user.id === admin.id) ctx.addIssue({ code: 'custom', message: t.adminUsers.refusals.resetSelf })
		}),
	})
	if (submission.status !== 'success') {
		return data({ intent: 'resetPassword' as const, result: submission.reply({ hideFields: ['password'] }), notice: null, password: null }, { status: 400 })
	}
	const typed = submission.value.password
	const password = typed ?? generateTemporaryPassword()
	try {
		await resetPassword(getDb(), admin, user.id, submission.value.version, password)
	} catch (error) {
		if (!isStaleRecord(error)) throw error
		return data({ intent: 'resetPassword' as const, result: submission.reply({ formErrors: [t.common.stale], hideFields: ['password'] }), notice: null, password: null }, { status: 409 })
	}
	// A generated password is shown this once; it is stored nowhere in clear.
	return { intent: 'resetPassword' as const, result: submission.reply({ resetForm: true }), notice: t.adminUsers.resetDone, password: typed ? null : password }
}

export default function UserPage() {
	const { user, isSelf, agencies, sessions } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const resultFor = (intent: 'update' | 'status' | 'resetPassword') => (actionData?.intent === intent ? actionData.result : undefined)
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/admin">{t.admin.title}</Link> › <Link to="/admin/users">{t.adminUsers.title}</Link>
			</p>
			<div className="page-head">
				<h1>
					{fill(t.adminUsers.editTitle, { name: user.realName })}
					{isSelf ? <small className="muted"> {t.adminUsers.you}</small> : null}
				</h1>
				<span className="toolbar">
					<code>{user.username}</code>
					{user.disabled ? <span className="badge badge--off">{t.adminUsers.disabled}</span> : <span className="badge">{t.adminUsers.active}</span>}
					{user.mustChangePassword ? <span className="badge">{t.adminUsers.mustChange}</span> : null}
				</span>
			</div>
			{actionData?.notice ? (
				<Notice kind="ok">
					<p>{actionData.notice}</p>
					{actionData.password ? (
						<p>
							{t.adminUsers.generatedOnce} <code className="secret">{actionData.password}</code>
							<br />
							{t.adminUsers.generatedOnceHint}
						</p>
					) : null}
				</Notice>
			) : null}
			<ProfileForm user={user} agencies={agencies} isSelf={isSelf} lastResult={resultFor('update')} />
			<div className="grid-2">
				<StatusForm user={user} isSelf={isSelf} sessions={sessions} lastResult={resultFor('status')} />
				<ResetPasswordForm user={user} isSelf={isSelf} lastResult={resultFor('resetPassword')} />
			</div>
			<p>
				<Link to={`/audit?entityType=user&entityId=${user.id}`}>{t.adminUsers.history}</Link>
			</p>
		</>
	)
}
