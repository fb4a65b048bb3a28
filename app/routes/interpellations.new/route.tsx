import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { CheckboxesField, ClauseCheckboxes } from '~/components/checkbox-fields'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { shanghaiDate } from '~/domain/dates'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import { draftInterpellation, enterPaperInterpellation } from '~/models/interpellations/mutations.server'
import { listMemberOptions, listTargetOptions } from '~/models/interpellations/queries.server'
import { listClauseChoices } from '~/models/lookups.server'
import { loadSettings } from '~/models/settings.server'
import { draftSchema, maxMatter, maxQuestions } from './schema'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '提出质询案 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'interpellations:draft')
	const db = getDb()
	const [targets, members, clauses, settings] = await Promise.all([listTargetOptions(db), listMemberOptions(db), listClauseChoices(db), loadSettings(db)])
	return {
		targets,
		// A member asks others to co-sign; the office records everyone who signed on paper.
		members: members.filter((m) => m.id !== user.id),
		clauses,
		needed: settings.interpellationMinSigners,
		paper: can(user.role, 'oversight:manage'),
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'interpellations:draft')
	const t = messagesFor(args.request)
	const submission = parseWithZod(await readForm(args.request), { schema: draftSchema(t) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const value = submission.value
	const draft = {
		targetAgencyId: value.targetAgencyId,
		matter: value.matter,
		questions: value.questions,
		clauseIds: value.clauseIds ?? [],
		today: shanghaiDate(new Date()),
	}
	const paper = can(user.role, 'oversight:manage')
	const outcome = await attempt(t, () =>
		paper ? enterPaperInterpellation(getDb(), user, { ...draft, signerIds: value.memberIds ?? [] }) : draftInterpellation(getDb(), user, { ...draft, inviteeIds: value.memberIds ?? [] }),
	)
	if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.message] }) }, { status: outcome.status })
	return redirect(`/interpellations/${outcome.value}?done=${paper ? 'entered' : 'drafted'}`)
}

export default function NewInterpellationPage() {
	const { targets, members, clauses, needed, paper } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({ id: 'interpellation-draft', lastResult: actionData?.result, constraint: getZodConstraint(draftSchema(t)), shouldRevalidate: 'onBlur' })
	const title = paper ? t.interpellations.enterPaper : t.interpellations.draft
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.interpellations.breadcrumbs}>
				<Link to="/interpellations">{t.interpellations.title}</Link> › {title}
			</nav>
			<div className="page-head">
				<h1>{title}</h1>
			</div>
			<p className="muted">{fill(paper ? t.interpellations.paperIntro : t.interpellations.draftIntro, { needed })}</p>
			<section className="card">
				<Form method="post" className="form form--wide" {...getFormProps(form)}>
					<ErrorList id={form.errorId} errors={form.errors} />
					<Field label={t.interpellations.target} field={fields.targetAgencyId} hint={t.interpellations.targetHint}>
						<select {...getSelectProps(fields.targetAgencyId)}>
							<option value="">{t.interpellations.choose}</option>
							{targets.map((a) => (
								<option key={a.id} value={a.id}>
									{a.name}
								</option>
							))}
						</select>
					</Field>
					<Field label={t.interpellations.matter} field={fields.matter} hint={t.interpellations.matterHint}>
						<input {...getInputProps(fields.matter, { type: 'text' })} maxLength={maxMatter} />
					</Field>
					<Field label={t.interpellations.questions} field={fields.questions} hint={t.interpellations.questionsHint}>
						<textarea {...getTextareaProps(fields.questions)} rows={10} maxLength={maxQuestions} />
					</Field>
					<ClauseCheckboxes field={fields.clauseIds} legend={t.interpellations.clauses} hint={t.interpellations.clausesHint} clauses={clauses} />
					<CheckboxesField
						field={fields.memberIds}
						legend={paper ? t.interpellations.paperSigners : t.interpellations.inviteLegend}
						hint={paper ? fill(t.interpellations.paperSignersHint, { needed }) : fill(t.interpellations.inviteDraftHint, { needed })}
						choices={members.map((m) => ({ value: m.id, label: m.name }))}
						empty={t.interpellations.noMembers}
					/>
					<div>
						<SubmitButton>{paper ? t.interpellations.enterSubmit : t.interpellations.draftSubmit}</SubmitButton>
					</div>
				</Form>
			</section>
		</>
	)
}
