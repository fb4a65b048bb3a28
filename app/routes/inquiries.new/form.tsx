import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { CheckboxesField, ClauseCheckboxes } from '~/components/checkbox-fields'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { inquiryKinds } from '~/domain/inquiries'
import { fill, useT } from '~/i18n/i18n'
import type { ScheduleOptions } from '~/models/inquiries/queries.server'
import { maxOfficialName, maxOfficialTitle, maxTopic, respondentRows, scheduleSchema, type ScheduleValue } from './schema'

// The scheduling form: what kind of session, on what, when, on which clauses, which agencies and
// officials must attend, which members ask. Works without JavaScript; a refused form comes back
// with what the user typed and the errors beside the fields.

type Options = Omit<ScheduleOptions, 'planItems'> & { planItems: ScheduleOptions['planItems'] }

export function ScheduleForm({ options, lastResult }: { options: Options; lastResult: SubmissionResult<Array<string>> | undefined }) {
	const t = useT()
	const [form, fields] = useForm<ScheduleValue>({
		id: 'inquiry-schedule',
		lastResult,
		defaultValue: { kind: 'special', respondents: Array.from({ length: respondentRows }, () => ({})) },
		constraint: getZodConstraint(scheduleSchema(t)),
		shouldRevalidate: 'onBlur',
	})
	const rows = fields.respondents.getFieldList()
	const meetingOf = (id: number) => options.meetings.find((m) => m.id === id)?.label ?? ''
	return (
		<Form method="post" className="form form--wide inquiry-schedule-form" {...getFormProps(form)}>
			<ErrorList id={form.errorId} errors={form.errors} />
			<fieldset aria-describedby={fields.kind.errorId}>
				<legend>{t.inquiries.kind}</legend>
				{inquiryKinds.map((kind) => (
					<label key={kind} className="checkbox">
						<input type="radio" name={fields.kind.name} value={kind} defaultChecked={fields.kind.initialValue === kind} />
						{t.inquiries.kinds[kind]} <span className="muted small">{t.inquiries.kindHints[kind]}</span>
					</label>
				))}
				<ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
			</fieldset>
			<Field label={t.inquiries.topic} field={fields.topic} hint={t.inquiries.topicHint}>
				<input {...getInputProps(fields.topic, { type: 'text' })} maxLength={maxTopic} />
			</Field>
			<div className="grid-2">
				<Field label={t.inquiries.meetingForSpecial} field={fields.meetingId} hint={t.inquiries.meetingHint}>
					<select {...getSelectProps(fields.meetingId)} required={false}>
						<option value="">{t.inquiries.choose}</option>
						{options.meetings.map((m) => (
							<option key={m.id} value={m.id}>
								{fill(t.inquiries.meetingDates, { label: m.label, date: formatChineseDate(m.startsOn) })}
							</option>
						))}
					</select>
				</Field>
				<Field label={t.inquiries.subject} field={fields.subject} hint={t.inquiries.subjectHint}>
					<select {...getSelectProps(fields.subject)} required={false}>
						<option value="">{t.inquiries.choose}</option>
						{options.reports.length ? (
							<optgroup label={t.inquiries.reports}>
								{options.reports.map((r) => (
									<option key={r.id} value={`report:${r.id}`}>
										{r.title}（{meetingOf(r.meetingId)}）
									</option>
								))}
							</optgroup>
						) : null}
						{options.inspections.length ? (
							<optgroup label={t.inquiries.inspectionReports}>
								{options.inspections.map((i) => (
									<option key={i.id} value={`inspection:${i.id}`}>
										{i.title}（{meetingOf(i.meetingId)}）
									</option>
								))}
							</optgroup>
						) : null}
					</select>
				</Field>
			</div>
			<div className="grid-2">
				<Field label={t.inquiries.heldOn} field={fields.heldOn} hint={t.inquiries.heldOnHint}>
					<input {...getInputProps(fields.heldOn, { type: 'date' })} />
				</Field>
				<Field label={t.inquiries.planItem} field={fields.planItemId} hint={t.inquiries.planItemHint}>
					<select {...getSelectProps(fields.planItemId)}>
						<option value="">{t.inquiries.noPlanItem}</option>
						{options.planItems.map((p) => (
							<option key={p.id} value={p.id}>
								{p.year} · {p.title}
							</option>
						))}
					</select>
				</Field>
			</div>
			<label className="checkbox" htmlFor={fields.withVote.id}>
				<input {...getInputProps(fields.withVote, { type: 'checkbox' })} />
				{t.inquiries.withVote}
			</label>
			<p className="muted small">{t.inquiries.withVoteHint}</p>
			<ClauseCheckboxes field={fields.clauseIds} legend={t.inquiries.clauses} hint={t.inquiries.clausesHint} clauses={options.clauses} />
			<fieldset aria-describedby={fields.respondents.errorId}>
				<legend>{t.inquiries.respondents}</legend>
				<p className="muted small" style={{ marginTop: 0 }}>
					{t.inquiries.respondentsHint}
				</p>
				<div className="table-wrap">
					<table className="inquiry-respondent-rows">
						<thead>
							<tr>
								<th scope="col">{t.inquiries.agency}</th>
								<th scope="col">{t.inquiries.officialName}</th>
								<th scope="col">{t.inquiries.officialTitle}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row, index) => {
								const cells = row.getFieldset()
								const n = index + 1
								return (
									<tr key={row.key}>
										<td>
											<select {...getSelectProps(cells.agencyId)} aria-label={fill(t.inquiries.rowAgency, { n })} required={false}>
												<option value="">{t.inquiries.choose}</option>
												{options.agencies.map((a) => (
													<option key={a.id} value={a.id}>
														{a.name}
													</option>
												))}
											</select>
											<ErrorList id={cells.agencyId.errorId} errors={cells.agencyId.errors} />
										</td>
										<td>
											<input {...getInputProps(cells.officialName, { type: 'text' })} aria-label={fill(t.inquiries.rowName, { n })} maxLength={maxOfficialName} autoComplete="off" />
											<ErrorList id={cells.officialName.errorId} errors={cells.officialName.errors} />
										</td>
										<td>
											<input {...getInputProps(cells.officialTitle, { type: 'text' })} aria-label={fill(t.inquiries.rowTitle, { n })} maxLength={maxOfficialTitle} autoComplete="off" />
											<ErrorList id={cells.officialTitle.errorId} errors={cells.officialTitle.errors} />
										</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
				<ErrorList id={fields.respondents.errorId} errors={fields.respondents.errors} />
			</fieldset>
			<CheckboxesField
				field={fields.askerIds}
				legend={t.inquiries.askers}
				hint={t.inquiries.askersHint}
				choices={options.members.map((m) => ({ value: m.id, label: m.realName }))}
			/>
			<div>
				<SubmitButton>{t.inquiries.scheduleSubmit}</SubmitButton>
			</div>
		</Form>
	)
}
