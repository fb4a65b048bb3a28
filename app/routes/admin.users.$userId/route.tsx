import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import type { z } from 'zod'
import { Notice, SubmitButton } from '~/components/forms'
import { shanghaiClock } from '~/domain/dates'
import { accountPolicy, mayChangeRole, mayDisable, mayResetPassword } from '~/domain/accounts'
import type { Verdict } from '~/domain/refusal'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { refusalMessage } from '~/i18n/refusals'
import type { Messages } from '~/i18n/zh'
import { listActiveAgencyOptions } from '~/models/agencies/queries.server'
import { loadSettings } from '~/models/settings.server'
import { lockedAccounts } from '~/models/throttle.server'
import { generateTemporaryPassword, resetPassword, setDisabled, unlockAccount, updateProfile } from '~/models/users/mutations.server'
import { ProfileForm, ResetPasswordForm, StatusForm } from './forms'
import { countSessions, getManagedUser } from './queries.server'
import { resetPasswordSchema, statusSchema, updateUserSchema } from './schema'
import { readForm } from '~/http/forms.server'

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
	const locks = await lockedAccounts(db, await loadSettings(db), new Date())
	const lockedUntil = locks.get(user.username.toLowerCase())
	return {
		user,
		isSelf: user.id === admin.id,
		policy: accountPolicy(admin, user),
		agencies: await agencyChoices(user),
		sessions: await countSessions(db, user.id),
		lockedUntil: lockedUntil ? shanghaiClock(lockedUntil) : null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const admin = await requirePermission(args, 'users:manage')
	const t = messagesFor(args.request)
	const user = await getManagedUser(getDb(), parseId(args.params.userId))
	invariantFound(user)
	const formData = await readForm(args.request)
	const intent = formData.get('intent')
	if (intent === 'update') return update(admin, user, formData, t)
	if (intent === 'disable' || intent === 'enable') return changeStatus(admin, user, formData, t)
	if (intent === 'resetPassword') return reset(admin, user, formData, t)
	if (intent === 'unlock') return unlock(admin, user, t)
	throw data({ message: 'Unknown intent' }, { status: 400 })
}

type Intent = 'update' | 'status' | 'resetPassword'

function failed(intent: Intent, result: SubmissionResult<Array<string>>, status: number) {
	return data({ intent, result, notice: null, password: null }, { status })
}

// The account's policy refuses while the form is read, with its other errors, and again in the
// mutation's transaction.
function refine(verdict: Verdict, t: Messages, path: Array<string>, ctx: z.RefinementCtx) {
	if (!verdict.ok) ctx.addIssue({ code: 'custom', path, message: refusalMessage(t, verdict.refusal) })
}

async function update(admin: CurrentUser, user: ManagedUser, formData: FormData, t: Messages) {
	const agencyIds = (await agencyChoices(user)).map((a) => a.id)
	const schema = updateUserSchema(t, agencyIds).superRefine((value, ctx) => refine(mayChangeRole(admin, user, value.role), t, ['role'], ctx))
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') return failed('update', submission.reply(), 400)
	const { version, role, agencyId, realName, position, phone } = submission.value
	const outcome = await attempt(t, () =>
		updateProfile(getDb(), admin, { userId: user.id, version, realName, position: position ?? '', phone: phone ?? '', role, agencyId: agencyId ?? null }),
	)
	if (!outcome.ok) return failed('update', refusedResult(submission, outcome, { 'adminUsers.ownRole': 'role' }), outcome.status)
	return { intent: 'update' as const, result: submission.reply(), notice: t.adminUsers.saved, password: null }
}

async function changeStatus(admin: CurrentUser, user: ManagedUser, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, {
		schema: statusSchema.superRefine((value, ctx) => {
			if (value.intent === 'disable') refine(mayDisable(admin, user), t, [], ctx)
		}),
	})
	if (submission.status !== 'success') return failed('status', submission.reply(), 400)
	const disabled = submission.value.intent === 'disable'
	const outcome = await attempt(t, () => setDisabled(getDb(), admin, { userId: user.id, version: submission.value.version, disabled }))
	if (!outcome.ok) return failed('status', refusedResult(submission, outcome), outcome.status)
	const notice = disabled ? t.adminUsers.disabledNotice : t.adminUsers.enabledNotice
	return { intent: 'status' as const, result: submission.reply(), notice, password: null }
}

async function reset(admin: CurrentUser, user: ManagedUser, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, {
		schema: resetPasswordSchema(t, user.username).superRefine((_value, ctx) => refine(mayResetPassword(admin, user), t, [], ctx)),
	})
	if (submission.status !== 'success') return failed('resetPassword', submission.reply({ hideFields: ['password'] }), 400)
	const typed = submission.value.password
	const password = typed ?? generateTemporaryPassword()
	const outcome = await attempt(t, () => resetPassword(getDb(), admin, { userId: user.id, version: submission.value.version, password }))
	if (!outcome.ok) return failed('resetPassword', refusedResult(submission, outcome, {}, ['password']), outcome.status)
	// A generated password is shown this once; it is stored nowhere in clear.
	return { intent: 'resetPassword' as const, result: submission.reply({ resetForm: true }), notice: t.adminUsers.resetDone, password: typed ? null : password }
}

async function unlock(admin: CurrentUser, user: ManagedUser, t: Messages) {
	const outcome = await attempt(t, () => unlockAccount(getDb(), admin, { userId: user.id }))
	if (!outcome.ok) return data({ intent: 'unlock' as const, result: undefined, notice: null, password: null }, { status: outcome.status })
	return { intent: 'unlock' as const, result: undefined, notice: t.adminUsers.unlocked, password: null }
}

export default function UserPage() {
	const { user, isSelf, policy, agencies, sessions, lockedUntil } = useLoaderData<typeof loader>()
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
					{lockedUntil ? <span className="badge badge--off">{t.adminUsers.locked}</span> : null}
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
			{lockedUntil ? (
				<section className="card" aria-labelledby="lock-heading">
					<h2 id="lock-heading">{t.adminUsers.unlockTitle}</h2>
					<p>{fill(t.adminUsers.lockedUntil, { time: lockedUntil })}</p>
					<p className="muted small">{t.adminUsers.unlockHint}</p>
					<Form method="post">
						<SubmitButton name="intent" value="unlock" className="button button--secondary">
							{t.adminUsers.unlock}
						</SubmitButton>
					</Form>
				</section>
			) : null}
			<ProfileForm user={user} agencies={agencies} policy={policy} lastResult={resultFor('update')} />
			<div className="grid-2">
				<StatusForm user={user} policy={policy} sessions={sessions} lastResult={resultFor('status')} />
				<ResetPasswordForm user={user} policy={policy} lastResult={resultFor('resetPassword')} />
			</div>
			<p>
				<Link to={`/audit?entityType=user&entityId=${user.id}`}>{t.adminUsers.history}</Link>
			</p>
		</>
	)
}
