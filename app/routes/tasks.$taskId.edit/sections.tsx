import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Field, ErrorList, SubmitButton } from '~/components/forms'
import { fill, useT } from '~/i18n/i18n'
import type { TaskAgency } from '~/models/tasks/queries.server'
import { agenciesSchema, mergeSchema, splitSchema, updateTaskSchema } from './schema'

// The four forms of the edit page. Each posts its own intent with the version of the task the
// user saw; each works without JavaScript and gets back what the user typed on an error.

type Task = {
	id: number
	ordinal: number
	text: string
	deadline: string | null
	version: number
	leads: Array<TaskAgency>
	cos: Array<TaskAgency>
}

type LastResult = SubmissionResult<Array<string>> | undefined

function asList(value: unknown): Array<string> {
	if (Array.isArray(value)) return value.map(String)
	return value === undefined || value === null || value === '' ? [] : [String(value)]
}

// One form of the page, in its card: a heading the section is labelled by, and a hint.
function FormCard({ name, title, hint, anchor, children }: { name: string; title: string; hint?: string; anchor?: string; children: ReactNode }) {
	return (
		<section className="card" id={anchor} aria-labelledby={`${name}-heading`}>
			<h2 id={`${name}-heading`} style={{ marginTop: 0 }}>
				{title}
			</h2>
			{hint ? <p className="muted small">{hint}</p> : null}
			{children}
		</section>
	)
}

function VersionInput({ version }: { version: number }) {
	return <input type="hidden" name="version" value={version} />
}

export function UpdateForm({ task, lastResult }: { task: Task; lastResult: LastResult }) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'task-update',
		lastResult,
		defaultValue: { text: task.text, deadline: task.deadline ?? '', longTerm: task.deadline === null },
		constraint: getZodConstraint(updateTaskSchema(t)),
		shouldRevalidate: 'onInput',
	})
	return (
		<FormCard name="update" title={`${t.tasks.text} · ${t.tasks.deadline}`}>
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<VersionInput version={task.version} />
				<ErrorList id={form.errorId} errors={form.errors} />
				<Field label={t.tasks.text} field={fields.text}>
					<textarea {...getTextareaProps(fields.text)} rows={6} />
				</Field>
				<Field label={t.tasks.deadline} field={fields.deadline} hint={t.tasks.deadlineHint}>
					<input {...getInputProps(fields.deadline, { type: 'date' })} style={{ maxWidth: '14rem' }} />
					<label className="checkbox" htmlFor={fields.longTerm.id}>
						<input {...getInputProps(fields.longTerm, { type: 'checkbox' })} />
						{t.tasks.longTerm}
					</label>
				</Field>
				<div>
					<SubmitButton name="intent" value="update">
						{t.tasks.saveTask}
					</SubmitButton>
				</div>
			</Form>
		</FormCard>
	)
}

type AgencyOption = { id: number; name: string; active: boolean }

export function AgenciesForm({ task, agencies, lastResult }: { task: Task; agencies: Array<AgencyOption>; lastResult: LastResult }) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'task-agencies',
		lastResult,
		defaultValue: { lead: task.leads.map((a) => String(a.id)), co: task.cos.map((a) => String(a.id)) },
		constraint: getZodConstraint(agenciesSchema(t, { allowedIds: [], names: new Map() })),
	})
	const leads = asList(fields.lead.initialValue)
	const cos = asList(fields.co.initialValue)
	return (
		<FormCard name="agencies" title={t.tasks.agenciesTitle} hint={t.tasks.agenciesHint}>
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<VersionInput version={task.version} />
				<ErrorList id={form.errorId} errors={form.errors} />
				<ErrorList id={fields.lead.errorId} errors={fields.lead.errors} />
				<ErrorList id={fields.co.errorId} errors={fields.co.errors} />
				<div className="table-wrap agency-picker">
					<table>
						<thead>
							<tr>
								<th scope="col">{t.tasks.agencyName}</th>
								<th scope="col">{t.tasks.roleLead}</th>
								<th scope="col">{t.tasks.roleCo}</th>
							</tr>
						</thead>
						<tbody>
							{agencies.map((agency) => {
								const isLead = leads.includes(String(agency.id))
								const isCo = cos.includes(String(agency.id))
								return (
									<tr key={agency.id} className={isLead || isCo ? 'agency-picker__assigned' : undefined}>
										<th scope="row">{agency.name}</th>
										<RoleCell name={fields.lead.name} agency={agency} checked={isLead} label={t.tasks.roleLead} />
										<RoleCell name={fields.co.name} agency={agency} checked={isCo} label={t.tasks.roleCo} />
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
				<div>
					<SubmitButton name="intent" value="agencies">
						{t.tasks.saveAgencies}
					</SubmitButton>
				</div>
			</Form>
		</FormCard>
	)
}

// One agency's lead or co box of the picker, named for screen readers ("武汉市公安局 牵头").
function RoleCell({ name, agency, checked, label }: { name: string; agency: AgencyOption; checked: boolean; label: string }) {
	return (
		<td>
			<input type="checkbox" name={name} value={agency.id} defaultChecked={checked} aria-label={`${agency.name} ${label}`} />
		</td>
	)
}

type Split = {
	proposal: { first: string; second: string; at: number | null }
	points: Array<{ n: number; tail: string }>
}

export function SplitForm({ task, split, lastResult }: { task: Task; split: Split; lastResult: LastResult }) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'task-split',
		lastResult,
		defaultValue: { first: split.proposal.first, second: split.proposal.second },
		constraint: getZodConstraint(splitSchema(t)),
		shouldRevalidate: 'onInput',
	})
	return (
		<FormCard name="split" title={t.tasks.splitTitle} hint={t.tasks.splitHint} anchor="split">
			{split.points.length ? (
				<Form method="get" className="toolbar" preventScrollReset>
					<label htmlFor="split-at">{t.tasks.splitAt}</label>
					<select id="split-at" name="at" defaultValue={split.proposal.at ?? undefined} style={{ width: 'auto', maxWidth: '100%' }}>
						{split.points.map((point) => (
							<option key={point.n} value={point.n}>
								{fill(t.tasks.splitAfter, { n: point.n, tail: point.tail })}
							</option>
						))}
					</select>
					<button type="submit" className="button button--secondary button--small">
						{t.tasks.splitFill}
					</button>
				</Form>
			) : (
				<p className="small">{t.tasks.splitOneSentence}</p>
			)}
			<Form method="post" className="form form--wide" {...getFormProps(form)}>
				<VersionInput version={task.version} />
				<ErrorList id={form.errorId} errors={form.errors} />
				<div className="grid-2">
					<Field label={t.tasks.splitFirst} field={fields.first}>
						<textarea {...getTextareaProps(fields.first)} rows={6} />
					</Field>
					<Field label={t.tasks.splitSecond} field={fields.second}>
						<textarea {...getTextareaProps(fields.second)} rows={6} />
					</Field>
				</div>
				<div>
					<SubmitButton name="intent" value="split">
						{t.tasks.splitSubmit}
					</SubmitButton>
				</div>
			</Form>
		</FormCard>
	)
}

type Sibling = { id: number; ordinal: number; version: number; text: string; deadline: string | null; leads: Array<TaskAgency> }

export function MergeForm({ task, siblings, lastResult }: { task: Task; siblings: Array<Sibling>; lastResult: LastResult }) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'task-merge',
		lastResult,
		constraint: getZodConstraint(mergeSchema(t)),
	})
	const chosen = asList(fields.mergeWith.initialValue)[0]
	return (
		<FormCard name="merge" title={t.tasks.mergeTitle} hint={t.tasks.mergeHint}>
			{siblings.length === 0 ? (
				<p className="empty">{t.tasks.mergeNone}</p>
			) : (
				<Form method="post" className="form form--wide" {...getFormProps(form)}>
					<VersionInput version={task.version} />
					<ErrorList id={form.errorId} errors={form.errors} />
					<fieldset aria-describedby={fields.mergeWith.errorId}>
						<legend>{t.tasks.mergeWith}</legend>
						<ul className="merge-options">
							{siblings.map((sibling) => {
								const value = `${sibling.id}:${sibling.version}`
								return (
									<li key={sibling.id}>
										<label className="checkbox merge-option">
											<input type="radio" name={fields.mergeWith.name} value={value} defaultChecked={chosen === value} required />
											<span>
												<strong>{fill(t.tasks.taskNo, { n: sibling.ordinal })}</strong> {sibling.text}
												<span className="muted small">
													{' '}
													（{t.tasks.lead}：{sibling.leads.map((a) => a.shortName).join('、') || t.tasks.unassigned}；{t.tasks.deadline}：
													{sibling.deadline ?? t.common.longTerm}）
												</span>
											</span>
										</label>
									</li>
								)
							})}
						</ul>
						<ErrorList id={fields.mergeWith.errorId} errors={fields.mergeWith.errors} />
					</fieldset>
					<div>
						<SubmitButton name="intent" value="merge">
							{t.tasks.mergeSubmit}
						</SubmitButton>
					</div>
				</Form>
			)}
		</FormCard>
	)
}
