import { AttachmentInput } from '~/components/attachment-input'
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { ErrorList, Field, Notice, SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { handlingSchema, returnSchema, type LastResultOf } from './schema'

// The organ's written handling report (研究处理情况报告): the responding agency's liaison
// submits it; the secretariat accepts it or returns it with a reason. Overdue comes from today.

export function HandlingSection({ page, lastResult }: { page: PageData; lastResult: LastResultOf }) {
	const t = useT()
	const handling = page.handling!
	const { state } = page.deliberation
	return (
		<section className="card" aria-labelledby="handling-heading">
			<h2 id="handling-heading" style={{ marginTop: 0 }}>
				{t.deliberation.handlingTitle}
			</h2>
			<dl className="task-meta">
				<dt>{t.deliberation.dueOn}</dt>
				<dd>
					{handling.dueOn ? formatChineseDate(handling.dueOn) : t.common.none}
					{handling.overdueDays > 0 ? (
						<strong className="overdue"> {fill(t.deliberation.overdueBy, { days: handling.overdueDays })}</strong>
					) : null}
				</dd>
				{handling.submittedOn ? (
					<>
						<dt>{t.deliberation.submittedOn}</dt>
						<dd>{formatChineseDate(handling.submittedOn)}</dd>
					</>
				) : null}
				{handling.acceptedOn ? (
					<>
						<dt>{t.deliberation.acceptedOn}</dt>
						<dd>{formatChineseDate(handling.acceptedOn)}</dd>
					</>
				) : null}
			</dl>
			{handling.returnReason && state !== 'closed' ? (
				<Notice kind={state === 'letter_sent' ? 'error' : 'info'}>
					{state === 'letter_sent' ? t.deliberation.returnedWith : t.deliberation.previousReturn}
					{handling.returnReason}
				</Notice>
			) : null}
			{page.can.submitHandling ? (
				<HandlingForm key={page.deliberation.version} page={page} lastResult={lastResult('submitHandling')} />
			) : handling.text ? (
				<div className="handling-text">
					{handling.text.split(/\r?\n/).filter(Boolean).map((line, i) => (
						<p key={i}>{line}</p>
					))}
				</div>
			) : state === 'letter_sent' ? (
				<p className="empty">{t.deliberation.handlingAwaited}</p>
			) : null}
			<AttachmentList attachments={handling.attachments} />
			{page.can.reviewHandling ? (
				<ReviewForms key={page.deliberation.version} version={page.deliberation.version} lastResult={lastResult} />
			) : null}
		</section>
	)
}

function AttachmentList({ attachments }: { attachments: NonNullable<PageData['handling']>['attachments'] }) {
	const t = useT()
	if (attachments.length === 0) return null
	return (
		<div>
			<h3>{t.deliberation.attachments}</h3>
			<ul className="attachment-list">
				{attachments.map((a) => (
					<li key={a.id}>
						{/* A plain link: the download is a resource route, not a page. */}
						<a href={`/attachments/${a.id}`}>
							{a.fileName}
						</a>{' '}
						<span className="muted small">{fill(t.deliberation.fileSize, { kb: Math.max(1, Math.round(a.size / 1024)) })}</span>
					</li>
				))}
			</ul>
		</div>
	)
}

function HandlingForm({ page, lastResult }: { page: PageData; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form, fields] = useForm({
		id: `handling-${page.deliberation.version}`,
		lastResult,
		defaultValue: { text: page.handling?.text ?? '', files: undefined as string | undefined },
		constraint: getZodConstraint(handlingSchema(t)),
		shouldRevalidate: 'onInput',
	})
	return (
		<Form method="post" encType="multipart/form-data" className="form form--wide" {...getFormProps(form)}>
			<input type="hidden" name="version" value={page.deliberation.version} />
			<p className="muted small">{t.deliberation.handlingHint}</p>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Field label={t.deliberation.handlingText} field={fields.text}>
				<textarea {...getTextareaProps(fields.text)} rows={14} />
			</Field>
			<AttachmentInput id={fields.files.id} name="files" label={t.deliberation.files} hint={t.deliberation.filesHint} errors={fields.files.errors} />
			<div>
				<SubmitButton name="intent" value="submitHandling">
					{t.deliberation.submitHandling}
				</SubmitButton>
			</div>
		</Form>
	)
}

function ReviewForms({ version, lastResult }: { version: number; lastResult: LastResultOf }) {
	const t = useT()
	const [acceptForm] = useForm({ id: `accept-${version}`, lastResult: lastResult('acceptHandling') })
	const [returnForm, returnFields] = useForm({
		id: `return-${version}`,
		lastResult: lastResult('returnHandling'),
		constraint: getZodConstraint(returnSchema(t)),
		shouldRevalidate: 'onInput',
	})
	return (
		<div className="handling-review">
			<Form method="post" className="form" {...getFormProps(acceptForm)}>
				<input type="hidden" name="version" value={version} />
				<ErrorList id={acceptForm.errorId} errors={acceptForm.errors} />
				<div>
					<SubmitButton name="intent" value="acceptHandling">
						{t.deliberation.acceptHandling}
					</SubmitButton>
				</div>
			</Form>
			<Form method="post" className="form form--wide" {...getFormProps(returnForm)}>
				<input type="hidden" name="version" value={version} />
				<ErrorList id={returnForm.errorId} errors={returnForm.errors} />
				<Field label={t.deliberation.returnReason} field={returnFields.reason}>
					<textarea {...getTextareaProps(returnFields.reason)} rows={4} />
				</Field>
				<div>
					<SubmitButton name="intent" value="returnHandling" className="button button--secondary">
						{t.deliberation.returnHandling}
					</SubmitButton>
				</div>
			</Form>
		</div>
	)
}
