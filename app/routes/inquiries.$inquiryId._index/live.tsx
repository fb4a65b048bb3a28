import { useActionData, useFetcher, useFetchers, useRevalidator } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { ErrorList, Field } from '~/components/forms'
import { useT } from '~/i18n/i18n'
import type { LiveReply } from './action.server'

// Live entry. Every form of the log is a fetcher form: with JavaScript it saves without leaving
// the page (the clerk keeps typing the next answer while the last one is stored), and it is a
// plain form post without. Each form finds its own reply — its fetcher's, or after a plain post
// the page's action data when that names the form.

export function useHydrated() {
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	return hydrated
}

export function useLiveForm(formKey: string) {
	const fetcher = useFetcher<LiveReply>({ key: formKey })
	const actionData = useActionData<LiveReply>()
	const reply = fetcher.data ?? (actionData && actionData.formKey === formKey ? actionData : undefined)
	return { fetcher, reply, busy: fetcher.state !== 'idle' }
}

// Marks a post as the live form's, so the action answers with data instead of a redirect. Only
// once hydrated: before that the form is a plain post.
export function LiveMarker() {
	const hydrated = useHydrated()
	return hydrated ? <input type="hidden" name="live" value="1" /> : null
}

// While a clerk works on an unpublished record, the page fetches what others entered every few
// seconds — never while one of its own forms is saving.
// The version a form's changes are made on: the one it was opened on, then each one it saved;
// after a refusal (stale), the newest — the clerk has seen that someone else changed the entry.
export function useBaseVersion(version: number, reply: LiveReply | undefined) {
	const [base, setBase] = useState(version)
	useEffect(() => {
		if (reply?.ok && reply.version !== undefined) setBase(reply.version)
		else if (reply && !reply.ok && reply.message) setBase(version)
	}, [reply, version])
	return base
}

export function useLiveRefresh(enabled: boolean, everyMs = 10_000) {
	const revalidator = useRevalidator()
	const fetchers = useFetchers()
	const quiet = useRef(true)
	quiet.current = revalidator.state === 'idle' && fetchers.every((f) => f.state === 'idle')
	useEffect(() => {
		if (!enabled) return
		const timer = window.setInterval(() => {
			if (document.visibilityState === 'visible' && quiet.current) revalidator.revalidate()
		}, everyMs)
		return () => window.clearInterval(timer)
	}, [enabled, everyMs, revalidator])
}

type TextSaveProps = {
	formKey: string
	intent: string
	// The entry's id field and any other fields the form posts.
	hidden: Record<string, string | number>
	name: string
	label: ReactNode
	version: number
	serverText: string
	rows?: number
	maxLength: number
	submitLabel: string
	id: string
}

// One text saved on its own (an answer, a follow-up's answer): saved when the clerk clicks save
// or leaves the box. The version sent is the one the text was started from: when a second clerk
// saved the same entry meanwhile, the save is refused as stale and nothing is lost — the text
// stays in the box, the other clerk's version is shown, and a second save is a conscious one.
// A newer version from the server replaces the box's text only while it holds no unsaved change.
export function TextSaveForm({ formKey, intent, hidden, name, label, version, serverText, rows = 4, maxLength, submitLabel, id }: TextSaveProps) {
	const t = useT()
	const { fetcher, reply, busy } = useLiveForm(formKey)
	const hydrated = useHydrated()
	const refusedText = reply && !reply.ok ? reply.result?.initialValue?.[name] : undefined
	const [text, setText] = useState(typeof refusedText === 'string' ? refusedText : serverText)
	const [base, setBase] = useState({ version, text: serverText })
	const submitted = useRef<string | null>(null)
	const formRef = useRef<HTMLFormElement>(null)
	const conflict = Boolean(reply && !reply.ok && reply.message && reply.result?.status !== 'error')
	const dirty = text !== base.text

	// A save went through: this text, at this version, is what the server holds.
	useEffect(() => {
		if (reply?.ok && reply.version !== undefined && submitted.current !== null) {
			setBase({ version: reply.version, text: submitted.current })
		}
		if (reply) submitted.current = null
	}, [reply])
	// The server moved on (another clerk, a reload of the data).
	useEffect(() => {
		if (base.version === version) return
		if (text === base.text) {
			setBase({ version, text: serverText })
			setText(serverText)
		} else if (conflict) {
			// Refused as stale: the clerk was told; their next save is made on the newer version.
			setBase({ version, text: base.text })
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [version, serverText, conflict])

	const save = () => {
		// Once per text: leaving the box and clicking save send it once.
		if (!formRef.current || !text.trim() || submitted.current === text) return
		submitted.current = text
		fetcher.submit(formRef.current)
	}
	const errors = reply && !reply.ok ? reply.result?.error?.[name] : undefined
	const status = busy ? t.inquiries.live.saving : dirty ? (hydrated ? t.inquiries.live.unsaved : null) : reply?.ok ? t.inquiries.live.saved : null
	return (
		<fetcher.Form
			method="post"
			ref={formRef}
			className="form live-form"
			onSubmit={(event) => {
				event.preventDefault()
				save()
			}}
		>
			<input type="hidden" name="intent" value={intent} />
			{Object.entries(hidden).map(([key, value]) => (
				<input key={key} type="hidden" name={key} value={value} />
			))}
			<input type="hidden" name="version" value={base.version} />
			<LiveMarker />
			<Field label={label} htmlFor={id} errors={errors} errorId={`${id}-error`}>
				<textarea
					id={id}
					name={name}
					rows={rows}
					maxLength={maxLength}
					value={text}
					onChange={(event) => setText(event.target.value)}
					onBlur={() => {
						if (dirty) save()
					}}
					aria-invalid={errors?.length ? true : undefined}
					aria-describedby={errors?.length ? `${id}-error` : undefined}
				/>
			</Field>
			{reply && !reply.ok && reply.message ? <ErrorList errors={[reply.message]} /> : null}
			{conflict && serverText !== text ? (
				<div className="live-form__theirs">
					<p className="small">{t.inquiries.live.theirs}</p>
					<p className="live-form__theirs-text">{serverText || t.inquiries.live.emptyText}</p>
				</div>
			) : null}
			<div className="toolbar">
				<button type="submit" className="button button--small" disabled={busy}>
					{busy ? t.common.submitting : submitLabel}
				</button>
				<span className="muted small" role="status" aria-live="polite">
					{status}
				</span>
			</div>
		</fetcher.Form>
	)
}
