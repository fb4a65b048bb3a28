import { getCollectionProps, getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { ErrorList, Field, Notice, SubmitButton } from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { useSchemaForm } from '~/components/schema-form'
import { seenKey } from '~/domain/subjects'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { createMapping, removeMapping, saveMapping } from '~/models/subjects/mutations.server'
import { listAgencyChoices, listMapping } from './queries.server'
import { createSubjectSchema, removeSubjectSchema, saveSubjectSchema } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '主体映射 · 监督追踪' }]

// One page: the mapping, and an editor for one phrase (?edit=…) or a new one (?new).
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'subjects:edit')
	const url = new URL(args.request.url)
	const db = getDb()
	const [mapping, agencies] = await Promise.all([listMapping(db), listAgencyChoices(db)])
	const edit = url.searchParams.get('edit')
	const editing = edit === null ? null : (mapping.find((m) => m.subject === edit) ?? null)
	return {
		mapping,
		agencies,
		editing: editing && { subject: editing.subject, agencyIds: editing.agencies.map((a) => a.id) },
		editMissing: edit !== null && editing === null,
		creating: url.searchParams.has('new'),
		saved: url.searchParams.get('saved'),
		removed: url.searchParams.get('removed'),
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'subjects:edit')
	const t = messagesFor(args.request)
	const db = getDb()
	const formData = await readForm(args.request)
	const intent = formData.get('intent')
	const schema = intent === 'create' ? createSubjectSchema(t) : intent === 'save' ? saveSubjectSchema(t) : intent === 'remove' ? removeSubjectSchema : null
	if (!schema) throw data({ message: 'Unknown intent' }, { status: 400 })
	const official = (await listAgencyChoices(db)).map((a) => a.id)
	const submission = parseWithZod(formData, {
		schema: schema.superRefine((value, ctx) => {
			if ('agencyIds' in value && value.agencyIds.some((id) => !official.includes(id))) {
				ctx.addIssue({ code: 'custom', path: ['agencyIds'], message: t.adminSubjects.unknownAgency })
			}
		}),
	})
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const value = submission.value
	const chosen = 'agencyIds' in value ? official.filter((id) => value.agencyIds.includes(id)) : []
	const outcome = await attempt(t, async () => {
		if (value.intent === 'create') await createMapping(db, user, { subject: value.subject, agencyIds: chosen })
		if (value.intent === 'save') await saveMapping(db, user, { subject: value.subject, agencyIds: chosen, seen: value.seen })
		if (value.intent === 'remove') await removeMapping(db, user, { subject: value.subject, seen: value.seen })
	})
	if (!outcome.ok) {
		return data({ result: refusedResult(submission, outcome, { 'adminSubjects.subjectTaken': 'subject' }) }, { status: outcome.status })
	}
	const done = value.intent === 'remove' ? 'removed' : 'saved'
	return redirect(`/admin/subjects?${new URLSearchParams({ [done]: value.subject })}`)
}

export default function SubjectsPage() {
	const { mapping, agencies, editing, editMissing, creating, saved, removed } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	// A refused removal reports above the editor; the editor keeps its own last submission.
	const removal = actionData?.result.initialValue?.intent === 'remove' ? actionData.result : null
	return (
		<>
			<p className="breadcrumbs">
				<Link to="/admin">{t.admin.title}</Link>
			</p>
			<div className="page-head">
				<h1>{t.adminSubjects.title}</h1>
				<Link to="/admin/subjects?new" className="button button--secondary">
					{t.adminSubjects.newSubject}
				</Link>
			</div>
			<p className="muted">{t.adminSubjects.intro}</p>
			<Notice kind="info">{t.adminSubjects.notRetroactive}</Notice>
			{saved ? <Notice kind="ok">{fill(t.adminSubjects.saved, { subject: saved })}</Notice> : null}
			{removed ? <Notice kind="ok">{fill(t.adminSubjects.removed, { subject: removed })}</Notice> : null}
			{editMissing ? <Notice kind="error">{t.adminSubjects.notFound}</Notice> : null}
			{removal?.error?.[''] ? <Notice kind="error">{removal.error[''].join(' ')}</Notice> : null}
			{editing || creating ? (
				<SubjectEditor key={editing?.subject ?? ''} editing={editing} agencies={agencies} lastResult={removal ? undefined : actionData?.result} />
			) : null}
			{mapping.length ? <p className="muted small">{fill(t.adminSubjects.count, { count: mapping.length })}</p> : null}
			<ListTable rows={mapping} empty={t.adminSubjects.empty} headers={[t.adminSubjects.subject, t.adminSubjects.agencies, t.common.actions]}>
				{(entry) => (
					<tr key={entry.subject} className={entry.subject === editing?.subject ? 'row--current' : undefined}>
						<td>{entry.subject}</td>
						<td>
							<span className="badge-list">
								{entry.agencies.map((agency) => (
									<span key={agency.id} className={agency.active ? 'badge' : 'badge badge--off'}>
										{agency.shortName}
									</span>
								))}
							</span>
						</td>
						<td>
							<Link to={`/admin/subjects?${new URLSearchParams({ edit: entry.subject })}`}>{t.adminSubjects.edit}</Link>
						</td>
					</tr>
				)}
			</ListTable>
		</>
	)
}

function SubjectEditor({
	editing,
	agencies,
	lastResult,
}: {
	editing: { subject: string; agencyIds: Array<number> } | null
	agencies: Array<{ id: number; name: string; active: boolean }>
	lastResult: SubmissionResult<Array<string>> | undefined
}) {
	const t = useT()
	const schema = editing ? saveSubjectSchema(t) : createSubjectSchema(t)
	const [form, fields] = useSchemaForm(schema, {
		id: editing ? `subject-edit` : 'subject-new',
		lastResult,
		defaultValue: editing ? { subject: editing.subject, agencyIds: editing.agencyIds.map(String) } : undefined,
		shouldValidate: 'onSubmit',
	})
	// An inactive agency is offered only where it is already mapped.
	const shown = agencies.filter((a) => a.active || editing?.agencyIds.includes(a.id))
	const seen = editing ? seenKey(editing.agencyIds) : ''
	return (
		<section className="card" aria-labelledby="subject-editor-title">
			<div className="page-head">
				<h2 id="subject-editor-title">{editing ? fill(t.adminSubjects.editTitle, { subject: editing.subject }) : t.adminSubjects.newSubject}</h2>
				<Link to="/admin/subjects">{t.adminSubjects.close}</Link>
			</div>
			{form.errors?.length ? <Notice kind="error">{form.errors.join(' ')}</Notice> : null}
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<input type="hidden" name="intent" value={editing ? 'save' : 'create'} />
				{editing ? (
					<>
						<input type="hidden" name="subject" value={editing.subject} />
						<input type="hidden" name="seen" value={seen} />
					</>
				) : (
					<Field label={t.adminSubjects.subject} field={fields.subject} hint={t.adminSubjects.subjectHint}>
						<input {...getInputProps(fields.subject, { type: 'text' })} />
					</Field>
				)}
				<fieldset aria-describedby={fields.agencyIds.errorId}>
					<legend>{t.adminSubjects.agencies}</legend>
					<p className="hint small muted">{t.adminSubjects.agenciesHint}</p>
					<div className="checkbox-grid">
						{getCollectionProps(fields.agencyIds, { type: 'checkbox', options: shown.map((a) => String(a.id)) }).map(({ key, ...props }) => {
							const agency = shown.find((a) => String(a.id) === props.value)
							return (
								<label key={key} className="checkbox" htmlFor={props.id}>
									<input {...props} />
									{agency?.name}
									{agency && !agency.active ? <span className="badge badge--off">{t.adminAgencies.inactive}</span> : null}
								</label>
							)
						})}
					</div>
					<ErrorList id={fields.agencyIds.errorId} errors={fields.agencyIds.errors} />
				</fieldset>
				<div>
					<SubmitButton>{t.common.save}</SubmitButton>
				</div>
			</Form>
			{editing ? (
				<Form method="post" className="danger-zone">
					<input type="hidden" name="intent" value="remove" />
					<input type="hidden" name="subject" value={editing.subject} />
					<input type="hidden" name="seen" value={seen} />
					<p className="small muted">{t.adminSubjects.removeHint}</p>
					<button type="submit" className="button button--secondary">
						{t.adminSubjects.remove}
					</button>
				</Form>
			) : null}
		</section>
	)
}
