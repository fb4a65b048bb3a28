import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { letterSchema, type LastResultOf } from './schema'

// The consolidated opinion letter (审议意见书): composed by the secretariat once the vote is
// closed, prefilled from the opinions, checked in the print view, then sent.

export function LetterSection({ page, lastResult }: { page: PageData; lastResult: LastResultOf }) {
	const t = useT()
	const { letter, draft, deliberation } = page
	const printHref = `/deliberations/${deliberation.id}/letter`
	return (
		<section className="card" aria-labelledby="letter-heading">
			<h2 id="letter-heading" style={{ marginTop: 0 }}>
				{t.deliberation.letterTitle}
			</h2>
			{letter?.sentOn ? (
				<>
					<dl className="task-meta">
						<dt>{t.deliberation.letterNumber}</dt>
						<dd>{letter.number}</dd>
						<dt>{t.deliberation.letterTo}</dt>
						<dd>{letter.to}</dd>
						{letter.cc ? (
							<>
								<dt>{t.deliberation.letterCc}</dt>
								<dd>{letter.cc}</dd>
							</>
						) : null}
						<dt>{t.deliberation.sentOn}</dt>
						<dd>{formatChineseDate(letter.sentOn)}</dd>
					</dl>
					<p>
						<Link to={printHref} className="button button--secondary">
							{t.deliberation.viewLetter}
						</Link>
					</p>
				</>
			) : draft && letter ? (
				<>
					<LetterForm key={`letter-${deliberation.version}`} page={page} lastResult={lastResult('saveLetter')} />
					{page.can.sendLetter ? (
						<SendForm key={`send-${deliberation.version}`} version={deliberation.version} printHref={printHref} lastResult={lastResult('sendLetter')} />
					) : null}
				</>
			) : (
				<p className="empty">{deliberation.state === 'open' && deliberation.withVote ? t.deliberation.letterAfterVote : t.deliberation.letterInPreparation}</p>
			)}
		</section>
	)
}

function LetterForm({ page, lastResult }: { page: PageData; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const letter = page.letter!
	const draft = page.draft!
	const [form, fields] = useForm({
		id: `letter-${page.deliberation.version}`,
		lastResult,
		defaultValue: letter.saved
			? { number: letter.number, to: letter.to, cc: letter.cc, body: letter.body, dueOn: letter.dueOn ?? '' }
			: { number: '', to: draft.defaults.to, cc: draft.defaults.cc, body: draft.defaults.body, dueOn: '' },
		constraint: getZodConstraint(letterSchema(t)),
		shouldRevalidate: 'onInput',
	})
	return (
		<Form method="post" className="form form--wide" {...getFormProps(form)}>
			<input type="hidden" name="version" value={page.deliberation.version} />
			<p className="muted small">{letter.saved ? t.deliberation.letterSavedHint : t.deliberation.letterPrefillHint}</p>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.deliberation.letterNumber} field={fields.number} hint={t.deliberation.letterNumberHint}>
				<input {...getInputProps(fields.number, { type: 'text' })} placeholder={t.deliberation.letterNumberPlaceholder} style={{ maxWidth: '20rem' }} />
			</Field>
			<Field label={t.deliberation.letterTo} field={fields.to}>
				<input {...getInputProps(fields.to, { type: 'text' })} />
			</Field>
			<Field label={t.deliberation.letterCc} field={fields.cc}>
				<input {...getInputProps(fields.cc, { type: 'text' })} />
			</Field>
			<Field label={t.deliberation.letterBody} field={fields.body} hint={t.deliberation.letterBodyHint}>
				<textarea {...getTextareaProps(fields.body)} rows={16} />
			</Field>
			<Field
				label={t.deliberation.dueOn}
				field={fields.dueOn}
				hint={fill(t.deliberation.dueOnHint, { date: formatChineseDate(draft.defaultDue) })}
			>
				<input {...getInputProps(fields.dueOn, { type: 'date' })} style={{ maxWidth: '14rem' }} />
			</Field>
			<div>
				<SubmitButton name="intent" value="saveLetter">
					{t.deliberation.saveLetter}
				</SubmitButton>
			</div>
		</Form>
	)
}

function SendForm({ version, printHref, lastResult }: { version: number; printHref: string; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form] = useForm({ id: `letter-send-${version}`, lastResult })
	return (
		<Form method="post" className="form deliberation-send" {...getFormProps(form)}>
			<input type="hidden" name="version" value={version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<p className="muted small">{t.deliberation.sendHint}</p>
			<div className="toolbar">
				<Link to={printHref} className="button button--secondary">
					{t.deliberation.previewLetter}
				</Link>
				<SubmitButton name="intent" value="sendLetter">
					{t.deliberation.sendLetter}
				</SubmitButton>
			</div>
		</Form>
	)
}
