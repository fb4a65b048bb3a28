import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { Field, SubmitButton } from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { isParseError, parseInstrument } from '~/domain/instrument-parser'
import { refusedResult } from '~/http/field-refusals.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { importInstrument, previewImport } from '~/models/instrument-import.server'
import { listInstruments } from '~/models/instruments.server'
import { ImportPreviewView } from './preview'
import { importSchema, maxFileBytes, maxRequestBytes } from './schema'
import { readUploadForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '导入法规文件 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'instruments:import')
	return { instruments: await listInstruments(getDb()) }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'instruments:import')
	const t = messagesFor(args.request)
	// The form is read into memory whole: refuse what cannot be a text and a .txt before reading.
	if (Number(args.request.headers.get('Content-Length') ?? 0) > maxRequestBytes) {
		return data({ result: { status: 'error' as const, error: { file: [t.importer.fileTooLarge] } }, preview: null, text: null }, { status: 413 })
	}
	const upload = await readUploadForm(args.request, { fileFields: ['file'], maxFiles: 1, maxBytes: maxRequestBytes })
	if (!upload.ok) {
		return data({ result: { status: 'error' as const, error: { file: [t.importer.fileTooLarge] } }, preview: null, text: null }, { status: 413 })
	}
	const formData = upload.formData
	const fileProblem = await takeUploadedFile(formData, t)
	const submission = parseWithZod(formData, { schema: importSchema(t) })
	if (fileProblem) {
		return data({ result: submission.reply({ fieldErrors: { file: [fileProblem] } }), preview: null, text: null }, { status: 400 })
	}
	if (submission.status !== 'success') {
		return data({ result: submission.reply(), preview: null, text: null }, { status: 400 })
	}
	const { intent } = submission.value
	// Browsers send a textarea's lines with CRLF; the stored source text uses LF.
	const text = (submission.value.text ?? '').replace(/\r\n?/g, '\n')
	let parsed
	try {
		parsed = parseInstrument(text)
	} catch (error) {
		if (!isParseError(error)) throw error
		// The user's text comes back in the form, with the line and the reason beside it.
		const line = text.split(/\r\n|\r|\n/)[error.line - 1]?.trim()
		const messages = [fill(t.importer.parseError, { line: error.line, reason: error.reason })]
		if (line) messages.push(fill(t.importer.lineContent, { text: line.length > 80 ? `${line.slice(0, 80)}…` : line }))
		return data({ result: submission.reply({ fieldErrors: { text: messages } }), preview: null, text }, { status: 400 })
	}
	const db = getDb()
	if (intent === 'preview') {
		return { result: submission.reply(), preview: await previewImport(db, parsed), text }
	}
	const outcome = await attempt(t, () => importInstrument(db, user, parsed, text))
	if (!outcome.ok) return data({ result: refusedResult(submission, outcome), preview: null, text }, { status: outcome.status })
	throw redirect(`/instruments/${outcome.value.id}`)
}

// A .txt upload replaces the pasted text, so the textarea shows what was parsed and parse
// errors count lines in it. Returns a problem with the file, if any.
async function takeUploadedFile(formData: FormData, t: Messages): Promise<string | null> {
	const file = formData.get('file')
	formData.delete('file')
	if (!(file instanceof File) || file.size === 0) return null
	if (file.size > maxFileBytes) return t.importer.fileTooLarge
	try {
		formData.set('text', new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()))
		return null
	} catch {
		return t.importer.notUtf8
	}
}

export default function ImportPage() {
	const { instruments } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'import-instrument',
		lastResult: actionData?.result,
		constraint: getZodConstraint(importSchema(t)),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: importSchema(t) }),
		shouldValidate: 'onSubmit',
	})
	const preview = actionData?.preview
	return (
		<>
			<div className="page-head">
				<h1>{t.importer.title}</h1>
			</div>
			<div className="card">
				<p className="muted">{t.importer.intro}</p>
				<Form method="post" encType="multipart/form-data" className="form form--wide" {...getFormProps(form)}>
					<Field label={t.importer.text} field={fields.text} hint={t.importer.textHint}>
						<textarea
							{...getTextareaProps(fields.text)}
							// After an upload the textarea shows the file's text: the parse (and its
							// line numbers) refers to it, and confirming sends it.
							key={textKey(actionData?.text)}
							defaultValue={actionData?.text ?? fields.text.initialValue}
							className="import-text"
							rows={16}
							spellCheck={false}
						/>
					</Field>
					<Field label={t.importer.file} htmlFor="import-file" hint={t.importer.fileHint} errors={fields.file.errors}>
						<input key={textKey(actionData?.text)} id="import-file" type="file" name="file" accept=".txt,text/plain" />
					</Field>
					<div>
						<SubmitButton name="intent" value="preview">
							{t.importer.preview}
						</SubmitButton>
					</div>
				</Form>
			</div>
			{preview && actionData?.text ? <ImportPreviewView preview={preview} text={actionData.text} /> : null}
			<h2>{t.importer.existingTitle}</h2>
			<ListTable
				rows={instruments}
				empty={t.importer.noInstruments}
				headers={[t.importer.docTitle, t.importer.documentNumber, t.importer.publishedOn, t.importer.clauseCount]}
			>
				{(instrument) => (
					<tr key={instrument.id}>
						<td>
							<Link to={`/instruments/${instrument.id}`}>{instrument.title}</Link>
						</td>
						<td>{instrument.documentNumber ?? '—'}</td>
						<td>{instrument.publishedOn ?? '—'}</td>
						<td>{instrument.clauseCount}</td>
					</tr>
				)}
			</ListTable>
		</>
	)
}

// A short key for a long text: the form's fields are re-created only when the text changes.
function textKey(text: string | null | undefined) {
	if (!text) return 'empty'
	let hash = 5381
	for (let i = 0; i < text.length; i++) hash = (hash * 33 + text.charCodeAt(i)) | 0
	return `${text.length}-${hash}`
}
