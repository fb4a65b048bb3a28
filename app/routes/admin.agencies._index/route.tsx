import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission, type CurrentUser } from '~/auth/guards.server'
import { Notice, SubmitButton } from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { useSchemaForm } from '~/components/schema-form'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { createAgency, moveAgency } from '~/models/agencies/mutations.server'
import { AgencyFields } from './agency-fields'
import { listAgenciesForAdmin } from './queries.server'
import { createAgencySchema, moveAgencySchema } from './schema'
import { refineAgencyName } from './unique.server'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '责任单位管理 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'agencies:edit')
	return { agencies: await listAgenciesForAdmin(getDb()) }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'agencies:edit')
	const t = messagesFor(args.request)
	const formData = await readForm(args.request)
	const intent = formData.get('intent')
	if (intent === 'create') return create(user, formData, t)
	if (intent === 'move') return move(user, formData, t)
	throw data({ message: 'Unknown intent' }, { status: 400 })
}

async function create(user: CurrentUser, formData: FormData, t: Messages) {
	const db = getDb()
	const submission = await parseWithZod(formData, { async: true, schema: createAgencySchema(t).superRefine(refineAgencyName(db, t)) })
	if (submission.status !== 'success') {
		return data({ intent: 'create' as const, result: submission.reply(), notice: null }, { status: 400 })
	}
	const { intent: _intent, district, ...values } = submission.value
	const outcome = await attempt(t, () => createAgency(db, user, { ...values, district: district ?? null }))
	if (!outcome.ok) {
		const result = refusedResult(submission, outcome, { 'adminAgencies.nameTaken': 'name' })
		return data({ intent: 'create' as const, result, notice: null }, { status: outcome.status })
	}
	return { intent: 'create' as const, result: submission.reply({ resetForm: true }), notice: fill(t.adminAgencies.created, { name: outcome.value.name }) }
}

async function move(user: CurrentUser, formData: FormData, t: Messages) {
	const submission = parseWithZod(formData, { schema: moveAgencySchema })
	if (submission.status !== 'success') throw data({ message: 'Bad request' }, { status: 400 })
	const outcome = await attempt(t, () => moveAgency(getDb(), user, submission.value))
	if (!outcome.ok) return data({ intent: 'move' as const, result: refusedResult(submission, outcome), notice: null }, { status: outcome.status })
	return { intent: 'move' as const, result: submission.reply(), notice: t.adminAgencies.moved }
}

export default function AdminAgenciesPage() {
	const { agencies } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const moveError = actionData?.intent === 'move' ? actionData.result.error?.['']?.join(' ') : null
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/admin">{t.admin.title}</Link>
			</p>
			<div className="page-head">
				<h1>{t.adminAgencies.title}</h1>
				<span className="muted">{fill(t.common.total, { count: agencies.length })}</span>
			</div>
			<p className="muted">{t.adminAgencies.intro}</p>
			{actionData?.notice ? <Notice kind="ok">{actionData.notice}</Notice> : null}
			{moveError ? <Notice kind="error">{moveError}</Notice> : null}
			<NewAgencyForm lastResult={actionData?.intent === 'create' ? actionData.result : undefined} open={agencies.length === 0} />
			<ListTable
				rows={agencies}
				empty={t.adminAgencies.empty}
				className="admin-table"
				headers={[t.adminAgencies.order, t.adminAgencies.name, t.adminAgencies.shortName, t.adminAgencies.kind, t.adminAgencies.level, t.adminUsers.status]}
			>
				{(agency, index) => (
					<tr key={agency.id} className={agency.active ? undefined : 'row--muted'}>
						<td className="order-cell">
							<MoveButton agency={agency} direction="up" disabled={index === 0} />
							<MoveButton agency={agency} direction="down" disabled={index === agencies.length - 1} />
							<span className="muted small">{agency.displayOrder}</span>
						</td>
						<td>
							<Link to={`/admin/agencies/${agency.id}`}>{agency.name}</Link>
						</td>
						<td>{agency.shortName}</td>
						<td>{t.agencyKinds[agency.kind]}</td>
						<td>
							{t.adminAgencies.levels[agency.level]}
							{agency.district ? ` · ${agency.district}` : null}
						</td>
						<td>
							{agency.active ? t.adminAgencies.active : <span className="badge badge--off">{t.adminAgencies.inactive}</span>}
							{agency.liaisons > 0 ? <div className="small muted">{fill(t.adminAgencies.liaisons, { count: agency.liaisons })}</div> : null}
						</td>
					</tr>
				)}
			</ListTable>
		</>
	)
}

function MoveButton({ agency, direction, disabled }: { agency: { id: number; name: string; version: number }; direction: 'up' | 'down'; disabled: boolean }) {
	const t = useT()
	const label = fill(direction === 'up' ? t.adminAgencies.moveUpLabel : t.adminAgencies.moveDownLabel, { name: agency.name })
	return (
		<Form method="post" preventScrollReset className="inline-form">
			<input type="hidden" name="intent" value="move" />
			<input type="hidden" name="agencyId" value={agency.id} />
			<input type="hidden" name="version" value={agency.version} />
			<input type="hidden" name="direction" value={direction} />
			<button type="submit" className="button button--secondary button--small" disabled={disabled} aria-label={label} title={label}>
				{direction === 'up' ? '↑' : '↓'}
			</button>
		</Form>
	)
}

function NewAgencyForm({ lastResult, open }: { lastResult: SubmissionResult<Array<string>> | undefined; open: boolean }) {
	const t = useT()
	const schema = createAgencySchema(t)
	const [form, fields] = useSchemaForm(schema, {
		id: 'new-agency',
		lastResult,
	})
	return (
		<details className="card" open={open || lastResult?.status === 'error'}>
			<summary>
				<strong>{t.adminAgencies.newAgency}</strong>
			</summary>
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="create" />
				<AgencyFields fields={fields} />
				<div>
					<SubmitButton>{t.adminAgencies.newAgency}</SubmitButton>
				</div>
			</Form>
		</details>
	)
}
