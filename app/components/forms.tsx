import type { ReactNode } from 'react'
import { useNavigation } from '@remix-run/react'
import { useT } from '~/i18n/i18n'

export type ListOfErrors = Array<string | null | undefined> | null | undefined

export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
	const shown = errors?.filter(Boolean)
	if (!shown?.length) return null
	return (
		// The alert wraps the list: role="alert" on the <ul> itself would take away its list role
		// and leave screen readers items outside any list.
		<div id={id} className="error-list" role="alert">
			<ul>
				{shown.map((error) => (
					<li key={error}>{error}</li>
				))}
			</ul>
		</div>
	)
}

// A labelled control with its hint and errors; the control itself is passed as children so
// that any input, select or textarea (with conform's props) fits. Pass conform's field, or, for
// a control conform does not manage (a file input), its id and errors.
export function Field({
	label,
	field,
	htmlFor,
	errors,
	errorId,
	hint,
	children,
}: {
	label: ReactNode
	field?: { id: string; errorId: string; errors?: ListOfErrors }
	htmlFor?: string
	errors?: ListOfErrors
	errorId?: string
	hint?: ReactNode
	children: ReactNode
}) {
	return (
		<div className="field">
			<label htmlFor={field?.id ?? htmlFor}>{label}</label>
			{children}
			{hint ? <div className="hint">{hint}</div> : null}
			<ErrorList id={field?.errorId ?? errorId} errors={field?.errors ?? errors} />
		</div>
	)
}

// A submit button that says it is working while its form submits (no double submissions).
export function SubmitButton({
	children,
	name,
	value,
	className = 'button',
	formAction,
}: {
	children: ReactNode
	name?: string
	value?: string
	className?: string
	formAction?: string
}) {
	const navigation = useNavigation()
	const t = useT()
	const busy =
		navigation.state === 'submitting' &&
		(name === undefined || navigation.formData?.get(name) === value) &&
		(formAction === undefined || navigation.formAction === formAction)
	return (
		<button type="submit" className={className} name={name} value={value} disabled={busy} formAction={formAction}>
			{busy ? t.common.submitting : children}
		</button>
	)
}

export function Notice({ kind, children }: { kind: 'ok' | 'error' | 'info'; children: ReactNode }) {
	return (
		<div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
			{children}
		</div>
	)
}
