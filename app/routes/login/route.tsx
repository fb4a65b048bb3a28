import { shanghaiClock } from '~/domain/dates'
import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { isSecureRequest } from '~/config.server'
import { getCurrentUser } from '~/auth/guards.server'
import { sessionCookie } from '~/auth/session.server'
import { Field, Notice, SubmitButton } from '~/components/forms'
import { useSchemaForm } from '~/components/schema-form'
import { safeRedirect } from '~/domain/accounts'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { attemptLogin } from '~/models/login.server'
import { isDemoInstance } from '~/models/meta.server'
import { loadSettings } from '~/models/settings.server'
import { demoAccounts, demoPassword } from '#db/seed/demo-accounts'
import { loginSchema } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '登录 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	const url = new URL(args.request.url)
	const user = await getCurrentUser(args)
	if (user) throw redirect(safeRedirect(url.searchParams.get('redirectTo')))
	const demo = await isDemoInstance()
	return {
		demoAccounts: demo ? demoAccounts.map((a) => ({ username: a.username, realName: a.realName, role: a.role })) : [],
		demoPassword: demo ? demoPassword : null,
		loggedOut: url.searchParams.has('loggedOut'),
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const t = messagesFor(request)
	const formData = await readForm(request)
	const submission = parseWithZod(formData, { schema: loginSchema(t) })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	}
	const db = getDb()
	const address = context.clientAddress ?? 'unknown'
	const result = await attemptLogin(db, { ...submission.value, address }, await loadSettings(db))
	if (!result.ok) {
		const message =
			result.reason === 'blocked'
				? fill(result.block.by === 'account' ? t.login.blockedAccount : t.login.blockedAddress, {
						time: shanghaiClock(result.block.until),
					})
				: result.reason === 'disabled'
					? t.login.disabled
					: t.login.failed
		return data(
			{ result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
			{ status: result.reason === 'blocked' ? 429 : 400 },
		)
	}
	const secure = isSecureRequest(request)
	const target = result.mustChangePassword ? '/account/password' : safeRedirect(submission.value.redirectTo)
	return redirect(target, { headers: { 'Set-Cookie': sessionCookie(result.token, result.expiresAt, secure) } })
}

export default function LoginPage() {
	const t = useT()
	const loaderData = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const schema = loginSchema(t)
	const [form, fields] = useSchemaForm(schema, {
		id: 'login',
		lastResult: actionData?.result,
		shouldValidate: 'onSubmit',
	})
	return (
		<div className="login">
			<div className="card">
				<h1>{t.login.title}</h1>
				{loaderData.loggedOut ? <Notice kind="ok">{t.login.loggedOut}</Notice> : null}
				{form.errors?.length ? <Notice kind="error">{form.errors.join(' ')}</Notice> : null}
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
					<Field label={t.login.username} field={fields.username}>
						<input {...getInputProps(fields.username, { type: 'text' })} autoComplete="username" autoFocus />
					</Field>
					<Field label={t.login.password} field={fields.password}>
						<input {...getInputProps(fields.password, { type: 'password' })} autoComplete="current-password" />
					</Field>
					<div>
						<SubmitButton>{t.login.submit}</SubmitButton>
					</div>
				</Form>
			</div>
			{loaderData.demoAccounts.length > 0 ? (
				<div className="card demo-accounts">
					<h2>{t.login.demoAccounts}</h2>
					<p>
						{t.login.demoPassword} <code>{loaderData.demoPassword}</code>
					</p>
					<div className="table-wrap">
						<table>
							<tbody>
								{loaderData.demoAccounts.map((account) => (
									<tr key={account.username}>
										<td>
											<code>{account.username}</code>
										</td>
										<td>{account.realName}</td>
										<td>{t.roles[account.role]}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</div>
			) : null}
		</div>
	)
}
