import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { ErrorList, Field } from '~/components/forms'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { LiveMarker, useBaseVersion, useLiveForm } from './live'
import { formKeyOf, maxQuestion, schemaFor } from './schema'

// Questions registered beforehand: a member registers their own (and changes or withdraws them
// until the session begins); the secretariat sees them all, sets their order and puts each to
// the floor with one click, the asker and the agency as the member registered them.

type Registration = PageData['registrations'][number]
type Respondent = PageData['inquiry']['respondents'][number]

export function RegistrationsSection({ page }: { page: PageData }) {
	const t = useT()
	const { registrations, can } = page
	if (page.registrationsView === 'none') return null
	const office = page.registrationsView === 'all'
	return (
		<section className="card report-section" aria-labelledby="registrations-heading" id="registrations">
			<h2 id="registrations-heading">{office ? t.inquiries.registrationsTitle : t.inquiries.myRegistrationsTitle}</h2>
			<p className="muted small">{office ? t.inquiries.registrationsHintOffice : t.inquiries.registrationsHintMember}</p>
			{registrations.length === 0 ? (
				<p className="empty">{office ? t.inquiries.noRegistrationsOffice : can.register ? t.inquiries.noRegistrationsMember : t.inquiries.registrationClosedNote}</p>
			) : (
				<ol className="inquiry-registrations">
					{registrations.map((r, index) => (
						<li key={r.id} className="inquiry-registration">
							<p>
								<strong>{r.memberName}</strong>
								{r.agencyShortName ? <span className="muted small"> → {r.agencyShortName}</span> : null}
								{r.asked ? <span className="badge"> {t.inquiries.asked}</span> : null}
							</p>
							<p className="inquiry-registration__text">{r.text}</p>
							{office ? (
								<OfficeTools registration={r} first={index === 0} last={index === registrations.length - 1} page={page} />
							) : r.editable ? (
								<details className="inquiry-correct">
									<summary>{t.inquiries.changeRegistration}</summary>
									<RegistrationForm intent="updateRegistration" registration={r} respondents={page.inquiry.respondents} />
									<WithdrawForm registration={r} />
								</details>
							) : null}
						</li>
					))}
				</ol>
			)}
			{can.register ? (
				<div className="inquiry-register">
					<h3>{t.inquiries.registerTitle}</h3>
					<RegistrationForm intent="register" respondents={page.inquiry.respondents} />
				</div>
			) : null}
		</section>
	)
}

function RegistrationForm({ intent, registration, respondents }: { intent: 'register' | 'updateRegistration'; registration?: Registration; respondents: Array<Respondent> }) {
	const t = useT()
	const formKey = formKeyOf(intent, registration?.id)
	const { fetcher, reply, busy } = useLiveForm(formKey)
	const base = useBaseVersion(registration?.version ?? 0, reply)
	const [form, fields] = useForm({
		id: `form-${formKey.replace(':', '-')}`,
		lastResult: reply?.result,
		defaultValue: registration ? { agencyId: registration.agencyId ?? undefined, text: registration.text } : undefined,
		constraint: getZodConstraint(schemaFor(t, intent)),
		shouldRevalidate: 'onBlur',
	})
	return (
		<fetcher.Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value={intent} />
			{registration ? (
				<>
					<input type="hidden" name="registrationId" value={registration.id} />
					<input type="hidden" name="version" value={base} />
				</>
			) : null}
			<LiveMarker />
			<ErrorList id={form.errorId} errors={reply?.message ? [reply.message] : form.errors} />
			<Field label={t.inquiries.registrationAgency} field={fields.agencyId} hint={t.inquiries.registrationAgencyHint}>
				<select {...getSelectProps(fields.agencyId)}>
					<option value="">{t.inquiries.anyAgency}</option>
					{respondents.map((r) => (
						<option key={r.agencyId} value={r.agencyId}>
							{r.agencyName}
						</option>
					))}
				</select>
			</Field>
			<Field label={t.inquiries.registrationText} field={fields.text}>
				<textarea {...getTextareaProps(fields.text)} rows={4} maxLength={maxQuestion} />
			</Field>
			<div className="toolbar">
				<button type="submit" className="button button--small" disabled={busy}>
					{busy ? t.common.submitting : intent === 'register' ? t.inquiries.register : t.inquiries.saveRegistration}
				</button>
				<span className="muted small" role="status" aria-live="polite">
					{reply?.ok ? t.inquiries.live.saved : null}
				</span>
			</div>
		</fetcher.Form>
	)
}

function WithdrawForm({ registration }: { registration: Registration }) {
	const t = useT()
	const { fetcher, reply, busy } = useLiveForm(formKeyOf('withdrawRegistration', registration.id))
	return (
		<fetcher.Form method="post" className="form">
			<input type="hidden" name="intent" value="withdrawRegistration" />
			<input type="hidden" name="registrationId" value={registration.id} />
			<input type="hidden" name="version" value={registration.version} />
			<LiveMarker />
			{reply?.message ? <ErrorList errors={[reply.message]} /> : null}
			<div>
				<button type="submit" className="button button--secondary button--small" disabled={busy}>
					{t.inquiries.withdraw}
				</button>
			</div>
		</fetcher.Form>
	)
}

// The office's tools for one registered question: move it up or down, put it to the floor.
function OfficeTools({ registration, first, last, page }: { registration: Registration; first: boolean; last: boolean; page: PageData }) {
	const t = useT()
	const move = useLiveForm(formKeyOf('moveRegistration', registration.id))
	const ask = useLiveForm(formKeyOf('askRegistered', registration.id))
	const fieldError = Object.values(ask.reply?.result?.error ?? {}).flat()[0]
	const message = move.reply?.message ?? ask.reply?.message ?? (typeof fieldError === 'string' ? fieldError : null)
	return (
		<div className="toolbar inquiry-registration__tools">
			{page.can.order ? (
				<move.fetcher.Form method="post" className="inline-form">
					<input type="hidden" name="intent" value="moveRegistration" />
					<input type="hidden" name="registrationId" value={registration.id} />
					<LiveMarker />
					<button type="submit" name="direction" value="up" className="button button--secondary button--small" disabled={first || move.busy} aria-label={fill(t.inquiries.moveUp, { name: registration.memberName })}>
						↑
					</button>
					<button type="submit" name="direction" value="down" className="button button--secondary button--small" disabled={last || move.busy} aria-label={fill(t.inquiries.moveDown, { name: registration.memberName })}>
						↓
					</button>
				</move.fetcher.Form>
			) : null}
			{page.can.record && !registration.asked ? (
				<ask.fetcher.Form method="post" className="inline-form">
					<input type="hidden" name="intent" value="askRegistered" />
					<input type="hidden" name="registrationId" value={registration.id} />
					<LiveMarker />
					{registration.agencyId === null ? (
						<select name="agencyId" aria-label={fill(t.inquiries.askTo, { name: registration.memberName })} required>
							<option value="">{t.inquiries.chooseAgency}</option>
							{page.inquiry.respondents.map((r) => (
								<option key={r.agencyId} value={r.agencyId}>
									{r.agencyShortName}
								</option>
							))}
						</select>
					) : null}
					<button type="submit" className="button button--small" disabled={ask.busy}>
						{t.inquiries.askNow}
					</button>
				</ask.fetcher.Form>
			) : null}
			{message ? <ErrorList errors={[message]} /> : null}
		</div>
	)
}
