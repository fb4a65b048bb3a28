import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import type { AgendaItemKind, AttendanceStatus } from '~/domain/meetings'
import { Field, SubmitButton } from '~/components/forms'
import { useSchemaForm } from '~/components/schema-form'
import { attendanceStatuses, type AgendaEntryAccess } from '~/domain/meetings'
import { useT } from '~/i18n/i18n'
import { addItemSchema, attendanceFieldName } from './schema'

// The parts of the meeting page. The forms are the secretariat's; each works without JavaScript.

type AgendaEntry = { id: number; position: number; kind: AgendaItemKind; title: string; access: AgendaEntryAccess; path: string | null }

export function AgendaList({ items, canManage }: { items: Array<AgendaEntry>; canManage: boolean }) {
	const t = useT()
	if (items.length === 0) return null
	return (
		<ol className="agenda-list">
			{items.map((item, index) => (
				<li key={item.id} className="agenda-item">
					<span className="agenda-item__no">{item.position}.</span>
					<div className="agenda-item__body">
						<span className="badge">{t.meetings.agendaItemKinds[item.kind]}</span>{' '}
						{item.access === 'link' && item.path ? <Link to={item.path}>{item.title}</Link> : <span>{item.title}</span>}
						{item.access === 'not_distributed' ? <span className="badge badge--off agenda-item__pending">{t.meetings.notDistributed}</span> : null}
					</div>
					{canManage ? (
						<Form method="post" preventScrollReset className="agenda-item__tools">
							<input type="hidden" name="itemId" value={item.id} />
							<button
								type="submit"
								name="intent"
								value="moveUp"
								className="button button--secondary button--small"
								disabled={index === 0}
								aria-label={`${t.meetings.moveUp}：${item.title}`}
							>
								↑ {t.meetings.moveUp}
							</button>
							<button
								type="submit"
								name="intent"
								value="moveDown"
								className="button button--secondary button--small"
								disabled={index === items.length - 1}
								aria-label={`${t.meetings.moveDown}：${item.title}`}
							>
								↓ {t.meetings.moveDown}
							</button>
							<button
								type="submit"
								name="intent"
								value="remove"
								className="button button--secondary button--small"
								aria-label={`${t.meetings.remove}：${item.title}`}
							>
								{t.meetings.remove}
							</button>
						</Form>
					) : null}
				</li>
			))}
		</ol>
	)
}

export function AddItemForm({ lastResult }: { lastResult: SubmissionResult<Array<string>> | undefined }) {
	const t = useT()
	const schema = addItemSchema(t)
	const [form, fields] = useSchemaForm(schema, {
		id: 'agenda-add',
		lastResult,
		shouldValidate: 'onSubmit',
	})
	return (
		<Form method="post" preventScrollReset className="form form--wide agenda-add" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="addItem" />
			<Field label={t.meetings.addItem} field={fields.title} hint={t.meetings.addItemHint}>
				<input {...getInputProps(fields.title, { type: 'text' })} />
			</Field>
			<div>
				<SubmitButton>{t.meetings.addItem}</SubmitButton>
			</div>
		</Form>
	)
}

type Person = { userId: number; realName: string; position: string; status: AttendanceStatus | null }

export function AttendanceForm({ people }: { people: Array<Person> }) {
	const t = useT()
	if (people.length === 0) return <p className="empty">{t.meetings.attendanceNone}</p>
	return (
		<Form method="post" preventScrollReset className="form form--wide">
			<p className="muted small">{t.meetings.attendanceHint}</p>
			<div className="table-wrap">
				<table className="attendance-table">
					<thead>
						<tr>
							<th scope="col">{t.meetings.member}</th>
							<th scope="col">{t.meetings.status}</th>
						</tr>
					</thead>
					<tbody>
						{people.map((person) => {
							const id = attendanceFieldName(person.userId)
							return (
								<tr key={person.userId}>
									<th scope="row">
										<label htmlFor={id}>{person.realName}</label>
										{person.position ? <div className="muted small">{person.position}</div> : null}
									</th>
									<td>
										<select id={id} name={id} defaultValue={person.status ?? ''}>
											<option value="">{t.meetings.unrecorded}</option>
											{attendanceStatuses.map((status) => (
												<option key={status} value={status}>
													{t.meetings.attendanceStatuses[status]}
												</option>
											))}
										</select>
									</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
			<div>
				<SubmitButton name="intent" value="attendance">
					{t.meetings.attendanceSave}
				</SubmitButton>
			</div>
		</Form>
	)
}

export function AttendanceSummary({ people }: { people: Array<Person> }) {
	const t = useT()
	const recorded = people.filter((p) => p.status !== null)
	if (recorded.length === 0) return <p className="empty">{t.meetings.attendanceNotRecorded}</p>
	return (
		<dl className="task-meta attendance-summary">
			{attendanceStatuses.map((status) => {
				const names = recorded.filter((p) => p.status === status).map((p) => p.realName)
				return names.length ? (
					<div key={status} style={{ display: 'contents' }}>
						<dt>{t.meetings.attendanceStatuses[status]}</dt>
						<dd>{names.join('、')}</dd>
					</div>
				) : null
			})}
		</dl>
	)
}
