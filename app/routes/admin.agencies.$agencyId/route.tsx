import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { Notice, SubmitButton } from '~/components/forms'
import { useSchemaForm } from '~/components/schema-form'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { updateAgency } from '~/models/agencies/mutations.server'
import { AgencyFields } from '../admin.agencies._index/agency-fields'
import { refineAgencyName } from '../admin.agencies._index/unique.server'
import { loadAgencyDetails } from './queries.server'
import { updateAgencySchema } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agency.name ?? ''} · 责任单位管理 · 监督追踪` }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'agencies:edit')
	const details = await loadAgencyDetails(getDb(), parseId(args.params.agencyId))
	invariantFound(details)
	return details
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'agencies:edit')
	const t = messagesFor(args.request)
	const db = getDb()
	const details = await loadAgencyDetails(db, parseId(args.params.agencyId))
	invariantFound(details)
	const { agency } = details
	const submission = await parseWithZod(await readForm(args.request), {
		async: true,
		schema: updateAgencySchema(t).superRefine(refineAgencyName(db, t, agency.id)),
	})
	if (submission.status !== 'success') {
		return data({ result: submission.reply(), saved: false }, { status: 400 })
	}
	const { intent: _intent, version, district, displayOrder, active, ...values } = submission.value
	const outcome = await attempt(t, () =>
		updateAgency(db, user, {
			...values,
			agencyId: agency.id,
			version,
			district: district ?? null,
			displayOrder: displayOrder ?? agency.displayOrder,
			active: active ?? false,
		}),
	)
	if (!outcome.ok) {
		return data({ result: refusedResult(submission, outcome, { 'adminAgencies.nameTaken': 'name' }), saved: false }, { status: outcome.status })
	}
	return { result: submission.reply(), saved: true }
}

export default function AdminAgencyPage() {
	const { agency, subjects, liaisons } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const schema = updateAgencySchema(t)
	const [form, fields] = useSchemaForm(schema, {
		id: `agency-${agency.id}`,
		lastResult: actionData?.result,
		defaultValue: {
			name: agency.name,
			shortName: agency.shortName,
			kind: agency.kind,
			level: agency.level,
			district: agency.district ?? '',
			displayOrder: String(agency.displayOrder),
			active: agency.active ? 'on' : undefined,
		},
	})
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/admin">{t.admin.title}</Link> › <Link to="/admin/agencies">{t.adminAgencies.title}</Link>
			</p>
			<div className="page-head">
				<h1>{fill(t.adminAgencies.editTitle, { name: agency.name })}</h1>
				<Link to={`/agencies/${agency.id}`}>{t.adminAgencies.viewPage}</Link>
			</div>
			{actionData?.saved ? <Notice kind="ok">{t.common.saved}</Notice> : null}
			{form.errors?.length ? <Notice kind="error">{form.errors.join(' ')}</Notice> : null}
			<section className="card">
				<Form method="post" className="form form--wide" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="update" />
					{/* The loader's version, not conform's: see admin.users.$userId/forms.tsx. */}
					<input type="hidden" name="version" value={agency.version} />
					<AgencyFields fields={fields} />
					<div className="field">
						<label className="checkbox" htmlFor={fields.active.id}>
							<input {...getInputProps(fields.active, { type: 'checkbox' })} />
							{t.adminAgencies.active}
						</label>
						<div className="hint">{t.adminAgencies.activeHint}</div>
					</div>
					<div>
						<SubmitButton>{t.common.save}</SubmitButton>
					</div>
				</Form>
			</section>
			<section className="card">
				<h2>{t.adminAgencies.mappedFrom}</h2>
				{subjects.length ? (
					<ul>
						{subjects.map((subject) => (
							<li key={subject}>
								<Link to={`/admin/subjects?edit=${encodeURIComponent(subject)}`}>{subject}</Link>
							</li>
						))}
					</ul>
				) : (
					<p className="muted">{t.adminAgencies.noMappings}</p>
				)}
				<p className="small muted">{fill(t.adminAgencies.liaisons, { count: liaisons })}</p>
			</section>
		</>
	)
}
