import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import type { Role } from '~/domain/roles'
import { requirePermission } from '~/auth/guards.server'
import { ErrorList, Field, Notice, SubmitButton } from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { useSchemaForm } from '~/components/schema-form'
import { SelectFilter } from '~/components/select-filter'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { listActiveAgencyOptions } from '~/models/agencies/queries.server'
import { createUser, generateTemporaryPassword } from '~/models/users/mutations.server'
import { loadSettings } from '~/models/settings.server'
import { lockedAccounts } from '~/models/throttle.server'
import { findUserByUsername, listUsersFiltered, type UserFilters } from '~/models/users/queries.server'
import { roles } from '~/domain/roles'
import { createUserSchema } from './schema'
import { TemporaryPasswordField, UserProfileFields } from './user-fields'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '用户账号 · 监督追踪' }]

function readFilters(url: URL): UserFilters {
	const role = url.searchParams.get('role')
	const status = url.searchParams.get('status')
	return {
		role: roles.includes(role as Role) ? (role as Role) : undefined,
		status: status === 'active' || status === 'disabled' ? status : undefined,
		q: url.searchParams.get('q')?.trim().slice(0, 64) || undefined,
	}
}

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'users:manage')
	const db = getDb()
	const filters = readFilters(new URL(args.request.url))
	const [users, agencies, locks] = await Promise.all([
		listUsersFiltered(db, filters),
		listActiveAgencyOptions(db),
		loadSettings(db).then((settings) => lockedAccounts(db, settings, new Date())),
	])
	// Accounts locked by their failed logins are marked, so that an administrator can unlock one.
	return { users: users.map((u) => ({ ...u, locked: locks.has(u.username.toLowerCase()) })), agencies, filters }
}

export async function action(args: ActionFunctionArgs) {
	const admin = await requirePermission(args, 'users:manage')
	const t = messagesFor(args.request)
	const db = getDb()
	const agencyIds = (await listActiveAgencyOptions(db)).map((a) => a.id)
	const submission = await parseWithZod(await readForm(args.request), {
		async: true,
		schema: createUserSchema(t, agencyIds).superRefine(async (value, ctx) => {
			if (await findUserByUsername(db, value.username)) {
				ctx.addIssue({ code: 'custom', path: ['username'], message: t.adminUsers.refusals.usernameTaken })
			}
		}),
	})
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }), created: null }, { status: 400 })
	}
	const { password: typed, intent: _intent, ...profile } = submission.value
	const password = typed ?? generateTemporaryPassword()
	const outcome = await attempt(t, () => createUser(db, admin, { ...profile, password, mustChangePassword: true }))
	if (!outcome.ok) {
		const result = refusedResult(submission, outcome, { 'adminUsers.usernameTaken': 'username' }, ['password'])
		return data({ result, created: null }, { status: outcome.status })
	}
	const user = outcome.value
	return {
		result: submission.reply({ resetForm: true }),
		// The generated password leaves the server this once and is stored nowhere in clear.
		created: { id: user.id, username: user.username, realName: user.realName, password: typed ? null : password },
	}
}

export default function UsersPage() {
	const { users, agencies, filters } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const schema = createUserSchema(t, agencies.map((a) => a.id))
	const [form, fields] = useSchemaForm(schema, {
		id: 'new-user',
		lastResult: actionData?.result,
	})
	const created = actionData?.created
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/admin">{t.admin.title}</Link>
			</p>
			<div className="page-head">
				<h1>{t.adminUsers.title}</h1>
				<span className="muted">{fill(t.common.total, { count: users.length })}</span>
			</div>
			{created ? (
				<Notice kind="ok">
					<p>{fill(t.adminUsers.created, { username: created.username, realName: created.realName })}</p>
					{created.password ? (
						<p>
							{t.adminUsers.generatedOnce} <code className="secret">{created.password}</code>
							<br />
							{t.adminUsers.generatedOnceHint}
						</p>
					) : (
						<p>{t.adminUsers.typedPassword}</p>
					)}
					<Link to={`/admin/users/${created.id}`}>{t.adminUsers.edit}</Link>
				</Notice>
			) : null}
			<details className="card" open={Boolean(form.errors?.length || actionData?.result.status === 'error' || users.length === 0)}>
				<summary>
					<strong>{t.adminUsers.newUser}</strong>
				</summary>
				<p className="muted small">{t.adminUsers.newUserHint}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="create" />
					<ErrorList errors={form.errors} />
					<div className="grid-2">
						<Field label={t.adminUsers.username} field={fields.username} hint={t.adminUsers.usernameHint}>
							<input {...getInputProps(fields.username, { type: 'text' })} autoComplete="off" />
						</Field>
						<UserProfileFields fields={fields} agencies={agencies} isNew />
						<TemporaryPasswordField field={fields.password} />
					</div>
					<div>
						<SubmitButton>
							{t.adminUsers.newUser}
						</SubmitButton>
					</div>
				</Form>
			</details>
			<UserFilterForm filters={filters} />
			<ListTable
				rows={users}
				empty={t.adminUsers.empty}
				className="admin-table"
				headers={[t.adminUsers.username, t.adminUsers.realName, t.adminUsers.position, t.adminUsers.phone, t.adminUsers.role, t.adminUsers.agency, t.adminUsers.status]}
			>
				{(user) => (
					<tr key={user.id} className={user.disabled ? 'row--muted' : undefined}>
						<td>
							<Link to={`/admin/users/${user.id}`}>{user.username}</Link>
						</td>
						<td>{user.realName}</td>
						<td>{user.position}</td>
						<td>{user.phone}</td>
						<td>{t.roles[user.role]}</td>
						<td>{user.agencyName ?? ''}</td>
						<td>
							{user.disabled ? <span className="badge badge--off">{t.adminUsers.disabled}</span> : t.adminUsers.active}
							{user.mustChangePassword ? <span className="badge"> {t.adminUsers.mustChange}</span> : null}
							{user.locked ? <span className="badge badge--off"> {t.adminUsers.locked}</span> : null}
						</td>
					</tr>
				)}
			</ListTable>
		</>
	)
}

function UserFilterForm({ filters }: { filters: UserFilters }) {
	const t = useT()
	const roleChoices = roles.map((role) => ({ value: role, label: t.roles[role] }))
	const statusChoices = [
		{ value: 'active', label: t.adminUsers.active },
		{ value: 'disabled', label: t.adminUsers.disabled },
	]
	return (
		<Form method="get" className="filters" role="search">
			<div className="field">
				<label htmlFor="filter-q">{t.adminUsers.filterQuery}</label>
				<input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ''} />
			</div>
			<SelectFilter id="filter-role" name="role" label={t.adminUsers.role} value={filters.role ?? ''} any={t.adminUsers.anyRole} choices={roleChoices} />
			<SelectFilter id="filter-status" name="status" label={t.adminUsers.status} value={filters.status ?? ''} any={t.adminUsers.anyStatus} choices={statusChoices} />
			<button type="submit" className="button button--secondary">
				{t.common.search}
			</button>
			<Link to="/admin/users">{t.common.reset}</Link>
		</Form>
	)
}
